"""The page frame's navigation: every stage of the journey is one step away."""

import re

from django.urls import reverse

NAV = re.compile(r'<nav aria-label="Main">(.*?)</nav>', re.S)


def nav_of(response) -> str:
    return NAV.search(response.content.decode()).group(1)


def test_every_stage_is_reachable_from_the_navigation(client_for, asker, partner):
    nav = nav_of(client_for(asker).get(reverse("pages:home")))
    for name in (
        "discovery:reflect",
        "discovery:learn",
        "discovery:discover",
        "conversation:is_it_you",
        "together:prepare",
        "together:sessions",
        "together:journey",
        "accounts:pairing",
        "accounts:settings",
    ):
        assert f'href="{reverse(name)}"' in nav, name
