import re

from django.urls import reverse
from django.utils import translation
from markupsafe import escape

from handhold.couples.models import Pause
from handhold.together.models import SessionPlan, SupplyTick


def test_either_can_pause_and_then_nobody_can_propose_or_invite(client_for, settled):
    alex, blake = settled
    client_for(blake).post(reverse("together:pause"))
    response = client_for(alex).post(
        reverse("together:sessions"),
        {"steps": ["compliment-body|you"], "ceiling": 5, "stop_word": "x"},
    )
    assert response.status_code == 400
    assert not SessionPlan.objects.exists()
    invite = client_for(alex).post(
        reverse("conversation:invite"), {"message": "Would you like to talk? No is fine."}
    )
    assert invite.status_code == 400
    for person in (alex, blake):
        response = client_for(person).post(
            reverse("conversation:invite"), {"message": "Would you like to talk? No is fine."}
        )
        assert response.status_code == 400


def test_only_the_one_who_paused_can_resume(client_for, settled):
    alex, blake = settled
    client_for(blake).post(reverse("together:pause"))
    client_for(alex).post(reverse("together:resume"))
    assert Pause.objects.exists()
    html = client_for(alex).get(reverse("together:journey")).content.decode()
    assert "Everything is paused for now" in html and "Resume" not in html.split("<main")[1]
    client_for(blake).post(reverse("together:resume"))
    assert not Pause.objects.exists()


def test_each_partner_ticks_their_own_items(client_for, asker, partner):
    client_for(asker).post(reverse("together:prepare"), {"ticked": ["lube", "sober", "nonsense"]})
    assert set(SupplyTick.objects.values_list("item_id", flat=True)) == {"lube", "sober"}
    html = client_for(partner).get(reverse("together:prepare")).content.decode()
    assert "Your partner has ticked this." in html
    assert 'value="lube" id="tick-lube" checked' not in html
    client_for(asker).post(reverse("together:prepare"), {"ticked": ["lube"]})
    assert set(SupplyTick.objects.values_list("item_id", flat=True)) == {"lube"}


def test_prepare_items_link_to_their_cards(client_for, asker, partner):
    html = client_for(asker).get(reverse("together:prepare")).content.decode()
    assert reverse("discovery:card", args=["lube-is-required"]) in html


def test_resources_are_real_and_grouped_by_kind(client, db):
    from handhold.content.registry import default_pack

    assert len(default_pack().resources) >= 10
    html = client.get(reverse("together:resources")).content.decode()
    assert '<h2 id="kind-book">Books</h2>' in html
    assert '<h2 id="kind-shop">Shops</h2>' in html
    assert "Anal Pleasure and Health" in html and "Good Vibrations" in html


def test_the_journey_page_shows_stages_and_a_next_step_without_scores(client_for, asker, partner):
    html = client_for(asker).get(reverse("together:journey")).content.decode()
    main = html.split("<main")[1]
    for stage in ("Reflect", "Learn", "Discover", "Talk", "Settle", "Prepare", "Sessions"):
        assert stage in main
    assert "A gentle next step" in main
    assert not re.search(r"\d+\s*%|\d+ (?:points|days in a row)|score", main)


def test_the_journey_stages_are_in_each_request_s_language(client_for, asker, partner):
    """The stages' words are translated once per language (together.journey._words_in): each
    page shows them in its own language, whichever language asked first."""
    from handhold.together.journey import STAGE_WORDS

    client = client_for(asker)
    pages = [
        (language, client.get(reverse("together:journey"), HTTP_ACCEPT_LANGUAGE=language))
        for language in ("en", "es", "en")
    ]
    pages = [(language, page.content.decode().split("<main")[1]) for language, page in pages]
    assert "Reflexionar" in pages[1][1] and "Reflexionar" not in pages[2][1]
    for language, main in pages:
        with translation.override(language):
            for name, what_for in STAGE_WORDS.values():
                assert f'">{escape(name)}</a>:' in main, (language, name)
                assert f'<span class="help">{escape(what_for)}</span>' in main, (language, name)
