from django.urls import reverse

from handhold.content.registry import default_pack
from handhold.discovery.forms import LADDER_CHOICES
from handhold.discovery.models import Answer, FinishedAnswering

URL = reverse("discovery:discover")


def test_the_ladder_has_at_least_20_activities_by_level(client_for, stranger):
    html = client_for(stranger).get(URL).content.decode()
    pack = default_pack()
    assert len(pack.activities) >= 20
    for activity in pack.activities:
        assert activity.title.replace("'", "&#x27;") in html
    assert html.index("Level 1") < html.index("Level 5")


def test_the_page_says_why_there_is_no_only_to_please_you(client_for, stranger):
    html = client_for(stranger).get(URL).content.decode()
    assert "please you" in html
    offered = {str(label).lower() for _, label in LADDER_CHOICES}
    assert offered == {"yes", "curious", "no", "skip for now"}


def test_nothing_is_chosen_by_default(client_for, stranger):
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


def test_an_answer_can_be_changed_and_skipped_again(client_for, stranger):
    client = client_for(stranger)
    client.post(URL, {"small-plug__receive": "yes"})
    client.post(URL, {"small-plug__receive": "no"})
    assert Answer.objects.get().choice == "no"
    client.post(URL, {"small-plug__receive": "skip"})
    assert not Answer.objects.exists()


def test_a_field_left_out_changes_nothing(client_for, stranger):
    client = client_for(stranger)
    client.post(URL, {"small-plug__receive": "yes"})
    client.post(URL, {"pegging__give": "no"})
    assert Answer.objects.count() == 2


def test_a_bad_value_is_a_400_and_saves_nothing(client_for, stranger):
    response = client_for(stranger).post(
        URL, {"small-plug__receive": "to-please-you", "pegging__give": "yes"}
    )
    assert response.status_code == 400
    assert not Answer.objects.exists()
    html = response.content.decode()
    group = html[html.index('name="small-plug__receive"') :]
    assert '<p class="error">' in group[: group.index("</fieldset>")]
    assert 'name="pegging__give" value="yes" checked' in html


def test_roles_an_item_does_not_have_are_not_fields(client_for, stranger):
    response = client_for(stranger).post(URL, {"talk-about-it-together__give": "yes"})
    assert response.status_code == 302
    assert not Answer.objects.exists()


def test_finishing_needs_a_partner(client_for, stranger):
    response = client_for(stranger).post(URL, {"finish": "1"}, follow=True)
    assert b"once you are paired" in response.content
    assert not FinishedAnswering.objects.exists()


def test_save_and_finish_goes_to_the_reveal(client_for, asker, partner):
    response = client_for(asker).post(URL, {"pegging__give": "yes", "finish": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("discovery:reveal")
    assert FinishedAnswering.objects.filter(person=asker).exists()


def test_unpairing_removes_the_finished_marks(client_for, asker, partner):
    from handhold.accounts.services import unpair

    client_for(asker).post(URL, {"finish": "1"})
    unpair(user=asker)
    assert not FinishedAnswering.objects.exists()
    assert Answer.objects.filter(person=asker).count() == 0  # nothing was answered
