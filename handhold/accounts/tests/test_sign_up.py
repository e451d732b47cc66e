import pytest
from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from handhold.accounts.models import User

URL = reverse("accounts:sign_up")


def form(**overrides):
    data = {
        "username": "river",
        "passphrase": "slow warm tea kettle",
        "passphrase_again": "slow warm tea kettle",
        "adult": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_sign_up_creates_an_account_and_logs_in(client):
    response = client.post(URL, form())
    assert response.status_code == 302
    user = User.objects.get(username="river")
    assert user.adult_confirmed_at is not None
    assert client.get(reverse("pages:home")).context["user"] == user


@pytest.mark.django_db
def test_passphrases_are_hashed_with_argon2(client, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    client.post(URL, form())
    assert identify_hasher(User.objects.get().password).algorithm == "argon2"


def test_the_production_settings_hash_with_argon2_first():
    from handhold.config import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_no_account_without_the_18_plus_confirmation(client):
    data = form()
    del data["adult"]
    response = client.post(URL, data)
    assert response.status_code == 400
    assert b"adults only" in response.content
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "passphrase"),
    [
        ("river", "short one"),
        ("river", "1234567890123"),
        ("river", "password123"),
        ("riverbank", "riverbank1"),
    ],
    ids=["too-short", "numeric", "common", "like-the-username"],
)
def test_weak_passphrases_are_refused_and_the_username_is_kept(client, username, passphrase):
    data = form(username=username, passphrase=passphrase, passphrase_again=passphrase)
    response = client.post(URL, data)
    assert response.status_code == 400
    assert not User.objects.exists()
    assert f'value="{username}"'.encode() in response.content
    assert passphrase.encode() not in response.content  # never echo a passphrase back


@pytest.mark.django_db
def test_mismatched_passphrases_get_a_clear_message(client):
    response = client.post(URL, form(passphrase_again="slow warm tea kettles"))
    assert response.status_code == 400
    assert b"not the same" in response.content


@pytest.mark.django_db
def test_usernames_are_unique_whatever_their_case(client, make_person):
    make_person("River")
    response = client.post(URL, form())
    assert response.status_code == 400
    assert b"That username is taken" in response.content
    assert User.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["", "has space", "x" * 41, "semi;colon"])
def test_bad_usernames_get_a_clear_message(client, username):
    response = client.post(URL, form(username=username))
    assert response.status_code == 400
    assert b'class="error"' in response.content
    assert not User.objects.exists()


@pytest.mark.django_db
def test_an_empty_post_is_a_400_not_a_500(client):
    assert client.post(URL, {}).status_code == 400
