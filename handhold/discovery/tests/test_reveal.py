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


def test_the_reveal_shows_roles_from_each_side(client_for, asker, partner):
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "curious", "finish": "1"})
    assert "you, for your partner" in alex.get(REVEAL).content.decode()
    assert "your partner, for you" in blake.get(REVEAL).content.decode()


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


def test_the_gentle_next_step_names_the_lowest_level(client_for, asker, partner):
    open_levels(asker)
    open_levels(partner)
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"small-plug__give": "yes", "buttock-massage__give": "yes", "finish": "1"})
    blake.post(
        DISCOVER, {"small-plug__receive": "yes", "buttock-massage__receive": "yes", "finish": "1"}
    )
    assert "the lowest level you both chose, level 2" in alex.get(REVEAL).content.decode()


def test_nothing_in_common_is_said_kindly(client_for, asker, partner):
    alex, blake = client_for(asker), client_for(partner)
    alex.post(DISCOVER, {"buttock-massage__give": "yes", "finish": "1"})
    blake.post(DISCOVER, {"buttock-massage__receive": "no", "finish": "1"})
    assert "nothing you both chose" in alex.get(REVEAL).content.decode()


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
