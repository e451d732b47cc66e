"""The page frame's navigation: every stage of the journey is one step away."""

import re
from urllib.parse import quote

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

NAV = re.compile(r'<nav aria-label="Main">(.*?)</nav>', re.S)


def nav_of(response) -> str:
    return NAV.search(response.content.decode()).group(1)


def test_every_stage_is_reachable_from_the_navigation(client_for, asker, partner):
    nav = nav_of(client_for(asker).get(reverse("pages:home")))
    for name in (
        "discovery:reflect",
        "discovery:learn",
        "notice:notice",
        "discovery:discover",
        "conversation:is_it_you",
        "together:prepare",
        "together:sessions",
        "together:journey",
        "accounts:pairing",
        "accounts:settings",
    ):
        assert f'href="{reverse(name)}"' in nav, name


def test_the_navigation_folds_behind_one_menu_button(client_for, asker):
    html = client_for(asker).get(reverse("pages:home")).content.decode()
    menu = re.search(r'<details class="menu">(.*?)</details>', html, re.S).group(1)
    assert '<summary class="menu-button">Menu</summary>' in menu
    assert '<nav aria-label="Main">' in menu
    assert "data-quick-exit" not in menu  # Quick exit stays outside the menu, always shown


def frame_for(client, **context) -> str:
    """The home page as drawn for whoever `client` is, with extra context for the frame."""
    request = client.get(reverse("pages:home")).wsgi_request
    return render_to_string("pages/home.html", context, request=request)


WAITING = (
    '<span class="waiting-dot"><span class="visually-hidden">'
    "Something is waiting for you</span></span>"
)


def test_something_waiting_shows_a_quiet_marker_on_journey_and_menu(client_for, asker):
    html = frame_for(client_for(asker), waiting_for_you=True)
    assert f'<a href="{reverse("together:journey")}">Journey{WAITING}</a>' in html
    assert f'<summary class="menu-button">Menu{WAITING}</summary>' in html
    assert html.count("waiting-dot") == 2


def test_nothing_waiting_shows_no_marker(client_for, asker):
    assert "waiting-dot" not in frame_for(client_for(asker))
    assert "waiting-dot" not in frame_for(client_for(asker), waiting_for_you=False)


def test_log_in_and_sign_up_in_the_navigation_keep_the_pages_next(client, db):
    link = "/pair/join/?code=ABCD-EFGH"
    nav = nav_of(client.get(reverse("accounts:login"), {"next": link}))
    for name in ("accounts:login", "accounts:sign_up"):
        assert f'href="{reverse(name)}?next={quote(link)}"' in nav, name
    assert f'href="{reverse("discovery:learn")}"' in nav


def test_the_navigation_keeps_no_next_from_elsewhere(client, db):
    nav = nav_of(client.get(reverse("accounts:sign_up"), {"next": "https://example.com/"}))
    assert "next=" not in nav


@pytest.mark.parametrize("discreet", [False, True])
@pytest.mark.parametrize("waiting", [False, True])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("signed_in", [False, True])
def test_the_links_drawn_once_are_the_links_drawn_on_each_page(
    rf, asker, language, waiting, signed_in, discreet
):
    """The navigation's links (nav_html) and the frame's top around them (top_html, the head's
    links and the header) are drawn once per language when no link carries `next`, and the
    foot (foot_html) always: the frame comes out byte for byte as when _nav.html, _top.html
    and _foot.html draw them on the page, a path that needs escaping included."""
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.template import engines
    from django.utils import translation

    from handhold.pages.context_processors import navigation

    asker.discreet_mode = discreet
    frame = engines["jinja2"].from_string(
        '{% extends "base.html" %}{% block title %}A page · {% endblock %}'
        "{% block content %}{% endblock %}"
    )
    with translation.override(language):
        request = rf.get('/a/"<b>&c/')
        request.user, request.session = (asker if signed_in else AnonymousUser()), {}
        request._messages = FallbackStorage(request)
        links = navigation(request)["site_links"]
        # Logged out, log in and sign up carry the page's `next`: drawn on each page.
        assert (links["nav_html"] is None) == (not signed_in)
        assert (links["top_html"] is None) == (not signed_in)
        once = frame.render({"waiting_for_you": waiting}, request)
        each = frame.render(
            {
                "waiting_for_you": waiting,
                "site_links": {**links, "nav_html": None, "top_html": None, "foot_html": None},
            },
            request,
        )
        # A title of the view's own is drawn on the page, as before.
        own = frame.render({"waiting_for_you": waiting, "site_title": "Mine"}, request)
    csrf = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert csrf.sub("", once) == csrf.sub("", each)
    assert ("waiting-dot" in nav_of_html(once)) == (waiting and signed_in)
    assert ("Notes" in once) == (discreet and signed_in)
    assert own.count("Mine") == 2  # in the title and the header
    assert once.count("csrfmiddlewaretoken") == (2 if signed_in else 1)
    assert len(set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', once))) == 1
    assert 'name="next" value="/a/&#34;&lt;b&gt;&amp;c/"' in once


def nav_of_html(html: str) -> str:
    return re.search(r'<nav aria-label="[^"]+">(.*?)</nav>', html, re.S).group(1)


@pytest.mark.parametrize("prefix", ["/", "/handhold/"])
def test_a_link_with_a_public_id_is_the_reversed_link(prefix):
    """Links with one public id are reversed once per process with a stand-in id
    (pages.links.link_with_id): the same text as reverse() gives for every id, under any
    script prefix, and nothing of one id is kept for another."""
    import uuid

    from django.urls import get_resolver, set_script_prefix

    from handhold.config.templating import url
    from handhold.pages.links import link_with_id

    def uuid_names(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from uuid_names(pattern, inner)
            elif pattern.name and str(pattern.pattern).count("<uuid:") == 1:
                yield namespace + pattern.name

    names = list(uuid_names(get_resolver()))
    assert "together:session" in names and "conversation:answer" in names
    try:
        set_script_prefix(prefix)
        for name in names:
            for public_id in (uuid.uuid4(), uuid.UUID(int=0), uuid.UUID(int=2**128 - 1)):
                assert link_with_id(name, public_id) == reverse(name, args=[public_id])
                assert url(name, public_id) == reverse(name, args=[public_id])
    finally:
        set_script_prefix("/")


@pytest.mark.parametrize("prefix", ["/", "/handhold/"])
def test_a_page_of_links_gets_the_reversed_links(prefix):
    """`linker()` reads the script prefix once for a page's many links (pages.links): each
    link is what reverse() and `link` give, under any script prefix."""
    from django.urls import get_resolver, set_script_prefix

    from handhold.pages.links import link, linker

    def plain_names(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from plain_names(pattern, inner)
            elif pattern.name and "<" not in str(pattern.pattern):
                yield namespace + pattern.name

    names = list(plain_names(get_resolver()))
    assert "together:sessions" in names and "discovery:reflect" in names
    try:
        set_script_prefix(prefix)
        links = linker()
        for name in names:
            assert links(name) == reverse(name) == link(name), name
    finally:
        set_script_prefix("/")
