import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.core import notice as rule
from handhold.encryption import EncryptedTextField


class NoticeEntry(models.Model):
    """How one person's partner responded to a little appreciation, as that person saw it.

    It belongs to its author alone, not to a couple: Notice comes before anything is asked,
    often before pairing, and the partner never sees it in any form.
    """

    class Reaction(models.TextChoices):
        COMFORTABLE = rule.COMFORTABLE, _("Comfortable")
        INTO_IT = rule.INTO_IT, _("Into it")
        NOT_SURE = rule.NOT_SURE, _("Not sure")
        UNEASY = rule.UNEASY, _("Uneasy")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_entries"
    )
    # What a URL calls it: random, so that it says nothing of how many there are.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pack_id = models.CharField(max_length=64)
    # The idea from the pack's notice.yaml, or empty for something of the person's own.
    idea_id = models.CharField(max_length=64, blank=True)
    reaction = models.CharField(max_length=12, choices=Reaction.choices)
    note = EncryptedTextField(blank=True, max_length=2_000)
    noticed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["author", "pack_id", "-noticed_at"])]

    def __str__(self) -> str:
        return f"Notice entry {self.pk}"  # never the reaction or the note
