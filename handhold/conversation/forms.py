from functools import lru_cache

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from markupsafe import Markup

from handhold.config.templating import forget_with_catalogue
from handhold.conversation.models import ConversationDraft, TalkInvitation
from handhold.pages.forms import FieldsMadeOnce, drawn_field


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


class InviteForm(FieldsMadeOnce):
    """Its fields copied from ones made once per language (pages.forms): the invitation page
    draws this form for everyone paired, on every visit."""

    message = forms.CharField(
        label=_("A short message to your partner"),
        max_length=1_000,
        help_text=_("Checked for pressure before it can go. Keep it short and kind."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def drawn_message(self) -> Markup | None:
        """The message field as `_field.html` draws it, while nothing has been sent: then it
        holds only the form's fixed words, the same for everyone in a language, so it is drawn
        once per language. A sent form (its words, its errors) is drawn as before."""
        if self.is_bound:
            return None
        return _unsent_message_in(get_language())


@lru_cache(maxsize=16)
def _unsent_message_in(language: str | None) -> Markup:
    """An unsent invitation's message field, drawn in `language` (the active one: it is part
    of the key). Nothing of anyone's is in it: no words, no errors."""
    return drawn_field(InviteForm()["message"])


forget_with_catalogue(_unsent_message_in.cache_clear)


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=TalkInvitation.Answer.choices)
