"""Writes (and the reads that go with them) for people and pairing.

Every function takes keyword arguments and runs in one transaction, so a failure half-way
leaves nothing half-done.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import Couple, Invitation, Session, User
from handhold.accounts.sessions import forget_cached_copies
from handhold.content.registry import default_pack
from handhold.core import invitations as codes
from handhold.core import recovery_codes, usernames
from handhold.couples.services import journey_begin, partner_of


class PairingError(Exception):
    """A pairing step that cannot happen. The message is safe to show to the person asking:
    it never says anything about anyone else."""


# One message for every code that does not work, whether mistyped, expired, used, withdrawn or
# the inviter's own: telling them apart would say something about another person.
CODE_DOES_NOT_WORK = _(
    "That code doesn't work. It may have a typo, have expired or have been used already. "
    "Please ask your partner for a fresh one."
)


def username_for_rate_limit(request, credentials) -> str:
    """The username that django-axes counts attempts against: normalised and case-folded, so
    that 'Sam', 'sam' and 'ｓａｍ' share one limit, exactly as they share one account. Log-in
    and recovery (handhold/accounts/backends.py) count against the same limit."""
    return username_key((credentials or {}).get("username") or request.POST.get("username", ""))


def username_key(username: str) -> str:
    return usernames.normalise(username).casefold()


def username_is_taken(username: str) -> bool:
    return User.objects.filter(username__iexact=usernames.normalise(username)).exists()


# Why a name cannot be had. None of them says more about anyone else than "taken" always has.
USERNAME_TAKEN = _("That username is taken. Please choose another.")
USERNAME_LOOKS_TAKEN = _(
    "That name looks too much like someone else's, so one of you could be mistaken for the "
    "other. Please choose another."
)
USERNAME_MIXES_ALPHABETS = _(
    "Please use letters from one alphabet. A name that mixes them (Latin with Cyrillic, say) "
    "can pass for someone else's."
)


def username_problem(username: str) -> str | None:
    """Why `username` (already NFKC-normalised and valid) cannot be had, or None."""
    if usernames.mixes_scripts(username):
        return USERNAME_MIXES_ALPHABETS
    if username_is_taken(username):
        return USERNAME_TAKEN
    if User.objects.filter(username_skeleton=usernames.lookalike_key(username)).exists():
        return USERNAME_LOOKS_TAKEN
    return None


def _hash_recovery_code(code: str) -> str:
    return make_password(recovery_codes.normalise_recovery_code(code))


def sign_up(*, username: str, passphrase: str) -> tuple[User, str]:
    """Create an account, and return it with its recovery code, to be shown once: only a hash
    of the code is kept. The passphrase must already have passed the password validators."""
    username = usernames.normalise(username)
    problem = username_problem(username)
    if problem:
        raise ValidationError({"username": problem})
    code = recovery_codes.new_recovery_code()
    user = User(
        username=username,
        username_skeleton=usernames.lookalike_key(username),
        recovery_code_hash=_hash_recovery_code(code),
        adult_confirmed_at=timezone.now(),
    )
    user.set_password(passphrase)
    user.full_clean(exclude=["password", "username_skeleton"])
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # Someone took the name, or one like it, between the check above and this save.
        raise ValidationError({"username": username_problem(username) or USERNAME_TAKEN}) from None
    return user, code


class RecoveryError(Exception):
    """A recovery that cannot happen; the message is the same whatever the reason."""


# One message for an unknown name, a wrong code and a used one: telling them apart would say
# whether an account exists.
RECOVERY_DOES_NOT_WORK = _(
    "That username and recovery code don't work together. Please check both and try again; "
    "remember that a code works only once."
)


@transaction.atomic
def new_recovery_code(*, user: User) -> str:
    """Make a fresh recovery code, so the earlier one stops working, and return it to be
    shown once."""
    code = recovery_codes.new_recovery_code()
    user.recovery_code_hash = _hash_recovery_code(code)
    User.objects.filter(pk=user.pk).update(recovery_code_hash=user.recovery_code_hash)
    return code


@transaction.atomic
def recover_account(*, user: User, passphrase: str) -> str:
    """Set a new passphrase for `user`, whom `authenticate(recovery_code=...)` has just let in,
    use their code up and return a fresh one, to be shown once.

    The row is changed only if it still holds the code that was checked, so a code sent twice
    at the same moment works once. Every session of theirs ends: whoever was logged in with
    the forgotten passphrase is out.
    """
    checked = user.recovery_code_hash
    code = recovery_codes.new_recovery_code()
    user.set_password(passphrase)
    user.recovery_code_hash = _hash_recovery_code(code)
    changed = User.objects.filter(pk=user.pk, recovery_code_hash=checked).update(
        password=user.password, recovery_code_hash=user.recovery_code_hash
    )
    if not checked or not changed:
        raise RecoveryError(RECOVERY_DOES_NOT_WORK)
    log_out_everywhere(user=user)
    return code


def active_invitation(user: User) -> Invitation | None:
    invitation = Invitation.objects.filter(inviter=user).first()
    if invitation and not codes.is_usable(invitation.expires_at, timezone.now()):
        return None
    return invitation


@transaction.atomic
def create_invitation(*, inviter: User) -> str:
    """Make a fresh invitation, replacing any earlier one, and return its code.

    The code is returned once, to be shown once: only its hash is stored.
    """
    if inviter.couple_id is not None:
        raise PairingError(_("You are already paired. Unpair first to invite someone new."))
    Invitation.objects.filter(inviter=inviter).delete()
    code = codes.new_invitation_code()
    now = timezone.now()
    invitation = Invitation(
        inviter=inviter,
        code_hash=codes.hash_code(code),
        created_at=now,
        expires_at=codes.expires_at(now, settings.HANDHOLD_INVITATION_LIFETIME),
    )
    invitation.full_clean()
    invitation.save()
    return code


@transaction.atomic
def withdraw_invitation(*, inviter: User) -> None:
    Invitation.objects.filter(inviter=inviter).delete()


@transaction.atomic
def join_with_code(*, user: User, code: str) -> Couple:
    """Pair `user` with whoever made `code`, and use the code up."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.couple_id is not None:
        raise PairingError(_("You are already paired. Unpair first to join someone new."))
    if codes.normalise_code(code) is None:
        raise PairingError(CODE_DOES_NOT_WORK)
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("inviter")
        .filter(code_hash=codes.hash_code(code))
        .first()
    )
    if (
        invitation is None
        or invitation.inviter_id == user.pk
        or not codes.is_usable(invitation.expires_at, timezone.now())
    ):
        raise PairingError(CODE_DOES_NOT_WORK)
    inviter = User.objects.select_for_update().get(pk=invitation.inviter_id)
    if inviter.couple_id is not None:
        raise PairingError(CODE_DOES_NOT_WORK)
    couple = Couple.objects.create(joined_by=user)
    User.objects.filter(pk__in=[user.pk, inviter.pk]).update(couple=couple)
    journey_begin(
        couple_id=couple.pk,
        paired_since=couple.created_at,
        people=[inviter.pk, user.pk],
        topic=default_pack().id,
    )
    # Both are paired now, so neither may keep an invitation open.
    Invitation.objects.filter(inviter__in=[user.pk, inviter.pk]).delete()
    return couple


def was_invited(user: User) -> bool:
    """Whether `user` joined their partner's invitation, rather than making it."""
    return user.couple_id is not None and (
        Couple.objects.filter(pk=user.couple_id, joined_by=user).exists()
    )


@transaction.atomic
def unpair(*, user: User) -> None:
    """End the pairing at once. Deleting the couple removes everything the two shared; what
    each wrote privately stays with its writer."""
    if user.couple_id is not None:
        Couple.objects.filter(pk=user.couple_id).delete()
    user.couple_id = None


def active_sessions(user: User):
    """Where this person is logged in, most recently used first."""
    return Session.objects.filter(user=user, expire_date__gt=timezone.now()).order_by("-last_seen")


def _end_sessions(sessions) -> int:
    """Delete these session rows and every cached copy of them (handhold/accounts/sessions.py),
    so that none can be read back from a cache on any server."""
    keys = list(sessions.values_list("session_key", flat=True))
    deleted = 0
    for start in range(0, len(keys), 500):  # within every database's limit on parameters
        chunk = keys[start : start + 500]
        # The same filter again: a session touched since it was listed is not ended.
        deleted += sessions.filter(session_key__in=chunk).delete()[0]
        forget_cached_copies(chunk)
    return deleted


def log_out_everywhere(*, user: User) -> None:
    """End every session of this person, on every device, this one included."""
    _end_sessions(Session.objects.filter(user=user))


def forget_expired_sessions() -> int:
    """Expired sessions can no longer be used; this deletes their rows too, and says how many.
    Run at each log-in, which keeps the table small with no scheduler, and by housekeeping."""
    return _end_sessions(Session.objects.filter(expire_date__lte=timezone.now()))


@transaction.atomic
def set_discreet_mode(*, user: User, on: bool) -> None:
    user.discreet_mode = on
    user.save(update_fields=["discreet_mode"])


@transaction.atomic
def delete_everything(*, user: User) -> None:
    """Hard-delete the person and all they wrote, now. Their partner is simply unpaired.
    (Failed log-ins are counted only under keyed hashes that expire within the cool-off, so
    there is nothing under their name to forget there.)"""
    unpair(user=user)
    # Their sessions would go with the account anyway (a cascade), but not their cached copies.
    log_out_everywhere(user=user)
    user.delete()


# Each stage adds what its people wrote to the export; each function returns a dict of
# sections and must hold nothing that the person's partner wrote.
EXPORT_SECTIONS = [
    "handhold.discovery.services.export_for",
    "handhold.notice.services.export_for",
    "handhold.conversation.services.export_for",
    "handhold.together.services.export_for",
    "handhold.together.topics.export_for",
]


def export_user_data(*, user: User) -> dict:
    """Everything this person wrote or chose, as plain data for a JSON download.

    Nothing their partner wrote privately is included; the partner appears only by username,
    which the person already sees on every page.
    """
    partner = partner_of(user)
    invitation = active_invitation(user)
    data = {
        "format": "handhold-export",
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "joined": user.date_joined.isoformat(),
            "confirmed_adult_at": user.adult_confirmed_at.isoformat(),
            "discreet_mode": user.discreet_mode,
            # Whether there is one, never the hash: the code itself was shown only once.
            "has_recovery_code": bool(user.recovery_code_hash),
        },
        "pairing": {
            "paired": partner is not None,
            "partner_username": partner.username if partner else None,
            "open_invitation_expires_at": invitation.expires_at.isoformat() if invitation else None,
        },
    }
    for path in EXPORT_SECTIONS:
        data.update(import_string(path)(user))
    return data
