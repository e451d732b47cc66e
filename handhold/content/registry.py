"""The content packs this installation serves, loaded once per process."""

from functools import cache

from django.conf import settings

from handhold.core.packs import Pack, load_pack, load_packs


def pack_folders() -> list:
    return [settings.HANDHOLD_DEFAULT_PACK, *settings.HANDHOLD_EXTRA_PACKS]


@cache
def all_packs() -> dict[str, Pack]:
    """Every configured pack, by id. Raises PackError (every problem, one line each)."""
    return load_packs(pack_folders())


@cache
def default_pack() -> Pack:
    return load_pack(settings.HANDHOLD_DEFAULT_PACK)
