from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import Couple
from handhold.encryption import EncryptedTextField

USER = settings.AUTH_USER_MODEL


class TalkedMark(models.Model):
    """One partner marked "we talked". The settle period starts from the first such moment."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="talked_marks")
    person = models.ForeignKey(USER, on_delete=models.CASCADE)
    marked_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Talked mark {self.pk}"


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


class Pause(models.Model):
    """Everything is paused for this couple. Only the one who paused can resume."""

    couple = models.OneToOneField(Couple, on_delete=models.CASCADE, related_name="pause")
    paused_by = models.ForeignKey(USER, on_delete=models.CASCADE)
    paused_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Pause {self.pk}"


class SessionPlan(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        AGREED = "agreed", _("Agreed")
        ACTIVE = "active", _("Happening now")
        ENDED = "ended", _("Ended")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="session_plans")
    proposer = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    pack_id = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    ceiling = models.PositiveSmallIntegerField()  # "not beyond this level tonight"
    stop_word = models.CharField(max_length=40, default="Red")
    proposed_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by_red = models.BooleanField(default=False)

    class Meta:
        ordering = ["-proposed_at", "-pk"]

    def __str__(self) -> str:
        return f"Session plan {self.pk}"


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


class HeldBack(models.Model):
    """A step held back from later proposals after a debrief said "stop", until the person who
    said it opens it again."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="held_back")
    item_id = models.CharField(max_length=64)
    receiver = models.CharField(max_length=32)
    held_by = models.ForeignKey(USER, on_delete=models.CASCADE)
    since = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Held back {self.pk}"
