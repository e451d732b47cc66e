"""The one template language: Jinja2, through Django's own backend (settings.TEMPLATES),
with two small differences (`Jinja2` below).

What Django's template language gave every template is written once here: `url()` and
`static()`, the translation functions, and the filters our templates use. Autoescaping is on
for every template (settings.TEMPLATES), so a value is escaped unless it is marked safe.

Translations: `{{ _("...") }}` for a plain string and `{% trans name=... %}...{% endtrans %}`
(with `{% pluralize %}` for plurals) for one with values in it; `handhold manage
makemessages` finds both (handhold/pages/management/commands/makemessages.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from uuid import UUID

import jinja2
from django.core.signals import setting_changed
from django.template import defaultfilters
from django.template.backends import jinja2 as django_jinja2
from django.template.backends.utils import csrf_token_lazy
from django.templatetags.static import static as django_static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.autoreload import file_changed
from django.utils.dates import MONTHS
from jinja2 import pass_context
from markupsafe import Markup

from handhold.accounts.filters import device_label
from handhold.config.middleware import get_token
from handhold.conversation.filters import highlight
from handhold.discovery.filters import level_name, markdown, role_words
from handhold.pages.filters import described_widget
from handhold.pages.links import link, link_with_id
from handhold.pages.widgets import option_tags

# The translation functions, cached by language: Django's gettext costs a few microseconds a
# string (it normalises line endings, walks the fallback catalogues and checks for safe
# strings), and a page asks it for some thirty strings. The active language is part of every
# key, so each request still gets its own language. The bound keeps a template that
# translates a variable from growing the cache without end.
_CACHE_SIZE = 4096


@lru_cache(maxsize=_CACHE_SIZE)
def _gettext(language: str | None, message: str) -> str:
    return translation.gettext(message)


@lru_cache(maxsize=_CACHE_SIZE)
def _ngettext(language: str | None, singular: str, plural: str, number: int) -> str:
    return translation.ngettext(singular, plural, number)


@lru_cache(maxsize=_CACHE_SIZE)
def _pgettext(language: str | None, context: str, message: str) -> str:
    return translation.pgettext(context, message)


@lru_cache(maxsize=_CACHE_SIZE)
def _npgettext(language: str | None, context: str, singular: str, plural: str, number: int) -> str:
    return translation.npgettext(context, singular, plural, number)


def gettext(message: str) -> str:
    return _gettext(translation.get_language(), message)


def ngettext(singular: str, plural: str, number: int) -> str:
    return _ngettext(translation.get_language(), singular, plural, number)


def pgettext(context: str, message: str) -> str:
    return _pgettext(translation.get_language(), context, message)


def npgettext(context: str, singular: str, plural: str, number: int) -> str:
    return _npgettext(translation.get_language(), context, singular, plural, number)


@lru_cache(maxsize=_CACHE_SIZE)
def _escaped_gettext(language: str | None, message: str) -> Markup:
    """`{{ _("...") }}` with nothing to fill in, as Jinja2's newstyle gettext gives it (the
    translation, marked safe and formatted with no values, so `%%` prints as `%`), made once
    per language: most of a page's strings are these."""
    return Markup(_gettext(language, message)) % {}  # noqa: S704 (as Jinja2's own gettext)


# The request's language, read once when a page starts drawing (Template.render) rather than
# for each of its thirty-odd strings: Django keeps it in a context-local, slow to reach.
LANGUAGE = "_handhold_language"


@pass_context
def template_gettext(__context, __string: str, **variables):
    """Jinja2's newstyle `gettext` (jinja2.ext._make_new_gettext) without its per-call
    overhead: the same translation, escaping and formatting."""
    language = __context.get(LANGUAGE) or translation.get_language()
    if not __context.eval_ctx.autoescape:
        return _gettext(language, __string) % variables
    if not variables:
        return _escaped_gettext(language, __string)
    return Markup(_gettext(language, __string)) % variables  # noqa: S704 (as Jinja2's own)


# Other text made once per language and kept for the process (the navigation, the ladder,
# the planner's outline, the sessions page's step labels): each module registers how to
# forget it, so a changed catalogue reaches all of it through the one hook below.
_FORGET_WITH_CATALOGUE: list[Callable[[], None]] = []


def forget_with_catalogue(forget: Callable[[], None]) -> None:
    """Have `forget` run whenever the translations change (clear_translation_cache)."""
    _FORGET_WITH_CATALOGUE.append(forget)


def clear_translation_cache(**kwargs) -> None:
    for cached in (_gettext, _ngettext, _pgettext, _npgettext, _escaped_gettext, _month_name):
        cached.cache_clear()
    for forget in _FORGET_WITH_CATALOGUE:
        forget()


def _translation_file_changed(sender, file_path: Path, **kwargs) -> None:
    """The development server reloads a changed catalogue without restarting (Django's own
    `translation_file_changed`); forget what was looked up in the old one."""
    if file_path.suffix == ".mo":
        clear_translation_cache()


file_changed.connect(_translation_file_changed)


def url(name: str, *args) -> str:
    """`reverse()`; a link without arguments, or with one public id, is reversed once per
    process (pages.links)."""
    if not args:
        return link(name)
    if len(args) == 1 and isinstance(args[0], UUID):
        return link_with_id(name, args[0])
    return reverse(name, args=args)


@lru_cache(maxsize=256)
def static(path: str) -> str:
    """Django's `static()`, once per file and process: a file's URL changes only with the
    settings (`_static_settings_changed`), and Django's way costs some sixty Python calls."""
    return django_static(path)


def _static_settings_changed(setting: str, **kwargs) -> None:
    if setting in ("STATIC_URL", "STORAGES", "STATIC_ROOT", "FORCE_SCRIPT_NAME"):
        static.cache_clear()


setting_changed.connect(_static_settings_changed)


def date(value, format_string: str | None = None) -> str:
    """Django's `date` filter, in the current time zone as Django's templates showed it.
    "j F" (the day and the month's name, as the sessions page lists plans) is written here:
    Django's formatter costs some seventy Python calls a date, and only the month's name needs
    translating (once per language, `_month_name`)."""
    if format_string == "j F" and isinstance(value, datetime.date):
        local = timezone.template_localtime(value)
        return f"{local.day} {_month_name(translation.get_language(), local.month)}"
    return defaultfilters.date(timezone.template_localtime(value), format_string)


@lru_cache(maxsize=64)
def _month_name(language: str | None, month: int) -> str:
    """Django's name for `month` (1 to 12) in `language`, the active one: part of the key."""
    return str(MONTHS[month])


def linebreaksbr(value) -> str:
    """Django's `linebreaksbr`: the text escaped, its line breaks as <br>."""
    return defaultfilters.linebreaksbr(value, autoescape=True)


def environment(**options) -> jinja2.Environment:
    """The environment Django's Jinja2 backend renders with (settings.TEMPLATES)."""
    # A missing value prints as nothing, as in Django's templates, even with DEBUG on (where
    # Django's backend would print its name), but asking for an attribute of it is an error.
    options["undefined"] = jinja2.Undefined
    # Keep each template's last line break, as Django's templates did, so pages come out the
    # same byte for byte.
    options.setdefault("keep_trailing_newline", True)
    # Every template escapes what it prints, whatever the options say.
    options.pop("autoescape", None)
    env = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=gettext,
        ngettext=ngettext,
        pgettext=pgettext,
        npgettext=npgettext,
        newstyle=True,
    )
    # The same `gettext` for `_()` and `{% trans %}`, without the extension's extra call.
    env.globals.update(gettext=template_gettext, _=template_gettext)
    env.globals.update(url=url, static=static)
    env.filters.update(
        date=date,
        linebreaksbr=linebreaksbr,
        described_widget=described_widget,
        device_label=device_label,
        highlight=highlight,
        level_name=level_name,
        markdown=markdown,
        option_tags=option_tags,
        role_words=role_words,
    )
    return env


class CsrfInput:
    """The page's hidden CSRF field, made when the first form asks for it and reused by every
    other form on the page, as `{% csrf_token %}` was in Django's templates. Django's Jinja2
    backend hands templates a lazy value that masks a new token each time it is printed, and
    the journey draws up to eight forms."""

    __slots__ = ("_html", "_request")

    def __init__(self, request):
        self._request = request
        self._html = None

    def __html__(self) -> str:
        if self._html is None:
            # django.template.backends.utils.csrf_input, with our quicker get_token; the token
            # is letters and digits only, nothing to escape.
            token = get_token(self._request)
            self._html = f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
        return self._html

    __str__ = __html__


class Jinja2(django_jinja2.Jinja2):
    """Django's Jinja2 backend, drawing as Django's templates did in two ways: what a view
    passes wins over what a context processor adds under the same name (Django's backend lets
    the processor win: the journey's own reading of what waits would be thrown away and read
    again), and the CSRF field is made once per page."""

    def from_string(self, template_code):
        return Template(super().from_string(template_code).template, self)

    def get_template(self, template_name):
        return Template(super().get_template(template_name).template, self)


class Template(django_jinja2.Template):
    def render(self, context=None, request=None):
        if request is None:
            return super().render({**(context or {}), LANGUAGE: translation.get_language()})
        page = {
            LANGUAGE: translation.get_language(),
            "request": request,
            "csrf_input": CsrfInput(request),
            "csrf_token": csrf_token_lazy(request),
        }
        for context_processor in self.backend.template_context_processors:
            page.update(context_processor(request))
        page.update(context or {})
        return super().render(page)
