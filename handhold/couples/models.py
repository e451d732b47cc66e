import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    """One partner says "we talked" about a topic. It takes both: the talk counts, and the
    settle clock starts, at the second confirmation (core.consent.talk_confirmed_at)."""

    couple = models.ForeignKey(COUPLE, on_delete=models.CASCADE, related_name="talk_confirmations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # The topic talked about: a talk about one topic is not a talk about another.
    pack_id = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "person", "pack_id"], name="one_confirmation_each_per_topic"
            )
        ]

    def __str__(self) -> str:
        return f"Talk confirmation {self.pk}"


class TopicSuggestion(models.Model):
    """One partner suggests exploring another topic (an installed content pack). It becomes
    the couple's topic only when the other says yes: a suggestion is an invitation like any
    other, with the same three equal answers, the same cool-offs after "Not now" and "Not for
    me", and the same neutral words for the one who suggested, whichever no was given."""

    class Answer(models.TextChoices):
        YES = "yes", _("Yes, let's explore it")
        NOT_NOW = "not_now", _("Not now")
        NOT_FOR_ME = "not_for_me", _("Not for me")

    couple = models.ForeignKey(COUPLE, on_delete=models.CASCADE, related_name="topic_suggestions")
    # What a URL calls it: random, so that it says nothing of how many there are.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    suggested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    pack_id = models.CharField(max_length=64)
    suggested_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(max_length=12, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # Taken back by the one who suggested it, before an answer: as if never sent.
    withdrawn = models.BooleanField(default=False)

    class Meta:
        ordering = ["-suggested_at", "-pk"]

    def __str__(self) -> str:
        return f"Topic suggestion {self.pk}"


class CoupleJourney(models.Model):
    """Where the couple stands, in one row: the facts the journey, home, the navigation and the
    sessions page ask about, kept here by the services that change them (in the same
    transaction) so that any page reads them in one query.

    A summary, never a source: every field is rebuilt from the facts it summarises by
    `handhold.together.state.rebuild_journey`, and a property test replays random sequences of
    the services to prove the two never disagree (handhold/together/tests/test_state.py).

    Only what both partners already see lives here: a no, a one-sided interest, one person's
    finished mark before the reveal, a level one person holds back, or how an invitation was
    declined never does. Those are one person's, in `PersonJourney`, or stay in their own
    tables."""

    couple = models.OneToOneField(
        COUPLE, on_delete=models.CASCADE, primary_key=True, related_name="journey"
    )
    paired_since = models.DateTimeField()
    # The pack the couple explores now ("" for the installation's default pack): the latest
    # suggestion both agreed to. Every field below that is not keyed by pack is this topic's.
    topic = models.CharField(max_length=64, blank=True)
    # Who suggested another topic, while the suggestion waits for the other's answer. How it
    # was answered never comes here: a yes shows as the topic, a no as nothing at all.
    topic_suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The packs whose reveal is open: both partners marked their answers finished. One mark
    # alone is not here; it is its person's (`PersonJourney.finished_packs`).
    revealed_packs = models.JSONField(default=list)
    # Packs whose preparation checklist either partner has ticked something on (both see it).
    prepared_packs = models.JSONField(default=list)
    # "We talked": who said it first (the other is asked to confirm), and when the talk
    # counts: the second confirmation, which starts the settle clock.
    first_said_we_talked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    talked_at = models.DateTimeField(null=True, blank=True)
    paused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    paused_at = models.DateTimeField(null=True, blank=True)
    # pack id -> the senders of the invitations to talk still waiting for an answer (each
    # sender one at most). Answered ones leave: how they were answered stays with the
    # invitation, unseen by its sender.
    invitations_from = models.JSONField(default=dict)
    # The plan still going somewhere (at most one): its status, or "" when there is none.
    open_plan_status = models.CharField(max_length=10, blank=True)
    open_plan_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    had_session = models.BooleanField(default=False)
    # Both debriefs of the last ended session are written (true while none has ended).
    last_debriefs_written = models.BooleanField(default=True)
    # The latest red or stop, opened again or not: the cooling period runs from it.
    last_halt_at = models.DateTimeField(null=True, blank=True)
    # The highest ceiling the next session may have, by its history; None while no session
    # went well, when the first-time ceiling follows from the mutual set instead.
    ceiling_after_history = models.PositiveSmallIntegerField(null=True, blank=True)
    # Private matching is on: both have ticked it (discovery.private). One tick alone is not
    # here: it stays in its own row, as that person's.
    private_matching = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Journey of couple {self.couple_id}"

    @property
    def pause(self) -> "PauseState | None":
        """What the pause section shows, shaped like a `Pause` row."""
        if self.paused_by_id is None:
            return None
        return PauseState(paused_by_id=self.paused_by_id, paused_at=self.paused_at)

    @property
    def is_paused(self) -> bool:
        return self.paused_by_id is not None

    def said_we_talked(self, person_id: int) -> bool:
        return self.talked_at is not None or self.first_said_we_talked_by_id == person_id


class PersonJourney(models.Model):
    """One person's own side of where the couple stands: read only for that person (and, for
    `holds_back_from`, by the server's own refusal of a step, never shown to the other)."""

    journey = models.ForeignKey(CoupleJourney, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The packs where this person marked their answers finished. Private until the reveal:
    # the partner must not learn whether the other finished (tests/test_privacy.py).
    finished_packs = models.JSONField(default=list)
    # The lowest level resting by this person's own red or stop, not opened again; None when
    # they hold nothing back. Never shown to the partner, who sees only a neutral line.
    holds_back_from = models.PositiveSmallIntegerField(null=True, blank=True)
    # The newest ended session waits for this person's debrief.
    debrief_due = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["journey", "person"], name="one_journey_side_each")
        ]

    def __str__(self) -> str:
        return f"Journey side {self.pk}"


@dataclass(frozen=True)
class PauseState:
    """The pause as pages show it: who paused (only they can resume), and when."""

    paused_by_id: int
    paused_at: datetime | None
