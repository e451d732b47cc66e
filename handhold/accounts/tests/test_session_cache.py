"""Sessions read through a cache and written through to the database: a logged-in request asks
the database for its person only, and an ended session is never read back from a cache, not
from this worker's memory, not from another worker's, not from Redis shared by two servers."""

import pytest
import redis
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PASSPHRASE
from handhold import housekeeping
from handhold.accounts import sessions
from handhold.accounts.models import Session
from handhold.accounts.tests.test_sessions_end import PHONE, is_logged_in, log_in

BARE = "/bench/bare/"
REDIS = "redis://127.0.0.1:6379/12"  # a database of these tests' own, emptied before and after
LOCAL = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "handhold-sessions-test",
}


def _use(settings, backend: dict):
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "sessions": {**backend, "KEY_FUNCTION": "handhold.accounts.sessions.keyed_session_key"},
    }
    return caches["sessions"]


@pytest.fixture(params=["local memory", "redis"])
def session_cache(request, settings):
    """The session cache as production configures it: one worker's local memory (SQLite without
    Redis), or Redis shared by every server (the machine's Redis, as tests/test_two_servers.py
    uses it); whatever database the suite runs on."""
    if request.param == "redis":
        redis.Redis.from_url(REDIS).flushdb()
        cache = _use(
            settings, {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS}
        )
    else:
        cache = _use(settings, LOCAL)
    yield cache
    cache.clear()


@pytest.fixture
def local_session_cache(settings):
    cache = _use(settings, LOCAL)
    yield cache
    cache.clear()


def cached(cache, client) -> bool:
    key = client.cookies["sessionid"].value
    return cache.get(sessions.CACHE_PREFIX + key) is not None


def test_a_logged_in_bare_request_asks_the_database_only_for_its_person(
    session_cache, stranger, settings
):
    settings.ROOT_URLCONF = "handhold.config.bench_urls"
    client = Client()
    log_in(client, "casey")
    client.get(BARE)  # the session was cached at log-in; this warms whatever else there is
    with CaptureQueriesContext(connection) as captured:
        assert client.get(BARE).content.endswith(f"<p>{stranger.pk}</p>".encode())
    assert len(captured) == 1, [q["sql"] for q in captured]
    assert "accounts_session" not in captured[0]["sql"]


def test_without_a_session_cache_a_bare_request_reads_the_session_too(stranger, settings):
    settings.ROOT_URLCONF = "handhold.config.bench_urls"
    settings.CACHES = {
        **settings.CACHES,
        "sessions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    client = Client()
    log_in(client, "casey")
    client.get(BARE)
    with CaptureQueriesContext(connection) as captured:
        client.get(BARE)
    assert len(captured) == 2  # the session, then the person: what every request cost before


def test_log_out_everywhere_ends_the_other_device_with_its_session_cached(session_cache, stranger):
    computer, phone = Client(), Client()
    log_in(computer, "casey")
    log_in(phone, "casey", agent=PHONE)
    assert is_logged_in(phone) and cached(session_cache, phone)
    computer.post(reverse("accounts:log_out_everywhere"))
    assert not cached(session_cache, phone)
    assert not is_logged_in(phone)
    assert not is_logged_in(computer)


def test_deleting_the_account_ends_the_other_device_with_its_session_cached(
    session_cache, stranger
):
    computer, phone = Client(), Client()
    log_in(computer, "casey")
    log_in(phone, "casey", agent=PHONE)
    assert is_logged_in(phone) and cached(session_cache, phone)
    computer.post(reverse("accounts:delete"), {"confirm_username": "casey"})
    assert not cached(session_cache, phone)
    assert not is_logged_in(phone)
    assert not Session.objects.filter(user_id=stranger.pk).exists()


def test_a_recovered_account_ends_the_other_device_with_its_session_cached(session_cache, stranger):
    from handhold.accounts import services

    phone = Client()
    log_in(phone, "casey", agent=PHONE)
    code = services.new_recovery_code(user=stranger)
    assert is_logged_in(phone) and cached(session_cache, phone)
    stranger.refresh_from_db()
    services.recover_account(user=stranger, passphrase=PASSPHRASE + " anew")
    assert code and not is_logged_in(phone)


def test_a_copied_cookie_is_useless_after_log_out(session_cache, stranger):
    client = Client()
    log_in(client, "casey")
    assert is_logged_in(client)
    copy = Client()
    copy.cookies["sessionid"] = client.cookies["sessionid"].value
    assert is_logged_in(copy) and cached(session_cache, copy)
    client.post(reverse("accounts:logout"))
    assert not cached(session_cache, copy)
    assert not is_logged_in(copy)


def test_housekeeping_removes_the_cached_copies_of_expired_sessions(session_cache, stranger):
    client = Client()
    log_in(client, "casey")
    assert cached(session_cache, client)
    Session.objects.update(expire_date=timezone.now())
    assert housekeeping.run()["sessions"] == 1
    assert not cached(session_cache, client)


def test_another_workers_memory_is_dropped_when_a_session_ends(
    local_session_cache, stranger, monkeypatch
):
    """Without Redis, each worker keeps its own copies. Another worker, whose memory still holds
    the session, drops every copy before its next request: here, this process plays that worker
    by putting the copy back and forgetting that it saw the session end."""
    session_cache = local_session_cache
    computer, phone = Client(), Client()
    log_in(computer, "casey")
    log_in(phone, "casey", agent=PHONE)
    assert is_logged_in(phone)
    key = sessions.CACHE_PREFIX + phone.cookies["sessionid"].value
    copy, seen = session_cache.get(key), sessions._stamp_seen
    computer.post(reverse("accounts:log_out_everywhere"))
    assert sessions._stamp_seen != sessions._stamp()  # this process has not looked yet
    session_cache.set(key, copy)
    monkeypatch.setattr(sessions, "_stamp_seen", seen)
    assert not is_logged_in(phone)
    assert session_cache.get(key) is None


def test_a_session_ended_while_it_is_being_saved_leaves_no_copy(session_cache, stranger):
    """Saved on one server while another logs the person out everywhere: the second deletes the
    row and the copy between the first's database write and its cache write."""
    client = Client()
    log_in(client, "casey")
    store = sessions.SessionStore(client.cookies["sessionid"].value)
    store["seen"] = 0
    real_set = session_cache.set

    def set_after_the_other_server_ended_it(key, value, timeout=None):
        Session.objects.filter(session_key=store.session_key).delete()
        session_cache.delete(key)
        real_set(key, value, timeout)

    store._cache.set = set_after_the_other_server_ended_it
    store.save()
    assert session_cache.get(sessions.CACHE_PREFIX + store.session_key) is None
    assert not is_logged_in(client)
