"""What waits for this person: an invitation to answer, a "we talked" to confirm, a proposal,
a session under way, a debrief to write. Shown on home, the journey and (as a quiet dot) in the
navigation, with the answers right there.

Only what is addressed to this person, or shared by both: never a partner's answer, never a
count of anything declined, never when the other said no.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.db.models import Exists, OuterRef, Subquery
from django.utils.functional import SimpleLazyObject

from handhold.accounts.models import Couple, User
from handhold.content.registry import default_pack
from handhold.conversation import services as conversation
from handhold.conversation.models import TalkInvitation
from handhold.couples import services as couples
from handhold.couples.models import Pause, TalkConfirmation
from handhold.together.models import CheckIn, Debrief, SessionPlan
from handhold.together.services import plans_for

Kind = Literal["invitation", "we_talked", "proposal", "session", "debrief"]


@dataclass(frozen=True)
class Waiting:
    kind: Kind
    invitation: TalkInvitation | None = None
    plan: SessionPlan | None = None


def waiting_for(user: User, *, paused: bool | None = None) -> list[Waiting]:
    """Four small queries for a paired person, none for anyone else. While the couple is
    paused nothing waits: a pause means no reminders, for either of them. `paused` saves
    asking again when the caller has read the pause already."""
    if user.couple_id is None:
        return []
    if couples.is_paused(user) if paused is None else paused:
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


def anything_waits(user: User) -> bool:
    """Whether `waiting_for(user)` would be non-empty, in one query: the navigation asks it on
    every page. (The "we talked" case needs a second query, and only while the partner has
    said it and this person has not.)"""
    if user.couple_id is None:
        return False
    pack = default_pack()
    plans = plans_for(user)
    newest_ended = plans.filter(status=SessionPlan.Status.ENDED).order_by("-proposed_at", "-pk")
    facts = (
        Couple.objects.filter(pk=user.couple_id)
        .annotate(
            paused=Exists(Pause.objects.filter(couple=OuterRef("pk"))),
            invitation=Exists(
                TalkInvitation.objects.filter(
                    couple=OuterRef("pk"), pack_id=pack.id, answer=""
                ).exclude(sender=user)
            ),
            partner_said_we_talked=Exists(
                TalkConfirmation.objects.filter(couple=OuterRef("pk")).exclude(person=user)
            ),
            i_said_we_talked=Exists(
                TalkConfirmation.objects.filter(couple=OuterRef("pk"), person=user)
            ),
            proposal=Exists(
                plans.filter(status=SessionPlan.Status.PROPOSED).exclude(proposer=user)
            ),
            session=Exists(plans.filter(status=SessionPlan.Status.ACTIVE)),
            debrief=Exists(
                plans.filter(pk=Subquery(newest_ended.values("pk")[:1])).exclude(
                    debriefs__author=user
                )
            ),
        )
        .values(
            "paused",
            "invitation",
            "partner_said_we_talked",
            "i_said_we_talked",
            "proposal",
            "session",
            "debrief",
        )
        .first()
    )
    if facts is None or facts["paused"]:
        return False
    if facts["invitation"] or facts["proposal"] or facts["session"] or facts["debrief"]:
        return True
    return (
        facts["partner_said_we_talked"]
        and not facts["i_said_we_talked"]
        and conversation.may_confirm_we_talked(user=user, pack=pack)
    )


def context(request) -> dict:
    """Context processor: `waiting_for_you`, for the navigation's quiet dot, and `waiting`, the
    whole list for the pages that show it (home); each read only if the page draws it. The
    journey passes both from one reading (`waiting_context`)."""
    user = getattr(request, "user", None)
    answers = {"lights": CheckIn.Light.choices, "invitation_answers": TalkInvitation.Answer.choices}
    if user is None or not user.is_authenticated or user.couple_id is None:
        return {"waiting": (), "waiting_for_you": False, **answers}
    return {
        "waiting": SimpleLazyObject(lambda: waiting_for(user)),
        "waiting_for_you": SimpleLazyObject(lambda: anything_waits(user)),
        **answers,
    }


def waiting_context(user: User, *, paused: bool | None = None) -> dict:
    """For the pages that show the whole list: the list, and the dot from the same reading."""
    waiting = waiting_for(user, paused=paused)
    return {"waiting": waiting, "waiting_for_you": bool(waiting)}
