"""Content packs: the schema, the loader and the checker.

A pack is a folder of YAML files that holds one topic: its activities, reflection questions,
education cards, conversation checklist, supplies, resources and (optionally) Notice ideas.
Educators write packs, so every mistake is reported as one plain line naming the file, the
item, the field and what is wrong, all at once rather than one per run.

Pure Python (pydantic and PyYAML): no Django import, so `handhold content check` runs without
a database and the tests run in milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
Text = Annotated[str, Field(min_length=1)]
Role = Literal["give", "receive", "together"]


class _Strict(BaseModel):
    # An unknown field is almost always a typo ("sourecs"); say so rather than ignore it.
    model_config = ConfigDict(extra="forbid", frozen=True)


Days = Annotated[int, Field(ge=0, le=3650, strict=True)]


class Manifest(_Strict):
    id: Id
    title: Text
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]
    version: Text
    description: str = ""
    # After an invitation to talk is answered "Not now" or "Not for me", how long before the
    # asker may invite again on this topic.
    cool_off_not_now_days: Days = 14
    cool_off_not_for_me_days: Days = 90


class Activity(_Strict):
    id: Id
    title: Text
    description: Text
    level: Annotated[int, Field(ge=1, le=5, strict=True)]
    roles: Annotated[list[Role], Field(min_length=1)]
    card: Id | None = None

    @model_validator(mode="after")
    def _roles_make_sense(self) -> Activity:
        if len(set(self.roles)) != len(self.roles):
            raise ValueError("roles: a role is listed twice")
        if "together" in self.roles and len(self.roles) > 1:
            raise ValueError("roles: 'together' is for symmetric activities; use it alone")
        return self


class ReflectionQuestion(_Strict):
    id: Id
    question: Text
    why: Text
    card: Id | None = None
    # "reflect" questions come before anything is said; "is-it-you" ones before planning a talk.
    stage: Literal["reflect", "is-it-you"] = "reflect"
    # Who the question is written for: the person who brings the topic up ("asker"), the
    # partner who was invited ("invited"), or either.
    audience: Literal["anyone", "asker", "invited"] = "anyone"


class Source(_Strict):
    title: Text
    url: Annotated[str, Field(pattern=r"^https://\S+$")] | None = None
    citation: str | None = None

    @model_validator(mode="after")
    def _url_or_citation(self) -> Source:
        if not self.url and not self.citation:
            raise ValueError("a source needs a url or a citation")
        return self


class Card(_Strict):
    id: Id
    title: Text
    summary: Text
    body: Text
    sources: Annotated[list[Source], Field(min_length=1)]


Style = Literal["casual", "text", "sit_down"]


class ChecklistPoint(_Strict):
    id: Id
    title: Text
    detail: Text
    # One example line per conversation style; a point without one is left out of that style.
    examples: dict[Style, Text] = Field(default_factory=dict)
    # Regular expressions that show a draft already covers this point.
    cues: list[Text] = Field(default_factory=list)
    # Said at the start of the talk and again at the end.
    bookend: bool = False

    @model_validator(mode="after")
    def _cues_compile(self) -> ChecklistPoint:
        for cue in self.cues:
            try:
                re.compile(cue)
            except re.error as error:
                raise ValueError(f"cues: {cue!r} is not a valid pattern ({error})") from None
        return self


class Supply(_Strict):
    id: Id
    kind: Literal["supply", "commitment"]
    title: Text
    detail: Text
    card: Id | None = None


class Resource(_Strict):
    id: Id
    kind: Literal["book", "film", "class", "shop"]
    title: Text
    by: Text
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    note: Text
    link: Annotated[str, Field(pattern=r"^https://\S+$")] | None = None


class NoticeIdea(_Strict):
    """A small way to show appreciation before anything is asked (the Notice stage).

    "look" and "word" ideas are things to simply do: a look, a compliment. Anything beyond a
    look or a word is an "ask": a question to ask first, never a surprise, so its text must
    be a question. An idea may name the gentle activity it comes from (level 1 only).
    """

    id: Id
    kind: Literal["look", "word", "ask"]
    text: Text
    activity: Id | None = None

    @model_validator(mode="after")
    def _asks_are_questions(self) -> NoticeIdea:
        if self.kind == "ask" and not self.text.rstrip().endswith("?"):
            raise ValueError(
                "text: an 'ask' idea is a question to ask first, so it ends with a question mark"
            )
        return self


# Notice ideas come only from the gentlest rung of the ladder.
NOTICE_HIGHEST_LEVEL = 1


# file name -> the model of each item in it. The manifest is one mapping; the rest are lists.
ITEM_FILES: dict[str, type[_Strict]] = {
    "activities.yaml": Activity,
    "reflection.yaml": ReflectionQuestion,
    "cards.yaml": Card,
    "checklist.yaml": ChecklistPoint,
    "supplies.yaml": Supply,
    "resources.yaml": Resource,
    "notice.yaml": NoticeIdea,
}
# A pack without these files is still whole: they add a stage the topic may not need.
OPTIONAL_FILES = frozenset({"notice.yaml"})
MANIFEST_FILE = "manifest.yaml"


@dataclass(frozen=True)
class Pack:
    path: Path
    manifest: Manifest
    activities: tuple[Activity, ...]
    reflection: tuple[ReflectionQuestion, ...]
    cards: tuple[Card, ...]
    checklist: tuple[ChecklistPoint, ...]
    supplies: tuple[Supply, ...]
    resources: tuple[Resource, ...]
    notice: tuple[NoticeIdea, ...] = ()
    _cards_by_id: dict[str, Card] = field(default_factory=dict, repr=False)
    _activities_by_id: dict[str, Activity] = field(default_factory=dict, repr=False)

    @property
    def id(self) -> str:
        return self.manifest.id

    def card(self, card_id: str) -> Card | None:
        return self._cards_by_id.get(card_id)

    def activity(self, item_id: str) -> Activity | None:
        return self._activities_by_id.get(item_id)

    def notice_idea(self, idea_id: str) -> NoticeIdea | None:
        return next((idea for idea in self.notice if idea.id == idea_id), None)

    def level_of(self, item_id: str, *, default: int) -> int:
        """An item's level; `default` for an id the pack no longer has."""
        activity = self._activities_by_id.get(item_id)
        return default if activity is None else activity.level


class PackError(Exception):
    """A pack that cannot be used. `problems` holds one plain line per mistake."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _read_yaml(path: Path, problems: list[str]) -> object:
    name = path.name
    if not path.is_file():
        problems.append(f"{name}: file is missing")
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.append(f"{name}: not UTF-8 text")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = getattr(error, "problem", None) or str(error)
        problems.append(f"{name}: {where}YAML syntax error: {what}")
    return None


def _describe(error: dict) -> tuple[str, str]:
    """(field, message) for one pydantic error, in an educator's words."""
    loc = [str(part) for part in error["loc"] if not isinstance(part, int)]
    # Drop pydantic's internal tags such as 'function-after[...]' or 'str'.
    loc = [part for part in loc if "[" not in part and part not in {"str", "int", "none"}]
    field_name = ".".join(loc) or "(item)"
    kind = error["type"]
    expected = error["msg"].removeprefix("Input should be ")
    if kind == "missing":
        message = "missing (this field is required)"
    elif kind == "extra_forbidden":
        message = "unknown field (is it a typo?)"
    elif kind == "literal_error":
        message = f"{error['input']!r} is not allowed; {expected}"
    elif kind in {"less_than_equal", "greater_than_equal"}:
        message = f"{error['input']!r} is out of range: {expected}"
    elif kind == "too_short" and field_name.endswith("sources"):
        message = "needs at least one source"
    elif kind == "value_error":
        text = error["msg"].removeprefix("Value error, ")
        if ": " in text and field_name == "(item)":
            field_name, text = text.split(": ", 1)
        message = text
    else:
        message = error["msg"]
    return field_name, message


def _item_label(raw: object, position: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"]:
        return f"item '{raw['id']}' (#{position})"
    return f"item #{position}"


def _validate_items(name: str, data: object, model: type[_Strict], problems: list[str]) -> list:
    if data is None:
        data = []
    if not isinstance(data, list):
        problems.append(f"{name}: expected a list of items at the top of the file")
        return []
    items = []
    seen: dict[str, int] = {}
    for position, raw in enumerate(data, start=1):
        label = _item_label(raw, position)
        if not isinstance(raw, dict):
            problems.append(f"{name}: {label}: expected a mapping of fields")
            continue
        item_id = raw.get("id")
        if isinstance(item_id, str) and item_id in seen:
            first = seen[item_id]
            problems.append(f"{name}: {label}: id: duplicate id, also used by item #{first}")
        elif isinstance(item_id, str):
            seen[item_id] = position
        try:
            items.append(model.model_validate(raw))
        except ValidationError as error:
            for detail in error.errors():
                field_name, message = _describe(detail)
                problems.append(f"{name}: {label}: {field_name}: {message}")
    return items


def _check_card_links(items_by_file: dict[str, list], problems: list[str]) -> None:
    card_ids = {card.id for card in items_by_file["cards.yaml"]}
    for name in ("activities.yaml", "reflection.yaml", "supplies.yaml"):
        for position, item in enumerate(items_by_file[name], start=1):
            if item.card is not None and item.card not in card_ids:
                problems.append(
                    f"{name}: item '{item.id}' (#{position}): card: "
                    f"no card with id '{item.card}' in cards.yaml"
                )


def _check_notice_links(items_by_file: dict[str, list], problems: list[str]) -> None:
    activities = {activity.id: activity for activity in items_by_file["activities.yaml"]}
    for position, idea in enumerate(items_by_file["notice.yaml"], start=1):
        if idea.activity is None:
            continue
        where = f"notice.yaml: item '{idea.id}' (#{position}): activity:"
        activity = activities.get(idea.activity)
        if activity is None:
            problems.append(f"{where} no activity with id '{idea.activity}' in activities.yaml")
        elif activity.level > NOTICE_HIGHEST_LEVEL:
            problems.append(
                f"{where} '{idea.activity}' is level {activity.level}; Notice ideas come only "
                f"from level {NOTICE_HIGHEST_LEVEL}, the gentlest"
            )


def load_pack(path: str | Path) -> Pack:
    """Load and validate the pack in the folder `path`, or raise PackError with every problem."""
    folder = Path(path)
    if not folder.is_dir():
        raise PackError([f"{folder}: not a folder (a pack is a folder of YAML files)"])
    problems: list[str] = []

    manifest = None
    raw_manifest = _read_yaml(folder / MANIFEST_FILE, problems)
    if isinstance(raw_manifest, dict):
        try:
            manifest = Manifest.model_validate(raw_manifest)
        except ValidationError as error:
            for detail in error.errors():
                field_name, message = _describe(detail)
                problems.append(f"{MANIFEST_FILE}: {field_name}: {message}")
    elif raw_manifest is not None:
        problems.append(f"{MANIFEST_FILE}: expected a mapping with id, title, language, version")

    items_by_file: dict[str, list] = {}
    unreadable: set[str] = set()
    for name, model in ITEM_FILES.items():
        if name in OPTIONAL_FILES and not (folder / name).exists():
            items_by_file[name] = []
            continue
        file_problems: list[str] = []
        data = _read_yaml(folder / name, file_problems)
        problems.extend(file_problems)
        if file_problems:
            unreadable.add(name)
            items_by_file[name] = []
        else:
            items_by_file[name] = _validate_items(name, data, model, problems)
    if "cards.yaml" not in unreadable:
        # Without the cards, every link to one would be reported too: noise, not news.
        _check_card_links(items_by_file, problems)
    if "activities.yaml" not in unreadable:
        _check_notice_links(items_by_file, problems)

    if problems or manifest is None:
        raise PackError(problems or [f"{MANIFEST_FILE}: could not be read"])
    cards = tuple(items_by_file["cards.yaml"])
    activities = tuple(items_by_file["activities.yaml"])
    return Pack(
        path=folder,
        manifest=manifest,
        activities=activities,
        reflection=tuple(items_by_file["reflection.yaml"]),
        cards=cards,
        checklist=tuple(items_by_file["checklist.yaml"]),
        supplies=tuple(items_by_file["supplies.yaml"]),
        resources=tuple(items_by_file["resources.yaml"]),
        notice=tuple(items_by_file["notice.yaml"]),
        _cards_by_id={card.id: card for card in cards},
        _activities_by_id={activity.id: activity for activity in activities},
    )


def load_packs(paths: list[Path]) -> dict[tuple[str, str], Pack]:
    """Load several packs, keyed by (id, language). The first folder with an id is its primary
    version; every other language of it must be interchangeable with it
    (`compare_language_versions`). Problems in any of them are all reported together, each
    line prefixed with its pack's folder."""
    packs: dict[tuple[str, str], Pack] = {}
    primary: dict[str, Pack] = {}
    problems: list[str] = []
    for path in paths:
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
        else:
            primary[pack.id] = pack
        packs[key] = pack
    if problems:
        raise PackError(problems)
    return packs


# Language versions ---------------------------------------------------------------------------

# pack attribute for each item file, in the order problems are reported.
PACK_ATTRIBUTES: dict[str, str] = {
    "activities.yaml": "activities",
    "reflection.yaml": "reflection",
    "cards.yaml": "cards",
    "checklist.yaml": "checklist",
    "supplies.yaml": "supplies",
    "resources.yaml": "resources",
    "notice.yaml": "notice",
}


def compare_language_versions(reference: Pack, translation: Pack) -> list[str]:
    """Problems that stop two language versions of one pack from being interchangeable.

    Saved answers, ticks and journal entries refer to item ids, whichever language a person
    reads, so every file of both versions must hold exactly the same ids. Each missing or
    extra id is one line naming the file, the id and the other version's file. The partners
    may read in different languages, and each one's ladder, answers and reveal must be the
    same ladder, so each activity's level and roles must match too. An empty list means the
    two are interchangeable; order, wording and every other field are each version's own.
    """
    problems = []
    for name, attribute in PACK_ATTRIBUTES.items():
        ours = {item.id for item in getattr(translation, attribute)}
        theirs = {item.id for item in getattr(reference, attribute)}
        there = f"the {reference.manifest.language} version ({reference.path}/{name})"
        # In the reference's order, so the lines read like the file they point at.
        for item in getattr(reference, attribute):
            if item.id not in ours:
                problems.append(
                    f"{translation.path}/{name}: id '{item.id}' is missing: {there} has it; "
                    "ids must be the same in every language"
                )
        for item in getattr(translation, attribute):
            if item.id not in theirs:
                problems.append(
                    f"{translation.path}/{name}: id '{item.id}' is not in {there}; "
                    "ids must be the same in every language"
                )
    return problems + _different_ladder(reference, translation)


def _different_ladder(reference: Pack, translation: Pack) -> list[str]:
    """Where a translation's ladder differs from the reference's in anything but words."""
    problems = []
    where = f"{translation.path}/activities.yaml"
    for activity in translation.activities:
        original = reference.activity(activity.id)
        if original is None:
            continue  # a missing or extra id: compare_language_versions names it
        if activity.level != original.level:
            problems.append(
                f"{where}: '{activity.id}': level {activity.level}, but level "
                f"{original.level} in {reference.path}"
            )
        if list(activity.roles) != list(original.roles):
            problems.append(
                f"{where}: '{activity.id}': roles {list(activity.roles)}, but "
                f"{list(original.roles)} in {reference.path}"
            )
    return problems
