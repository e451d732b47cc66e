import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import Couple
from handhold.encryption import EncryptedTextField


class ConversationDraft(models.Model):
    """The asker's own words for a conversation. Private: never shown to the partner."""

    class Style(models.TextChoices):
        CASUAL = "casual", _("A casual mention, in person")
        TEXT = "text", _("A text message")
        SIT_DOWN = "sit_down", _("A sit-down, well-informed talk")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_drafts"
    )
    pack_id = models.CharField(max_length=64)
    style = models.CharField(max_length=10, choices=Style.choices, default=Style.SIT_DOWN)
    text = EncryptedTextField(blank=True, max_length=5_000)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["author", "pack_id"], name="one_draft_per_topic")
        ]

    def __str__(self) -> str:
        return f"Draft {self.pk}"  # never the private text


class TalkInvitation(models.Model):
    """An invitation to talk, sent through Handhold. Hangs off the couple: unpairing removes it."""

    class Answer(models.TextChoices):
        LIKE_TO_TALK = "like_to_talk", _("I'd like to talk")
        NOT_NOW = "not_now", _("Not now")
        NOT_FOR_ME = "not_for_me", _("Not for me")

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="talk_invitations")
    # What a URL calls it: random, so that it says nothing of how many there are.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    pack_id = models.CharField(max_length=64)
    message = EncryptedTextField(max_length=1_000)
    sent_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(max_length=12, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # The partner may reopen the topic at any time, which lifts any cool-off.
    reopened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"Invitation to talk {self.pk}"
