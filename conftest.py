"""Fixtures shared by every test: the personas and a fast password hasher.

The personas, as in healthchecks' Alice/Bob/Charlie:
- `asker` (Alex) and `partner` (Blake) are paired with each other;
- `stranger` (Casey) has an account and nothing to do with them;
- `former_partner` (Dana) was paired with Alex before Blake, and then unpaired.
"""

import pytest

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _roomy_rate_limits(settings):
    """Tests sign up many people from one address; the rate-limit tests set their own limits."""
    settings.HANDHOLD_RATE_LIMITS = {
        "sign_up": "10000/h",
        "pairing_code": "10000/h",
        "pressure_check": "10000/m",
    }


@pytest.fixture
def make_person(db):
    from handhold.accounts.models import User

    def make(username: str):
        return User.objects.create_user(username, password=PASSPHRASE)

    return make


def _pair(first, second):
    from handhold.accounts import services

    code = services.create_invitation(inviter=first)
    services.join_with_code(user=second, code=code)
    first.refresh_from_db()
    second.refresh_from_db()


@pytest.fixture
def pair():
    return _pair


@pytest.fixture
def former_partner(make_person):
    return make_person("dana")


@pytest.fixture
def asker(make_person, former_partner):
    from handhold.accounts import services

    alex = make_person("alex")
    _pair(alex, former_partner)
    services.unpair(user=alex)
    alex.refresh_from_db()
    former_partner.refresh_from_db()
    return alex


@pytest.fixture
def partner(make_person, asker):
    blake = make_person("blake")
    _pair(asker, blake)
    return blake


@pytest.fixture
def stranger(make_person):
    return make_person("casey")


@pytest.fixture
def client_for(client):
    """A logged-in test client for one person (a fresh client each call)."""
    from django.test import Client

    def login(user):
        c = Client()
        c.force_login(user)
        return c

    return login


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is a failure here: a green run must mean every test ran."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        reporter.write_line(f"{len(skipped)} test(s) skipped: skipping is not allowed", red=True)
        session.exitstatus = 1


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots",
        metavar="DIR",
        default=None,
        help="render every page of the browser walk at phone and desktop width into DIR",
    )
