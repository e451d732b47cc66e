"""A way back in without email: the recovery code, shown once at sign-up, used once."""

import json
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import identify_hasher
from django.test import Client
from django.urls import reverse

from conftest import PASSPHRASE
from handhold.accounts import services
from handhold.accounts.models import User
from handhold.pages.models import RateCounter

SIGN_UP = reverse("accounts:sign_up")
RECOVER = reverse("accounts:recover")
NEW_CODE = reverse("accounts:recovery_code")
NEW_PASSPHRASE = "a brand new quiet passphrase"


def shown_code(response) -> str:
    assert response.status_code == 200
    match = re.search(r'<p class="code"[^>]*>([0-9A-Z-]+)</p>', response.content.decode())
    return match.group(1)


def without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def recover(client, username, code, passphrase=NEW_PASSPHRASE, ip="10.0.0.1"):
    data = {
        "username": username,
        "recovery_code": code,
        "new_passphrase": passphrase,
        "new_passphrase_again": passphrase,
    }
    return client.post(RECOVER, data, REMOTE_ADDR=ip)


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def casey_code(stranger) -> str:
    """Casey's recovery code, as it was shown to her."""
    return services.new_recovery_code(user=stranger)


@pytest.mark.django_db
def test_sign_up_shows_a_recovery_code_once(client):
    data = {
        "username": "river",
        "passphrase": "slow warm tea kettle",
        "passphrase_again": "slow warm tea kettle",
        "adult": "on",
    }
    response = client.post(SIGN_UP, data)
    code = shown_code(response)
    assert len(code.replace("-", "")) == 24
    assert b"somewhere private" in response.content
    assert b">Continue</a>" in response.content
    # Nowhere else, ever: not on the pages that follow, not on settings.
    for name in ("pages:home", "accounts:settings"):
        assert code.encode() not in client.get(reverse(name)).content
    assert client.post(SIGN_UP, data).status_code == 302  # a resent form shows nothing again
    # And it works.
    client.post(reverse("accounts:logout"))
    assert recover(Client(), "river", code).status_code == 200


def test_the_stored_column_holds_no_plain_code(stranger, casey_code):
    stranger.refresh_from_db()
    stored = stranger.recovery_code_hash
    assert identify_hasher(stored)  # a Django password hash, like the passphrase
    for form in (casey_code, casey_code.replace("-", ""), casey_code.lower()):
        assert form not in stored
    assert casey_code.replace("-", "") not in json.dumps(
        list(User.objects.filter(pk=stranger.pk).values())[0], default=str
    )


def test_recovery_sets_a_new_passphrase_and_shows_a_new_code(client, stranger, casey_code):
    response = recover(client, "casey", casey_code)
    new_code = shown_code(response)
    assert new_code != casey_code
    assert b"back in" in response.content
    assert client.get(reverse("accounts:settings")).status_code == 200  # logged in
    stranger.refresh_from_db()
    assert stranger.check_password(NEW_PASSPHRASE)
    assert not stranger.check_password(PASSPHRASE)


def test_a_code_works_once(client, stranger, casey_code):
    new_code = shown_code(recover(Client(), "casey", casey_code))
    again = recover(client, "casey", casey_code, passphrase="yet another passphrase here")
    assert again.status_code == 400
    assert b"don&#39;t work together" in again.content
    stranger.refresh_from_db()
    assert stranger.check_password(NEW_PASSPHRASE)
    # The fresh code works, once.
    assert recover(Client(), "casey", new_code).status_code == 200


def test_typing_the_code_back_forgives_case_and_spaces(stranger, casey_code):
    typed = casey_code.lower().replace("-", " ")
    assert recover(Client(), "CASEY", typed).status_code == 200


def test_recovery_ends_every_other_session(client_for, stranger, casey_code):
    elsewhere = client_for(stranger)
    assert elsewhere.get(reverse("accounts:settings")).status_code == 200
    recover(Client(), "casey", casey_code)
    assert elsewhere.get(reverse("accounts:settings")).status_code == 302  # to log in


def test_an_unknown_name_and_a_wrong_code_get_the_same_answer(stranger, former_partner):
    services.new_recovery_code(user=stranger)
    typed = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01"
    wrong = recover(Client(), "casey", typed, ip="10.0.0.2")
    unknown = recover(Client(), "nobody-here", typed, ip="10.0.0.3")
    no_code = recover(Client(), "dana", typed, ip="10.0.0.4")  # Dana never made a code
    assert wrong.status_code == unknown.status_code == no_code.status_code == 400
    pages = [
        without_csrf(r.content).replace(name.encode(), b"X")
        for r, name in ((wrong, "casey"), (unknown, "nobody-here"), (no_code, "dana"))
    ]
    assert pages[0] == pages[1] == pages[2]


def test_an_unknown_name_runs_the_hasher_as_a_real_check_does(stranger, casey_code, monkeypatch):
    """So that the time taken does not say whether an account exists."""
    from django.contrib.auth import hashers

    calls = []
    real_make, real_check = hashers.make_password, hashers.check_password
    monkeypatch.setattr(
        "handhold.accounts.backends.make_password", lambda *a: calls.append("make") or real_make(*a)
    )
    monkeypatch.setattr(
        "handhold.accounts.backends.check_password",
        lambda *a: calls.append("check") or real_check(*a),
    )
    recover(Client(), "nobody-here", casey_code)
    recover(Client(), "casey", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01")
    assert calls == ["make", "check"]


def test_failed_recoveries_count_towards_the_log_in_lockout(stranger, casey_code):
    statuses = [
        recover(Client(), "Casey", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01", ip="10.1.0.1").status_code
        for _ in range(3)
    ]
    assert statuses == [400, 400, 429]  # the third failure reaches the limit, as on log-in
    # Locked out now, even with the right code, and log-in is locked too.
    locked = recover(Client(), "casey", casey_code, ip="10.1.0.1")
    assert locked.status_code == 429
    assert b"too many log-in attempts" in locked.content
    stranger.refresh_from_db()
    assert stranger.check_password(PASSPHRASE)  # nothing changed
    log_in = Client().post(
        reverse("accounts:login"),
        {"username": "casey", "password": PASSPHRASE},
        REMOTE_ADDR="10.1.0.1",
    )
    assert log_in.status_code == 429


def test_failed_log_ins_count_towards_the_recovery_lockout(stranger, casey_code):
    for _ in range(3):
        Client().post(
            reverse("accounts:login"),
            {"username": "casey", "password": "not it at all"},
            REMOTE_ADDR="10.2.0.1",
        )
    assert recover(Client(), "casey", casey_code, ip="10.2.0.1").status_code == 429


def test_the_lockout_keeps_no_code_or_passphrase(stranger):
    recover(Client(), "casey", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01")
    assert not AccessAttempt.objects.exists()  # the failure is a count under a keyed hash
    kept = " ".join(RateCounter.objects.values_list("key", flat=True))
    assert kept and "ABCD" not in kept and NEW_PASSPHRASE not in kept


def test_a_weak_new_passphrase_is_refused_before_the_code_is_tried(stranger, casey_code):
    response = recover(Client(), "casey", casey_code, passphrase="short")
    assert response.status_code == 400
    assert b"too short" in response.content
    assert not RateCounter.objects.exists()  # not counted: nothing about the account was asked
    assert recover(Client(), "casey", casey_code).status_code == 200  # the code still works


def test_settings_makes_a_new_code_and_the_old_one_stops_working(client_for, stranger, casey_code):
    client = client_for(stranger)
    assert b"Make a new recovery code" in client.get(reverse("accounts:settings")).content
    assert client.get(NEW_CODE).status_code == 200
    new_code = shown_code(client.post(NEW_CODE, {"password": PASSPHRASE}))
    assert new_code != casey_code
    assert recover(Client(), "casey", casey_code).status_code == 400
    assert recover(Client(), "casey", new_code).status_code == 200


def test_a_new_code_needs_the_current_passphrase(client_for, stranger, casey_code):
    client = client_for(stranger)
    response = client.post(NEW_CODE, {"password": "not my passphrase"})
    assert response.status_code == 400
    assert b"isn&#39;t your passphrase" in response.content
    assert RateCounter.objects.exists()  # counted like a log-in
    assert recover(Client(), "casey", casey_code).status_code == 200  # the old code still works


def test_guessing_the_passphrase_for_a_new_code_is_limited(client_for, stranger):
    client = client_for(stranger)
    for _ in range(3):
        client.post(NEW_CODE, {"password": "not my passphrase"})
    assert client.post(NEW_CODE, {"password": PASSPHRASE}).status_code == 429


def test_the_export_says_whether_there_is_a_code_and_never_its_hash(
    client_for, stranger, casey_code
):
    stranger.refresh_from_db()
    response = client_for(stranger).get(reverse("accounts:export"))
    assert json.loads(response.content)["account"]["has_recovery_code"] is True
    assert stranger.recovery_code_hash.encode() not in response.content
    assert stranger.recovery_code_hash.split("$")[-1].encode() not in response.content


def test_recovering_in_a_browser_where_someone_is_logged_in_ends_their_session_first(
    client_for, stranger, asker, casey_code
):
    client = client_for(asker)
    assert b"This browser is logged in as <strong>alex</strong>" in client.get(RECOVER).content
    assert recover(client, "casey", casey_code).status_code == 200
    assert "<h1>Hello, casey</h1>" in client.get(reverse("pages:home")).content.decode()


def test_the_log_in_page_links_to_recovery(client, db):
    assert RECOVER.encode() in client.get(reverse("accounts:login")).content
