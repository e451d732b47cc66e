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

from handhold.core.packs import MANIFEST_FILE, Pack, PackError, compare_language_versions, load_pack


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
    return load_by_language(pack_folders())


def load_by_language(folders: list[Path]) -> dict[tuple[str, str], Pack]:
    """The packs in `folders`, by (id, language). The first folder with an id is its primary
    version; every other language of it must hold the same items. Raises PackError (every
    problem, one line each, prefixed with its folder)."""
    packs: dict[tuple[str, str], Pack] = {}
    primary: dict[str, Pack] = {}
    problems: list[str] = []
    for path in folders:
        try:
            pack = load_pack(path)
        except PackError as error:
            problems.extend(f"{path}/{line}" for line in error.problems)
            continue
        key = (pack.id, pack.manifest.language)
        if key in packs:
            problems.append(
                f"{path}/{MANIFEST_FILE}: id: pack id '{pack.id}' in language "
                f"'{pack.manifest.language}' is already used by {packs[key].path}"
            )
            continue
        if pack.id in primary:
            problems.extend(compare_language_versions(primary[pack.id], pack))
            problems.extend(f"{path}/{line}" for line in _different_ladder(primary[pack.id], pack))
        else:
            primary[pack.id] = pack
        packs[key] = pack
    if problems:
        raise PackError(problems)
    return packs


def _different_ladder(primary: Pack, translation: Pack) -> list[str]:
    """Where a translation's ladder differs from the primary's in anything but words: the
    partners may read in different languages, and each one's ladder, answers and reveal must
    be the same ladder, level by level and role by role."""
    problems = []
    for activity in translation.activities:
        original = primary.activity(activity.id)
        if original is None:
            continue  # a missing or extra id: compare_language_versions names it
        if activity.level != original.level:
            problems.append(
                f"activities.yaml: '{activity.id}': level {activity.level}, but level "
                f"{original.level} in {primary.path}"
            )
        if list(activity.roles) != list(original.roles):
            problems.append(
                f"activities.yaml: '{activity.id}': roles {list(activity.roles)}, but "
                f"{list(original.roles)} in {primary.path}"
            )
    return problems


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


def current_pack() -> Pack:
    """The default pack in the active language: the request's, under LocaleMiddleware."""
    return pack_for(get_language())


def clear() -> None:
    """Forget every loaded pack (tests that change the configured folders)."""
    for cached in (packs_by_language, all_packs, default_pack):
        cached.cache_clear()
