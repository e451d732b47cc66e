"""The resources page: every kind has its heading, and a web address is text to copy, never a
link, so opening the page (or a stray tap on it) sends nothing away from Handhold."""

import re

from django.urls import reverse

from handhold.content.registry import default_pack


def resources_html(client) -> str:
    response = client.get(reverse("together:resources"))
    assert response.status_code == 200
    return response.content.decode()


def test_every_kind_of_resource_has_its_heading(client, db):
    html = resources_html(client)
    for kind, heading in (
        ("book", "Books"),
        ("film", "Films"),
        ("class", "Classes"),
        ("shop", "Shops"),
    ):
        assert f'<h2 id="kind-{kind}">{heading}</h2>' in html


def test_resource_links_are_plain_text_to_copy(client, db):
    html = resources_html(client)
    links = [resource.link for resource in default_pack().resources if resource.link]
    assert links
    for link in links:
        assert f'<code translate="no">{link}</code>' in html
        assert f'href="{link}' not in html
    main = html.split("<main", 1)[1]
    assert not re.search(r"<a\b[^>]*href=\"https?://", main)


def test_the_film_says_plainly_that_it_is_explicit(client, db):
    film = next(r for r in default_pack().resources if r.kind == "film")
    assert "explicit" in film.note
    assert film.title in resources_html(client)
