from django.conf import settings
from django.db import models
from django.utils import timezone

# The couple is named by its label ("accounts.Couple"), not imported: every stage, accounts
# too, builds on this app, and this app on none of them.
COUPLE = "accounts.Couple"


class Pause(models.Model):
    """Everything is paused for this couple. Only the one who paused can resume."""

    couple = models.OneToOneField(COUPLE, on_delete=models.CASCADE, related_name="pause")
    paused_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    paused_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Pause {self.pk}"


class TalkConfirmation(models.Model):
    """One partner says "we talked". It takes both: the talk counts, and the settle clock
    starts, at the second confirmation (core.consent.talk_confirmed_at)."""

    couple = models.ForeignKey(COUPLE, on_delete=models.CASCADE, related_name="talk_confirmations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "person"], name="one_confirmation_each")
        ]

    def __str__(self) -> str:
        return f"Talk confirmation {self.pk}"
