from functools import lru_cache

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from markupsafe import Markup

from handhold.config.templating import forget_with_catalogue
from handhold.config.templating import gettext as gettext_cached
from handhold.pages.forms import FieldsMadeOnce, drawn_field, set_choices
from handhold.together.models import CheckIn, Debrief

STOP_WORD_HELP = _("Either of you can change it before agreeing. Saying it stops everything.")


def ceiling_choices(up_to: int) -> list[tuple[int, str]]:
    """Levels 1 to `up_to`, named in the request's language: made per form, because a lazy
    string formatted at import is fixed in English (the word itself is looked up once per
    language, config.templating.gettext)."""
    level = gettext_cached("Level %(n)s")
    return [(n, level % {"n": n}) for n in range(1, up_to + 1)]


class ProposalForm(FieldsMadeOnce):
    """Nothing is ticked for anyone: each step is chosen on purpose."""

    steps = forms.MultipleChoiceField(
        label=_("Steps, from what you both want"), widget=forms.CheckboxSelectMultiple
    )
    # Its choices (up to this couple's ceiling, from ceiling_choices) are set by __init__: none
    # here, so that building the form does not deep-copy five choices only to replace them.
    ceiling = forms.TypedChoiceField(label=_("Not beyond this level tonight"), coerce=int)
    stop_word = forms.CharField(
        label=_("Our stop word"), max_length=40, initial="Red", help_text=STOP_WORD_HELP
    )

    def __init__(self, *args, step_choices, max_ceiling: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_ceiling = max_ceiling
        set_choices(self.fields["steps"], list(step_choices))
        set_choices(self.fields["ceiling"], ceiling_choices(max_ceiling))
        self.fields["ceiling"].initial = max_ceiling

    def drawn_fields(self) -> tuple[Markup, Markup] | None:
        """The ceiling and stop-word fields as `_field.html` draws them, while nothing has been
        sent: then they hold only the form's fixed words and the highest ceiling offered, the
        same for everyone in a language, so they are drawn once per language and ceiling. A
        sent form (its values, its errors) is drawn field by field, as before."""
        if self.is_bound:
            return None
        return _proposal_fields_in(get_language(), self.max_ceiling)


@lru_cache(maxsize=64)
def _proposal_fields_in(language: str | None, max_ceiling: int) -> tuple[Markup, Markup]:
    """An unsent proposal form's ceiling and stop-word fields, drawn in `language` (the
    active one: it is part of the key) with levels up to `max_ceiling`. No steps: they are one
    couple's, and are drawn on each request."""
    form = ProposalForm(step_choices=(), max_ceiling=max_ceiling)
    return drawn_field(form["ceiling"]), drawn_field(form["stop_word"])


forget_with_catalogue(_proposal_fields_in.cache_clear)


class ResponseForm(FieldsMadeOnce):
    """The one answering a proposal ticks what they want, from nothing ticked; they can lower
    the ceiling and change the stop word, never add a step or raise the ceiling."""

    keep = forms.MultipleChoiceField(
        label=_("Tick the steps you would like"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one step, or choose “Not this time”.")},
    )
    # Its choices are set by __init__, as in ProposalForm.
    ceiling = forms.TypedChoiceField(label=_("Not beyond this level tonight"), coerce=int)
    stop_word = forms.CharField(label=_("Our stop word"), max_length=40, help_text=STOP_WORD_HELP)

    def __init__(self, *args, step_choices, ceiling: int, stop_word: str, **kwargs):
        super().__init__(*args, **kwargs)
        set_choices(self.fields["keep"], list(step_choices))
        set_choices(self.fields["ceiling"], ceiling_choices(ceiling))
        self.fields["ceiling"].initial = ceiling
        self.fields["stop_word"].initial = stop_word


class CheckInForm(forms.Form):
    light = forms.ChoiceField(choices=CheckIn.Light.choices)


class DebriefForm(forms.ModelForm):
    class Meta:
        model = Debrief
        fields = ["felt", "good", "change", "pace"]
        labels = {
            "felt": _("How did it feel?"),
            "good": _("What was good?"),
            "change": _("What would you change?"),
            "pace": _("Next time, the pace should be"),
        }
        widgets = {
            "felt": forms.Textarea(attrs={"rows": 3}),
            "good": forms.Textarea(attrs={"rows": 3}),
            "change": forms.Textarea(attrs={"rows": 3}),
            "pace": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A required choice has no empty "---------" radio.
        self.fields["pace"].choices = Debrief.Pace.choices
