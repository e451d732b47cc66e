"""Form widgets drawn in Python, byte for byte as Django's own widget templates draw them.

Our pages are Jinja2, but a form field's widget is drawn by Django's form renderer through
Django's template language: on the sessions page its ten step boxes, the ceiling and the stop
word took a quarter of the page's time. Django's Jinja2 renderer is no answer: its widget
templates escape through MarkupSafe, which writes a quote as `&#34;` where Django writes
`&quot;`, so the same field would come out differently on different pages.

So the common widgets (every `<input>`, a checkbox or radio option, a select without groups,
a textarea) are drawn here with Django's own `conditional_escape`, exactly as the templates in
django/forms/templates/django/forms/widgets/ draw them; anything else (option groups, a label
that is not text, the other widgets) goes to Django's templates as before.
`handhold/pages/tests/test_widgets.py` compares the two, quotes, lazy text and safe strings
included.
"""

from __future__ import annotations

import html
import re

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.safestring import SafeString

WIDGETS = "django/forms/widgets/"
_SPECIAL = re.compile(r"[&<>\"']").search


def conditional_escape(value) -> str:
    """Django's `conditional_escape`, the same text: a safe value's own HTML, anything else
    through `html.escape` as Django's `escape` does, and text with nothing to escape as it is
    (most of a form's names, ids and values), without Django's lazy-argument wrapper around
    `escape` (some fifteen Python calls a value, five values an option). A plain `str`, most
    of them, is answered first: neither lazy nor safe (a safe string is a subclass)."""
    if type(value) is str:
        return html.escape(value) if _SPECIAL(value) else value
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    value = str(value)
    return html.escape(value) if _SPECIAL(value) else value


def _text(value) -> bool:
    """What Django's `{{ value }}` prints as `str(value)`: text (lazy or safe) and whole
    numbers. Anything else (a float, a date) Django would localise: left to its templates."""
    return isinstance(value, (str, Promise, int)) and not isinstance(value, bool)


def _attrs(attrs: dict) -> str:
    """attrs.html: ` name="value"` for each, only the name when True, nothing when False."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            out.append(f" {conditional_escape(name)}")
        else:
            out.append(f' {conditional_escape(name)}="{conditional_escape(_s(value))}"')
    return "".join(out)


def _s(value):
    """The `stringformat:'s'` filter: `"%s" % value`, keeping a safe string safe."""
    if type(value) is str:
        return value
    return value if hasattr(value, "__html__") else "%s" % (value,)  # noqa: UP031


def _input(widget: dict) -> str:
    value = ""
    if widget["value"] != None:  # noqa: E711 (as the template compares)
        value = f' value="{conditional_escape(_s(widget["value"]))}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}"'
        f' name="{conditional_escape(widget["name"])}"{value}{_attrs(widget["attrs"])}>'
    )


def _input_option(widget: dict) -> str | None:
    if not widget.get("wrap_label"):
        return _input(widget)
    if not _text(widget["label"]):
        return None
    target = widget["attrs"].get("id")
    opening = f'<label for="{conditional_escape(target)}">' if target else "<label>"
    # The included input.html ends with a line break, kept inside the label.
    return f"{opening}{_input(widget)}\n {conditional_escape(widget['label'])}</label>"


def _textarea(widget: dict) -> str | None:
    value = widget["value"]
    if value and not _text(value):
        return None
    shown = conditional_escape(value) if value else ""
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{shown}</textarea>"
    )


def _option(widget: dict) -> str:
    return (
        f'<option value="{conditional_escape(_s(widget["value"]))}"{_attrs(widget["attrs"])}>'
        f"{conditional_escape(widget['label'])}</option>"
    )


def _select(widget: dict) -> str | None:
    options = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            return None
        for option in group_choices:
            if option["template_name"] != WIDGETS + "select_option.html" or not _text(
                option["label"]
            ):
                return None
            options.append(f"\n  {_option(option)}\n")
    return (
        f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>'
        f"{''.join(options)}\n</select>"
    )


DRAWN = {
    **{
        f"{WIDGETS}{name}.html": _input
        for name in [
            "input",
            "text",
            "number",
            "email",
            "url",
            "color",
            "search",
            "tel",
            "password",
            "hidden",
            "date",
            "datetime",
            "time",
            "checkbox",
        ]
    },
    f"{WIDGETS}checkbox_option.html": _input_option,
    f"{WIDGETS}radio_option.html": _input_option,
    f"{WIDGETS}textarea.html": _textarea,
    f"{WIDGETS}select.html": _select,
    f"{WIDGETS}select_option.html": lambda widget: (
        _option(widget) if _text(widget["label"]) else None
    ),
}


class FormRenderer(DjangoTemplates):
    """Django's default form renderer (settings.FORM_RENDERER), with the common widgets drawn
    in Python. Only a widget's own template name is taken, and only when it is the Django
    template of that name: forms, fields and any template of ours still go to Django."""

    def render(self, template_name, context, request=None):
        draw = DRAWN.get(template_name)
        if draw is not None and "widget" in context:
            drawn = draw(context["widget"])
            if drawn is not None:
                return drawn
        return super().render(template_name, context, request=request)


OPTIONS = {WIDGETS + "checkbox_option.html", WIDGETS + "radio_option.html"}


def option_tags(bound) -> list[tuple]:
    """Each option of a radio or checkbox field as (its id, its label, its <input>), as
    `{% for box in field %}` gives `box.id_for_label`, `box.choice_label` and `box.tag()`:
    the same attributes, in the same order, drawn by `_input` as the renderer draws them, but
    without a BoundWidget, a context and a renderer call per option (Django's optgroups and
    create_option, written out for the flat case). Anything else (option groups, another
    option template) goes through Django's BoundWidgets as before. A test compares the two."""
    widget = bound.field.widget
    choices = list(widget.choices)
    if widget.option_template_name not in OPTIONS or any(
        isinstance(label, (list, tuple)) for _, label in choices
    ):
        return [(box.id_for_label, box.choice_label, box.tag()) for box in bound]
    id_ = widget.attrs.get("id") or bound.auto_id
    attrs = bound.build_widget_attrs({"id": id_} if id_ else {})
    base = widget.build_attrs(widget.attrs, attrs) if widget.option_inherits_attrs else {}
    value = widget.format_value(bound.value())
    # What `_input` draws, its type and name escaped once for all the options.
    opening = (
        f'<input type="{conditional_escape(widget.input_type)}"'
        f' name="{conditional_escape(bound.html_name)}"'
    )
    found, has_selected = [], False
    for index, (option_value, label) in enumerate(choices):
        if option_value is None:
            option_value = ""
        selected = (not has_selected or widget.allow_multiple_selected) and str(
            option_value
        ) in value
        has_selected |= selected
        option_attrs = dict(base)
        if selected:
            option_attrs.update(widget.checked_attribute)
        if "id" in option_attrs:
            option_attrs["id"] = widget.id_for_label(option_attrs["id"], str(index))
        tag = f'{opening} value="{conditional_escape(_s(option_value))}"{_attrs(option_attrs)}>'
        # Escaped as _input escapes; SafeString as mark_safe makes it, without its lazy-argument
        # check.
        found.append((option_attrs.get("id"), label, SafeString(tag)))
    return found
