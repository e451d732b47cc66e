"""What waits for this person: an invitation to answer, a "we talked" to confirm, a proposal,
a session under way, a debrief to write. Shown on home, the journey and (as a quiet dot) in the
navigation, with the answers right there.

Only what is addressed to this person, or shared by both: never a partner's answer, never a
count of anything declined, never when the other said no.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.db.models import Exists, OuterRef
from django.utils.functional import SimpleLazyObject

from handhold.accounts.models import User
from handhold.content.registry import default_pack
from handhold.conversation import services as conversation
from handhold.conversation.models import TalkInvitation
from handhold.couples import services as couples
from handhold.together.models import CheckIn, Debrief, SessionPlan
from handhold.together.services import plans_for

Kind = Literal["invitation", "we_talked", "proposal", "session", "debrief"]


@dataclass(frozen=True)
class Waiting:
    kind: Kind
    invitation: TalkInvitation | None = None
    plan: SessionPlan | None = None


def waiting_for(user: User) -> list[Waiting]:
    """Four small queries for a paired person, none for anyone else. While the couple is
    paused nothing waits: a pause means no reminders, for either of them."""
    if user.couple_id is None or couples.is_paused(user):
        return []
    pack = default_pack()
    waiting = []
    invitation = conversation.pending_invitation_for(recipient=user, pack=pack)
    if invitation is not None:
        waiting.append(Waiting("invitation", invitation=invitation))
    confirmed = couples.talk_confirmations(user)
    if (
        confirmed
        and user.pk not in confirmed
        and conversation.may_confirm_we_talked(user=user, pack=pack)
    ):
        waiting.append(Waiting("we_talked"))
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


def context(request) -> dict:
    """Context processor: `waiting` (the list) and `waiting_for_you` (for the navigation's
    dot), read at most once per page and only if the page shows them."""
    user = getattr(request, "user", None)
    answers = {"lights": CheckIn.Light.choices, "invitation_answers": TalkInvitation.Answer.choices}
    if user is None or not user.is_authenticated or user.couple_id is None:
        return {"waiting": (), "waiting_for_you": False, **answers}
    waiting = SimpleLazyObject(lambda: waiting_for(user))
    return {"waiting": waiting, "waiting_for_you": waiting, **answers}
