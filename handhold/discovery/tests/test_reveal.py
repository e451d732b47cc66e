from django.urls import reverse

from handhold.discovery.tests.ladder import open_levels

DISCOVER = reverse("discovery:discover")
REVEAL = reverse("discovery:reveal")


def test_not_paired_explains_and_links_to_pairing(client_for, stranger):
    html = client_for(stranger).get(REVEAL).content.decode()
    assert reverse("accounts:pairing") in html


def test_nothing_is_revealed_until_both_have_finished(client_for, asker, partner):
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "yes"})
    for client in (alex, blake):
        html = client.get(REVEAL).content.decode()
        assert "Waiting for both of you." in html
        assert "A massage of the buttocks" not in html
    blake.post(DISCOVER, {"finish": "1"})
    for client in (alex, blake):
        html = client.get(REVEAL).content.decode()
        assert "A massage of the buttocks" in html


def line_for(html: str, title: str) -> str:
    """The reveal's line for one item, as text."""
    start = html.index(f"<strong>{title}</strong>")
    return html[start : html.index("</li>", start)].replace("<strong>", "").replace("</strong>", "")


def test_the_reveal_shows_roles_from_each_side(client_for, asker, partner):
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "curious", "finish": "1"})
    assert "—&nbsp;you give" in line_for(
        alex.get(REVEAL).content.decode(), "A massage of the buttocks"
    )
    assert "—&nbsp;you receive" in line_for(
        blake.get(REVEAL).content.decode(), "A massage of the buttocks"
    )


def test_both_ways_is_one_line(client_for, asker, partner):
    alex, blake = client_for(asker), client_for(partner)
    both = {"playful-squeeze__give": "yes", "playful-squeeze__receive": "curious"}
    alex.post(DISCOVER, both | {"kisses-lower-back__give": "yes", "finish": "1"})
    blake.post(DISCOVER, both | {"kisses-lower-back__receive": "yes", "finish": "1"})
    html = alex.get(REVEAL).content.decode()
    main = html.split("<main")[1].split('id="first-evening"')[0]
    assert main.count("<strong>A playful squeeze</strong>") == 1
    assert line_for(html, "A playful squeeze").endswith("—&nbsp;both ways</span>")
    assert line_for(html, "Kisses on the lower back").endswith("—&nbsp;you give</span>")


def test_together_items_read_together(client_for, asker, partner):
    for client in (client_for(asker), client_for(partner)):
        client.post(DISCOVER, {"talk-about-it-together__together": "yes", "finish": "1"})
    html = client_for(asker).get(REVEAL).content.decode()
    assert line_for(html, "Talking about it, just talking").endswith("—&nbsp;together</span>")


def test_roles_never_read_like_a_favour(client_for, asker, partner):
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "yes", "finish": "1"})
    for client in (alex, blake):
        for url in (DISCOVER, REVEAL):
            html = client.get(url).content.decode().lower()
            for favour in ("me, for my partner", "my partner, for me", "you, for your partner"):
                assert favour not in html
            assert "your partner, for you" not in html


def test_the_reveal_never_says_yes_or_curious(client_for, asker, partner):
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "curious", "finish": "1"})
    main = alex.get(REVEAL).content.decode().split("<main")[1]
    assert "curious" not in main.replace("who said curious", "")
    assert ">Yes<" not in main


def test_a_change_to_no_removes_the_item_at_once(client_for, asker, partner):
    open_levels(asker)
    open_levels(partner)
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"small-plug__give": "yes", "compliment-body__give": "yes", "finish": "1"})
    blake.post(
        DISCOVER, {"small-plug__receive": "yes", "compliment-body__receive": "yes", "finish": "1"}
    )
    assert "A small plug" in alex.get(REVEAL).content.decode()
    blake.post(DISCOVER, {"small-plug__receive": "no"})
    for client in (alex, blake):
        html = client.get(REVEAL).content.decode()
        assert "A small plug" not in html
        assert "A compliment about their body" in html


def test_levels_are_grouped_gentlest_first(client_for, asker, partner):
    open_levels(asker)
    open_levels(partner)
    alex, blake = client_for(asker), client_for(partner)
    items = ["small-plug", "compliment-body", "perineum-massage", "buttock-massage"]
    alex.post(DISCOVER, {f"{item}__give": "yes" for item in items} | {"finish": "1"})
    blake.post(DISCOVER, {f"{item}__receive": "yes" for item in items} | {"finish": "1"})
    html = alex.get(REVEAL).content.decode()
    headings = [html.index(f'id="mutual-{level}"') for level in (1, 2, 3, 4)]
    assert headings == sorted(headings)
    assert 'id="mutual-5"' not in html


def first_evening(html: str) -> str:
    return html.split('id="first-evening"')[1].split("</section>")[0]


def test_a_first_evening_offers_the_three_gentlest_things_to_talk_about(client_for, asker, partner):
    open_levels(asker)
    open_levels(partner)
    alex, blake = client_for(asker), client_for(partner)
    items = ["small-plug", "perineum-massage", "buttock-massage", "compliment-body"]
    alex.post(DISCOVER, {f"{item}__give": "yes" for item in items} | {"finish": "1"})
    blake.post(DISCOVER, {f"{item}__receive": "yes" for item in items} | {"finish": "1"})
    evening = first_evening(alex.get(REVEAL).content.decode())
    assert "not a plan" in evening
    for title in ("A compliment about their body", "A massage of the buttocks"):
        assert f"<strong>{title}</strong>" in evening
    assert "Massage of the perineum" in evening
    assert "A small plug" not in evening
    assert evening.index("A compliment") < evening.index("A massage") < evening.index("perineum")


def test_the_reveal_covers_only_levels_both_opened(client_for, asker, partner):
    """Alex opened every level and said yes to a plug; Blake opened level 4 only later. Until
    then the plug is not there, and nothing says why."""
    open_levels(asker)
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"small-plug__give": "yes", "buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "yes", "finish": "1"})
    html = blake.get(REVEAL).content.decode()
    assert "A massage of the buttocks" in html and "A small plug" not in html
    open_levels(partner, up_to=4)
    blake.post(DISCOVER, {"small-plug__receive": "curious"})
    for client in (alex, blake):
        assert "A small plug" in client.get(REVEAL).content.decode()


def test_nothing_in_common_is_said_kindly(client_for, asker, partner):
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "no", "finish": "1"})
    html = alex.get(REVEAL).content.decode()
    assert "nothing you both chose" in html
    assert 'id="first-evening"' not in html


def test_answers_from_before_a_new_pairing_are_not_revealed_until_finished_again(
    client_for, asker, partner, make_person, pair
):
    from handhold.accounts.services import unpair

    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "yes", "finish": "1"})
    unpair(user=asker)
    asker.refresh_from_db()
    sam = make_person("sam")
    pair(asker, sam)
    sam_client = client_for(sam)
    sam_client.post(DISCOVER, {"buttock-massage__receive": "yes", "finish": "1"})
    assert "Waiting for both of you." in sam_client.get(REVEAL).content.decode()


def test_the_tokens_alone_are_the_reveals_tokens(client_for, asker, partner):
    """Sessions plan with the tokens alone (reveal_for(items=False)): the same tokens, and no
    items made."""
    from handhold.content.registry import default_pack
    from handhold.discovery.services import reveal_for

    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "curious", "finish": "1"})
    for viewer in (asker, partner):
        whole = reveal_for(viewer=viewer, pack=default_pack())
        tokens_only = reveal_for(viewer=viewer, pack=default_pack(), items=False)
        assert whole.tokens and tokens_only.tokens == whole.tokens
        assert (tokens_only.state, tokens_only.items) == ("revealed", ())


def test_with_both_journey_rows_the_reveal_is_the_same_in_fewer_queries(
    client_for, asker, partner, make_person, pair
):
    """The sessions page passes both of the couple's journey rows (reveal_for's `sides`): who
    has finished comes from them, and the answers with how far each opened the ladder are one
    query, none while one has not finished. At every step, for both people, the same reveal as
    reading the marks from their own table."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from handhold.accounts.services import unpair
    from handhold.content.registry import default_pack
    from handhold.discovery.services import reveal_for
    from handhold.together.services import couple_sides

    pack = default_pack()

    def same_for(*people, finished: bool):
        for viewer in people:
            viewer.refresh_from_db()
            sides = couple_sides(viewer)
            with CaptureQueriesContext(connection) as queries:
                quick = reveal_for(viewer=viewer, pack=pack, sides=sides, items=False)
            plain = reveal_for(viewer=viewer, pack=pack, items=False)
            assert (quick.state, quick.i_have_finished, quick.tokens) == (
                plain.state,
                plain.i_have_finished,
                plain.tokens,
            )
            assert len(queries) == (1 if finished else 0)
        return plain.tokens

    open_levels(asker)
    alex, blake = client_for(asker), client_for(partner)
    same_for(asker, partner, finished=False)
    alex.post(DISCOVER, {"small-plug__give": "yes", "buttock-massage__give": "yes", "finish": "1"})
    same_for(asker, partner, finished=False)
    blake.post(DISCOVER, {"buttock-massage__receive": "yes", "small-plug__receive": "yes"})
    same_for(asker, partner, finished=False)
    blake.post(DISCOVER, {"finish": "1"})
    assert len(same_for(asker, partner, finished=True)) == 1  # the plug is above Blake's levels
    open_levels(partner, up_to=4)
    blake.post(DISCOVER, {"small-plug__receive": "curious"})
    assert len(same_for(asker, partner, finished=True)) == 2
    blake.post(DISCOVER, {"small-plug__receive": "no"})
    assert len(same_for(asker, partner, finished=True)) == 1
    unpair(user=asker)
    sam = make_person("sam")
    asker.refresh_from_db()
    pair(asker, sam)
    client_for(sam).post(DISCOVER, {"buttock-massage__receive": "yes", "finish": "1"})
    same_for(asker, sam, finished=False)
    alex.post(DISCOVER, {"finish": "1"})
    assert len(same_for(asker, sam, finished=True)) == 1


def test_a_packs_catalogue_is_made_once_and_read_only():
    """discovery.services.catalog_of keeps one catalogue per loaded pack: each activity's
    level and roles, never another pack's, and nobody can change it."""
    import dataclasses

    import pytest

    from handhold.content.registry import default_pack
    from handhold.discovery.services import catalog_of

    pack = default_pack()
    catalog = catalog_of(pack)
    assert catalog is catalog_of(pack)
    assert {key: (item.level, set(item.roles)) for key, item in catalog.items()} == {
        a.id: (a.level, set(a.roles)) for a in pack.activities
    }
    fewer = dataclasses.replace(pack, activities=pack.activities[:3])
    assert list(catalog_of(fewer)) == [a.id for a in pack.activities[:3]]
    assert len(catalog_of(pack)) == len(pack.activities)
    with pytest.raises(TypeError):
        catalog["new"] = catalog[pack.activities[0].id]
