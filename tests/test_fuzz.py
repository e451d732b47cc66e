"""Fuzzing every form and endpoint: random, huge, unicode and missing fields, wrong types and
methods, other people's ids. Never a 500, and a rejected request changes nothing at all."""

import hashlib

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

OUR_APPS = ["accounts", "discovery", "notice", "conversation", "together"]

# Each endpoint, with the field names its form knows. Ids in URLs point at another couple's
# objects or at nothing, as an attacker would try.
POSTS = {
    "accounts:sign_up": ["username", "passphrase", "passphrase_again", "adult"],
    "accounts:login": ["username", "password"],
    "accounts:invite": [],
    "accounts:withdraw": [],
    "accounts:join": ["code"],
    "accounts:discreet": ["discreet_mode"],
    "accounts:unpair": [],
    "accounts:not_for_me": [],
    "accounts:delete": ["confirm_username"],
    "discovery:reflect": ["why-do-i-want-this__text", "why-do-i-want-this__marker"],
    "discovery:discover": ["pegging__give", "small-plug__receive", "finish"],
    "notice:notice": ["idea", "reaction", "note"],
    "conversation:plan": ["style", "text"],
    "conversation:invite": ["message"],
    "conversation:is_it_you": ["selling-or-sharing__text", "selling-or-sharing__marker"],
    "conversation:reopen": [],
    "together:we_talked": [],
    "together:pause": [],
    "together:resume": [],
    "together:prepare": ["ticked"],
    "together:sessions": ["steps", "ceiling", "stop_word"],
}
POSTS_WITH_IDS = {
    "conversation:answer": ("invitation", ["answer"]),
    "together:respond": ("plan", ["decision", "keep", "ceiling", "stop_word"]),
    "together:cancel": ("plan", []),
    "together:start": ("plan", []),
    "together:check_in": ("plan", ["light"]),
    "together:move_on": ("plan", []),
    "together:finish": ("plan", []),
    "together:debrief": ("plan", ["felt", "good", "change", "pace"]),
    "together:open_again": ("halt", []),
    "notice:delete": ("entry", []),
}

texts = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(["", " ", "yes", "no", "skip", "red", "accept", "0", "-1", "9" * 30, "on"]),
    st.builds(lambda n: "x" * n, st.integers(min_value=1_000, max_value=30_000)),
)
values = st.one_of(texts, st.lists(texts, max_size=3))


def snapshot() -> str:
    """A digest of every row of every table of ours, but the sessions: a visit moves its own
    session's expiry on, whatever the answer (accounts.sessions.keep_alive)."""
    digest = hashlib.sha256()
    for label in OUR_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.label == "accounts.Session":
                continue
            for row in model.objects.order_by("pk").values_list():
                digest.update(repr(row).encode())
    return digest.hexdigest()


FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def fuzz_once(client, method, path, data):
    with transaction.atomic():
        before = snapshot()
        response = getattr(client, method)(path, data)
        assert response.status_code < 500, (method, path, data, response.status_code)
        if response.status_code >= 400:
            assert snapshot() == before, (method, path, data, "changed on a rejected request")
        transaction.set_rollback(True)


@pytest.fixture
def someone_elses_ids(make_person):
    """A couple the fuzzing user does not belong to, with objects of each kind."""
    from conftest import _pair
    from handhold.content.registry import default_pack
    from handhold.conversation.models import TalkInvitation
    from handhold.notice.services import log_reaction
    from handhold.together.models import Halt, SessionPlan
    from handhold.together.state import rebuild_journey

    a, b = make_person("other-a"), make_person("other-b")
    _pair(a, b)
    plan = SessionPlan.objects.create(
        couple_id=a.couple_id, proposer=a, pack_id="anal-play", ceiling=3, status="ended"
    )
    invitation = TalkInvitation.objects.create(
        couple_id=a.couple_id, sender=a, pack_id="anal-play", message="Talk?"
    )
    halt = Halt.objects.create(couple_id=a.couple_id, plan=plan, why="stop", level=3, held_by=b)
    rebuild_journey(a.couple_id)  # made by hand: the journey rows follow
    entry = log_reaction(author=a, pack=default_pack(), reaction="uneasy", note="a's own")
    return {
        "plan": plan.public_id,
        "invitation": invitation.public_id,
        "halt": halt.public_id,
        "entry": entry.public_id,
    }


@pytest.mark.parametrize("name", sorted(POSTS))
def test_posting_anything_to_a_form_is_never_a_500(name, asker, partner):
    client = Client()
    client.force_login(asker)
    path = reverse(name)
    fields = POSTS[name]

    @FUZZ
    @given(st.dictionaries(st.sampled_from([*fields, "junk", "csrfmiddlewaretoken"]), values))
    def run(data):
        if name == "accounts:delete" and data.get("confirm_username") == asker.username:
            return  # the one input that legitimately deletes everything
        fuzz_once(client, "post", path, data)

    run()


@pytest.mark.parametrize("name", sorted(POSTS_WITH_IDS))
def test_other_peoples_ids_and_random_ids_are_never_a_500(name, asker, partner, someone_elses_ids):
    client = Client()
    client.force_login(asker)
    kind, fields = POSTS_WITH_IDS[name]

    @FUZZ
    @given(
        st.one_of(st.just(someone_elses_ids[kind]), st.uuids()),
        st.dictionaries(st.sampled_from([*fields, "junk"]), values),
    )
    def run(object_id, data):
        path = reverse(name, kwargs={"public_id": object_id})
        fuzz_once(client, "post", path, data)
        response = client.get(path)
        assert response.status_code in (404, 405), (path, response.status_code)

    run()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_wrong_methods_are_refused_cleanly(method, asker):
    client = Client()
    client.force_login(asker)
    for name in POSTS:
        response = getattr(client, method)(reverse(name))
        assert response.status_code == 405, (name, method, response.status_code)


@FUZZ
@given(st.dictionaries(st.text(max_size=20), texts, max_size=4))
def test_random_query_strings_on_pages_are_never_a_500(client, db, params):
    for name in ("pages:home", "accounts:join", "conversation:plan", "discovery:learn"):
        response = client.get(reverse(name), params)
        assert response.status_code < 500


@FUZZ
@given(st.dictionaries(st.sampled_from(["idea", "junk"]), texts, max_size=2))
def test_random_query_strings_on_notice_are_never_a_500(asker, params):
    client = Client()
    client.force_login(asker)
    assert client.get(reverse("notice:notice"), params).status_code == 200
