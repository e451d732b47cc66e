from django.urls import reverse

from handhold.content.registry import default_pack


def test_the_card_index_lists_every_card(client, db):
    html = client.get(reverse("discovery:learn")).content.decode()
    pack = default_pack()
    assert len(pack.cards) >= 12
    for card in pack.cards:
        assert reverse("discovery:card", args=[card.id]) in html


def test_a_card_page_shows_its_body_and_sources(client, db):
    html = client.get(reverse("discovery:card", args=["lube-types"])).content.decode()
    assert "<strong>Water-based</strong>" in html
    assert "Sources" in html
    assert "World Health Organization" in html


def test_every_card_page_opens_and_names_a_source(client, db):
    for card in default_pack().cards:
        response = client.get(reverse("discovery:card", args=[card.id]))
        assert response.status_code == 200
        assert card.sources[0].title.replace("'", "&#39;").encode() in response.content


def test_source_addresses_are_text_to_copy_never_links(client, db):
    """As on the resources page: nothing on a card reaches out, even on a click."""
    for card in default_pack().cards:
        html = client.get(reverse("discovery:card", args=[card.id])).content.decode()
        sources = html.split("<h2>Sources</h2>")[1].split("</ul>")[0]
        assert "<a " not in sources
        for source in card.sources:
            if source.url:
                assert f'<code translate="no">{source.url}</code>' in sources


def test_a_card_links_back_to_the_ladder_items_it_explains(client, db):
    html = client.get(reverse("discovery:card", args=["toys-and-flared-bases"])).content.decode()
    assert "A small plug" in html


def test_an_unknown_card_is_a_404(client, db):
    assert client.get(reverse("discovery:card", args=["no-such-card"])).status_code == 404


def test_raw_html_in_a_card_body_is_not_passed_through():
    from handhold.discovery.filters import markdown

    assert "<script>" not in markdown("<script>alert(1)</script>")
