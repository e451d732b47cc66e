"""What waits for this person: an invitation to answer, a "we talked" to confirm, a proposal,
a session under way, a debrief to write. Shown on home, the journey and (as a quiet dot) in the
navigation, with the answers right there.

Only what is addressed to this person, or shared by both: never a partner's answer, never a
count of anything declined, never when the other said no.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from django.db import connection
from django.db.models import Exists, OuterRef
from django.utils.functional import SimpleLazyObject

from handhold.accounts.models import User
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


@cache
def _facts_sql() -> str:
    """The one statement behind `anything_waits`, written out once: the ORM took about 7 ms to
    build this query on every page and the database 0.06 ms to answer it (eval/
    bench_in_process.py, 2026-11-27). Plain EXISTS subqueries, the same on SQLite and
    PostgreSQL. Only table names, from the models, are written into it; every value is a
    parameter (see `anything_waits`)."""
    plan = SessionPlan._meta.db_table
    return f"""SELECT
        EXISTS(SELECT 1 FROM {Pause._meta.db_table} WHERE couple_id = %s),
        EXISTS(SELECT 1 FROM {TalkInvitation._meta.db_table}
               WHERE couple_id = %s AND pack_id = %s AND answer = '' AND sender_id <> %s),
        EXISTS(SELECT 1 FROM {TalkConfirmation._meta.db_table}
               WHERE couple_id = %s AND person_id <> %s),
        EXISTS(SELECT 1 FROM {TalkConfirmation._meta.db_table}
               WHERE couple_id = %s AND person_id = %s),
        EXISTS(SELECT 1 FROM {plan}
               WHERE couple_id = %s AND status = %s
               AND proposer_id <> %s),
        EXISTS(SELECT 1 FROM {plan}
               WHERE couple_id = %s AND status = %s),
        EXISTS(SELECT 1 FROM (SELECT id FROM {plan}
                              WHERE couple_id = %s AND status = %s
                              ORDER BY proposed_at DESC, id DESC LIMIT 1) newest
               WHERE NOT EXISTS(SELECT 1 FROM {Debrief._meta.db_table} d
                                WHERE d.plan_id = newest.id AND d.author_id = %s))"""  # noqa: S608


def anything_waits(user: User) -> bool:
    """Whether `waiting_for(user)` would be non-empty, in one statement: the navigation asks
    it on every page. (The "we talked" case needs a second query, and only while the partner
    has said it and this person has not.)"""
    if user.couple_id is None:
        return False
    pack = default_pack()
    couple, me, status = user.couple_id, user.pk, SessionPlan.Status
    params = [
        *(couple,),  # paused
        *(couple, pack.id, me),  # an invitation from the partner, unanswered
        *(couple, me),  # the partner said "we talked"
        *(couple, me),  # I said it
        *(couple, status.PROPOSED.value, me),  # a proposal from the partner
        *(couple, status.ACTIVE.value),  # a session under way
        *(couple, status.ENDED.value, me),  # the newest ended session, without my debrief
    ]
    with connection.cursor() as cursor:
        cursor.execute(_facts_sql(), params)
        row = cursor.fetchone()
    paused, invitation, partner_said, i_said, proposal, session, debrief = map(bool, row)
    if paused:
        return False
    if invitation or proposal or session or debrief:
        return True
    return partner_said and not i_said and conversation.may_confirm_we_talked(user=user, pack=pack)


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
