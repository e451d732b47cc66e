import re

import pytest
from django.urls import reverse

from conftest import PASSPHRASE

URL = reverse("accounts:login")


def attempt(client, username, passphrase="wrong passphrase here", ip="10.0.0.1"):
    return client.post(URL, {"username": username, "password": passphrase}, REMOTE_ADDR=ip)


def without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.AXES_FAILURE_LIMIT = 3


def test_log_in_with_the_right_passphrase(client, stranger):
    response = attempt(client, "casey", PASSPHRASE)
    assert response.status_code == 302
    assert "<h1>Hello, casey</h1>" in client.get(reverse("pages:home")).content.decode()


def test_log_in_ignores_the_case_of_the_username_for_the_limit(client, stranger):
    for _ in range(3):
        attempt(client, "CASEY", ip="10.0.0.9")
    assert attempt(client, "casey", PASSPHRASE, ip="10.0.0.9").status_code == 429


def test_a_wrong_passphrase_and_an_unknown_username_look_the_same(client, stranger):
    wrong = attempt(client, "casey")
    unknown = attempt(client, "nobody-here")
    assert wrong.status_code == unknown.status_code == 400
    assert without_csrf(wrong.content).replace(b"casey", b"X") == without_csrf(
        unknown.content
    ).replace(b"nobody-here", b"X")


def test_too_many_failures_lock_that_username_from_that_address(client, stranger):
    for _ in range(3):
        attempt(client, "casey", ip="10.0.1.1")
    response = attempt(client, "casey", PASSPHRASE, ip="10.0.1.1")
    assert response.status_code == 429
    assert b"too many log-in attempts" in response.content


def test_nobody_can_lock_a_person_out_from_another_address(client, stranger):
    for _ in range(10):
        attempt(client, "casey", ip="198.51.100.7")
    assert attempt(client, "casey", PASSPHRASE, ip="10.0.2.1").status_code == 302


def test_failures_for_one_username_do_not_lock_out_others_behind_the_same_router(
    client, stranger, make_person
):
    make_person("robin")
    for _ in range(5):
        attempt(client, "robin", ip="10.0.3.1")
    assert attempt(client, "casey", PASSPHRASE, ip="10.0.3.1").status_code == 302


def test_an_address_failing_for_many_usernames_is_refused_at_the_wider_limit(
    client, stranger, settings
):
    settings.HANDHOLD_LOGIN_ADDRESS_FAILURE_LIMIT = 6
    for n in range(6):
        assert attempt(client, f"someone{n}", ip="10.0.3.9").status_code == 400
    assert attempt(client, "casey", PASSPHRASE, ip="10.0.3.9").status_code == 429
    assert attempt(client, "casey", PASSPHRASE, ip="10.0.3.10").status_code == 302


def test_the_lockout_looks_the_same_for_an_unknown_username(client, stranger):
    for _ in range(3):
        attempt(client, "casey", ip="10.0.4.1")
        attempt(client, "ghost", ip="10.0.4.1")
    known = attempt(client, "casey", ip="10.0.4.1")
    unknown = attempt(client, "ghost", ip="10.0.4.1")
    assert known.status_code == unknown.status_code == 429
    assert without_csrf(known.content) == without_csrf(unknown.content)


def _every_stored_value(connection, *, leave_out: str) -> str:
    """Every row of every table, as text: what someone with a copy of the database reads."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table != leave_out:
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
                rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


def test_failed_log_ins_store_neither_the_username_nor_the_address(client, stranger):
    from django.db import connection

    from handhold.accounts.models import User
    from handhold.pages.models import RateCounter

    for name in ("casey", "Quill-Unknown-Name"):
        for _ in range(4):
            client.post(
                URL,
                {"username": name, "password": "wrong passphrase here"},
                REMOTE_ADDR="203.0.113.77",
                HTTP_USER_AGENT="Mozilla/5.0 (Telltale Browser 77.1)",
            )
    assert RateCounter.objects.exists()  # the failures were counted...
    # ...under keyed hashes only. (Casey's own account row rightly holds her username.)
    stored = _every_stored_value(connection, leave_out=User._meta.db_table).casefold()
    for telltale in ("casey", "quill-unknown-name", "203.0.113.77", "telltale"):
        assert telltale not in stored


def test_a_failure_count_is_deleted_once_its_cool_off_ends(client, stranger, settings):
    import time_machine
    from django.utils import timezone

    from handhold.pages.models import RateCounter

    attempt(client, "casey", ip="10.0.5.1")
    first = set(RateCounter.objects.values_list("key", flat=True))
    assert first
    later = timezone.now() + settings.AXES_COOLOFF_TIME * 2
    with time_machine.travel(later, tick=False):
        attempt(client, "someone-else", ip="10.0.5.2")
        assert not first & set(RateCounter.objects.values_list("key", flat=True))


def test_an_empty_log_in_is_a_400(client, db):
    assert client.post(URL, {}).status_code == 400


def test_a_log_in_writes_nothing_to_the_account(client, stranger):
    from handhold.accounts.models import User

    before = User.objects.filter(pk=stranger.pk).values().get()
    assert attempt(client, "casey", PASSPHRASE).status_code == 302
    assert User.objects.filter(pk=stranger.pk).values().get() == before
    assert "last_login" not in before  # no record of when anyone logged in
