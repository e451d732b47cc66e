"""Writes and reads for the conversation stage: drafts, checking, and invitations to talk.

The cool-off after "Not now" or "Not for me" is enforced here, on the server, whatever the
request: a form, a replayed POST or a script all meet the same refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from django.db import IntegrityError, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import User
from handhold.conversation.models import ConversationDraft, TalkInvitation
from handhold.core import conversation as rules
from handhold.core.language import reads_as_english
from handhold.core.packs import Pack
from handhold.core.pressure import Result, check
from handhold.couples import services as couples
from handhold.rows import FirstOfEach, Rows


def talk_questions(pack: Pack) -> list:
    return [q for q in pack.reflection if q.stage == "is-it-you"]


def draft_of(*, author: User, pack: Pack) -> ConversationDraft | None:
    return ConversationDraft.objects.filter(author=author, pack_id=pack.id).first()


def save_draft(*, author: User, pack: Pack, style: str, text: str) -> None:
    """Keep the asker's latest words, in one statement: an upsert on the database's own
    one-draft-per-topic constraint, so the first save, every later one and two at once all end
    as the one row. The text is encrypted on its way in, as by any save."""
    draft_saver(author=author, pack=pack, style=style, text=text)()


def draft_saver(*, author: User, pack: Pack, style: str, text: str) -> Callable[[], None]:
    """`save_draft` in two halves: the draft validated, encrypted and its statement written
    now, the statement run when the returned function is called. The planner counts a check
    and saves its words in one transaction, which on SQLite holds the database's one write
    lock from its start: prepared first, the transaction holds it for the two writes and the
    commit alone, not for the validation and the encryption as well.

    The checks need no query: the author is the person logged in. A database without an
    upsert on a named constraint gets an UPDATE, then an INSERT the first time."""
    draft = ConversationDraft(
        author=author, pack_id=pack.id, style=style, text=text, updated_at=timezone.now()
    )
    draft.full_clean(exclude={"author"}, validate_unique=False, validate_constraints=False)
    connection = connections[ConversationDraft.objects.db]
    if connection.features.supports_update_conflicts_with_target:
        sql, fields = _draft_upsert(connection)
        params = [
            field.get_db_prep_save(getattr(draft, field.attname), connection) for field in fields
        ]

        def run() -> None:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)

        return run
    fields = {"style": draft.style, "text": draft.text, "updated_at": draft.updated_at}

    def update_or_insert() -> None:
        mine = ConversationDraft.objects.filter(author=author, pack_id=pack.id)
        if mine.update(**fields):
            return
        try:
            with transaction.atomic():
                draft.save(force_insert=True)
        except IntegrityError:
            mine.update(**fields)

    return update_or_insert


# What a draft's upsert writes, the key of the one-draft-per-topic constraint first.
_DRAFT_COLUMNS = ("author", "pack_id", "style", "text", "updated_at")


_DRAFT_UPSERTS: dict[str, tuple[str, list]] = {}


def _draft_upsert(connection) -> tuple[str, list]:
    """The upsert `bulk_create(update_conflicts=True)` would write, and its fields in order,
    written once per database: the text is the same every time, the values are parameters."""
    built = _DRAFT_UPSERTS.get(connection.vendor)
    if built is not None:
        return built
    quote = connection.ops.quote_name
    fields = [ConversationDraft._meta.get_field(name) for name in _DRAFT_COLUMNS]
    columns = [quote(field.column) for field in fields]
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in columns[2:])
    table = quote(ConversationDraft._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608 - names; values are parameters
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({columns[0]}, {columns[1]}) DO UPDATE SET {updates}"
    )
    built = _DRAFT_UPSERTS[connection.vendor] = (sql, fields)
    return built


@dataclass(frozen=True)
class Analysis:
    result: Result
    covered: frozenset[str]
    # Whether the page may say the draft tells the partner a no is fine: never beside a finding.
    says_no_is_fine: bool = False
    # The checker reads English only. On a draft in another language it gives no verdict
    # (an unsure result, no findings), and the page says why.
    english: bool = True


def analyse(*, text: str, pack: Pack) -> Analysis:
    """The checker's findings and the checklist points the text covers.

    Saying no is fine, and its tick, never stand beside a finding, whatever the checker says:
    a draft that pressures does not also get to read as reassuring. A draft that is not in
    English is not judged at all: the checker would be reading words it does not know."""
    if not reads_as_english(text):
        return Analysis(
            result=Result(pressuring=False, unsure=True), covered=frozenset(), english=False
        )
    result = check(text)
    says_no_is_fine = result.says_no_is_fine and not result.findings
    covered = rules.covered_points(text, pack.checklist, says_no_is_fine=says_no_is_fine)
    return Analysis(result=result, covered=frozenset(covered), says_no_is_fine=says_no_is_fine)


# Invitations to talk ----------------------------------------------------------------------


# Every refusal of this stage, named, in one place: the voice is edited and translated here.
# None shows a countdown, and "Not now" and "Not for me" read the same.
MESSAGES = {
    "not_paired": _("You can send an invitation once you are paired."),
    "resting": _(
        "This topic is resting for now. Your partner can open it again whenever they like."
    ),
    "pressuring": _("Please rewrite the message without the words highlighted below."),
}


class CannotInvite(Exception):
    """Why an invitation cannot go now: one of MESSAGES, by name."""

    def __init__(self, name: str):
        super().__init__(MESSAGES[name])
        self.name = name


def pending_invitation_for(*, recipient: User, pack: Pack, side=None) -> TalkInvitation | None:
    """An unanswered invitation waiting for `recipient`, fetched through their couple. With
    `side`, their journey row already read for the page (couples.journey_of), no query when
    the couple's row says none waits for them."""
    if recipient.couple_id is None:
        return None
    if side is not None and not any(
        sender != recipient.pk for sender in side.journey.invitations_from.get(pack.id, ())
    ):
        return None
    return _WAITING_FOR.first([recipient.couple_id, pack.id, recipient.pk])


def latest_sent(*, sender: User, pack: Pack) -> TalkInvitation | None:
    if sender.couple_id is None:
        return None
    return _LATEST_SENT.first([sender.couple_id, sender.pk, pack.id])


def invitations_of(*, person: User, pack: Pack, side) -> tuple:
    """(`latest_sent` by `person`, `pending_invitation_for` them), for the invitation page,
    which shows both, in one statement; the first alone when the couple's journey row (`side`,
    read for the page) says no invitation waits for them."""
    if person.couple_id is None:
        return None, None
    if side is not None and not any(
        sender != person.pk for sender in side.journey.invitations_from.get(pack.id, ())
    ):
        return latest_sent(sender=person, pack=pack), None
    latest, waiting = _SENT_AND_WAITING.get(
        [person.couple_id, person.pk, pack.id], [person.couple_id, pack.id, person.pk]
    )
    return latest, waiting


# The invitation page's two reads, each one statement written once (handhold.rows), in the
# model's order (newest first), through the couple as the ORM's filters were; and both as one.
_NEWEST = "m.sent_at DESC, m.id DESC"
_WAITING_FOR = Rows(
    TalkInvitation,
    where="m.couple_id = %s AND m.pack_id = %s AND m.answer = '' AND m.sender_id <> %s",
    order=_NEWEST,
)
_LATEST_SENT = Rows(
    TalkInvitation, where="m.couple_id = %s AND m.sender_id = %s AND m.pack_id = %s", order=_NEWEST
)
_SENT_AND_WAITING = FirstOfEach(_LATEST_SENT, _WAITING_FOR)


def invitation_cool_off_until(invitation: TalkInvitation | None, pack: Pack):
    if invitation is None or invitation.reopened_at is not None:
        return None
    return rules.cool_off_until(
        invitation.answer or None,
        invitation.answered_at,
        not_now_days=pack.manifest.cool_off_not_now_days,
        not_for_me_days=pack.manifest.cool_off_not_for_me_days,
    )


def may_invite(*, sender: User, pack: Pack) -> bool:
    return _may_invite(sender, pack, latest_sent(sender=sender, pack=pack))


def _may_invite(
    sender: User, pack: Pack, latest: TalkInvitation | None, *, paused: bool | None = None
) -> bool:
    """`paused`, when the caller has read it from the couple's journey row; else asked here."""
    if not sender.is_paired:
        return False
    if couples.is_paused(sender) if paused is None else paused:
        return False  # while paused, nobody invites
    if latest is not None and not latest.answer:
        return False  # one invitation at a time
    return rules.may_invite_again(timezone.now(), invitation_cool_off_until(latest, pack))


@transaction.atomic
def send_invitation(*, sender: User, pack: Pack, message: str) -> TalkInvitation:
    """Send an invitation to talk, if the checker finds no pressure and no cool-off applies."""
    sender = User.objects.select_for_update().get(pk=sender.pk)
    if not sender.is_paired:
        raise CannotInvite("not_paired")
    if not may_invite(sender=sender, pack=pack):
        raise CannotInvite("resting")
    if reads_as_english(message) and check(message).pressuring:
        raise CannotInvite("pressuring")
    invitation = TalkInvitation(
        couple_id=sender.couple_id, sender=sender, pack_id=pack.id, message=message
    )
    invitation.full_clean()
    invitation.save()
    couples.note_invitation(
        couple_id=sender.couple_id, pack_id=pack.id, sender_id=sender.pk, waiting=True
    )
    return invitation


@transaction.atomic
def answer_invitation(*, recipient: User, public_id: UUID, answer: str) -> TalkInvitation:
    """Record the partner's answer to the invitation its URL names. Raises
    TalkInvitation.DoesNotExist for anyone else."""
    invitation = (
        TalkInvitation.objects.select_for_update()
        .filter(couple_id=recipient.couple_id, answer="")
        .exclude(sender=recipient)
        .get(public_id=public_id)
    )
    invitation.answer, invitation.answered_at = answer, timezone.now()
    invitation.full_clean()
    invitation.save()
    # Only that it no longer waits: how it was answered never reaches the shared row.
    couples.note_invitation(
        couple_id=invitation.couple_id,
        pack_id=invitation.pack_id,
        sender_id=invitation.sender_id,
        waiting=False,
    )
    return invitation


@transaction.atomic
def reopen_topic(*, recipient: User, pack: Pack) -> None:
    """The partner lifts any cool-off: the asker may invite again."""
    if recipient.couple_id is None:
        return
    TalkInvitation.objects.filter(
        couple_id=recipient.couple_id, pack_id=pack.id, reopened_at__isnull=True
    ).exclude(sender=recipient).exclude(answer="").update(reopened_at=timezone.now())


_UNREAD = object()


def invitation_standing(
    *, sender: User, pack: Pack, side=None, latest=_UNREAD
) -> tuple[str | None, bool]:
    """(What the asker sees of their latest invitation, whether they may send one now).

    The first is one of a few neutral states: "Not now" and "Not for me" read the same, and
    there is never a date to count down to. The latest invitation is read once for both
    (or passed as `latest`, read already with `invitations_of`). With `side`, the sender's
    journey row already read, the pause is read from it."""
    if latest is _UNREAD:
        latest = latest_sent(sender=sender, pack=pack)
    paused = None if side is None else side.journey.is_paused
    allowed = _may_invite(sender, pack, latest, paused=paused)
    if latest is None:
        return None, allowed
    if not latest.answer:
        return "sent", allowed
    if latest.answer == TalkInvitation.Answer.LIKE_TO_TALK:
        return "like_to_talk", allowed
    return ("open" if allowed else "resting"), allowed


# "We talked" ----------------------------------------------------------------------------------


def topic_rests_for(user: User, pack: Pack) -> bool:
    """Whether this person's own invitation was answered "Not now" or "Not for me" and the
    topic still rests. The two answers read the same here, as everywhere the asker looks."""
    latest = latest_sent(sender=user, pack=pack)
    if latest is None or latest.answer in ("", TalkInvitation.Answer.LIKE_TO_TALK):
        return False
    return not rules.may_invite_again(timezone.now(), invitation_cool_off_until(latest, pack))


def may_confirm_we_talked(*, user: User, pack: Pack) -> bool:
    """Either partner may say "we talked", except an asker whose invitation was turned down
    while the topic rests: only the partner can open it again."""
    return user.is_paired and not topic_rests_for(user, pack)


@transaction.atomic
def confirm_we_talked(*, user: User, pack: Pack) -> bool:
    """Record this person's "we talked". It counts once both have said it. Returns whether it
    was recorded."""
    if not may_confirm_we_talked(user=user, pack=pack):
        return False
    couples.record_talk_confirmation(user=user, pack_id=pack.id)
    return True


def export_for(user: User) -> dict:
    drafts = ConversationDraft.objects.filter(author=user).order_by("pack_id")
    sent = TalkInvitation.objects.filter(sender=user).order_by("sent_at")
    return {
        "conversation_drafts": [
            {
                "pack": d.pack_id,
                "style": d.style,
                "text": d.text,
                "updated_at": d.updated_at.isoformat(),
            }
            for d in drafts
        ],
        "invitations_sent": [
            {"pack": i.pack_id, "message": i.message, "sent_at": i.sent_at.isoformat()}
            for i in sent
        ],
    }
