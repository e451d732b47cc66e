from django import forms
from django.utils.translation import gettext_lazy as _

from handhold.conversation.models import ConversationDraft, TalkInvitation
from handhold.pages.forms import FieldsMadeOnce


class DraftForm(FieldsMadeOnce):
    """Its fields copied from ones made once per language (pages.forms): the planner draws
    this form on every check."""

    style = forms.ChoiceField(
        label=_("How would you like to bring it up?"),
        choices=ConversationDraft.Style.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your own words"),
        required=False,
        strip=False,
        max_length=5_000,
        help_text=_("Only you can see this draft. Handhold checks it for pressuring words."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class InviteForm(forms.Form):
    message = forms.CharField(
        label=_("A short message to your partner"),
        max_length=1_000,
        help_text=_("Checked for pressure before it can go. Keep it short and kind."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=TalkInvitation.Answer.choices)
