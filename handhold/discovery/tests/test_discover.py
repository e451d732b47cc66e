from django.urls import reverse

from handhold.content.registry import default_pack
from handhold.discovery.forms import LADDER_CHOICES
from handhold.discovery.models import Answer, FinishedAnswering, OpenedLevel
from handhold.discovery.services import opened_level_of, save_answers
from handhold.discovery.tests.ladder import open_levels

URL = reverse("discovery:discover")
NEXT = "Show me the next level"


def titles_at(level: int) -> list[str]:
    return [a.title.replace("'", "&#39;") for a in default_pack().activities if a.level == level]


def test_the_ladder_shows_the_gentle_levels_first(client_for, stranger):
    html = client_for(stranger).get(URL).content.decode()
    for level in (1, 2):
        assert all(title in html for title in titles_at(level))
    for level in (3, 4, 5):
        assert not any(title in html for title in titles_at(level))
    assert 'id="level-3"' not in html
    assert NEXT in html and "Level 3, “Outside touch”" in html


def test_the_next_level_opens_one_level_at_a_time(client_for, stranger):
    client = client_for(stranger)
    response = client.post(URL, {"open_next": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}#level-3"
    html = client.get(URL).content.decode()
    assert all(title in html for title in titles_at(3))
    assert not any(title in html for title in titles_at(4))
    assert "level 3 is open" in html
    assert opened_level_of(person=stranger, pack=default_pack()) == 3


def test_opening_the_next_level_saves_the_answers_too(client_for, stranger):
    client_for(stranger).post(URL, {"buttock-massage__give": "curious", "open_next": "1"})
    assert Answer.objects.get().choice == "curious"


def test_with_the_whole_ladder_open_there_is_no_next_level(client_for, stranger):
    client = client_for(stranger)
    for _ in range(3):
        client.post(URL, {"open_next": "1"})
    html = client.get(URL).content.decode()
    pack = default_pack()
    assert len(pack.activities) >= 20
    for activity in pack.activities:
        assert activity.title.replace("'", "&#39;") in html
    assert html.index("Level 1") < html.index("Level 5")
    assert NEXT not in html
    assert client.post(URL, {"open_next": "1"})["Location"] == URL  # nothing more to open
    assert opened_level_of(person=stranger, pack=pack) == 5


def test_a_page_view_never_opens_a_level(client_for, stranger):
    client_for(stranger).get(URL, {"open_next": "1"})
    assert not OpenedLevel.objects.exists()


def test_answers_at_a_level_not_opened_are_ignored(client_for, stranger):
    """Only a forged form can send them: the ladder never offered them."""
    client = client_for(stranger)
    response = client.post(URL, {"small-plug__receive": "yes", "buttock-massage__give": "yes"})
    assert response.status_code == 302
    assert set(Answer.objects.values_list("item_id", flat=True)) == {"buttock-massage"}
    save_answers(person=stranger, pack=default_pack(), choices={("pegging", "give"): "yes"})
    assert set(Answer.objects.values_list("item_id", flat=True)) == {"buttock-massage"}


def test_the_role_legends_read_to_give_and_to_receive(client_for, stranger):
    html = client_for(stranger).get(URL).content.decode()
    assert "<legend>To give</legend>" in html and "<legend>To receive</legend>" in html
    assert "for my partner" not in html.lower() and "for me<" not in html


def test_the_page_says_why_there_is_no_only_to_please_you(client_for, stranger):
    html = client_for(stranger).get(URL).content.decode()
    assert "please you" in html
    offered = {str(label).lower() for _, label in LADDER_CHOICES}
    assert offered == {"yes", "curious", "no", "skip for now"}


def test_nothing_is_chosen_by_default(client_for, stranger):
    open_levels(stranger)
    html = client_for(stranger).get(URL).content.decode()
    assert " checked" not in html


def test_answers_are_saved_per_item_and_role(client_for, stranger):
    client = client_for(stranger)
    response = client.post(
        URL, {"buttock-massage__give": "yes", "buttock-massage__receive": "curious"}
    )
    assert response.status_code == 302
    saved = set(Answer.objects.values_list("item_id", "role", "choice"))
    assert saved == {("buttock-massage", "give", "yes"), ("buttock-massage", "receive", "curious")}
    html = client.get(URL).content.decode()
    assert 'name="buttock-massage__give" value="yes" checked' in html
    assert 'name="buttock-massage__receive" value="curious" checked' in html


def test_an_answer_can_be_changed_and_skipped_again_at_any_opened_level(client_for, stranger):
    open_levels(stranger)
    client = client_for(stranger)
    client.post(URL, {"small-plug__receive": "yes"})
    client.post(URL, {"small-plug__receive": "no"})
    assert Answer.objects.get().choice == "no"
    client.post(URL, {"small-plug__receive": "skip"})
    assert not Answer.objects.exists()


def test_a_field_left_out_changes_nothing(client_for, stranger):
    open_levels(stranger)
    client = client_for(stranger)
    client.post(URL, {"small-plug__receive": "yes"})
    client.post(URL, {"pegging__give": "no"})
    assert Answer.objects.count() == 2


def test_a_bad_value_is_a_400_and_saves_nothing(client_for, stranger):
    open_levels(stranger)
    response = client_for(stranger).post(
        URL, {"small-plug__receive": "to-please-you", "pegging__give": "yes", "open_next": "1"}
    )
    assert response.status_code == 400
    assert not Answer.objects.exists()
    html = response.content.decode()
    group = html[html.index('name="small-plug__receive"') :]
    assert '<p class="error">' in group[: group.index("</fieldset>")]
    assert 'name="pegging__give" value="yes" checked' in html


def test_a_bad_value_never_opens_a_level(client_for, stranger):
    response = client_for(stranger).post(
        URL, {"buttock-massage__give": "to-please-you", "open_next": "1"}
    )
    assert response.status_code == 400
    assert not OpenedLevel.objects.exists()


def test_roles_an_item_does_not_have_are_not_fields(client_for, stranger):
    response = client_for(stranger).post(URL, {"talk-about-it-together__give": "yes"})
    assert response.status_code == 302
    assert not Answer.objects.exists()


def test_finishing_needs_a_partner(client_for, stranger):
    response = client_for(stranger).post(URL, {"finish": "1"}, follow=True)
    assert b"once you are paired" in response.content
    assert not FinishedAnswering.objects.exists()


def test_save_and_finish_goes_to_the_reveal(client_for, asker, partner):
    response = client_for(asker).post(URL, {"buttock-massage__give": "yes", "finish": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("discovery:reveal")
    assert FinishedAnswering.objects.filter(person=asker).exists()
    assert b"You have marked your answers finished" in client_for(asker).get(URL).content


def test_unpairing_removes_the_finished_marks(client_for, asker, partner):
    from handhold.accounts.services import unpair

    client_for(asker).post(URL, {"finish": "1"})
    unpair(user=asker)
    assert not FinishedAnswering.objects.exists()
    assert Answer.objects.filter(person=asker).count() == 0  # nothing was answered


def test_the_opened_level_is_the_persons_own(client_for, asker, partner):
    """It stays with them after unpairing, goes into their export, and is deleted with them."""
    from handhold.accounts.services import delete_everything, export_user_data, unpair

    client_for(asker).post(URL, {"open_next": "1"})
    assert opened_level_of(person=partner, pack=default_pack()) == 2
    unpair(user=asker)
    asker.refresh_from_db()
    assert opened_level_of(person=asker, pack=default_pack()) == 3
    exported = export_user_data(user=asker)
    assert [(o["pack"], o["level"]) for o in exported["opened_levels"]] == [("anal-play", 3)]
    delete_everything(user=asker)
    assert not OpenedLevel.objects.exists()
