"""Forms whose fields are made once per language, and unsent fields drawn once: shared by the
stages' forms (the planner's draft, the invitation, the sessions page's proposal and
response)."""

import copy
from functools import lru_cache

from django import forms
from django.template import engines
from django.utils.functional import Promise
from django.utils.translation import get_language
from markupsafe import Markup

from handhold.config.templating import forget_with_catalogue


@lru_cache(maxsize=64)
def _fields_in(form_class: type[forms.Form], language: str | None) -> dict[str, forms.Field]:
    """A form's fields with their labels and help translated into `language` (the active one:
    it is part of the key), made once per language and process. They hold only the form's
    fixed words, never anything of a request: each form takes copies (`_fresh`)."""
    fields = copy.deepcopy(form_class.base_fields)
    for field in fields.values():
        if isinstance(field.label, Promise):
            field.label = str(field.label)
        if isinstance(field.help_text, Promise):
            field.help_text = str(field.help_text)
        if isinstance(field, forms.ChoiceField) and any(
            isinstance(label, Promise) for _value, label in field.choices
        ):
            # Named choices (the planner's styles), translated here too; Django's setter.
            field.choices = [
                (value, str(label) if isinstance(label, Promise) else label)
                for value, label in field.choices
            ]
    return fields


forget_with_catalogue(_fields_in.cache_clear)


def _shallow(thing):
    """`copy.copy` of a field or widget (neither defines __copy__ or __slots__): the same
    class and a copy of its attributes, without copy's reduce protocol (a dozen calls)."""
    copied = object.__new__(type(thing))
    copied.__dict__ = thing.__dict__.copy()
    return copied


def _fresh(field: forms.Field) -> forms.Field:
    """A copy of `field` for one form, as Django's Field.__deepcopy__ makes it (the field, its
    widget and their mutable attributes), but not its choices: the form sets its own."""
    copied = _shallow(field)
    copied.widget = _shallow(field.widget)
    copied.widget.attrs = field.widget.attrs.copy()
    copied.error_messages = field.error_messages.copy()
    copied.validators = field.validators[:]
    return copied


def set_choices(field: forms.ChoiceField, choices: list[tuple]) -> None:
    """`field.choices = choices`, for choices already in the form Django keeps them in (a list
    of (value, label) pairs without groups, which Django's normalize_choices gives back
    equal): its setter normalises them twice, for the field and its widget, some ten Python
    calls a choice. A test checks that both end up as Django's setter leaves them."""
    field._choices = field.widget._choices = choices


class FieldsMadeOnce(forms.Form):
    """A form whose fields are copied from ones made once per language (`_fields_in`), not
    deep-copied from the class's and translated again for every request: Django's way cost the
    sessions page some 400 Python calls of its form, and its labels another twenty calls each
    time they are drawn. Validation, widgets and error messages are Django's own."""

    def __init__(self, *args, **kwargs):
        self.base_fields = {}  # nothing for Django's __init__ to deep-copy: the fields follow
        super().__init__(*args, **kwargs)
        made = _fields_in(type(self), get_language())
        self.fields = {name: _fresh(field) for name, field in made.items()}


def drawn_field(field: forms.BoundField) -> Markup:
    """`field` drawn as `{% include "_field.html" %}` draws it on a page (label, widget, help,
    errors): for a form that draws an unsent field once per language and keeps it."""
    include = engines["jinja2"].from_string('{% include "_field.html" %}')
    return Markup(include.render({"field": field}))  # noqa: S704 - drawn by an autoescaping template
