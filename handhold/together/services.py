"""Go slowly: settle, prepare, session plans, check-ins and debriefs.

The rules themselves live in handhold/core/consent.py; these services gather the couple's
shared state from the database, ask the rules, and refuse with a named, kind message. Every
rule that protects the slower partner is enforced here, on the server, whatever the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import User
from handhold.core import consent
from handhold.core.matching import Token, role_for
from handhold.core.packs import Pack
from handhold.couples import services as couples
from handhold.couples.models import PauseState
from handhold.discovery import services as discovery
from handhold.rows import Rows
from handhold.together import state
from handhold.together.models import (
    CheckIn,
    Debrief,
    Halt,
    SessionPlan,
    SessionStep,
    SupplyTick,
    status_label_of,
)
from handhold.together.state import refresh_sessions

# Every refusal and notice of this stage, named, in one place: the voice is edited and
# translated here. None of them counts down, and none says anything of one partner's answers.
MESSAGES = {
    "not_paired": _("Sessions are planned together, once you are paired."),
    "paused": _("Everything is paused for now."),
    "nothing_mutual": _(
        "Sessions are made only of what you both want, so they wait until you have both finished "
        "answering."
    ),
    "not_talked": _(
        "First, talk with each other, in person. When you have, each of you says so on the "
        "journey page."
    ),
    "settling": _(
        "You talked recently. Let it settle for a few days: no plans yet, just enjoy each other."
    ),
    "debriefs_missing": _(
        "Before planning another session, you both write a debrief about the last one."
    ),
    "cooling": _(
        "After a red or a stop, nothing new is planned for a little while. "
        "Be cosy and kind with each other meanwhile; that was exactly what stopping is for."
    ),
    "session_open": _("There is already a session planned. Cancel it first to plan another."),
    "not_mutual": _("Please choose only steps from the list."),
    "above_ceiling": _(
        "That goes further than this session may go. The gentle things are where the good stuff "
        "starts."
    ),
    "resting": _("Some of those steps are resting for now. Please choose others."),
    "no_steps": _("Please choose at least one step."),
    "not_proposed": _("Please choose only from the steps that were proposed."),
    "stay_here": _(
        "Yellow stands: stay here for now. The next step waits until whoever said yellow says "
        "green."
    ),
    "nothing_further": _(
        "This is the last step on the plan. Enjoy it, and stay as long as you like."
    ),
}


class NotNow(Exception):
    """Something that cannot happen at this moment. Its text is one of MESSAGES."""

    def __init__(self, name: str):
        super().__init__(MESSAGES[name])
        self.name = name


# Settle --------------------------------------------------------------------------------------


def is_settling_since(started) -> bool:
    """Whether the settle period that began at `started` (the second "we talked") still runs."""
    until = consent.settle_until(started, days=settings.HANDHOLD_SETTLE_DAYS)
    return consent.is_settling(timezone.now(), until)


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
    any_ticks = SupplyTick.objects.filter(couple_id=user.couple_id, pack_id=pack.id).exists()
    couples.note_pack_mark(
        couple_id=user.couple_id,
        person_id=None,
        field="prepared_packs",
        pack_id=pack.id,
        on=any_ticks,
    )


# What the rules are asked with ---------------------------------------------------------------


def plans_for(user: User):
    """Every plan of this person's couple: the one access path, so others get nothing."""
    return SessionPlan.objects.filter(couple_id=user.couple_id)


class PlanLine(NamedTuple):
    """One plan as the sessions page lists it: its link, when it was proposed and its state."""

    public_id: UUID
    proposed_at: datetime
    status: str

    @property
    def status_label(self) -> str:
        return status_label_of(self.status)


def recent_plans(user: User, count: int = 10) -> list[PlanLine]:
    """The couple's newest plans, newest first, for the sessions page: through `plans_for`'s
    owner (the couple), one statement written once (handhold.rows), and only the three columns
    the page lists, not whole plans (a plan made from its row cost some sixty Python calls)."""
    if user.couple_id is None:
        return []
    return [PlanLine(*row) for row in _RECENT_PLANS.all([user.couple_id], limit=count)]


_RECENT_PLANS = Rows(
    SessionPlan,
    columns=PlanLine._fields,
    where="m.couple_id = %s",
    order="m.proposed_at DESC, m.id DESC",
)


def mutual_tokens(*, user: User, pack: Pack, side=None, sides=None) -> frozenset[Token]:
    """The couple's mutual tokens as they are right now; empty until the reveal. `side`: this
    person's journey row, or `sides` both (`couple_sides`), when the page has read them (see
    discovery.services.reveal_for)."""
    return discovery.reveal_for(viewer=user, pack=pack, side=side, sides=sides, items=False).tokens


def token_of(step: SessionStep, pack: Pack) -> Token:
    """The matching token a planned step stands for."""
    return Token(pack.level_of(step.item_id, default=0), step.item_id, step.receiver)


def reached_level(plan: SessionPlan, pack: Pack) -> int:
    """The level of the furthest step the two got to in `plan` (0 if it has no steps)."""
    reached = [s for s in plan.steps.all() if s.position <= plan.current_position]
    return max((pack.level_of(s.item_id, default=0) for s in reached), default=0)


def halts_of(user: User) -> list[Halt]:
    if user.couple_id is None:
        return []
    return list(Halt.objects.filter(couple_id=user.couple_id).select_related("plan"))


def couple_sides(user: User) -> dict:
    """Both journey sides of this person's couple (state.journey_sides), or none while they
    are not paired: for the server's rules, and this person's own side for their pages."""
    if not user.is_paired:
        return {}
    sides = state.journey_sides(user.couple_id)
    if user.pk in sides:
        couples.keep_topic(user, sides[user.pk].journey)  # current_pack(user) reads no more
    return sides


@dataclass(frozen=True)
class Pacing:
    """What the rules say about the next session, for one person of the couple."""

    reason: str | None  # why no session may be proposed now (a MESSAGES key), or None
    ceiling: int  # the highest ceiling the next session may have
    resting_from: int | None  # for everyone: no step at or above this level
    my_resting_from: int | None  # this person's own halts only: safe to show them
    my_halts: tuple[Halt, ...]  # this person's own red or stop, not opened again yet
    pause: PauseState | None = None  # the couple's pause, for the page to say who may resume

    @property
    def someone_rests(self) -> bool:
        """The neutral "some steps are resting" line, the same for both."""
        return self.resting_from is not None


def pacing_for(
    *,
    user: User,
    pack: Pack,
    mutual: frozenset[Token] | None = None,
    sides: dict | None = None,
) -> Pacing:
    """Asks core.consent about the next session, with the couple's state as the journey rows
    hold it (one query for both sides; handhold/together/state.py). `mutual` and `sides`
    (`couple_sides(user)`) save reading them again when the caller has them. This person's own
    halts, the ones they may open again, are read only when they hold something back."""
    if sides is None:
        sides = couple_sides(user)
    if mutual is None:
        mutual = mutual_tokens(user=user, pack=pack, sides=sides)
    lowest = min((t.level for t in mutual), default=None)
    mine = sides.get(user.pk)
    if mine is None:
        couple_state = consent.CoupleState(
            paired=False,
            paused=False,
            has_mutual=bool(mutual),
            talk_confirmed_at=None,
            cooling_until=None,
            last_debriefs_written=True,
            session_open=False,
        )
        return Pacing(
            reason=consent.why_no_proposal(
                couple_state, now=timezone.now(), settle_days=settings.HANDHOLD_SETTLE_DAYS
            ),
            ceiling=consent.first_time_ceiling(lowest),
            resting_from=None,
            my_resting_from=None,
            my_halts=(),
        )
    shared = mine.journey
    couple_state = consent.CoupleState(
        paired=True,
        paused=shared.is_paused,
        has_mutual=bool(mutual),
        talk_confirmed_at=shared.talked_at,
        cooling_until=consent.cooling_after(
            shared.last_halt_at, days=settings.HANDHOLD_SETTLE_DAYS
        ),
        last_debriefs_written=shared.last_debriefs_written,
        session_open=shared.open_plan_status != "",
    )
    held = [side.holds_back_from for side in sides.values() if side.holds_back_from is not None]
    my_halts = ()
    if mine.holds_back_from is not None:
        my_halts = tuple(
            h
            for h in halts_of(user)
            if h.held_by_id == user.pk and h.opened_at is None and h.plan.pack_id == pack.id
        )
    after = shared.ceiling_after_history
    return Pacing(
        reason=consent.why_no_proposal(
            couple_state, now=timezone.now(), settle_days=settings.HANDHOLD_SETTLE_DAYS
        ),
        ceiling=consent.first_time_ceiling(lowest) if after is None else after,
        resting_from=min(held, default=None),
        my_resting_from=mine.holds_back_from,
        my_halts=my_halts,
        pause=shared.pause,
    )


def proposable_steps(*, user: User, pacing: Pacing, mutual: frozenset[Token]) -> list[Token]:
    """The steps this person is offered when proposing: mutual, within the ceiling, and not
    resting by their *own* red or stop. Steps resting by the partner's are refused when
    proposed (`propose`), but not left out here: leaving them out would tell this person
    which levels their partner holds back."""
    return [
        t
        for t in sorted(mutual)
        if t.level <= pacing.ceiling
        and (pacing.my_resting_from is None or t.level < pacing.my_resting_from)
    ]


def current_steps(plan: SessionPlan, *, pack: Pack, mutual: frozenset[Token]) -> list:
    """The plan's steps that are still mutual. Steps whose item someone changed to no are
    deleted by the write that changed it (`drop_steps_no_longer_mutual`); this read only
    filters, so that a page view never writes."""
    return [s for s in plan.steps.all() if token_of(s, pack) in mutual]


# Proposing and answering ---------------------------------------------------------------------


@transaction.atomic
def propose(
    *, user: User, pack: Pack, steps: list[Token], ceiling: int, stop_word: str
) -> SessionPlan:
    # One proposal at a time per couple, even from two tabs at once.
    list(User.objects.select_for_update().filter(couple_id=user.couple_id).values_list("pk"))
    mutual = mutual_tokens(user=user, pack=pack)
    pacing = pacing_for(user=user, pack=pack, mutual=mutual)
    if pacing.reason:
        raise NotNow(pacing.reason)
    if ceiling > pacing.ceiling:
        raise NotNow("above_ceiling")
    try:
        ordered = consent.plan_steps(
            steps, mutual=mutual, resting_from_level=pacing.resting_from, ceiling=ceiling
        )
    except consent.StepNotAllowed as refused:
        raise NotNow(str(refused)) from None
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
    refresh_sessions(user.couple_id)
    return plan


def _locked(user: User, public_id: UUID, status: str) -> SessionPlan:
    """One of the couple's plans, by the id its URLs carry, in `status`, locked for a write.
    DoesNotExist otherwise."""
    return plans_for(user).select_for_update().get(public_id=public_id, status=status)


def _waiting_for(user: User, public_id: UUID) -> SessionPlan:
    """A proposal the *other* partner made, still waiting. DoesNotExist otherwise."""
    return (
        plans_for(user)
        .select_for_update()
        .exclude(proposer=user)
        .get(public_id=public_id, status=SessionPlan.Status.PROPOSED)
    )


@transaction.atomic
def decline(*, user: User, public_id: UUID) -> SessionPlan:
    """ "Not this time": one click, no reason, and the proposer sees a kind, neutral line."""
    plan = _waiting_for(user, public_id)
    plan.status = SessionPlan.Status.DECLINED
    plan.save(update_fields=["status"])
    refresh_sessions(user.couple_id)
    return plan


@transaction.atomic
def accept(
    *, user: User, pack: Pack, public_id: UUID, keep: list[Token], ceiling: int, stop_word: str
) -> SessionPlan:
    """The other partner agrees to some or all of the steps, at the same or a lower ceiling,
    and may change the stop word: nothing was ticked for them, so each kept step is their own
    choice. Never more than was proposed (core.consent.agree_to)."""
    plan = _waiting_for(user, public_id)
    if couples.is_paused(user):
        raise NotNow("paused")
    mutual = mutual_tokens(user=user, pack=pack)
    steps = current_steps(plan, pack=pack, mutual=mutual)
    by_token = {token_of(s, pack): s for s in steps}
    try:
        agreed, plan.ceiling = consent.agree_to(
            list(by_token), keep, proposed_ceiling=plan.ceiling, ceiling=ceiling
        )
    except consent.StepNotAllowed as refused:
        raise NotNow(str(refused)) from None
    keep = {by_token[t].pk for t in agreed}
    plan.steps.exclude(pk__in=keep).delete()
    plan.stop_word = stop_word.strip() or plan.stop_word
    plan.status = SessionPlan.Status.AGREED
    plan.full_clean()
    plan.save(update_fields=["status", "ceiling", "stop_word"])
    refresh_sessions(user.couple_id)
    return plan


@transaction.atomic
def cancel(*, user: User, public_id: UUID) -> None:
    """Either partner may cancel, at any time, also during the session."""
    plans_for(user).filter(public_id=public_id, status__in=SessionPlan.OPEN).update(
        status=SessionPlan.Status.CANCELLED, ended_at=timezone.now()
    )
    refresh_sessions(user.couple_id)


@transaction.atomic
def start(*, user: User, public_id: UUID) -> SessionPlan:
    if couples.is_paused(user):
        raise NotNow("paused")
    plan = _locked(user, public_id, SessionPlan.Status.AGREED)
    plan.status, plan.started_at = SessionPlan.Status.ACTIVE, timezone.now()
    first = plan.steps.order_by("position").first()
    plan.current_position = first.position if first else 1
    plan.save(update_fields=["status", "started_at", "current_position"])
    refresh_sessions(user.couple_id)
    return plan


# During the session --------------------------------------------------------------------------


def light_of(plan: SessionPlan) -> str:
    """The colour the session stands at: each person's latest check-in, the most cautious."""
    latest: dict[str, str] = {}
    for person_id, light in plan.check_ins.order_by("at", "pk").values_list("person_id", "light"):
        latest[str(person_id)] = light
    return consent.session_light(latest)


def _where(plan: SessionPlan, steps: list) -> tuple[SessionStep | None, SessionStep | None]:
    """The step the two are at during the session, and the next one (either may be None)."""
    here = [s for s in steps if s.position <= plan.current_position]
    ahead = [s for s in steps if s.position > plan.current_position]
    return (here[-1] if here else None), (ahead[0] if ahead else None)


def _may_move_on(plan: SessionPlan, steps: list, pack: Pack, light: str) -> bool:
    current, following = _where(plan, steps)
    if following is None:
        return False
    return consent.may_move_on(
        current_level=pack.level_of(current.item_id, default=0) if current else 0,
        next_level=pack.level_of(following.item_id, default=0),
        light=light,
    )


@transaction.atomic
def move_on(*, user: User, pack: Pack, public_id: UUID) -> SessionPlan:
    """On to the next step, which either may say; while yellow stands, never to a higher
    level."""
    plan = _locked(user, public_id, SessionPlan.Status.ACTIVE)
    mutual = mutual_tokens(user=user, pack=pack)
    steps = current_steps(plan, pack=pack, mutual=mutual)
    following = _where(plan, steps)[1]
    if following is None:
        raise NotNow("nothing_further")
    if not _may_move_on(plan, steps, pack, light_of(plan)):
        raise NotNow("stay_here")
    plan.current_position = following.position
    plan.save(update_fields=["current_position"])
    return plan


@transaction.atomic
def check_in(*, user: User, pack: Pack, public_id: UUID, light: str) -> SessionPlan:
    """A traffic-light check-in. Red ends the session for both, at once, and rests the level
    it happened at (and above) until the person who said it opens it again."""
    plan = _locked(user, public_id, SessionPlan.Status.ACTIVE)
    CheckIn.objects.create(plan=plan, person=user, light=light)
    if light == CheckIn.Light.RED:
        now = timezone.now()
        plan.status, plan.ended_at, plan.ended_by_red = SessionPlan.Status.ENDED, now, True
        plan.save(update_fields=["status", "ended_at", "ended_by_red"])
        _halt(plan, pack, by=user, why=Halt.Why.RED)
        refresh_sessions(user.couple_id)
    return plan


def _halt(plan: SessionPlan, pack: Pack, *, by: User, why: str) -> None:
    level = consent.halt_level(reached_level=reached_level(plan, pack))
    Halt.objects.get_or_create(
        plan=plan, why=why, held_by=by, defaults={"couple_id": plan.couple_id, "level": level}
    )


@transaction.atomic
def finish(*, user: User, public_id: UUID) -> None:
    plans_for(user).filter(public_id=public_id, status=SessionPlan.Status.ACTIVE).update(
        status=SessionPlan.Status.ENDED, ended_at=timezone.now()
    )
    refresh_sessions(user.couple_id)


# Debriefs ------------------------------------------------------------------------------------


@transaction.atomic
def write_debrief(
    *, user: User, pack: Pack, public_id: UUID, felt: str, good: str, change: str, pace: str
) -> Debrief:
    plan = _locked(user, public_id, SessionPlan.Status.ENDED)
    debrief, _created = Debrief.objects.update_or_create(
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
                _halt(plan, pack, by=written.author, why=Halt.Why.STOP)
    refresh_sessions(user.couple_id)
    return debrief


@transaction.atomic
def open_again(*, user: User, public_id: UUID) -> bool:
    """Only the one who said red or stop can open what rests again. The cooling period that
    followed still runs. Returns whether anything was opened."""
    opened = Halt.objects.filter(
        public_id=public_id, couple_id=user.couple_id, held_by=user, opened_at__isnull=True
    ).update(opened_at=timezone.now())
    refresh_sessions(user.couple_id)
    return bool(opened)


@dataclass(frozen=True)
class DebriefView:
    mine: Debrief | None
    both: list[Debrief]  # empty until both have written


def debriefs_for(*, user: User, plan: SessionPlan) -> DebriefView:
    """Neither sees the other's debrief until both have written theirs."""
    rows = list(plan.debriefs.all())
    mine = next((d for d in rows if d.author_id == user.pk), None)
    return DebriefView(mine=mine, both=rows if len(rows) == 2 else [])


@dataclass(frozen=True)
class StepView:
    token: Token
    title: str
    role: str  # how it reads for the viewer: give, receive or together
    level: int
    position: int
    is_current: bool  # during the session: the step the two are at


@dataclass(frozen=True)
class SessionView:
    """Everything one person's session page shows, read once. Shared facts only: the plan,
    its steps from the viewer's side, the colour it stands at, and their own debrief."""

    plan: SessionPlan
    steps: list[StepView]
    mine: bool  # the viewer proposed it
    waits_for_me: bool  # a proposal the viewer is asked to answer
    light: str
    may_move_on: bool
    debriefs: DebriefView


def session_view(*, user: User, plan: SessionPlan, pack: Pack) -> SessionView:
    mutual = mutual_tokens(user=user, pack=pack)
    steps = current_steps(plan, pack=pack, mutual=mutual)
    active = plan.status == SessionPlan.Status.ACTIVE
    light = light_of(plan) if active else consent.GREEN
    current = _where(plan, steps)[0]
    views = [
        StepView(
            token=token_of(s, pack),
            title=pack.activity(s.item_id).title,
            role=step_role(s, user=user),
            level=pack.level_of(s.item_id, default=0),
            position=s.position,
            is_current=active and s is current,
        )
        for s in steps
    ]
    return SessionView(
        plan=plan,
        steps=views,
        mine=plan.proposer_id == user.pk,
        waits_for_me=plan.status == SessionPlan.Status.PROPOSED and plan.proposer_id != user.pk,
        light=light,
        may_move_on=active and _may_move_on(plan, steps, pack, light),
        debriefs=debriefs_for(user=user, plan=plan),
    )


# When an answer changes ------------------------------------------------------------------------


def drop_steps_no_longer_mutual(*, person: User, pack: Pack) -> None:
    """A change to no removes a match at once, silently: also from any plan still open. Runs
    inside the write that changed the answer (discovery.signals.answers_changed)."""
    if person.couple_id is None:
        return
    open_plans = list(
        plans_for(person)
        .filter(status__in=SessionPlan.OPEN, pack_id=pack.id)
        .prefetch_related(Prefetch("steps", queryset=SessionStep.objects.order_by()))
    )
    if not open_plans:
        return
    mutual = mutual_tokens(user=person, pack=pack)
    gone = [
        s.pk for plan in open_plans for s in plan.steps.all() if token_of(s, pack) not in mutual
    ]
    SessionStep.objects.filter(pk__in=gone).delete()


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
