"""Sessions that end: when the browser closes, after a while idle, or everywhere at once; and
one person per browser."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSPHRASE
from handhold.accounts.models import Session

LOG_IN = reverse("accounts:login")
SETTINGS = reverse("accounts:settings")
PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Mobile Safari/537.36"


def log_in(client, username, *, keep=False, agent="Mozilla/5.0 (X11; Linux x86_64)"):
    data = {"username": username, "password": PASSPHRASE}
    if keep:
        data["keep_logged_in"] = "on"
    response = client.post(LOG_IN, data, HTTP_USER_AGENT=agent)
    assert response.status_code == 302
    return response


def is_logged_in(client) -> bool:
    return client.get(SETTINGS).status_code == 200


def test_by_default_the_cookie_ends_with_the_browser(client, stranger):
    cookie = log_in(client, "casey").cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]


def test_keep_me_logged_in_is_unticked_and_warns_about_shared_devices(client, db):
    html = client.get(LOG_IN).content.decode()
    assert 'type="checkbox" name="keep_logged_in"' in html
    assert "checked" not in html
    assert "Only on a device nobody else uses" in html


def test_keep_me_logged_in_outlives_the_browser_for_the_configured_days(client, stranger, settings):
    settings.HANDHOLD_REMEMBER_DAYS = 3
    cookie = log_in(client, "casey", keep=True).cookies["sessionid"]
    assert cookie["max-age"] == 3 * 24 * 60 * 60


def test_a_session_ends_after_the_idle_limit(client, stranger, settings):
    log_in(client, "casey")
    idle = timedelta(minutes=settings.HANDHOLD_IDLE_MINUTES)
    with time_machine.travel(timezone.now() + idle + timedelta(minutes=1)):
        assert not is_logged_in(client)


def test_a_visit_keeps_the_session_alive(client, stranger, settings):
    log_in(client, "casey")
    half = timedelta(minutes=settings.HANDHOLD_IDLE_MINUTES * 0.6)
    start = timezone.now()
    with time_machine.travel(start + half):
        assert is_logged_in(client)
    with time_machine.travel(start + 2 * half):
        assert is_logged_in(client)
    with time_machine.travel(start + 4 * half):
        assert not is_logged_in(client)


def test_settings_lists_each_device_without_an_address(client, stranger):
    log_in(client, "casey")
    other = Client()
    log_in(other, "casey", agent=PHONE)
    html = client.get(SETTINGS, REMOTE_ADDR="203.0.113.9").content.decode()
    assert "A computer" in html and "A phone" in html
    assert "(this device)" in html
    assert "203.0.113.9" not in html and "127.0.0.1" not in html
    assert "Android" not in html


def test_log_out_everywhere_ends_every_session_of_that_person_only(client, stranger, asker):
    log_in(client, "casey")
    phone = Client()
    log_in(phone, "casey", agent=PHONE)
    someone_else = Client()
    log_in(someone_else, "alex")
    response = client.post(reverse("accounts:log_out_everywhere"))
    assert response.status_code == 302
    assert not is_logged_in(client)
    assert not is_logged_in(phone)
    assert is_logged_in(someone_else)
    assert not Session.objects.filter(user=stranger).exists()


def test_sessions_go_with_the_account(client, stranger):
    log_in(client, "casey")
    client.post(reverse("accounts:delete"), {"confirm_username": "casey"})
    assert not Session.objects.filter(user_id=stranger.pk).exists()


def test_expired_sessions_are_deleted_at_the_next_log_in(client, stranger, asker):
    log_in(client, "casey")
    later = timezone.now() + timedelta(days=1)
    with time_machine.travel(later):
        log_in(Client(), "alex")
        assert list(Session.objects.values_list("user_id", flat=True)) == [asker.pk]


@pytest.mark.parametrize("page", [LOG_IN, reverse("accounts:sign_up")])
def test_the_log_in_page_says_who_is_logged_in_here(client_for, stranger, page):
    html = client_for(stranger).get(page).content.decode()
    assert "This browser is logged in as <strong>casey</strong>" in html
    assert "Log casey out and continue" in html


def test_logging_in_as_someone_else_ends_the_first_session(client, stranger, asker):
    log_in(client, "casey")
    first = client.session.session_key
    log_in(client, "alex")
    assert "<h1>Hello, alex</h1>" in client.get(reverse("pages:home")).content.decode()
    assert not Session.objects.filter(session_key=first).exists()


def test_a_failed_log_in_in_a_busy_browser_still_ends_the_first_session(client, stranger):
    log_in(client, "casey")
    response = client.post(LOG_IN, {"username": "alex", "password": "not the passphrase"})
    assert response.status_code == 400
    assert not is_logged_in(client)
