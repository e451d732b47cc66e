from django import forms
from django.utils.translation import gettext_lazy as _

from handhold.together.models import CheckIn, Debrief

CEILING_CHOICES = [(n, _("Level %(n)s") % {"n": n}) for n in range(1, 6)]


class ProposalForm(forms.Form):
    steps = forms.MultipleChoiceField(
        label=_("Steps, from what you both want"), widget=forms.CheckboxSelectMultiple
    )
    ceiling = forms.TypedChoiceField(
        label=_("Not beyond this level tonight"), choices=CEILING_CHOICES, coerce=int
    )
    stop_word = forms.CharField(label=_("Our stop word"), max_length=40, initial="Red")

    def __init__(self, *args, step_choices, max_ceiling: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["steps"].choices = step_choices
        self.fields["ceiling"].choices = [c for c in CEILING_CHOICES if c[0] <= max_ceiling]
        self.fields["ceiling"].initial = max_ceiling


class ResponseForm(forms.Form):
    keep = forms.MultipleChoiceField(
        label=_("Keep these steps"), required=False, widget=forms.CheckboxSelectMultiple
    )
    ceiling = forms.TypedChoiceField(
        label=_("Not beyond this level tonight"), choices=CEILING_CHOICES, coerce=int
    )

    def __init__(self, *args, steps, ceiling: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [(str(s.pk), s.label) for s in steps]
        self.fields["keep"].initial = [str(s.pk) for s in steps]
        self.fields["ceiling"].choices = [c for c in CEILING_CHOICES if c[0] <= ceiling]
        self.fields["ceiling"].initial = ceiling


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
