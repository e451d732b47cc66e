import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import Couple
from handhold.encryption import EncryptedTextField

USER = settings.AUTH_USER_MODEL


class SupplyTick(models.Model):
    """One partner has ticked one item of the shared preparation checklist."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="supply_ticks")
    person = models.ForeignKey(USER, on_delete=models.CASCADE)
    pack_id = models.CharField(max_length=64)
    item_id = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "person", "pack_id", "item_id"], name="one_tick_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"Tick {self.pk}"


class SessionPlan(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        AGREED = "agreed", _("Agreed")
        ACTIVE = "active", _("Happening now")
        ENDED = "ended", _("Ended")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="session_plans")
    # What a URL calls it: random, so that it says nothing of how many there are.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proposer = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    pack_id = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    ceiling = models.PositiveSmallIntegerField()  # "not beyond this level tonight"
    # Proposed by one, and the other may change it before agreeing: agreed by both.
    stop_word = models.CharField(max_length=40, default="Red")
    proposed_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by_red = models.BooleanField(default=False)
    # The step the two are at during the session (its position); they move on together.
    current_position = models.PositiveSmallIntegerField(default=1)

    # A plan that is still going somewhere: only one at a time, and either may cancel it.
    OPEN = (Status.PROPOSED, Status.AGREED, Status.ACTIVE)

    class Meta:
        ordering = ["-proposed_at", "-pk"]

    def __str__(self) -> str:
        return f"Session plan {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def status_label(self) -> str:
        """`get_status_display()`, the same words, without Django's walk over every choice on
        each call (some 250 Python calls; the sessions page lists every plan)."""
        return status_label_of(self.status)


_STATUS_LABELS = dict(SessionPlan.Status.choices)


def status_label_of(status: str) -> str:
    """A plan status's words in the active language (SessionPlan.status_label)."""
    return str(_STATUS_LABELS.get(status, status))


class SessionStep(models.Model):
    """One step of a plan: a mutual item, with who receives it (a person's id, or "both")."""

    plan = models.ForeignKey(SessionPlan, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    item_id = models.CharField(max_length=64)
    receiver = models.CharField(max_length=32)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"Step {self.pk}"


class CheckIn(models.Model):
    class Light(models.TextChoices):
        GREEN = "green", _("Green: all good")
        YELLOW = "yellow", _("Yellow: slow down")
        RED = "red", _("Red: stop")

    plan = models.ForeignKey(SessionPlan, on_delete=models.CASCADE, related_name="check_ins")
    person = models.ForeignKey(USER, on_delete=models.CASCADE)
    light = models.CharField(max_length=6, choices=Light.choices)
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Check-in {self.pk}"


class Debrief(models.Model):
    """How a session felt, written privately. Shown to both once both have written theirs."""

    class Pace(models.TextChoices):
        SLOWER = "slower", _("Slower")
        SAME = "same", _("The same")
        FURTHER = "further", _("A bit further")
        STOP = "stop", _("Stop")

    plan = models.ForeignKey(SessionPlan, on_delete=models.CASCADE, related_name="debriefs")
    author = models.ForeignKey(USER, on_delete=models.CASCADE)
    felt = EncryptedTextField(max_length=5_000)
    good = EncryptedTextField(blank=True, max_length=5_000)
    change = EncryptedTextField(blank=True, max_length=5_000)
    pace = models.CharField(max_length=8, choices=Pace.choices)
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "author"], name="one_debrief_per_person")
        ]

    def __str__(self) -> str:
        return f"Debrief {self.pk}"


class Halt(models.Model):
    """A red check-in or a "stop" debrief: the level where it happened, and everything above,
    rests until the person who said it opens it again (core.consent). Kept once opened, for the
    cooling period that follows every red or stop."""

    class Why(models.TextChoices):
        RED = "red", _("Red at a check-in")
        STOP = "stop", _("A debrief said stop")

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="halts")
    # What a URL calls it: random, so that it says nothing of how many there are.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey("SessionPlan", on_delete=models.CASCADE, related_name="halts")
    why = models.CharField(max_length=4, choices=Why.choices)
    level = models.PositiveSmallIntegerField()
    held_by = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    since = models.DateTimeField(default=timezone.now)
    opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["level", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "why", "held_by"], name="one_halt_per_event")
        ]

    def __str__(self) -> str:
        return f"Halt {self.pk}"
