"""Rate limits on sign-up, pairing codes and the pressure check: past the limit a clear 429,
with what the person typed kept, and nothing written."""

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from handhold.accounts.models import User
from handhold.conversation.models import ConversationDraft


@pytest.fixture(autouse=True)
def _tight_limits(settings, db):
    caches["ratelimit"].clear()
    settings.HANDHOLD_RATE_LIMITS = {
        "sign_up": "3/h",
        "pairing_code": "3/h",
        "pressure_check": "3/m",
    }
    yield
    caches["ratelimit"].clear()


def sign_up(client, n, ip="10.9.0.1"):
    data = {
        "username": f"person{n}",
        "passphrase": "a long quiet passphrase",
        "passphrase_again": "a long quiet passphrase",
        "adult": "on",
    }
    return client.post(reverse("accounts:sign_up"), data, REMOTE_ADDR=ip)


def test_sign_up_is_limited_per_address():
    for n in range(3):
        assert sign_up(Client(), n).status_code == 302
    response = sign_up(Client(), 99)
    assert response.status_code == 429
    assert b"Please wait a little" in response.content
    assert b'value="person99"' in response.content
    assert not User.objects.filter(username="person99").exists()
    assert sign_up(Client(), 100, ip="10.9.0.2").status_code == 302


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
