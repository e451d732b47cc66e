"""The one form of Notice: what you did (an idea, or something of your own), how your partner
seemed, and a private note."""

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from handhold.core.packs import NoticeIdea
from handhold.notice.models import NoticeEntry

KIND_HEADINGS = {
    "look": _("A look"),
    "word": _("A word"),
    "ask": _("Asked first"),
}
OWN = ""


def idea_choices(ideas: Sequence[NoticeIdea]) -> list:
    """Something of one's own first, then the ideas shown, grouped by kind."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for idea in ideas:
        groups.setdefault(idea.kind, []).append((idea.id, idea.text))
    grouped = [(KIND_HEADINGS[kind], groups[kind]) for kind in KIND_HEADINGS if kind in groups]
    return [(OWN, _("Something of my own")), *grouped]


class NoticeForm(forms.Form):
    idea = forms.ChoiceField(label=_("What you did"), required=False)
    reaction = forms.ChoiceField(
        label=_("How did they seem?"),
        choices=NoticeEntry.Reaction.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how they seemed. “Not sure” is a fine answer.")},
    )
    note = forms.CharField(
        label=_("A private note (optional)"),
        help_text=_("Only you can ever read it."),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, ideas: Sequence[NoticeIdea], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idea"].choices = idea_choices(ideas)
        self.offers_ideas = bool(ideas)
