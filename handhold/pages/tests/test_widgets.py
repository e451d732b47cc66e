"""Widgets drawn in Python (handhold/pages/widgets.py) come out byte for byte as Django's own
widget templates draw them, and every form of ours is drawn the same either way."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

import handhold
from handhold.pages.widgets import FormRenderer

TRICKY = ['He said "no" & <left>', "it's", mark_safe("<b>safe</b>"), gettext_lazy("Sessions")]


class Everything(forms.Form):
    text = forms.CharField(max_length=40, help_text="help", initial='a "quoted" <value>')
    number = forms.IntegerField(min_value=1, max_value=5)
    email = forms.EmailField(required=False)
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(widget=forms.HiddenInput)
    tick = forms.BooleanField(required=False)
    box = forms.CharField(widget=forms.Textarea(attrs={"placeholder": gettext_lazy("Steps")}))
    choose = forms.TypedChoiceField(choices=[(1, "one"), (2, 'two "2"'), (3, 3)], coerce=int)
    several = forms.MultipleChoiceField(
        choices=[("a", "<A>"), ("b", gettext_lazy("Sessions"))],
        widget=forms.CheckboxSelectMultiple,
    )
    radios = forms.ChoiceField(choices=[("x", "X & y"), ("z", "it's")], widget=forms.RadioSelect)
    grouped = forms.ChoiceField(choices=[("Group", [("g", "G")]), ("h", "H")])
    when = forms.DateField(required=False)


def drawn(form_class, data, renderer, **kwargs) -> list[str]:
    form = form_class(data, renderer=renderer, **kwargs)
    form.is_valid()
    out = []
    for field in form:
        out.append(str(field.as_widget(attrs={"aria-describedby": 'x "y"', "required": False})))
        out.append(str(field))
        for sub in getattr(field, "subwidgets", []):
            out.append(str(sub.tag()))
            out.append(str(sub.tag(wrap_label=True)))
    return out


@pytest.mark.parametrize("value", TRICKY)
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_widget_is_drawn_as_djangos_templates_draw_it(value, language):
    data = {
        "text": value,
        "number": "3",
        "secret": value,
        "hidden": value,
        "tick": "on",
        "box": value,
        "choose": "2",
        "several": ["a", "b"],
        "radios": "z",
        "grouped": "g",
        "when": "2026-01-02",
    }
    with override(language):
        for bound in (data, None):
            ours = drawn(Everything, bound, FormRenderer())
            djangos = drawn(Everything, bound, DjangoTemplates())
            assert ours == djangos


def _our_forms():
    for module_info in pkgutil.walk_packages(handhold.__path__, "handhold."):
        if module_info.name.endswith(".forms"):
            module = importlib.import_module(module_info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                    yield cls


def test_every_form_of_ours_is_drawn_the_same():
    checked = 0
    for form_class in _our_forms():
        try:
            ours = drawn(form_class, None, FormRenderer())
        except TypeError:
            continue  # a form that needs arguments of its own: its page tests draw it
        assert ours == drawn(form_class, None, DjangoTemplates()), form_class
        checked += 1
    assert checked >= 5


def test_the_renderer_is_the_one_in_use(settings):
    assert settings.FORM_RENDERER == "handhold.pages.widgets.FormRenderer"
