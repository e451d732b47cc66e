"""The journey page: where the couple stands and the next gentle step.

Built only from what this person may see: their own reflect and discover progress, and what
the two of them share (pairing, the reveal, "we talked", the settle clock, the checklist,
sessions). Never the partner's private progress, and never a score, a streak or a count.
"""

from __future__ import annotations

from dataclasses import dataclass

from handhold.accounts.models import User
from handhold.content.registry import default_pack
from handhold.discovery import services as discovery
from handhold.discovery.models import JournalEntry
from handhold.pages.links import link
from handhold.together import services


@dataclass(frozen=True)
class Stage:
    name: str
    what_for: str
    status: str
    url: str
    done: bool


def journey_for(user: User) -> dict:
    pack = default_pack()
    paired = user.is_paired
    reflected = JournalEntry.objects.filter(author=user, pack_id=pack.id).exists()
    reveal_state = discovery.reveal_state(viewer=user, pack=pack)
    started = services.settle_started(user) if paired else None
    talked = started is not None
    settling = talked and services.is_settling_since(started)
    had_session = paired and services.plans_for(user).filter(status="ended").exists()
    prepared = paired and services.has_ticks(user=user, pack=pack)
    stages = [
        Stage(
            "Reflect",
            "A private look at your own wishes.",
            "You have started your journal." if reflected else "Not started yet.",
            link("discovery:reflect"),
            reflected,
        ),
        Stage(
            "Learn",
            "Short factual cards, with sources.",
            "Open whenever you like.",
            link("discovery:learn"),
            True,
        ),
        Stage(
            "Pair",
            "Link with your partner; either can unpair at any moment.",
            "You are paired." if paired else "Not paired yet.",
            link("accounts:pairing"),
            paired,
        ),
        Stage(
            "Discover",
            "Each of you answers privately; only what you both want is shown.",
            {
                "revealed": "What you both want is visible.",
                "waiting": "Waiting for both of you.",
                "not_paired": "Answer privately whenever you like.",
            }[reveal_state],
            link("discovery:reveal") if reveal_state == "revealed" else link("discovery:discover"),
            reveal_state == "revealed",
        ),
        Stage(
            "Talk",
            "An honest look at your words, and a kind conversation.",
            "You have talked." if talked else "When you are both ready.",
            link("conversation:is_it_you"),
            talked,
        ),
        Stage(
            "Settle",
            "A pause after talking, before planning anything.",
            "Letting it settle." if settling else ("Settled." if talked else "After you talk."),
            link("together:journey"),
            talked and not settling,
        ),
        Stage(
            "Prepare",
            "Supplies and promises to each other.",
            "Started." if prepared else "Not started yet.",
            link("together:prepare"),
            prepared,
        ),
        Stage(
            "Sessions",
            "Slow, agreed steps, with a ceiling and a stop word.",
            "You have had a session." if had_session else "When you are both ready.",
            link("together:sessions"),
            had_session,
        ),
    ]
    next_stage = next((s for s in stages if not s.done), None)
    suggestions = []
    if settling:
        gentle = [a for a in pack.activities if a.level <= 2][:3]
        suggestions = [f"{a.title}: {a.description}" for a in gentle] + [
            f"Read a card together: {card.title}" for card in pack.cards[:2]
        ]
    return {
        "stages": stages,
        "next": next_stage,
        "paired": paired,
        "talked": talked,
        "settling": settling,
        "suggestions": suggestions,
        "pause": services.pause_of(user),
    }
