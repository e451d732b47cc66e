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
    assert client.get(reverse("pages:home")).context["user"] == stranger


def test_log_in_ignores_the_case_of_the_username_for_the_limit(client, stranger):
    for _ in range(3):
        attempt(client, "CASEY", ip="10.0.0.9")
    assert attempt(client, "casey", PASSPHRASE, ip="10.0.0.8").status_code == 429


def test_a_wrong_passphrase_and_an_unknown_username_look_the_same(client, stranger):
    wrong = attempt(client, "casey")
    unknown = attempt(client, "nobody-here")
    assert wrong.status_code == unknown.status_code == 400
    assert without_csrf(wrong.content).replace(b"casey", b"X") == without_csrf(
        unknown.content
    ).replace(b"nobody-here", b"X")


def test_too_many_failures_for_one_username_lock_it_from_every_address(client, stranger):
    for n in range(3):
        attempt(client, "casey", ip=f"10.0.1.{n}")
    response = attempt(client, "casey", PASSPHRASE, ip="10.0.2.1")
    assert response.status_code == 429
    assert b"too many log-in attempts" in response.content


def test_too_many_failures_from_one_address_lock_that_address(client, stranger):
    for n in range(3):
        attempt(client, f"someone{n}", ip="10.0.3.1")
    assert attempt(client, "casey", PASSPHRASE, ip="10.0.3.1").status_code == 429
    assert attempt(client, "casey", PASSPHRASE, ip="10.0.3.2").status_code == 302


def test_the_lockout_looks_the_same_for_an_unknown_username(client, stranger):
    for _ in range(3):
        attempt(client, "casey", ip="10.0.4.1")
        attempt(client, "ghost", ip="10.0.4.2")
    known = attempt(client, "casey", ip="10.0.4.3")
    unknown = attempt(client, "ghost", ip="10.0.4.4")
    assert known.status_code == unknown.status_code == 429
    assert without_csrf(known.content) == without_csrf(unknown.content)


def test_an_empty_log_in_is_a_400(client, db):
    assert client.post(URL, {}).status_code == 400
