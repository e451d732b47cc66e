"""The content packs this installation serves, loaded once per process.

A pack may come in several languages: one folder per language, each with the same manifest
`id` and its own `language`, and the same item ids (saved answers name items by id, so they
stay the same whichever language a person reads in). The registry holds packs by
(id, language); `pack_for(language)` gives the pack in a language, falling back to the pack
as configured (English for the default pack) when there is no version in that language.

A configured folder brings its translations with it: beside `packs/anal-play`, the folders
`packs/anal-play-es`, `packs/anal-play-fr`, ... (one per language in settings.LANGUAGES) are
loaded when they exist. An educator may also list a translation's folder directly.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

from handhold.core.packs import Pack, load_pack, load_packs
from handhold.couples.services import topic_of


def configured_folders() -> list[Path]:
    return [Path(settings.HANDHOLD_DEFAULT_PACK), *map(Path, settings.HANDHOLD_EXTRA_PACKS)]


def pack_folders() -> list[Path]:
    """Every folder to load: each configured one, then its translations beside it."""
    folders: list[Path] = []
    seen: set[Path] = set()
    for folder in configured_folders():
        translations = [folder.with_name(f"{folder.name}-{code}") for code, _ in settings.LANGUAGES]
        for candidate in (folder, *(t for t in translations if t.is_dir())):
            if candidate.resolve() not in seen:
                seen.add(candidate.resolve())
                folders.append(candidate)
    return folders


@cache
def packs_by_language() -> dict[tuple[str, str], Pack]:
    """Every pack, by (id, language). Raises PackError (every problem, one line each)."""
    return load_packs(pack_folders())


@cache
def all_packs() -> dict[str, Pack]:
    """Every configured pack, by id, in its primary language (the one its configured folder
    holds). Raises PackError (every problem, one line each)."""
    packs: dict[str, Pack] = {}
    for (pack_id, _language), pack in packs_by_language().items():
        packs.setdefault(pack_id, pack)
    return packs


@cache
def default_pack() -> Pack:
    """The default pack as configured (in English), whatever the request's language."""
    return load_pack(settings.HANDHOLD_DEFAULT_PACK)


def pack_for(language: str | None, pack_id: str | None = None) -> Pack:
    """The pack `pack_id` (the default pack's id unless given) in `language` ("es", "es-mx",
    ...), or, when there is none in that language, the pack as configured."""
    primary = default_pack() if pack_id is None else all_packs()[pack_id]
    packs = packs_by_language()
    if language:
        language = language.lower()
        for code in (language, language.split("-")[0]):
            pack = packs.get((primary.id, code))
            if pack is not None:
                return pack
    return packs.get((primary.id, primary.manifest.language), primary)


def current_pack(user=None) -> Pack:
    """The pack a page is about, in the active language (the request's, under
    LocaleMiddleware): the topic `user`'s couple chose together, or the default pack for
    someone unpaired. The one place views learn which pack they serve.

    A topic whose pack is no longer installed falls back to the default pack: nothing of the
    couple's is lost, it waits under the topic's id until the pack comes back."""
    paired = user is not None and user.is_authenticated
    return pack_named(topic_of(user) if paired else None)


def pack_named(pack_id: str | None) -> Pack:
    """The pack `pack_id` in the active language (a session plan's, say); the default pack
    when it is None or no longer installed."""
    return pack_for(get_language(), pack_id if pack_id in all_packs() else None)


def clear() -> None:
    """Forget every loaded pack (tests that change the configured folders)."""
    for cached in (packs_by_language, all_packs, default_pack):
        cached.cache_clear()
