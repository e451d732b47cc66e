"""Private matching (issue #17): the mode, its runs and the mutual set they store.

In private mode each person's answers live in their own browser; the server relays blinded
points between the two browsers (handhold/core/private_matching.py checks every set) and
keeps only the mutual tokens both browsers agreed on. The run's rules are in
handhold/core/private_runs.py; this module reads and writes the rows. Every run is fetched
through the couple (`runs_of`), so anyone else gets a 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import Couple, User
from handhold.core import answers_copy as ac
from handhold.core import private_matching as pm
from handhold.core import private_runs as rules
from handhold.core.matching import CatalogItem, Token
from handhold.core.packs import Pack
from handhold.couples import services as couples
from handhold.discovery.models import (
    Answer,
    FinishedAnswering,
    PrivateAnswersCopy,
    PrivateMatch,
    PrivateMatchingTick,
    PrivateRun,
)

# Every refusal of this mode, named, in one place. None says anything of an answer.
MESSAGES = {
    "not_paired": _("Private matching is for two people, once you are paired."),
    "not_on": _("Private matching is on only when you have both ticked it."),
    "run_in_progress": _("A run is already going. Finish it or stop it first."),
    "run_limit": _(
        "That's three runs in a day, which is plenty. Take a breather; you can run it again "
        "tomorrow."
    ),
    "not_now": _("This run is not waiting for that just now."),
    "locked": _("Answers wait while a run is going; change them once it has finished."),
    "run_again": _(
        "Your two browsers did not come to the same answer, so nothing is shown. Please run the "
        "match again."
    ),
    "copy_changed": _(
        "Your answers changed on another device since this page opened. Reload this page to "
        "bring them here first."
    ),
}


class NotNow(Exception):
    def __init__(self, name: str):
        super().__init__(MESSAGES[name])
        self.name = name


STEP_FIELDS = {
    rules.ROUND_ONE: ("first_round_one", "second_round_one"),
    rules.ROUND_TWO: ("first_round_two", "second_round_two"),
    rules.MUTUAL: ("first_mutual", "second_mutual"),
}


# The mode ------------------------------------------------------------------------------------


def is_on(user: User, *, side=None) -> bool:
    """Whether private matching is on for this person's couple: both have ticked it. With
    `side`, this person's journey row already read for the page (couples.journey_of), no
    query: the couple's row keeps it (`CoupleJourney.private_matching`). Writes ask the ticks."""
    if user.couple_id is None:
        return False
    if side is not None:
        return side.journey.private_matching
    ticks = PrivateMatchingTick.objects.filter(couple_id=user.couple_id).count()
    return rules.mode_is_on(ticks)


def has_ticked(user: User) -> bool:
    if user.couple_id is None:
        return False
    return PrivateMatchingTick.objects.filter(couple_id=user.couple_id, person=user).exists()


def on_since(user: User):
    """When the mode came on (the second tick); the browsers start a fresh ladder from it."""
    ticks = PrivateMatchingTick.objects.filter(couple_id=user.couple_id)
    times = sorted(ticks.values_list("ticked_at", flat=True))
    return times[1] if len(times) >= 2 else None


@transaction.atomic
def tick(*, person: User) -> bool:
    """Tick private matching; returns whether it is now on. When this tick turns it on, both
    people's ordinary answers for every pack and their finished marks are deleted: from now on
    answers live in the browsers, and the ladder starts afresh there."""
    if person.couple_id is None:
        raise NotNow("not_paired")
    PrivateMatchingTick.objects.get_or_create(couple_id=person.couple_id, person=person)
    if not is_on(person):
        return False
    couples.note_private_matching(couple_id=person.couple_id, on=True)
    members = User.objects.filter(couple_id=person.couple_id)
    Answer.objects.filter(person__in=members).delete()
    PrivateAnswersCopy.objects.filter(couple_id=person.couple_id).delete()  # a fresh start
    marks = FinishedAnswering.objects.filter(couple_id=person.couple_id)
    for person_id, pack_id in marks.values_list("person_id", "pack_id"):
        couples.note_pack_mark(
            couple_id=person.couple_id,
            person_id=person_id,
            field="finished_packs",
            pack_id=pack_id,
            on=False,
        )
        _note_revealed(person.couple_id, pack_id, on=False)
    marks.delete()
    return True


@transaction.atomic
def untick(*, person: User) -> None:
    """Either can switch private matching off at any moment. Its runs and stored match go;
    the ladder starts afresh in the ordinary mode (the server never had the answers)."""
    if person.couple_id is None:
        return
    PrivateMatchingTick.objects.filter(couple_id=person.couple_id, person=person).delete()
    couples.note_private_matching(couple_id=person.couple_id, on=False)
    PrivateRun.objects.filter(couple_id=person.couple_id).delete()
    # Both browsers' copies go too: off means the answers live nowhere but in the browsers.
    PrivateAnswersCopy.objects.filter(couple_id=person.couple_id).delete()
    matches = PrivateMatch.objects.filter(couple_id=person.couple_id)
    for pack_id in matches.values_list("pack_id", flat=True):
        _note_revealed(person.couple_id, pack_id, on=False)
    matches.delete()


def _note_revealed(couple_id: int, pack_id: str, *, on: bool) -> None:
    """Keep the couple's journey row in step: a stored private match is the reveal."""
    couples.note_pack_mark(
        couple_id=couple_id, person_id=None, field="revealed_packs", pack_id=pack_id, on=on
    )


# Runs ----------------------------------------------------------------------------------------


def runs_of(user: User):
    """Every run of this person's couple: the one access path, so others get nothing."""
    return PrivateRun.objects.filter(couple_id=user.couple_id)


def run_for(user: User, public_id: UUID) -> PrivateRun:
    """One run of this person's couple; PrivateRun.DoesNotExist for anyone else's."""
    if user.couple_id is None:
        raise PrivateRun.DoesNotExist
    return runs_of(user).get(public_id=public_id)


def protocol_id(public_id: UUID) -> str:
    """How the protocol writes a public id: its 32 hex digits (private_matching._ID)."""
    return public_id.hex


def couple_id_of(user: User) -> str:
    """The couple's public id as the protocol names it, in the domain separation tag."""
    return protocol_id(Couple.objects.values_list("public_id", flat=True).get(pk=user.couple_id))


def run_dst(run: PrivateRun) -> bytes:
    """The domain separation tag both browsers hash this run's tokens with."""
    couple = Couple.objects.values_list("public_id", flat=True).get(pk=run.couple_id)
    return pm.dst(couple_id=protocol_id(couple), run_id=protocol_id(run.public_id))


def people_of(user: User) -> tuple[str, str]:
    """The couple's two public ids in the protocol's order ('a' first)."""
    return people_of_couple(user.couple_id)


def people_of_couple(couple_id: int) -> tuple[str, str]:
    return pm.people_in_order(*_public_ids(couple_id).values())


def _public_ids(couple_id: int) -> dict[int, str]:
    """The two people's public ids as the protocol writes them, by primary key. Only these
    reach a browser or a hash; the primary keys stay on the server (the ordinary reveal and
    sessions label receivers by them)."""
    rows = User.objects.filter(couple_id=couple_id).values_list("pk", "public_id")
    return {pk: protocol_id(public_id) for pk, public_id in rows}


def side_of(user: User) -> int:
    """0 if this person is the protocol's first ('a'), 1 if second."""
    return people_of(user).index(protocol_id(user.public_id))


def catalog_of(pack: Pack) -> dict[str, CatalogItem]:
    return {a.id: CatalogItem(level=a.level, roles=frozenset(a.roles)) for a in pack.activities}


def _posted(run: PrivateRun) -> dict[str, int]:
    return {
        step: sum(getattr(run, f) is not None for f in fields)
        for step, fields in STEP_FIELDS.items()
    }


@transaction.atomic
def start_run(*, person: User, pack: Pack) -> PrivateRun:
    """Start a run, which both then see; refused while one is going or past the limit."""
    if not is_on(person):
        raise NotNow("not_on")
    runs = list(runs_of(person).select_for_update())
    refusal = rules.may_start_run(
        started=(r.created_at for r in runs),
        now=timezone.now(),
        one_in_progress=any(rules.is_in_progress(r.status) for r in runs),
    )
    if refusal:
        raise NotNow(refusal)
    run = PrivateRun(
        couple_id=person.couple_id,
        pack_id=pack.id,
        number=max((r.number for r in runs), default=0) + 1,
        started_by=person,
    )
    run.full_clean()
    run.save()
    return run


@transaction.atomic
def post_step(*, person: User, run: PrivateRun, step: str, posted: object, pack: Pack) -> None:
    """Take one person's set for one step, after the protocol's checks (`PostedSetInvalid`
    for a bad set, with its named reason). When the second mutual set arrives, the run
    settles: the match is stored only if both sets agree, else nothing is shown."""
    run = PrivateRun.objects.select_for_update().get(pk=run.pk)
    side = side_of(person)
    field = STEP_FIELDS[step][side]
    if not rules.may_post(status=run.status, step=step, already_posted=getattr(run, field)):
        raise NotNow("not_now")
    size = pm.ladder_size(catalog_of(pack))
    if step == rules.ROUND_ONE:
        points = pm.check_round_one(posted, expected_size=size)
        value: list[str] = [p.hex() for p in points]
    elif step == rules.ROUND_TWO:
        partner_one = getattr(run, STEP_FIELDS[rules.ROUND_ONE][1 - side])
        partner_points = [bytes.fromhex(p) for p in partner_one]
        points = pm.check_round_two(posted, partner_round_one=partner_points)
        value = [p.hex() for p in points]
    else:
        if not isinstance(posted, list) or not all(isinstance(t, str) for t in posted):
            raise pm.PostedSetInvalid("not_a_list")
        if len(posted) > size:
            raise pm.PostedSetInvalid("wrong_size")
        value = sorted(set(posted))
    setattr(run, field, value)
    run.status = rules.step_of(_posted(run))
    if rules.released(rules.MUTUAL, _posted(run)):
        _settle(run, pack)
    run.full_clean()
    run.save()


def _settle(run: PrivateRun, pack: Pack) -> None:
    """Both mutual sets are in: store them if they agree, otherwise the match runs again.
    Either way the points and the posted sets are cleared: nothing more is needed of them."""
    people = people_of_couple(run.couple_id)
    try:
        pm.settle_mutual(
            run.first_mutual, run.second_mutual, people=people, catalog=catalog_of(pack)
        )
    except pm.MatchMustRunAgain:
        run.status = rules.RUN_AGAIN
        PrivateMatch.objects.filter(couple_id=run.couple_id, pack_id=run.pack_id).delete()
        _note_revealed(run.couple_id, run.pack_id, on=False)
    else:
        run.status = rules.DONE
        PrivateMatch.objects.update_or_create(
            couple_id=run.couple_id,
            pack_id=run.pack_id,
            defaults={"run": run, "tokens": run.first_mutual, "stored_at": timezone.now()},
        )
        _note_revealed(run.couple_id, run.pack_id, on=True)
    _finish(run)


def _finish(run: PrivateRun) -> None:
    for fields in STEP_FIELDS.values():
        for field in fields:
            setattr(run, field, None)
    run.finished_at = timezone.now()


@transaction.atomic
def cancel_run(*, person: User, run: PrivateRun) -> None:
    """Either can stop a run that has not finished; it still counts towards the limit."""
    run = PrivateRun.objects.select_for_update().get(pk=run.pk)
    if not rules.is_in_progress(run.status):
        return
    run.status = rules.CANCELLED
    _finish(run)
    run.full_clean()
    run.save()


@transaction.atomic
def answers_changed(*, person: User, pack: Pack) -> None:
    """This person's browser changed an answer after a match was stored: the match goes, for
    both, at once and without a word of what changed (a yes to a no, or anything else looks
    the same). A new run finds the new match. Refused while a run is going: answers wait."""
    if not is_on(person):
        raise NotNow("not_on")
    if any(rules.is_in_progress(s) for s in runs_of(person).values_list("status", flat=True)):
        raise NotNow("locked")
    PrivateMatch.objects.filter(couple_id=person.couple_id, pack_id=pack.id).delete()
    _note_revealed(person.couple_id, pack.id, on=False)


# The encrypted copy of one person's answers, for another device -----------------------------


def copy_of(user: User) -> PrivateAnswersCopy | None:
    """This person's own sealed copy, never anyone else's."""
    if user.couple_id is None:
        return None
    return PrivateAnswersCopy.objects.filter(person=user, couple_id=user.couple_id).first()


@transaction.atomic
def save_copy(*, person: User, posted: object, based_on: object) -> PrivateAnswersCopy:
    """Keep the copy this person's browser sealed (`answers_copy.check_copy`: an opaque blob of
    exactly one size, or `CopyInvalid`). `based_on` is the version the browser last saw (None
    for none): a browser that has not seen a newer copy from another device is refused
    ("copy_changed"), so that it cannot overwrite answers given there."""
    if not is_on(person):
        raise NotNow("not_on")
    copy = ac.check_copy(posted)
    current = (
        PrivateAnswersCopy.objects.select_for_update()
        .filter(person=person, couple_id=person.couple_id)
        .first()
    )
    if (current.version if current else None) != based_on:
        raise NotNow("copy_changed")
    row = current or PrivateAnswersCopy(person=person, couple_id=person.couple_id, version=0)
    row.salt, row.iv, row.ciphertext = copy.salt, copy.iv, copy.ciphertext
    row.iterations = ac.ITERATIONS
    row.version += 1
    row.updated_at = timezone.now()
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def delete_copy(*, person: User) -> None:
    """This person stops keeping a copy: it is deleted at once."""
    PrivateAnswersCopy.objects.filter(person=person).delete()


# What the browser and the pages are told -----------------------------------------------------


@dataclass(frozen=True)
class RunView:
    """One run as one of the two sees it: the partner's sets only once released."""

    public_id: str
    number: int
    status: str
    started_by_me: bool
    created_at: str
    posted_by_me: dict[str, bool]
    partner_round_one: list[str] | None
    partner_round_two: list[str] | None


def run_view(*, viewer: User, run: PrivateRun) -> RunView:
    side = side_of(viewer)
    posted = _posted(run)

    def partner(step: str) -> list[str] | None:
        if not rules.released(step, posted):
            return None
        return getattr(run, STEP_FIELDS[step][1 - side])

    return RunView(
        public_id=str(run.public_id),
        number=run.number,
        status=run.status,
        started_by_me=run.started_by_id == viewer.pk,
        created_at=run.created_at.isoformat(),
        posted_by_me={s: getattr(run, f[side]) is not None for s, f in STEP_FIELDS.items()},
        partner_round_one=partner(rules.ROUND_ONE),
        partner_round_two=partner(rules.ROUND_TWO),
    )


def stored_mutual(*, viewer: User, pack: Pack) -> frozenset[Token] | None:
    """The couple's stored mutual tokens in private mode, receivers named by the two people's
    primary keys as the ordinary reveal names them; None until a run has stored a match."""
    row = PrivateMatch.objects.filter(couple_id=viewer.couple_id, pack_id=pack.id).first()
    if row is None:
        return None
    public = _public_ids(viewer.couple_id)
    people = pm.people_in_order(*public.values())
    pk_of = {public_id: str(pk) for pk, public_id in public.items()}
    catalog = catalog_of(pack)
    try:
        tokens = [pm.token_from_text(t, people=people, catalog=catalog) for t in row.tokens]
    except pm.MatchMustRunAgain:  # the pack changed since: run again
        return None
    return frozenset(Token(t.level, t.item_id, pk_of.get(t.receiver, t.receiver)) for t in tokens)
