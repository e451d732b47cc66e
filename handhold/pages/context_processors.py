from functools import cache
from types import SimpleNamespace
from typing import NamedTuple

from django.conf import settings
from django.template import engines
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from markupsafe import Markup

from handhold.config.templating import forget_with_catalogue


class NavLink(NamedTuple):
    href: str
    label: str
    # Log in and sign up pass on the page's `next`, so a join link's code survives either.
    carries_next: bool = False
    # Where the quiet "something waits for you" marker goes, when there is something.
    shows_waiting: bool = False


CARRIES_NEXT = {"accounts:login", "accounts:sign_up"}
SHOWS_WAITING = {"together:journey"}


def privacy(request):
    """What every page needs to honour discreet mode: a neutral title and icon."""
    user = getattr(request, "user", None)
    discreet = bool(user and user.is_authenticated and user.discreet_mode)
    return {"discreet": discreet, "site_title": _site_title(discreet)}


def _site_title(discreet: bool) -> str:
    return "Notes" if discreet else "Handhold"


def navigation(request):
    """The page frame's links and assets as plain data. They are the same for everyone logged
    in (and for everyone logged out), so they are reversed and translated once per language
    and process rather than on every page: that was half the cost of drawing the frame."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {"site_links": _site_links(signed_in, get_language(), get_script_prefix())}


@cache
def _site_links(signed_in: bool, language: str | None, prefix: str) -> dict:
    """`language` and `prefix` are part of the cache key: reverse() and gettext() read them."""
    if signed_in:
        nav = [
            ("discovery:reflect", _("Reflect")),
            ("discovery:learn", _("Learn")),
            ("notice:notice", _("Notice")),
            ("discovery:discover", _("Discover")),
            ("conversation:is_it_you", _("Talk")),
            ("together:prepare", _("Prepare")),
            ("together:sessions", _("Sessions")),
            ("together:journey", _("Journey")),
            ("accounts:pairing", _("Pairing")),
            ("accounts:settings", _("Settings")),
        ]
    else:
        nav = [
            ("discovery:learn", _("Learn")),
            ("accounts:login", _("Log in")),
            ("accounts:sign_up", _("Sign up")),
        ]
    links = [
        NavLink(reverse(name), label, name in CARRIES_NEXT, name in SHOWS_WAITING)
        for name, label in nav
    ]
    site_links = {
        "language": language,
        "stylesheet": static("handhold/handhold.css"),
        "quick_exit_script": static("handhold/quick-exit.js"),
        "icon": static("handhold/icon.svg"),
        "discreet_icon": static("handhold/notes.svg"),
        "home": reverse("pages:home"),
        "leave": reverse("pages:leave"),
        "logout": reverse("accounts:logout"),
        "language_switch": reverse("pages:language"),
        # Every language but this one, each named in itself, for the footer's switch.
        "other_languages": [(code, name) for code, name in settings.LANGUAGES if code != language],
        "nav": links,
        # The links as _nav.html draws them, without and with the quiet "something waits"
        # dot: the same for everyone logged in, so drawn once here rather than on every
        # page (a third of the frame's cost). Not when a link carries the page's `next`.
        "nav_html": None if any(link.carries_next for link in links) else _drawn_nav(links),
    }
    # The frame's top (_top.html) drawn here too, when it is the same for everyone: logged in,
    # where the navigation is drawn once too and the header holds the log-out form.
    site_links["top_html"] = (
        _drawn_top(site_links) if signed_in and site_links["nav_html"] else None
    )
    site_links["foot_html"] = _drawn_foot(site_links)
    return site_links


forget_with_catalogue(_site_links.cache_clear)


def _drawn_nav(links: list[NavLink]) -> tuple[Markup, Markup]:
    template = engines["jinja2"].env.get_template("_nav.html")
    return tuple(
        Markup(template.render({"links": {"nav": links}, "waiting_for_you": waiting}))  # noqa: S704 - a template's autoescaped output
        for waiting in (False, True)
    )


# Where the page's own CSRF field goes in the top drawn once: a marker that no text of the
# frame holds (a NUL character). Splitting on it fails loudly if it is ever found twice.
_CSRF_FIELD = Markup("\x00csrf\x00")
_SIGNED_IN = SimpleNamespace(is_authenticated=True)
# The same for the page's path, in the foot's language switch.
_PATH = "\x00path\x00"


def _drawn_top(site_links: dict) -> dict[tuple, tuple[Markup, Markup]]:
    """The frame's top as _top.html draws it for someone logged in, for each title and
    discretion that `privacy` gives and without and with the quiet "something waits" dot,
    each split where the page puts its CSRF field: base.html prints the two halves around it.
    Keyed as base.html looks it up: (site title, discreet, 1 if something waits else 0)."""
    template = engines["jinja2"].env.get_template("_top.html")
    drawn = {}
    for discreet in (False, True):
        for waiting in (0, 1):
            html = template.render(
                {
                    "links": site_links,
                    "site_title": _site_title(discreet),
                    "discreet": discreet,
                    "waiting_for_you": bool(waiting),
                    "user": _SIGNED_IN,
                    "csrf_input": _CSRF_FIELD,
                }
            )
            before, after = html.split(_CSRF_FIELD)
            drawn[(_site_title(discreet), discreet, waiting)] = (
                Markup(before),  # noqa: S704 - a template's autoescaped output
                Markup(after),  # noqa: S704 - a template's autoescaped output
            )
    return drawn


def _drawn_foot(site_links: dict) -> tuple[Markup, Markup, Markup]:
    """The frame's foot as _foot.html draws it, split where the page puts its CSRF field and
    its path: base.html prints the three parts around them."""
    template = engines["jinja2"].env.get_template("_foot.html")
    html = template.render(
        {
            "links": site_links,
            "request": SimpleNamespace(path=_PATH),
            "csrf_input": _CSRF_FIELD,
        }
    )
    before, rest = html.split(_CSRF_FIELD)
    between, after = rest.split(_PATH)
    return tuple(Markup(part) for part in (before, between, after))  # noqa: S704 - a template's autoescaped output
