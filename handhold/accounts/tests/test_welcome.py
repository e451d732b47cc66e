"""The invited partner is welcomed by a page written for them, with a real "Not for me"."""

from django.urls import reverse

from handhold.accounts import services

WELCOME = reverse("accounts:welcome")


def test_joining_leads_to_a_welcome_that_names_only_who_invited(client_for, make_person):
    sky, robin = make_person("sky"), make_person("robin")
    code = services.create_invitation(inviter=sky)
    response = client_for(robin).post(reverse("accounts:join"), {"code": code})
    assert response["Location"] == WELCOME
    html = client_for(robin).get(WELCOME).content.decode()
    assert "sky invited you. Hello!" in html
    assert "Your partner never sees a no" in html
    assert "without giving a reason" in html
    assert f'action="{reverse("accounts:not_for_me")}"' in html
    assert "You and robin are paired" in client_for(sky).get(WELCOME).content.decode()


def test_not_for_me_unpairs_at_once_without_a_reason(client_for, asker, partner):
    client = client_for(partner)
    response = client.post(reverse("accounts:not_for_me"))
    assert response["Location"] == reverse("pages:home")
    asker.refresh_from_db()
    partner.refresh_from_db()
    assert asker.couple_id is None and partner.couple_id is None
    home = client.get("/").content.decode()
    assert "Nothing of yours was shared" in home


def test_someone_unpaired_is_pointed_to_pairing(client_for, stranger):
    html = client_for(stranger).get(WELCOME).content.decode()
    assert "You are not paired with anyone right now." in html
    assert "Not for me" not in html
