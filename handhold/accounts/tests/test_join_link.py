"""A partner who opens a join link while logged out keeps its code through log-in or sign-up.

The code rides in Django's `next` parameter, nowhere on the server, and comes back only to a
page of this site."""

import logging
import re
from html import unescape
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils.html import escape

from conftest import PASSPHRASE
from handhold.accounts.models import User
from handhold.accounts.tests.test_pairing import make_code

JOIN = reverse("accounts:join")
LOG_IN = reverse("accounts:login")
SIGN_UP = reverse("accounts:sign_up")


@pytest.fixture
def code(client_for, make_person):
    return make_code(client_for(make_person("sky")))


def new_person(**overrides):
    data = {
        "username": "robin",
        "passphrase": "slow warm tea kettle",
        "passphrase_again": "slow warm tea kettle",
        "adult": "on",
    }
    return data | overrides


def join_link(code: str) -> str:
    return f"{JOIN}?code={code}"


def continue_link(response) -> str:
    """Where the recovery code page, shown right after signing up, goes on to."""
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Your recovery code</h1>" in html
    return unescape(re.search(r'<a class="button" href="([^"]*)">Continue</a>', html).group(1))


def test_a_logged_out_join_link_asks_to_log_in_and_remembers_the_link(client, code):
    response = client.get(join_link(code))
    assert response.status_code == 302
    assert response.url == f"{LOG_IN}?next={quote(join_link(code))}"


def test_logging_in_comes_back_to_the_join_step_with_the_code(client, code, make_person):
    robin = make_person("robin")
    log_in_page = client.get(client.get(join_link(code)).url)
    assert f'name="next" value="{join_link(code)}"' in unescape(log_in_page.content.decode())

    response = client.post(
        LOG_IN, {"username": "robin", "password": PASSPHRASE, "next": join_link(code)}
    )
    assert response.status_code == 302
    assert response.url == join_link(code)
    join_page = client.get(response.url)
    assert f'value="{code}"' in join_page.content.decode()
    robin.refresh_from_db()
    assert robin.couple_id is None  # the join step still asks before pairing


def test_the_log_in_page_passes_the_link_on_to_sign_up(client, code):
    log_in_page = client.get(f"{LOG_IN}?next={quote(join_link(code))}")
    assert f'href="{SIGN_UP}?next={quote(join_link(code))}"' in log_in_page.content.decode()


def test_signing_up_comes_back_to_the_join_step_with_the_code(client, code):
    sign_up_url = f"{SIGN_UP}?next={quote(join_link(code))}"
    page = client.get(sign_up_url)
    assert f'name="next" value="{join_link(code)}"' in unescape(page.content.decode())
    assert f'href="{LOG_IN}?next={quote(join_link(code))}"' in page.content.decode()

    response = client.post(sign_up_url, new_person(next=join_link(code)))
    assert continue_link(response) == join_link(code)
    join_page = client.get(continue_link(response))
    assert f'value="{code}"' in join_page.content.decode()
    assert User.objects.get(username="robin").couple_id is None


def test_a_rejected_sign_up_keeps_the_link(client, code):
    response = client.post(SIGN_UP, new_person(adult="", next=join_link(code)))
    assert response.status_code == 400
    assert f'name="next" value="{join_link(code)}"' in unescape(response.content.decode())


def test_joining_after_signing_up_pairs_both(client, code):
    client.post(SIGN_UP, new_person(next=join_link(code)))
    assert client.post(JOIN, {"code": code}).status_code == 302
    sky, robin = User.objects.get(username="sky"), User.objects.get(username="robin")
    assert sky.couple_id == robin.couple_id is not None


@pytest.mark.parametrize(
    "elsewhere",
    ["https://example.com/pair/join/", "//example.com/", "javascript:alert(1)", "http:/x"],
)
def test_sign_up_never_sends_anyone_to_another_site(client, db, elsewhere):
    page = client.get(f"{SIGN_UP}?next={quote(elsewhere)}")
    assert elsewhere not in unescape(page.content.decode())
    response = client.post(SIGN_UP, new_person(next=elsewhere))
    assert continue_link(response) == reverse("pages:home")


@pytest.mark.parametrize("elsewhere", ["https://example.com/", "//example.com/"])
def test_log_in_never_sends_anyone_to_another_site(client, make_person, elsewhere):
    make_person("robin")
    response = client.post(LOG_IN, {"username": "robin", "password": PASSPHRASE, "next": elsewhere})
    assert response.status_code == 302
    assert response.url == reverse("pages:home")


def test_someone_already_logged_in_is_asked_before_going_on_to_the_link(
    client_for, code, make_person
):
    robin = client_for(make_person("robin"))
    for page in (LOG_IN, SIGN_UP):
        html = robin.get(f"{page}?next={quote(join_link(code))}").content.decode()
        assert "This browser is logged in as <strong>robin</strong>" in html
        assert f'href="{escape(join_link(code))}">Continue as robin</a>' in html


def test_the_code_is_never_logged(client, code, caplog):
    caplog.set_level(logging.DEBUG)
    client.get(join_link(code))
    client.post(SIGN_UP, new_person(next=join_link(code)))
    client.get(join_link(code))
    client.post(JOIN, {"code": code})
    bare = code.replace("-", "")
    for record in caplog.records:
        text = record.getMessage() + repr(record.args)
        assert code not in text and bare not in text, record.name
