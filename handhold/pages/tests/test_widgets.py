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


class Options(forms.Form):
    several = forms.MultipleChoiceField(
        choices=[("a", "<A>"), ('b "2"', gettext_lazy("Sessions")), (3, "it's"), ("", "none")],
        widget=forms.CheckboxSelectMultiple,
        help_text="help",
    )
    radios = forms.ChoiceField(
        choices=[("x", "X & y"), ("z", mark_safe("<b>z</b>"))], widget=forms.RadioSelect
    )
    attributed = forms.ChoiceField(
        choices=[("x", "X"), ("y", "Y")],
        widget=forms.RadioSelect(attrs={"class": 'c "d"', "data-x": gettext_lazy("Steps")}),
        required=False,
    )
    fixed_id = forms.MultipleChoiceField(
        choices=[("p", "P")], widget=forms.CheckboxSelectMultiple(attrs={"id": "mine"})
    )
    grouped = forms.ChoiceField(
        choices=[("Group", [("g", "G"), ("h", "H")]), ("i", "I")], widget=forms.RadioSelect
    )
    off = forms.ChoiceField(choices=[("o", "O")], widget=forms.RadioSelect, disabled=True)


def boxes(form) -> list:
    """What templates drew with `{% for box in field %}`, for every field."""
    return [
        [(box.id_for_label, box.choice_label, str(box.tag())) for box in field] for field in form
    ]


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},  # bound, every required field missing: errors, so aria-invalid
        {"several": ["a", 'b "2"', "3"], "radios": "z", "attributed": "y", "fixed_id": ["p"]},
        {"several": ["zzz"], "radios": "nope", "grouped": "h"},
    ],
)
@pytest.mark.parametrize("auto_id", ["id_%s", "field-%s", False])
def test_option_tags_draw_each_option_as_its_bound_widget_does(data, auto_id):
    """`option_tags` (the `{% for id, label, box in field|option_tags %}` of our templates)
    gives what iterating the field's BoundWidgets gives: ids, labels and tags, byte for byte."""
    from handhold.pages.widgets import option_tags

    def form():
        return Options(data, auto_id=auto_id, initial={"several": ["a"], "radios": "x"})

    ours = [[(i, label, str(tag)) for i, label, tag in option_tags(field)] for field in form()]
    assert ours == boxes(form())
    if data == {}:
        assert 'aria-invalid="true"' in str(ours)


def test_option_tags_on_the_sessions_form_with_an_error():
    from handhold.pages.widgets import option_tags
    from handhold.together.forms import ProposalForm

    def form():
        made = ProposalForm(
            {"steps": ["a|me", "b|you"], "ceiling": "9", "stop_word": ""},
            step_choices=[("a|me", "A (you give), level 1"), ("b|you", "B's, level 2")],
            max_ceiling=2,
        )
        made.add_error(None, "refused")
        return made

    mine, theirs = form(), form()
    assert [(i, label, str(tag)) for i, label, tag in option_tags(mine["steps"])] == [
        (box.id_for_label, box.choice_label, str(box.tag())) for box in theirs["steps"]
    ]
