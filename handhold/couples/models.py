from django.conf import settings
from django.db import models
from django.utils import timezone

from handhold.accounts.models import Couple


class Pause(models.Model):
    """Everything is paused for this couple. Only the one who paused can resume."""

    couple = models.OneToOneField(Couple, on_delete=models.CASCADE, related_name="pause")
    paused_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    paused_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Pause {self.pk}"


class TalkConfirmation(models.Model):
    """One partner says "we talked". It takes both: the talk counts, and the settle clock
    starts, at the second confirmation (core.consent.talk_confirmed_at)."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="talk_confirmations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "person"], name="one_confirmation_each")
        ]

    def __str__(self) -> str:
        return f"Talk confirmation {self.pk}"
