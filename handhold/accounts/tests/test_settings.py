import json

from django.urls import reverse

from handhold.accounts.models import Couple, User


def test_discreet_mode_makes_title_and_icon_neutral(client_for, stranger):
    client = client_for(stranger)
    normal = client.get(reverse("accounts:settings")).content.decode()
    assert "<title>Settings · Handhold</title>" in normal
    assert "icon.svg" in normal
    client.post(reverse("accounts:discreet"), {"discreet_mode": "on"})
    for name in ("pages:home", "accounts:settings", "accounts:pairing"):
        html = client.get(reverse(name)).content.decode()
        assert "<title>Notes</title>" in html
        assert "notes.svg" in html and "icon.svg" not in html
        assert "Handhold" not in html.split("</head>")[0]


def test_discreet_mode_can_be_turned_off(client_for, stranger):
    client = client_for(stranger)
    client.post(reverse("accounts:discreet"), {"discreet_mode": "on"})
    client.post(reverse("accounts:discreet"), {})
    stranger.refresh_from_db()
    assert not stranger.discreet_mode


def test_export_is_a_json_download_of_what_the_person_wrote(client_for, asker, partner):
    response = client_for(asker).get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["username"] == "alex"
    assert data["pairing"] == {
        "paired": True,
        "partner_username": "blake",
        "open_invitation_expires_at": None,
    }


def test_delete_needs_the_username_typed(client_for, stranger):
    response = client_for(stranger).post(
        reverse("accounts:delete"), {"confirm_username": "someone"}
    )
    assert response.status_code == 400
    assert b"Nothing was deleted" in response.content
    assert User.objects.filter(pk=stranger.pk).exists()


def test_delete_everything_removes_the_account_at_once(client_for, asker, partner):
    client = client_for(asker)
    response = client.post(reverse("accounts:delete"), {"confirm_username": "alex"})
    assert response.status_code == 302
    assert response["Location"] == reverse("pages:deleted")
    assert not User.objects.filter(username="alex").exists()
    assert not Couple.objects.exists()
    partner.refresh_from_db()
    assert partner.couple_id is None
    # The session is gone too.
    assert client.get(reverse("accounts:settings")).status_code == 302


def test_an_empty_delete_post_is_a_400_and_deletes_nothing(client_for, stranger):
    response = client_for(stranger).post(reverse("accounts:delete"), {})
    assert response.status_code == 400
    assert User.objects.filter(pk=stranger.pk).exists()
