"""The couple's journey row, rebuilt from the facts it summarises.

`handhold.couples.models.CoupleJourney` (shared by both) and `PersonJourney` (each person's
own side) are kept by the services that change a fact, in the same transaction; this module is
the other half of that promise: what the rows must hold, read from the facts themselves. It is
used three ways: by the session services, which refresh the session facts after each write
(`refresh_sessions`); by the data migration that filled the rows for couples paired before
them, and by anyone repairing a couple by hand (`rebuild_journey`); and by the property test
that replays random sequences of services and asserts, after each step, that the stored rows
equal the rebuilt ones (tests/test_state.py).

Every reader here takes `apps`, Django's app registry, so that the data migration can run
the same code with the models as they stood then. It reads fields only: no model methods.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps as live_apps

from handhold.content.registry import all_packs, default_pack, pack_for
from handhold.core import consent
from handhold.core.packs import Pack
from handhold.core.private_runs import mode_is_on
from handhold.rows import Rows

OPEN = ("proposed", "agreed", "active")
ENDED = "ended"


def _model(apps, label: str):
    return apps.get_model(*label.split("."))


def journey_from_facts(couple_id: int, *, apps=live_apps):
    """(the couple's row, {person id: their side}) as plain field values, read from the facts.
    What is not kept by pack (the talk, the sessions' pace, the levels held back) is the
    couple's topic's."""
    couple = _model(apps, "accounts.Couple").objects.get(pk=couple_id)
    people = sorted(
        _model(apps, "accounts.User")
        .objects.filter(couple_id=couple_id)
        .values_list("pk", flat=True)
    )
    topic = _chosen_topic(couple_id, apps=apps)
    shared = {"paired_since": couple.created_at, "topic": topic}
    waiting_topic = _model(apps, "couples.TopicSuggestion").objects.filter(
        couple_id=couple_id, answer="", withdrawn=False
    )
    shared["topic_suggested_by_id"] = next(
        iter(waiting_topic.values_list("suggested_by_id", flat=True)), None
    )
    sides = {person: {} for person in people}

    finished: dict[str, set[int]] = {}
    marks = _model(apps, "discovery.FinishedAnswering").objects.filter(couple_id=couple_id)
    for person, pack_id in marks.values_list("person_id", "pack_id"):
        finished.setdefault(pack_id, set()).add(person)
    for person in people:
        sides[person]["finished_packs"] = sorted(p for p, who in finished.items() if person in who)
    revealed = {p for p, who in finished.items() if len(who) == 2}
    shared["revealed_packs"] = sorted(revealed | _privately_matched(couple_id, apps=apps))
    if _has_field(apps, "couples.CoupleJourney", "private_matching"):
        shared["private_matching"] = _private_matching_on(couple_id, apps=apps)

    ticks = _model(apps, "together.SupplyTick").objects.filter(couple_id=couple_id)
    shared["prepared_packs"] = sorted(set(ticks.values_list("pack_id", flat=True)))

    talk = dict(
        _model(apps, "couples.TalkConfirmation")
        .objects.filter(couple_id=couple_id, pack_id=topic)
        .values_list("person_id", "confirmed_at")
    )
    shared["talked_at"] = consent.talk_confirmed_at(talk)
    first = next(iter(talk)) if talk and shared["talked_at"] is None else None
    shared["first_said_we_talked_by_id"] = first

    pause = _model(apps, "couples.Pause").objects.filter(couple_id=couple_id).first()
    shared["paused_by_id"] = pause.paused_by_id if pause else None
    shared["paused_at"] = pause.paused_at if pause else None

    waiting: dict[str, set[int]] = {}
    invitations = _model(apps, "conversation.TalkInvitation").objects.filter(
        couple_id=couple_id, answer=""
    )
    for sender, pack_id in invitations.values_list("sender_id", "pack_id"):
        waiting.setdefault(pack_id, set()).add(sender)
    shared["invitations_from"] = {p: sorted(who) for p, who in sorted(waiting.items())}

    session_shared, session_sides = _session_facts(
        couple_id, people, apps=apps, pack=_pack_of(topic)
    )
    shared.update(session_shared)
    for person in people:
        sides[person].update(session_sides[person])
    return shared, sides


# The fields the session services change, and only those: `refresh_sessions` writes these.
SESSION_FIELDS = (
    "open_plan_status",
    "open_plan_by_id",
    "had_session",
    "last_debriefs_written",
    "last_halt_at",
    "ceiling_after_history",
)
SESSION_SIDE_FIELDS = ("holds_back_from", "debrief_due")


def _chosen_topic(couple_id: int, *, apps) -> str:
    suggestions = _model(apps, "couples.TopicSuggestion").objects.filter(
        couple_id=couple_id, withdrawn=False, answered_at__isnull=False
    )
    answers = [
        consent.TopicAnswer(pack_id, answer, at)
        for pack_id, answer, at in suggestions.values_list("pack_id", "answer", "answered_at")
    ]
    return consent.chosen_topic(answers, default=default_pack().id)


def _pack_of(topic: str) -> Pack:
    """The topic's pack, for its levels (the same in every language); the default pack when
    the topic's pack is no longer installed."""
    return pack_for(None, topic if topic in all_packs() else None)


def _privately_matched(couple_id: int, *, apps) -> set[str]:
    """Packs with a match stored by private matching: revealed to both at the same moment,
    with no finished marks (the server never had the answers). Migrations older than private
    matching have no such table: nothing was private then."""
    try:
        matches = _model(apps, "discovery.PrivateMatch")
    except LookupError:
        return set()
    return set(matches.objects.filter(couple_id=couple_id).values_list("pack_id", flat=True))


def _has_field(apps, label: str, name: str) -> bool:
    """Whether the model, as it stood when `apps` was taken, has this field: the data migration
    that first filled the rows ran before some fields existed."""
    return any(f.name == name for f in _model(apps, label)._meta.get_fields())


def _private_matching_on(couple_id: int, *, apps) -> bool:
    """Both have ticked private matching (core.private_runs.mode_is_on). Migrations older
    than private matching have no ticks: nothing was private then."""
    try:
        ticks = _model(apps, "discovery.PrivateMatchingTick")
    except LookupError:
        return False
    return mode_is_on(ticks.objects.filter(couple_id=couple_id).count())


def _session_facts(couple_id: int, people: list[int], *, apps, pack: Pack):
    """The session facts of the couple's row. The pace (a first time, the history's ceiling,
    the levels held back) is the topic's own: levels mean different things in different packs.
    What keeps the two safe holds across topics: one open plan at a time, the cooling period
    after any red or stop, and the debriefs of the last session before the next."""
    plans = _model(apps, "together.SessionPlan").objects.filter(couple_id=couple_id)
    open_plan = plans.filter(status__in=OPEN).order_by("-proposed_at", "-pk").first()
    ended = list(
        plans.filter(status=ENDED).order_by("ended_at", "pk").prefetch_related("steps", "debriefs")
    )
    history, both_written = [], True
    for plan in ended:
        debriefs = list(plan.debriefs.all())
        both_written = len(debriefs) == 2
        if plan.pack_id != pack.id:
            continue
        paces = tuple(d.pace for d in debriefs) if both_written else ()
        reached = [s for s in plan.steps.all() if s.position <= plan.current_position]
        level = max((pack.level_of(s.item_id, default=0) for s in reached), default=0)
        history.append(consent.PastSession(level, plan.ended_by_red, paces))
    halts = list(
        _model(apps, "together.Halt")
        .objects.filter(couple_id=couple_id)
        .values("since", "level", "held_by_id", "opened_at", "plan__pack_id")
    )
    shared = {
        "open_plan_status": open_plan.status if open_plan else "",
        "open_plan_by_id": open_plan.proposer_id if open_plan else None,
        "had_session": bool(history),
        "last_debriefs_written": both_written,
        "last_halt_at": max((h["since"] for h in halts), default=None),
        "ceiling_after_history": consent.ceiling_after_history(history),
    }
    # The newest ended session, as the "waiting for you" list finds it.
    newest = max(ended, key=lambda p: (p.proposed_at, p.pk), default=None)
    wrote = {d.author_id for d in newest.debriefs.all()} if newest else set()
    held = [h for h in halts if h["opened_at"] is None and h["plan__pack_id"] == pack.id]
    sides = {
        person: {
            "holds_back_from": min(
                (h["level"] for h in held if h["held_by_id"] == person), default=None
            ),
            "debrief_due": newest is not None and person not in wrote,
        }
        for person in people
    }
    return shared, sides


def _write(couple_id: int, shared: dict, sides: dict, *, apps) -> None:
    journey_model = _model(apps, "couples.CoupleJourney")
    side_model = _model(apps, "couples.PersonJourney")
    journey, _ = journey_model.objects.update_or_create(couple_id=couple_id, defaults=shared)
    side_model.objects.filter(journey_id=couple_id).exclude(person_id__in=sides).delete()
    for person, fields in sides.items():
        side_model.objects.update_or_create(journey=journey, person_id=person, defaults=fields)


def rebuild_journey(couple_id: int, *, apps=live_apps) -> None:
    """Write the couple's journey rows afresh from the facts: for couples paired before the
    rows existed (the data migration), and to repair one by hand. Not needed by any page."""
    shared, sides = journey_from_facts(couple_id, apps=apps)
    _write(couple_id, shared, sides, apps=apps)


def refresh_sessions(couple_id: int | None) -> None:
    """Called inside every session service's transaction, after its write: the session facts
    of the couple's rows (an open plan, the history's ceiling, halts, debriefs due), read
    again. Writes are rare beside page views, so they pay for the pages' single query."""
    if couple_id is None:
        return
    journey_model = _model(live_apps, "couples.CoupleJourney")
    side_model = _model(live_apps, "couples.PersonJourney")
    locked = journey_model.objects.select_for_update().filter(couple_id=couple_id)
    topic = next(iter(locked.values_list("topic", flat=True)), None)
    if topic is None:
        return
    people = list(
        side_model.objects.filter(journey_id=couple_id).values_list("person_id", flat=True)
    )
    shared, sides = _session_facts(couple_id, people, apps=live_apps, pack=_pack_of(topic))
    journey_model.objects.filter(couple_id=couple_id).update(**shared)
    for person, fields in sides.items():
        side_model.objects.filter(journey_id=couple_id, person_id=person).update(**fields)


def stored_journey(couple_id: int):
    """The rows as stored, in the shape `journey_from_facts` returns: for the tests."""
    journey_model = _model(live_apps, "couples.CoupleJourney")
    side_model = _model(live_apps, "couples.PersonJourney")
    row = journey_model.objects.filter(couple_id=couple_id).values().first()
    if row is None:
        return None, {}
    row.pop("couple_id")
    sides = {}
    for side in side_model.objects.filter(journey_id=couple_id).values():
        person = side.pop("person_id")
        for key in ("id", "journey_id"):
            side.pop(key)
        sides[person] = side
    return row, sides


# Reading -------------------------------------------------------------------------------------


def journey_side(user, *, request=None):
    """This person's side of the journey, its `.journey` the couple's row: one query (with
    `request`, the request's user, at most one per request, shared with the page's other
    readers). None for someone unpaired. A couple without rows (none should be: pairing makes
    them, and the data migration filled the earlier ones) is read from the facts instead, never
    written on a read."""
    from handhold.couples import services as couples

    if user.couple_id is None:
        return None
    side = couples.journey_of(user) if request is None else couples.journey_of_request(request)
    return side if side is not None else _unsaved(user.couple_id)[user.pk]


def journey_sides(couple_id: int) -> dict:
    """Both sides, each with the couple's row, in one query: for the server's own rules (the
    levels either holds back), never for showing one person the other's side."""
    rows = _both_sides().all([couple_id])
    if not rows:
        return _unsaved(couple_id)
    return {row.person_id: row for row in rows}


@cache
def _both_sides() -> Rows:
    """The read behind `journey_sides`, on the sessions pages: one statement written once
    (handhold.rows), as `select_related("journey").filter(journey_id=...)` would read it."""
    side_model = _model(live_apps, "couples.PersonJourney")
    return Rows(side_model, related="journey", where="m.journey_id = %s")


def _unsaved(couple_id: int) -> dict:
    journey_model = _model(live_apps, "couples.CoupleJourney")
    side_model = _model(live_apps, "couples.PersonJourney")
    shared, sides = journey_from_facts(couple_id)
    journey = journey_model(couple_id=couple_id, **shared)
    return {
        person: side_model(journey=journey, person_id=person, **fields)
        for person, fields in sides.items()
    }
