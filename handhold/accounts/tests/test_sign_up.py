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
    assert response.status_code == 200  # the recovery code page, rendered once
    user = User.objects.get(username="river")
    assert user.adult_confirmed_at is not None
    assert "<h1>Hello, river</h1>" in client.get(reverse("pages:home")).content.decode()


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


def sign_up_as(client, username: str):
    return client.post(URL, form(username=username))


@pytest.mark.django_db
def test_a_look_alike_in_cyrillic_letters_is_refused(client, make_person):
    make_person("caxap")
    response = sign_up_as(client, "\u0441\u0430\u0445\u0430\u0440")  # Cyrillic 'сахар'
    assert response.status_code == 400
    assert b"looks too much like someone else&#39;s" in response.content
    assert b"caxap" not in response.content  # the other name is never shown
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_name_mixing_latin_and_cyrillic_is_refused(client, make_person):
    make_person("sam")
    response = sign_up_as(client, "s\u0430m")  # Latin s and m, Cyrillic а
    assert response.status_code == 400
    assert b"Please use letters from one alphabet" in response.content
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_mixed_name_is_refused_even_with_nobody_to_pass_for(client):
    response = sign_up_as(client, "m\u0430ria")
    assert response.status_code == 400
    assert b"one alphabet" in response.content
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["\u03c3\u03bf\u03c6\u03af\u03b1", "\u0430\u043d\u043d\u0430", "\u65e5\u672c\u3072\u3089"],
    ids=["greek", "cyrillic", "japanese"],
)
def test_a_name_wholly_in_another_alphabet_is_welcome(client, make_person, name):
    make_person("sofia")
    make_person("anna")
    assert sign_up_as(client, name).status_code == 200
    assert User.objects.filter(username=name).exists()


@pytest.mark.django_db
def test_fullwidth_letters_are_the_same_name(client, make_person):
    make_person("river")
    response = sign_up_as(client, "\uff52\uff49\uff56\uff45\uff52")  # ｒｉｖｅｒ
    assert response.status_code == 400
    assert b"That username is taken" in response.content
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_name_is_kept_in_its_nfkc_form_with_its_case(client):
    assert sign_up_as(client, "\uff32\uff49\uff56\uff45\uff52").status_code == 200  # Ｒｉｖｅｒ
    user = User.objects.get()
    assert user.username == "River"
    assert user.username_skeleton == "river"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("existing", "look_alike"), [("Iris", "lris"), ("BOB", "B0B"), ("mia", "rnia")]
)
def test_latin_look_alikes_are_refused_too(client, make_person, existing, look_alike):
    make_person(existing)
    response = sign_up_as(client, look_alike)
    assert response.status_code == 400
    assert b"looks too much like someone else" in response.content


@pytest.mark.django_db
def test_the_refusals_say_no_more_than_taken_does(client, make_person):
    """Each says why in general words; none names the other person or says what they wrote."""
    make_person("Iris")
    taken = sign_up_as(client, "iris").content.decode()
    alike = sign_up_as(client, "lris").content.decode()
    for html in (taken, alike):
        assert "Iris" not in html.replace('value="iris"', "")


@pytest.mark.django_db
def test_two_look_alikes_signing_up_at_once_cannot_both_succeed(make_person, monkeypatch):
    """The check before saving can race with another sign-up; the unique skeleton cannot."""
    from django.core.exceptions import ValidationError

    from handhold.accounts import services

    make_person("alex")
    checks = iter([None])  # the first check runs before the other sign-up has saved
    real = services.username_problem
    monkeypatch.setattr(services, "username_problem", lambda name: next(checks, real(name)))
    with pytest.raises(ValidationError) as caught:
        services.sign_up(username="AIex", passphrase="slow warm tea kettle")  # a capital I
    assert caught.value.message_dict == {"username": [str(services.USERNAME_LOOKS_TAKEN)]}
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_log_in_finds_the_name_by_its_normalised_form(client, make_person):
    from conftest import PASSPHRASE

    make_person("casey")
    response = client.post(
        reverse("accounts:login"),
        {"username": "\uff23\uff21\uff33\uff25\uff39", "password": PASSPHRASE},
    )
    assert response.status_code == 302
