"""Rate limits on sign-up, pairing codes and the pressure check: past the limit a clear 429,
with what the person typed kept, and nothing written."""

import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSPHRASE
from handhold.accounts.models import User
from handhold.conversation.models import ConversationDraft
from handhold.pages.ratelimits import split_rate


@pytest.fixture(autouse=True)
def _tight_limits(settings, db):
    caches["counters"].clear()
    settings.HANDHOLD_RATE_LIMITS = {
        "sign_up": "3/h",
        "pairing_code": "3/h",
        "pressure_check": "3/m",
    }
    yield
    caches["counters"].clear()


def sign_up(client, n, ip="10.9.0.1", forwarded=None):
    data = {
        "username": f"person{n}",
        "passphrase": "a long quiet passphrase",
        "passphrase_again": "a long quiet passphrase",
        "adult": "on",
    }
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post(reverse("accounts:sign_up"), data, REMOTE_ADDR=ip, headers=headers)


def test_sign_up_is_limited_per_address():
    for n in range(3):
        assert sign_up(Client(), n).status_code == 200  # the recovery code, shown once
    response = sign_up(Client(), 99)
    assert response.status_code == 429
    assert b"Please wait a little" in response.content
    assert b'value="person99"' in response.content
    assert not User.objects.filter(username="person99").exists()
    assert sign_up(Client(), 100, ip="10.9.0.2").status_code == 200


def test_without_proxies_a_forwarded_address_is_ignored():
    """Otherwise anyone could dodge a limit by writing a new address into the header."""
    for n in range(3):
        assert sign_up(Client(), n, forwarded=f"198.51.100.{n}").status_code == 200
    assert sign_up(Client(), 99, forwarded="198.51.100.99").status_code == 429


def test_behind_a_proxy_each_client_is_counted_apart(settings):
    """All clients reach Handhold from the proxy's address; the proxy says whose request it is."""
    settings.HANDHOLD_PROXY_COUNT = 1
    for n in range(3):
        assert sign_up(Client(), n, ip="10.0.0.5", forwarded="203.0.113.1").status_code == 200
    assert sign_up(Client(), 50, ip="10.0.0.5", forwarded="203.0.113.1").status_code == 429
    assert sign_up(Client(), 51, ip="10.0.0.5", forwarded="203.0.113.2").status_code == 200
    # What the client wrote before the proxy's own entry changes nothing.
    spoofed = "192.0.2.77, 203.0.113.1"
    assert sign_up(Client(), 52, ip="10.0.0.5", forwarded=spoofed).status_code == 429


def test_log_in_lockouts_find_the_client_behind_a_proxy_the_same_way(settings, stranger):
    settings.HANDHOLD_PROXY_COUNT = 2
    settings.AXES_FAILURE_LIMIT = 3

    def log_in(passphrase, forwarded):
        data = {"username": "casey", "password": passphrase}
        headers = {"X-Forwarded-For": forwarded}
        return Client().post(
            reverse("accounts:login"), data, REMOTE_ADDR="10.0.0.9", headers=headers
        )

    for _ in range(3):
        log_in("wrong passphrase", "203.0.113.66, 10.0.0.8")
    assert log_in(PASSPHRASE, "203.0.113.66, 10.0.0.8").status_code == 429
    assert log_in(PASSPHRASE, "203.0.113.67, 10.0.0.8").status_code == 302


def test_pairing_codes_are_limited_per_person(client_for, stranger):
    client = client_for(stranger)
    for _ in range(3):
        assert client.post(reverse("accounts:join"), {"code": "nonsense"}).status_code == 400
    response = client.post(reverse("accounts:join"), {"code": "ABCD-EFGH-JKMN-PQRS-TVWX"})
    assert response.status_code == 429
    assert b"ABCD-EFGH-JKMN-PQRS-TVWX" in response.content


def test_the_pressure_check_is_limited_per_person(client_for, stranger):
    client = client_for(stranger)
    for n in range(3):
        client.post(reverse("conversation:plan"), {"style": "text", "text": f"draft {n}"})
    response = client.post(reverse("conversation:plan"), {"style": "text", "text": "draft 4"})
    assert response.status_code == 429
    assert b"draft 4" in response.content
    assert ConversationDraft.objects.get(author=stranger).text == "draft 2"
    invite = client.post(reverse("conversation:invite"), {"message": "Talk?"})
    assert invite.status_code == 429


# The counter store used without Redis (handhold/pages/counters.py) -------------------------


def test_a_counter_starts_once_and_counts_up():
    store = caches["counters"]
    assert store.add("tries", 1, 60) is True
    assert store.add("tries", 1, 60) is False
    assert store.incr("tries") == 2
    assert store.incr("tries", 3) == 5
    assert store.get("tries") == 5


def test_an_expired_counter_starts_again_and_cannot_be_counted_up(time_machine):
    store = caches["counters"]
    time_machine.move_to(time.time(), tick=False)
    store.add("tries", 1, 60)
    store.incr("tries")
    time_machine.shift(61)
    assert store.get("tries") is None
    with pytest.raises(ValueError):
        store.incr("tries")
    assert store.add("tries", 1, 60) is True
    assert store.get("tries") == 1


def test_the_counter_store_holds_whole_numbers_only():
    with pytest.raises(TypeError):
        caches["counters"].set("tries", "many", 60)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_tries_are_each_counted_once():
    """Eight threads, each with its own database connection, count the same key at once:
    no try is lost and no two tries see the same count."""
    from concurrent.futures import ThreadPoolExecutor

    store = caches["counters"]
    store.add("burst", 0, 600)

    def count_up(_):
        try:
            return [store.incr("burst") for _ in range(25)]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        seen = [n for counts in pool.map(count_up, range(8)) for n in counts]
    assert sorted(seen) == list(range(1, 201))
    assert store.get("burst") == 200


def test_a_try_is_counted_in_one_statement_and_starts_again_once_the_window_ends(time_machine):
    store = caches["counters"]
    time_machine.move_to(time.time(), tick=False)
    assert store.count("tries", 60) == 1
    for expected in (2, 3):
        with CaptureQueriesContext(connection) as captured:
            assert store.count("tries", 60) == expected
        assert len(captured) == 1
    time_machine.shift(61)
    assert store.count("tries", 60) == 1
    assert store.get("tries") == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_one_statement_tries_are_each_counted_once():
    from concurrent.futures import ThreadPoolExecutor

    store = caches["counters"]

    def count_up(_):
        try:
            return [store.count("burst", 600) for _ in range(25)]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        seen = [n for counts in pool.map(count_up, range(8)) for n in counts]
    assert sorted(seen) == list(range(1, 201))


@pytest.mark.parametrize(
    ("rate", "tries_and_seconds"),
    [("120/m", (120, 60)), ("10/h", (10, 3600)), ("5/10m", (5, 600)), ("3/s", (3, 1))],
)
def test_rates_read_as_django_ratelimit_read_them(rate, tries_and_seconds):
    assert split_rate(rate) == tries_and_seconds


def test_a_limit_counts_posts_only(client_for, stranger):
    client = client_for(stranger)
    for _ in range(5):
        assert client.get(reverse("conversation:plan")).status_code == 200
    for _ in range(3):
        assert client.post(reverse("conversation:plan"), {"style": "text"}).status_code == 200
    assert client.post(reverse("conversation:plan"), {"style": "text"}).status_code == 429
