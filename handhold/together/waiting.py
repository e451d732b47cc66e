"""What waits for this person: a topic or an invitation to answer, a "we talked" to confirm,
a proposal, a session under way, a debrief to write. Shown on home, the journey and (as a
quiet dot) in the navigation, with the answers right there.

Only what is addressed to this person, or shared by both: never a partner's answer, never a
count of anything declined, never when the other said no.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from django.db.models import Exists, OuterRef
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from handhold.accounts.models import User
from handhold.config.templating import forget_with_catalogue
from handhold.content.registry import current_pack
from handhold.conversation import services as conversation
from handhold.conversation.models import TalkInvitation
from handhold.couples.models import TopicSuggestion
from handhold.together import state, topics
from handhold.together.models import CheckIn, Debrief, SessionPlan
from handhold.together.services import plans_for

Kind = Literal["topic", "invitation", "we_talked", "proposal", "session", "debrief"]


@dataclass(frozen=True)
class Waiting:
    kind: Kind
    invitation: TalkInvitation | None = None
    plan: SessionPlan | None = None
    suggestion: TopicSuggestion | None = None


def waiting_for(user: User, *, side=None) -> list[Waiting]:
    """What waits, from the couple's journey row (one query, none for someone unpaired; none
    more when `side` is passed, read already), then the invitation or the plans themselves,
    only when one of them waits. While the couple is paused nothing waits: a pause means no
    reminders, for either of them."""
    if user.couple_id is None:
        return []
    if side is None:
        side = state.journey_side(user)
    shared = side.journey
    if shared.is_paused:
        return []
    pack = current_pack(user)
    waiting = []
    if _topic_suggested(shared, user):
        suggestion = topics.waiting_for_me(user)
        if suggestion is not None:
            waiting.append(Waiting("topic", suggestion=suggestion))
    if _invited(shared, user, pack):
        invitation = conversation.pending_invitation_for(recipient=user, pack=pack)
        if invitation is not None:
            waiting.append(Waiting("invitation", invitation=invitation))
    if _partner_said_we_talked(shared, user) and conversation.may_confirm_we_talked(
        user=user, pack=pack
    ):
        waiting.append(Waiting("we_talked"))
    if not (_plan_waits(shared, user) or side.debrief_due):
        return waiting
    # One query for both: at most one plan is open at a time, and it is the newest; the
    # newest ended plan is the one a debrief may wait for.
    mine = Debrief.objects.filter(plan=OuterRef("pk"), author=user)
    latest = (
        plans_for(user)
        .filter(status__in=[*SessionPlan.OPEN, SessionPlan.Status.ENDED])
        .annotate(written=Exists(mine))
        .order_by("-proposed_at", "-pk")[:2]
    )
    current = next((p for p in latest if p.is_open), None)
    last_ended = next((p for p in latest if p.status == SessionPlan.Status.ENDED), None)
    if current is not None:
        if current.status == SessionPlan.Status.PROPOSED and current.proposer_id != user.pk:
            waiting.append(Waiting("proposal", plan=current))
        elif current.status == SessionPlan.Status.ACTIVE:
            waiting.append(Waiting("session", plan=current))
    if last_ended is not None and not last_ended.written:
        waiting.append(Waiting("debrief", plan=last_ended))
    return waiting


def _topic_suggested(shared, user: User) -> bool:
    return shared.topic_suggested_by_id not in (None, user.pk)


def _invited(shared, user: User, pack) -> bool:
    return any(sender != user.pk for sender in shared.invitations_from.get(pack.id, ()))


def _partner_said_we_talked(shared, user: User) -> bool:
    """The partner said "we talked" and this person has not: the second confirmation waits."""
    first = shared.first_said_we_talked_by_id
    return shared.talked_at is None and first is not None and first != user.pk


def _plan_waits(shared, user: User) -> bool:
    status = shared.open_plan_status
    proposal = status == SessionPlan.Status.PROPOSED and shared.open_plan_by_id != user.pk
    return proposal or status == SessionPlan.Status.ACTIVE


def anything_waits(user: User, *, side=None, pack=None) -> bool:
    """Whether `waiting_for(user)` would be non-empty, from the couple's journey row alone:
    the navigation asks it on every page. (The "we talked" case asks one more question, and
    only while the partner has said it and this person has not.) `pack`: the page's
    `current_pack(user)`, when it has it."""
    if user.couple_id is None:
        return False
    if side is None:
        side = state.journey_side(user)
    shared = side.journey
    if shared.is_paused:
        return False
    if pack is None:
        pack = current_pack(user)
    if _topic_suggested(shared, user) or _invited(shared, user, pack):
        return True
    if _plan_waits(shared, user) or side.debrief_due:
        return True
    return _partner_said_we_talked(shared, user) and conversation.may_confirm_we_talked(
        user=user, pack=pack
    )


class Answers:
    """One set of the answers drawn beside what waits, as (value, label) pairs in the active
    language when a page draws them. An enum's `choices` builds its list anew on each reading
    (some seventy Python calls a page for the three sets), and a lazy label costs some thirty
    calls each time it is printed: so each set's labels are translated once per language
    (`_answers_in`), and a page that draws none asks nothing."""

    def __init__(self, name: str):
        self.name = name

    def __iter__(self):
        return iter(_answers_in(self.name, get_language()))


_CHOICES = {
    "lights": CheckIn.Light.choices,
    "invitation_answers": TalkInvitation.Answer.choices,
    "topic_answers": TopicSuggestion.Answer.choices,
}


@lru_cache(maxsize=16)
def _answers_in(name: str, language: str | None) -> tuple[tuple[str, str], ...]:
    """The set `name`'s answers with their labels in `language` (the active one: it is part
    of the key). Only the enums' fixed words are kept."""
    return tuple((value, str(label)) for value, label in _CHOICES[name])


forget_with_catalogue(_answers_in.cache_clear)
ANSWERS = {name: Answers(name) for name in _CHOICES}


def context(request) -> dict:
    """Context processor: `waiting_for_you`, for the navigation's quiet dot, and `waiting`, the
    whole list for the pages that show it (home); each read only if the page draws it, both
    from one reading of the couple's journey row. The journey passes both from its own
    reading (`waiting_context`)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.couple_id is None:
        return {"waiting": (), "waiting_for_you": False, **ANSWERS}
    sides = []  # the couple's journey row, read at most once for both, and only if drawn

    def side():
        if not sides:
            sides.append(state.journey_side(user, request=request))
        return sides[0]

    return {
        "waiting": SimpleLazyObject(lambda: waiting_for(user, side=side())),
        "waiting_for_you": SimpleLazyObject(lambda: anything_waits(user, side=side())),
        **ANSWERS,
    }


def waiting_context(user: User, *, side=None) -> dict:
    """For the pages that show the whole list: the list, and the dot from the same reading."""
    waiting = waiting_for(user, side=side)
    return {"waiting": waiting, "waiting_for_you": bool(waiting)}
