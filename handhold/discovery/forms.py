"""Forms built from the content pack: one field per reflection question, and one radio group
per activity and role on the ladder."""

from django import forms
from django.utils.translation import gettext_lazy as _

from handhold.core.packs import Pack
from handhold.discovery.models import JournalEntry
from handhold.discovery.services import SKIP

MARKER_CHOICES = [("", _("No marker"))] + list(JournalEntry.Marker.choices)

LADDER_CHOICES = [
    ("yes", _("Yes")),
    ("curious", _("Curious")),
    ("no", _("No")),
    (SKIP, _("Skip for now")),
]

# A role is something you enjoy, not a favour: "to give", "to receive" (the pack's VOICE.md).
ROLE_LABELS = {
    "give": _("To give"),
    "receive": _("To receive"),
    "together": _("Together"),
}

# How a mutual item reads for the viewer (the reveal, session steps): it never says who
# answered what.
MUTUAL_ROLE_WORDS = {
    "give": _("you give"),
    "receive": _("you receive"),
    "together": _("together"),
}
BOTH_WAYS = _("both ways")


def mutual_roles_in_words(roles) -> str:
    """One item's mutual roles for the viewer, merged into one phrase: "both ways" when giving
    and receiving are both mutual, otherwise that role's words. (A pack never gives an item
    `together` beside another role.)"""
    roles = set(roles)
    if {"give", "receive"} <= roles:
        return str(BOTH_WAYS)
    (role,) = roles
    return str(MUTUAL_ROLE_WORDS[role])


def text_field_name(question_id: str) -> str:
    return f"{question_id}__text"


def marker_field_name(question_id: str) -> str:
    return f"{question_id}__marker"


def answer_field_name(item_id: str, role: str) -> str:
    return f"{item_id}__{role}"


class JournalForm(forms.Form):
    """The private journal for a list of questions: reflect's, or "Is it you?"'s."""

    def __init__(self, *args, pack: Pack, questions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pack = pack
        self.questions_shown = (
            questions
            if questions is not None
            else [q for q in pack.reflection if q.stage == "reflect"]
        )
        for question in self.questions_shown:
            self.fields[text_field_name(question.id)] = forms.CharField(
                label=question.question,
                required=False,
                strip=False,
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            self.fields[marker_field_name(question.id)] = forms.ChoiceField(
                label=_("Where I am with this"),
                choices=MARKER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def initial_from(journal: dict, questions) -> dict:
        """Initial values for the questions shown, from saved journal entries."""
        initial = {}
        for question in questions:
            entry = journal.get(question.id)
            if entry is not None:
                initial[text_field_name(question.id)] = entry.text
                initial[marker_field_name(question.id)] = entry.marker
        return initial

    def questions(self):
        """(question, text field, marker field) for the template, in the pack's order."""
        for question in self.questions_shown:
            yield (
                question,
                self[text_field_name(question.id)],
                self[marker_field_name(question.id)],
            )

    def entries(self) -> dict[str, tuple[str, str]]:
        return {
            q.id: (
                self.cleaned_data.get(text_field_name(q.id), ""),
                self.cleaned_data.get(marker_field_name(q.id), ""),
            )
            for q in self.questions_shown
        }


class LadderForm(forms.Form):
    """Checks a post from the ladder; the ladder itself is drawn by discovery.ladder. Only the
    levels this person has `opened` are fields: anything else in a post is ignored."""

    def __init__(self, *args, pack: Pack, opened: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.pack = pack
        self.activities = [a for a in pack.activities if a.level <= opened]
        for activity in self.activities:
            for role in activity.roles:
                self.fields[answer_field_name(activity.id, role)] = forms.ChoiceField(
                    label=ROLE_LABELS[role],
                    choices=LADDER_CHOICES,
                    required=False,
                    widget=forms.RadioSelect,
                )

    def choices(self) -> dict[tuple[str, str], str]:
        """Only what was actually sent: a field left out of the request changes nothing."""
        chosen = {}
        for activity in self.activities:
            for role in activity.roles:
                name = answer_field_name(activity.id, role)
                if name in self.data:
                    chosen[(activity.id, role)] = self.cleaned_data.get(name) or SKIP
        return chosen
