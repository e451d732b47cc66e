"""The journey page: where the couple stands and the next gentle step.

Built only from what this person may see: their own reflect and discover progress, and what
the two of them share (pairing, the reveal, "we talked", the settle clock, the checklist,
sessions). Never the partner's private progress, and never a score, a streak or a count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import User
from handhold.config.templating import forget_with_catalogue
from handhold.content.registry import all_packs, current_pack
from handhold.conversation import services as conversation
from handhold.discovery import services as discovery
from handhold.discovery.models import JournalEntry
from handhold.pages.links import linker
from handhold.rows import Rows
from handhold.together import services, state


@dataclass(frozen=True)
class Stage:
    name: str
    what_for: str
    status: str
    url: str
    done: bool


# Whether this person has written anything in their journal for the topic: one statement
# written once (handhold.rows), their own entries only.
_REFLECTED = Rows(JournalEntry, columns=("id",), where="m.author_id = %s AND m.pack_id = %s")


def journey_for(user: User) -> dict:
    """Everything the journey page says of where the couple stands, from the couple's journey
    row (one query; handhold/together/state.py) and this person's own journal. The reveal is
    read only while settling, for settle ideas; whether this person may say "we talked" only
    while the question is open to them. `side` is passed on, so that the list of what waits
    is read from the same row."""
    side = state.journey_side(user)  # first: it brings the couple's topic with it
    pack = current_pack(user)
    paired = user.is_paired
    shared = side.journey if side is not None else None
    reflected = _REFLECTED.first([user.pk, pack.id]) is not None
    if shared is None:
        reveal_state = "not_paired"
    else:
        reveal_state = "revealed" if pack.id in shared.revealed_packs else "waiting"
    started = shared.talked_at if shared else None
    talked = started is not None
    settling = talked and services.is_settling_since(started)
    had_session = bool(shared and shared.had_session)
    prepared = bool(shared and pack.id in shared.prepared_packs)
    i_said = bool(shared and shared.said_we_talked(user.pk))
    partner_said = bool(shared) and (
        talked or shared.first_said_we_talked_by_id not in (None, user.pk)
    )
    discover_status = {"revealed": "revealed", "waiting": "waiting", "not_paired": "private"}
    stage = _stage_maker()
    stages = [
        stage("reflect", "started" if reflected else "not_started", "discovery:reflect", reflected),
        stage("learn", "any_time", "discovery:learn", True),
        stage("notice", "any_time", "notice:notice", True),
        stage("pair", "paired" if paired else "not_paired", "accounts:pairing", paired),
        stage(
            "discover",
            discover_status[reveal_state],
            "discovery:reveal" if reveal_state == "revealed" else "discovery:discover",
            reveal_state == "revealed",
        ),
        stage("talk", _talk_status(talked, i_said), "conversation:is_it_you", talked),
        stage(
            "settle",
            "settling" if settling else ("settled" if talked else "after_talk"),
            "together:journey",
            talked and not settling,
        ),
        stage("prepare", "started" if prepared else "not_started", "together:prepare", prepared),
        stage(
            "sessions",
            "had_session" if had_session else "when_ready",
            "together:sessions",
            had_session,
        ),
    ]
    next_stage = next((s for s in stages if not s.done), None)
    may_confirm_talk = (
        paired and not i_said and conversation.may_confirm_we_talked(user=user, pack=pack)
    )
    suggestions = []
    if settling:
        reveal = discovery.reveal_for(viewer=user, pack=pack, side=side)
        suggestions = settle_suggestions(reveal, pack)
    return {
        "stages": stages,
        "next": next_stage,
        "paired": paired,
        "talked": talked,
        "settling": settling,
        "suggestions": suggestions,
        "may_confirm_talk": may_confirm_talk,
        "i_confirmed_talk": i_said,
        # When the partner has said it, the "we talked" waits for this person: the waiting
        # card asks it, and the section below would only ask twice.
        "talk_section": paired and not talked and not (partner_said and may_confirm_talk),
        "pause": shared.pause if shared else None,
        "side": side,
        # The couple's topic, and whether there is another to choose.
        "topic": pack.manifest.title,
        "topics_to_choose": paired and len(all_packs()) > 1,
    }


# Every word of the journey, named, in one place: the voice is edited and translated here.
STAGE_WORDS = {
    "reflect": (_("Reflect"), _("A private look at your own wishes.")),
    "learn": (_("Learn"), _("Short factual cards, with sources.")),
    "notice": (
        _("Notice"),
        _("Small ways to show your partner you like them, and a private note of how it lands."),
    ),
    "pair": (_("Pair"), _("Link with your partner; either can unpair at any moment.")),
    "discover": (
        _("Discover"),
        _("Each of you answers privately; only what you both want is shown."),
    ),
    "talk": (_("Talk"), _("An honest look at your words, and a kind conversation.")),
    "settle": (_("Settle"), _("A pause after talking, before planning anything.")),
    "prepare": (_("Prepare"), _("Supplies and promises to each other.")),
    "sessions": (_("Sessions"), _("Slow, agreed steps, with a ceiling and a stop word.")),
}
STATUS_WORDS = {
    "started": _("Started."),
    "not_started": _("Not started yet."),
    "any_time": _("Open whenever you like."),
    "paired": _("You are paired."),
    "not_paired": _("Not paired yet."),
    "revealed": _("What you both want is visible."),
    "waiting": _("Waiting for both of you."),
    "private": _("Answer privately whenever you like."),
    "talked": _("You have both said you talked."),
    "i_said_we_talked": _("You said you talked. It counts once your partner says so too."),
    "when_ready": _("When you are both ready."),
    "settling": _("Letting it settle."),
    "settled": _("Settled."),
    "after_talk": _("After you talk."),
    "had_session": _("You have had a session."),
}


@lru_cache(maxsize=16)
def _words_in(language: str | None) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """STAGE_WORDS and STATUS_WORDS translated into `language` (the active one, part of the
    key), once per process: the page prints twenty-seven of them, and a lazy string costs some
    thirty Python calls each time it is printed. Only the journey's fixed words are kept."""
    stages = {key: (str(name), str(what_for)) for key, (name, what_for) in STAGE_WORDS.items()}
    statuses = {key: str(words) for key, words in STATUS_WORDS.items()}
    return stages, statuses


forget_with_catalogue(_words_in.cache_clear)


def _stage_maker() -> Callable[[str, str, str, bool], Stage]:
    """Makes the page's stages, each `(key, status, url name, done)`, in the request's language
    and with its links: the language and the links' script prefix are read once for the nine
    stages (each a context-local, some ten Python calls a read)."""
    stage_words, status_words = _words_in(get_language())
    link = linker()

    def stage(key: str, status: str, url_name: str, done: bool) -> Stage:
        name, what_for = stage_words[key]
        return Stage(name, what_for, status_words[status], link(url_name), done)

    return stage


def _talk_status(talked: bool, i_said: bool) -> str:
    if talked:
        return "talked"
    if i_said:
        return "i_said_we_talked"
    return "when_ready"


# Unhurried things for the settle period that name no activity at all: for a couple with
# nothing mutual yet, any named activity could be one that the partner said no to.
GENERIC_SUGGESTIONS = [
    _("A slow evening with no plan: a walk, a film, a meal you cook together."),
    _("Tell each other one thing you loved about a recent day together."),
    _("A long hug, for no reason at all."),
]


def settle_suggestions(reveal: discovery.Reveal, pack) -> list[str]:
    """Ideas for the settle period, drawn only from what both are open to at the gentlest
    levels, then a card to read: never an activity only one of them chose."""
    gentle = [item.activity for item in reveal.items if item.activity.level <= 2]
    unique = list({activity.id: activity for activity in gentle}.values())[:3]
    named = [f"{a.title}: {a.description}" for a in unique]
    cards = [_("Read a card together: %(title)s") % {"title": c.title} for c in pack.cards[:1]]
    return (named or [str(s) for s in GENERIC_SUGGESTIONS]) + cards
