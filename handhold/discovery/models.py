import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import Couple
from handhold.core import answers_copy
from handhold.encryption import EncryptedTextField


class JournalEntry(models.Model):
    """One private reflection answer. Never shown to the partner in any form."""

    class Marker(models.TextChoices):
        READY = "ready", _("Ready")
        NOT_YET = "not_yet", _("Not yet")
        UNSURE = "unsure", _("Unsure")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    pack_id = models.CharField(max_length=64)
    question_id = models.CharField(max_length=64)
    text = EncryptedTextField(blank=True, max_length=10_000)
    marker = models.CharField(max_length=10, choices=Marker.choices, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["author", "pack_id", "question_id"], name="one_entry_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"Journal entry {self.pk}"  # never the private text itself


class Answer(models.Model):
    """How one person feels about one activity in one role. No row means "skipped for now"."""

    class Role(models.TextChoices):
        GIVE = "give", _("Give")
        RECEIVE = "receive", _("Receive")
        TOGETHER = "together", _("Together")

    class Choice(models.TextChoices):
        YES = "yes", _("Yes")
        CURIOUS = "curious", _("Curious")
        NO = "no", _("No")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answers"
    )
    pack_id = models.CharField(max_length=64)
    item_id = models.CharField(max_length=64)
    role = models.CharField(max_length=10, choices=Role.choices)
    choice = models.CharField(max_length=10, choices=Choice.choices)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "pack_id", "item_id", "role"], name="one_answer_per_item_role"
            )
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk}"  # never the choice itself


class FinishedAnswering(models.Model):
    """One person has marked their answers finished, for this couple.

    It hangs off the couple, so unpairing removes it: answers given with one partner in mind
    are never revealed to a later partner without being confirmed again.
    """

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="finished_marks")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    pack_id = models.CharField(max_length=64)
    finished_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "person", "pack_id"], name="one_finished_mark_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"Finished mark {self.pk}"


class OpenedLevel(models.Model):
    """How far one person has opened the ladder of one pack: the highest level they chose to
    see. No row means only the gentle levels (core.matching.FIRST_OPEN_LEVEL).

    It belongs to the person, not the couple: it is their own pace, it stays with them after
    unpairing, and it is deleted with them. Their partner never sees it.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opened_levels"
    )
    pack_id = models.CharField(max_length=64)
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "pack_id"], name="one_opened_level_per_pack")
        ]

    def __str__(self) -> str:
        return f"Opened level {self.pk}"


# Private matching (issue #17) ---------------------------------------------------------------
# In private mode the ladder's answers stay in each person's browser. These rows hold only
# what the server must relay or keep: who ticked the mode, the runs with their blinded points
# (random-looking, each set padded to the whole ladder), and the mutual tokens both browsers
# agreed on. The rules are in handhold/core/private_runs.py.


class PrivateMatchingTick(models.Model):
    """One of the two has ticked private matching. On only when both have."""

    couple = models.ForeignKey(
        Couple, on_delete=models.CASCADE, related_name="private_matching_ticks"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    ticked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "person"], name="one_private_tick_each")
        ]

    def __str__(self) -> str:
        return f"Private matching tick {self.pk}"


class PrivateRun(models.Model):
    """One run of private matching. `first` and `second` are the two people in the protocol's
    order (`private_matching.people_in_order` of their ids); each step's posted set is kept
    until the run finishes, then cleared. A step is released to the partner when both of its
    columns are filled (`private_runs.released`)."""

    class Status(models.TextChoices):
        ROUND_ONE = "round_one", _("Round one")
        ROUND_TWO = "round_two", _("Round two")
        MUTUAL = "mutual", _("Comparing")
        DONE = "done", _("Done")
        RUN_AGAIN = "run_again", _("Needs running again")
        CANCELLED = "cancelled", _("Stopped")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="private_runs")
    pack_id = models.CharField(max_length=64)
    number = models.PositiveIntegerField()  # the couple's first run is 1: shown to both
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ROUND_ONE)
    first_round_one = models.JSONField(null=True, blank=True)
    second_round_one = models.JSONField(null=True, blank=True)
    first_round_two = models.JSONField(null=True, blank=True)
    second_round_two = models.JSONField(null=True, blank=True)
    first_mutual = models.JSONField(null=True, blank=True)
    second_mutual = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "number"], name="one_run_number_each")
        ]
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Private run {self.pk}"


class PrivateMatch(models.Model):
    """The mutual tokens of the couple's last good run, as both browsers posted them
    ('item|a|level', `private_matching.token_bytes`). The reveal reads them in private mode."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="private_matches")
    pack_id = models.CharField(max_length=64)
    run = models.ForeignKey(PrivateRun, null=True, on_delete=models.SET_NULL, related_name="+")
    tokens = models.JSONField(default=list)
    stored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "pack_id"], name="one_private_match_each")
        ]

    def __str__(self) -> str:
        return f"Private match {self.pk}"


class PrivateAnswersCopy(models.Model):
    """A person's private-mode answers, sealed in their browser under a key from a phrase the
    server never sees (handhold/core/answers_copy.py), so they can continue on another device.
    Only the salt, the nonce and a fixed-size ciphertext are kept; `version` counts updates so
    that a device holding an older copy cannot overwrite a newer one unseen. Goes with the
    couple (unpairing), the person, and whenever private matching is switched on or off."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    salt = models.CharField(max_length=2 * answers_copy.SALT_BYTES)
    iv = models.CharField(max_length=2 * answers_copy.IV_BYTES)
    ciphertext = models.TextField()
    iterations = models.PositiveIntegerField(default=answers_copy.ITERATIONS)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Private answers copy {self.pk}"
