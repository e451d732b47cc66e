"""Go slowly: settle, prepare, session plans, check-ins, debriefs and pause.

Every rule that protects the slower partner is enforced here, on the server: the settle period,
the pause, mutual-only steps, the ceiling after "slower", and steps held back after "stop".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from handhold.accounts.models import User
from handhold.conversation.models import TalkInvitation
from handhold.core import pacing
from handhold.core.matching import Token, role_for
from handhold.core.packs import Pack
from handhold.discovery import services as discovery
from handhold.together.models import (
    CheckIn,
    Debrief,
    HeldBack,
    Pause,
    SessionPlan,
    SessionStep,
    SupplyTick,
    TalkedMark,
)


class NotNow(Exception):
    """Something that cannot happen at this moment. The message is kind and safe to show."""


# Pause ---------------------------------------------------------------------------------------


def pause_of(user: User) -> Pause | None:
    if user.couple_id is None:
        return None
    return Pause.objects.filter(couple_id=user.couple_id).first()


@transaction.atomic
def pause_everything(*, user: User) -> None:
    if user.couple_id is not None:
        Pause.objects.get_or_create(couple_id=user.couple_id, defaults={"paused_by": user})


@transaction.atomic
def resume(*, user: User) -> bool:
    """Only the one who paused can resume. Returns whether anything was resumed."""
    deleted, _ = Pause.objects.filter(couple_id=user.couple_id, paused_by=user).delete()
    return bool(deleted)


def is_paused(user: User) -> bool:
    return pause_of(user) is not None


# Settle --------------------------------------------------------------------------------------


@transaction.atomic
def mark_we_talked(*, user: User) -> None:
    if user.couple_id is not None:
        TalkedMark.objects.create(couple_id=user.couple_id, person=user)


def settle_started(user: User) -> object | None:
    """The first "we talked", or the first "I'd like to talk", whichever came first."""
    if user.couple_id is None:
        return None
    # One query for both: the union needs each side unordered.
    marks = TalkedMark.objects.filter(couple_id=user.couple_id).order_by().values_list("marked_at")
    yeses = (
        TalkInvitation.objects.filter(
            couple_id=user.couple_id, answer=TalkInvitation.Answer.LIKE_TO_TALK
        )
        .order_by()
        .values_list("answered_at")
    )
    return min((moment for (moment,) in marks.union(yeses, all=True)), default=None)


def is_settling_since(started) -> bool:
    """Whether the settle period that began at `started` (see settle_started) still runs."""
    until = pacing.settle_until(started, days=settings.HANDHOLD_SETTLE_DAYS)
    return pacing.is_settling(timezone.now(), until)


# Prepare -------------------------------------------------------------------------------------


def has_ticks(*, user: User, pack: Pack) -> bool:
    """Whether either partner has ticked anything on the checklist yet."""
    if user.couple_id is None:
        return False
    return SupplyTick.objects.filter(couple_id=user.couple_id, pack_id=pack.id).exists()


def ticks(*, user: User, pack: Pack) -> dict[str, set[int]]:
    """item id -> the ids of the partners who ticked it."""
    out: dict[str, set[int]] = {}
    if user.couple_id is None:
        return out
    rows = SupplyTick.objects.filter(couple_id=user.couple_id, pack_id=pack.id)
    for item_id, person_id in rows.values_list("item_id", "person_id"):
        out.setdefault(item_id, set()).add(person_id)
    return out


@transaction.atomic
def set_ticks(*, user: User, pack: Pack, ticked: set[str]) -> None:
    if user.couple_id is None:
        return
    known = {item.id for item in pack.supplies}
    mine = SupplyTick.objects.filter(couple_id=user.couple_id, person=user, pack_id=pack.id)
    mine.exclude(item_id__in=ticked & known).delete()
    have = set(mine.values_list("item_id", flat=True))
    SupplyTick.objects.bulk_create(
        SupplyTick(couple_id=user.couple_id, person=user, pack_id=pack.id, item_id=item)
        for item in (ticked & known) - have
    )


# Sessions ------------------------------------------------------------------------------------


def mutual_tokens(*, user: User, pack: Pack) -> frozenset[Token]:
    """The couple's mutual tokens as they are right now; empty until the reveal."""
    return discovery.reveal_for(viewer=user, pack=pack).tokens


def held_back(user: User) -> frozenset[tuple[str, str]]:
    rows = HeldBack.objects.filter(couple_id=user.couple_id).values_list("item_id", "receiver")
    return frozenset(rows)


def held_back_rows(user: User) -> list[HeldBack]:
    if user.couple_id is None:
        return []
    return list(HeldBack.objects.filter(couple_id=user.couple_id))


def plans_for(user: User):
    """Every plan of this person's couple: the one access path, so others get nothing."""
    return SessionPlan.objects.filter(couple_id=user.couple_id)


def ceiling_allowed(user: User) -> int:
    last = plans_for(user).filter(status=SessionPlan.Status.ENDED).first()
    if last is None:
        return pacing.HIGHEST_LEVEL
    paces = last.debriefs.values_list("pace", flat=True)
    return pacing.highest_allowed_ceiling(last.ceiling, paces)


def why_no_proposal(
    *, user: User, pack: Pack, mutual: frozenset[Token] | None = None
) -> str | None:
    """None when a session may be proposed now; otherwise a kind reason with no countdown.
    `mutual` saves reading the couple's mutual tokens again when the caller has them."""
    if not user.is_paired:
        return "Sessions are planned together, once you are paired."
    if is_paused(user):
        return "Everything is paused for now."
    if not (mutual_tokens(user=user, pack=pack) if mutual is None else mutual):
        return "Sessions are built from what you both want, once you have both finished answering."
    started = settle_started(user)
    if started is None:
        return "First, talk with each other. When you have, either of you can mark it below."
    if is_settling_since(started):
        return "You talked recently. Let it settle for a little while before planning anything."
    last = plans_for(user).filter(status=SessionPlan.Status.ENDED).first()
    if last is not None and last.debriefs.count() < 2:
        # The same words whether or not the partner has written: nothing shows through.
        return "Before planning another session, you both write a debrief about the last one."
    return None


def token_of(step: SessionStep, pack: Pack) -> Token:
    """The matching token a planned step stands for."""
    return Token(pack.level_of(step.item_id, default=0), step.item_id, step.receiver)


def current_steps(plan: SessionPlan, *, user: User, pack: Pack) -> list[SessionStep]:
    """The plan's steps that are still mutual. A step whose item someone changed to no is
    removed at once, and silently."""
    mutual = mutual_tokens(user=user, pack=pack)
    keep, gone = [], []
    for step in plan.steps.all():
        (keep if token_of(step, pack) in mutual else gone).append(step)
    if gone:
        SessionStep.objects.filter(pk__in=[s.pk for s in gone]).delete()
    return keep


@transaction.atomic
def propose(
    *, user: User, pack: Pack, steps: list[Token], ceiling: int, stop_word: str
) -> SessionPlan:
    reason = why_no_proposal(user=user, pack=pack)
    if reason:
        raise NotNow(reason)
    if (
        plans_for(user)
        .filter(
            status__in=[
                SessionPlan.Status.PROPOSED,
                SessionPlan.Status.AGREED,
                SessionPlan.Status.ACTIVE,
            ]
        )
        .exists()
    ):
        raise NotNow("There is already a session planned. Cancel it first to plan another.")
    ceiling = min(ceiling, ceiling_allowed(user))
    try:
        ordered = pacing.plan_steps(
            steps,
            mutual=mutual_tokens(user=user, pack=pack),
            held_back=held_back(user),
            ceiling=ceiling,
        )
    except pacing.StepNotAllowed:
        raise NotNow("Please choose only steps from the list, at or below the ceiling.") from None
    plan = SessionPlan(
        couple_id=user.couple_id,
        proposer=user,
        pack_id=pack.id,
        ceiling=ceiling,
        stop_word=stop_word.strip() or "Red",
    )
    plan.full_clean()
    plan.save()
    SessionStep.objects.bulk_create(
        SessionStep(plan=plan, position=n, item_id=t.item_id, receiver=t.receiver)
        for n, t in enumerate(ordered, start=1)
    )
    return plan


def _for_other(user: User, plan_id: int) -> SessionPlan:
    """A proposal the *other* partner made, still waiting. 404-style DoesNotExist otherwise."""
    return (
        plans_for(user)
        .select_for_update()
        .exclude(proposer=user)
        .get(pk=plan_id, status=SessionPlan.Status.PROPOSED)
    )


@transaction.atomic
def respond(
    *, user: User, pack: Pack, plan_id: int, keep_step_ids: set[int], ceiling: int, accept: bool
) -> SessionPlan:
    """The other partner accepts (possibly removing steps and lowering the ceiling) or declines,
    with one click and no reason."""
    plan = _for_other(user, plan_id)
    if not accept:
        plan.status = SessionPlan.Status.DECLINED
        plan.save(update_fields=["status"])
        return plan
    if is_paused(user):
        raise NotNow("Everything is paused for now.")
    plan.ceiling = max(1, min(plan.ceiling, ceiling))
    for step in current_steps(plan, user=user, pack=pack):
        if step.pk not in keep_step_ids or pack.level_of(step.item_id, default=99) > plan.ceiling:
            step.delete()
    if not plan.steps.exists():
        plan.status = SessionPlan.Status.DECLINED
    else:
        plan.status = SessionPlan.Status.AGREED
    plan.save(update_fields=["status", "ceiling"])
    return plan


@transaction.atomic
def cancel(*, user: User, plan_id: int) -> None:
    """Either partner may cancel, at any time, also during the session."""
    plans_for(user).filter(
        pk=plan_id,
        status__in=[
            SessionPlan.Status.PROPOSED,
            SessionPlan.Status.AGREED,
            SessionPlan.Status.ACTIVE,
        ],
    ).update(status=SessionPlan.Status.CANCELLED, ended_at=timezone.now())


@transaction.atomic
def start(*, user: User, plan_id: int) -> SessionPlan:
    if is_paused(user):
        raise NotNow("Everything is paused for now.")
    plan = plans_for(user).select_for_update().get(pk=plan_id, status=SessionPlan.Status.AGREED)
    plan.status, plan.started_at = SessionPlan.Status.ACTIVE, timezone.now()
    plan.save(update_fields=["status", "started_at"])
    return plan


@transaction.atomic
def check_in(*, user: User, plan_id: int, light: str) -> SessionPlan:
    """A traffic-light check-in. Red ends the session for both, at once."""
    plan = plans_for(user).select_for_update().get(pk=plan_id, status=SessionPlan.Status.ACTIVE)
    CheckIn.objects.create(plan=plan, person=user, light=light)
    if light == CheckIn.Light.RED:
        plan.status, plan.ended_at, plan.ended_by_red = (
            SessionPlan.Status.ENDED,
            timezone.now(),
            True,
        )
        plan.save(update_fields=["status", "ended_at", "ended_by_red"])
    return plan


@transaction.atomic
def finish(*, user: User, plan_id: int) -> None:
    plans_for(user).filter(pk=plan_id, status=SessionPlan.Status.ACTIVE).update(
        status=SessionPlan.Status.ENDED, ended_at=timezone.now()
    )


# Debriefs ------------------------------------------------------------------------------------


@transaction.atomic
def write_debrief(
    *, user: User, plan_id: int, felt: str, good: str, change: str, pace: str
) -> Debrief:
    plan = plans_for(user).get(pk=plan_id, status=SessionPlan.Status.ENDED)
    debrief, _ = Debrief.objects.update_or_create(
        plan=plan,
        author=user,
        defaults={
            "felt": felt,
            "good": good,
            "change": change,
            "pace": pace,
            "written_at": timezone.now(),
        },
    )
    debrief.full_clean()
    # The paces take effect when both debriefs are written, the moment both become visible,
    # so that nothing of one debrief shows through before then.
    debriefs = list(plan.debriefs.all())
    if len(debriefs) == 2:
        for written in debriefs:
            if written.pace == Debrief.Pace.STOP:
                _hold_back_highest_steps(plan, written.author)
    return debrief


def _hold_back_highest_steps(plan: SessionPlan, user: User) -> None:
    steps = list(plan.steps.all())
    if not steps:
        return
    from handhold.content.registry import all_packs

    pack = all_packs()[plan.pack_id]
    top = max(pack.level_of(s.item_id, default=0) for s in steps)
    for step in steps:
        if pack.level_of(step.item_id, default=0) == top:
            HeldBack.objects.get_or_create(
                couple_id=plan.couple_id,
                item_id=step.item_id,
                receiver=step.receiver,
                held_by=user,
            )


@transaction.atomic
def open_again(*, user: User, held_id: int) -> None:
    """Only the one who said "stop" can open a held-back step again."""
    HeldBack.objects.filter(pk=held_id, couple_id=user.couple_id, held_by=user).delete()


@dataclass(frozen=True)
class DebriefView:
    mine: Debrief | None
    both: list[Debrief]  # empty until both have written


def debriefs_for(*, user: User, plan: SessionPlan) -> DebriefView:
    """Neither sees the other's debrief until both have written theirs."""
    rows = list(plan.debriefs.all())
    mine = next((d for d in rows if d.author_id == user.pk), None)
    return DebriefView(mine=mine, both=rows if len(rows) == 2 else [])


def step_role(step: SessionStep, *, user: User) -> str:
    return role_for(Token(0, step.item_id, step.receiver), viewer=str(user.pk))


def export_for(user: User) -> dict:
    debriefs = Debrief.objects.filter(author=user).order_by("written_at")
    return {
        "debriefs": [
            {
                "felt": d.felt,
                "good": d.good,
                "change": d.change,
                "pace": d.pace,
                "written_at": d.written_at.isoformat(),
            }
            for d in debriefs
        ]
    }
