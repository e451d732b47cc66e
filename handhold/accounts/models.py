import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.core import usernames


class Couple(models.Model):
    """Two paired people. Everything the two share hangs off this row, so that unpairing,
    which deletes it, removes every shared thing at once."""

    # A random id for anything that leaves the server or is hashed (private matching names the
    # couple by it); the sequential primary key stays for joins and never reaches a browser.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    # The one who joined with the other's code: the invited partner, who is welcomed by a page
    # written for them. After pairing both have the same powers; only the welcome differs.
    joined_by = models.ForeignKey(
        "User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Couple {self.pk}"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, username: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("adult_confirmed_at", timezone.now())
        username = usernames.normalise(username)
        fields.setdefault("username_skeleton", usernames.lookalike_key(username))
        user = self.model(username=username, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> "User":
        """The person a typed name belongs to, as log-in and recovery look them up: the name as
        kept, or else its NFKC form ignoring case ('ＣＡＳＥＹ' finds 'casey')."""
        if username is None:
            raise self.model.DoesNotExist
        person = self.filter(username=username).first()
        if person is None:
            person = (
                self.filter(username__iexact=usernames.normalise(username)).order_by("pk").first()
            )
        if person is None:
            raise self.model.DoesNotExist
        return person


class User(AbstractBaseUser):
    """A person. No email address, no real name: a username and a passphrase are enough."""

    username = models.CharField(
        max_length=40,
        unique=True,
        error_messages={"unique": _("That username is taken. Please choose another.")},
        validators=[UnicodeUsernameValidator()],
        help_text=_("Letters, digits and @ . + - _ only."),
    )
    # The name's look-alike key (`lookalike_key` in handhold/core/usernames.py): unique, so
    # that no two people's names look alike, even when two sign up at the same moment. Empty
    # only for an account from before the key whose look-alike was there first (migration
    # 0003). A character's key is at most 7 long (a Hangul syllable), so 40 fit in 320.
    username_skeleton = models.CharField(
        max_length=320, unique=True, null=True, blank=True, editable=False
    )
    # A random id for anything that leaves the server or is hashed (private matching orders
    # the two people by it); the primary key stays for joins and never reaches a browser.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # When this person confirmed they are 18 or over; no account exists without it.
    adult_confirmed_at = models.DateTimeField()
    is_active = models.BooleanField(default=True)
    # A neutral page title and icon, for a screen someone else might glance at.
    discreet_mode = models.BooleanField(default=False)
    # The one-time recovery code, hashed like the passphrase; empty when there is none.
    recovery_code_hash = models.CharField(max_length=128, blank=True, default="", editable=False)
    # One partner at a time. Deleting the couple sets this back to empty for both.
    couple = models.ForeignKey(
        Couple, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )

    # No record of when anyone logged in: Django's last_login is removed, which also stops
    # Django from writing it at each log-in (it only does so when the field exists).
    last_login = None

    objects = UserManager()

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        constraints = [
            # "Sam" and "sam" are the same person to a human reader.
            models.UniqueConstraint(
                Lower("username"),
                name="username_unique_ignoring_case",
                violation_error_message=_("That username is taken. Please choose another."),
            ),
        ]

    def __str__(self) -> str:
        return self.username

    @property
    def is_paired(self) -> bool:
        """Whether this person has a partner, without a query: a couple is made for two people
        at once (`join_with_code`) and deleted as soon as either leaves (`unpair`, also on
        deleting an account), so a couple never has one member."""
        return self.couple_id is not None


class Invitation(models.Model):
    """A pairing invitation. One per person at a time; single-use; only its hash is kept."""

    inviter = models.OneToOneField(User, on_delete=models.CASCADE, related_name="invitation")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Invitation by user {self.inviter_id}"


class Session(AbstractBaseSession):
    """One log-in on one device: Django's session row, with what Settings shows of it.

    It names its person so that Settings can list where they are logged in and end every
    session at once. It keeps the kind of device and when it was last used, nothing more: no
    address, no browser string.
    """

    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="sessions"
    )
    device = models.CharField(max_length=20, blank=True)
    last_seen = models.DateTimeField(null=True, blank=True)

    @classmethod
    def get_session_store_class(cls):
        from handhold.accounts.sessions import SessionStore

        return SessionStore

    def __str__(self) -> str:
        return f"{self.device or 'device'} of {self.user_id}"
