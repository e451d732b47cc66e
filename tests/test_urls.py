"""One walk over every URL: what each person may and may not do there.

A new page joins by being added to PRIVATE or PUBLIC below; `test_every_url_is_listed` fails
until it is.
"""

import pytest
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse

from handhold.content.registry import default_pack

PUBLIC = [
    "pages:home",
    "pages:away",
    "pages:deleted",
    "accounts:login",
    "accounts:sign_up",
    "accounts:recover",
    "discovery:learn",
    "discovery:card",
    "together:resources",
]
PRIVATE_GET = [
    "together:journey",
    "together:prepare",
    "together:sessions",
    "together:topic",
    "conversation:is_it_you",
    "conversation:plan",
    "conversation:invite",
    "discovery:reflect",
    "discovery:discover",
    "discovery:reveal",
    "discovery:private_matching",
    "discovery:private_ladder",
    "discovery:private_state",
    "discovery:private_copy",
    "notice:notice",
    "accounts:pairing",
    "accounts:join",
    "accounts:welcome",
    "accounts:settings",
    "accounts:unpair",
    "accounts:recovery_code",
    "accounts:export",
    "accounts:delete",
]
PRIVATE_POST_ONLY = [
    "accounts:log_out_everywhere",
    "accounts:not_for_me",
    "accounts:invite",
    "accounts:withdraw",
    "accounts:discreet",
    "conversation:answer",
    "conversation:reopen",
    "together:we_talked",
    "together:pause",
    "together:resume",
    "together:respond",
    "together:cancel",
    "together:start",
    "together:check_in",
    "together:move_on",
    "together:finish",
    "together:open_again",
    "together:suggest_topic",
    "together:answer_topic",
    "together:withdraw_topic",
    "notice:delete",
    "discovery:private_open_level",
    "discovery:private_changed",
    "discovery:private_copy_delete",
    "discovery:private_run_start",
    "discovery:private_run_post",
    "discovery:private_run_cancel",
]
# Pages of one object, fetched through the owner's couple: 404 for anyone else.
OBJECT_GET = ["together:session", "together:debrief", "discovery:private_run"]
POST_ONLY_PUBLIC = ["accounts:logout", "pages:language"]
# Quick exit: anyone may use it, by GET or POST, and it always ends at the neutral page.
LEAVING = ["pages:leave"]


# Example arguments for URLs that take them. An object's URL carries its random public id.
SOME_ID = "2f1c9a36-55b0-4c3e-9d0f-7a4b8e61c2d5"
URL_KWARGS = {
    "discovery:card": {"card_id": "lube-is-required"},
    "conversation:answer": {"public_id": SOME_ID},
    "together:session": {"public_id": SOME_ID},
    "together:debrief": {"public_id": SOME_ID},
    "together:respond": {"public_id": SOME_ID},
    "together:cancel": {"public_id": SOME_ID},
    "together:start": {"public_id": SOME_ID},
    "together:check_in": {"public_id": SOME_ID},
    "together:move_on": {"public_id": SOME_ID},
    "together:finish": {"public_id": SOME_ID},
    "together:open_again": {"public_id": SOME_ID},
    "together:answer_topic": {"public_id": SOME_ID},
    "together:withdraw_topic": {"public_id": SOME_ID},
    "notice:delete": {"public_id": SOME_ID},
    "discovery:private_run": {"public_id": SOME_ID},
    "discovery:private_run_post": {"public_id": SOME_ID},
    "discovery:private_run_cancel": {"public_id": SOME_ID},
}
# The kind of object each of those URLs names (a session plan unless said here), and who may
# act on it: the asker for plans and Notice entries, the partner for the invitation the asker
# sent, for the halt the partner said, and for answering the topic the asker suggested (which
# the asker alone may take back).
OBJECT_KIND = {
    "conversation:answer": "invitation",
    "together:open_again": "halt",
    "together:answer_topic": "suggestion",
    "together:withdraw_topic": "suggestion",
    "notice:delete": "entry",
    "discovery:private_run": "run",
    "discovery:private_run_post": "run",
    "discovery:private_run_cancel": "run",
}
OWNER = {"invitation": "partner", "halt": "partner", "suggestion": "partner"}


def url(name: str) -> str:
    return reverse(name, kwargs=URL_KWARGS.get(name))


def _names(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_is_listed():
    listed = set(PUBLIC + PRIVATE_GET + PRIVATE_POST_ONLY + POST_ONLY_PUBLIC + OBJECT_GET + LEAVING)
    assert set(_names(get_resolver())) == listed


@pytest.mark.django_db
@pytest.mark.parametrize("name", PRIVATE_GET + PRIVATE_POST_ONLY + OBJECT_GET)
def test_logged_out_goes_to_log_in(client, name):
    method = client.post if name in PRIVATE_POST_ONLY else client.get
    response = method(url(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_open_for_everyone(client, name):
    assert client.get(url(name)).status_code == 200


@pytest.mark.parametrize("name", PRIVATE_GET)
def test_private_pages_open_for_each_persona(
    client_for, asker, partner, stranger, former_partner, name
):
    for person in (asker, partner, stranger, former_partner):
        assert client_for(person).get(url(name)).status_code == 200


@pytest.mark.parametrize("name", PRIVATE_POST_ONLY + POST_ONLY_PUBLIC)
def test_changes_need_a_post(client_for, stranger, name):
    assert client_for(stranger).get(url(name)).status_code == 405


@pytest.mark.parametrize("name", PRIVATE_GET)
def test_unknown_methods_are_refused(client_for, stranger, name):
    assert client_for(stranger).put(url(name)).status_code == 405


@pytest.mark.django_db
def test_an_unknown_url_is_a_plain_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404


OBJECT_URLS = ["together:session", "together:debrief", "discovery:private_run"] + [
    name for name in PRIVATE_POST_ONLY if name in URL_KWARGS
]


@pytest.fixture
def objects(asker, partner):
    """One object of each kind that a URL names, all of Alex and Blake's."""
    from handhold.conversation.models import TalkInvitation
    from handhold.couples.models import TopicSuggestion
    from handhold.discovery.models import PrivateRun
    from handhold.notice.services import log_reaction
    from handhold.together.models import Halt, SessionPlan
    from handhold.together.state import rebuild_journey

    plan = SessionPlan.objects.create(
        couple_id=asker.couple_id,
        proposer=asker,
        pack_id="anal-play",
        ceiling=3,
        status="ended",
    )
    made = {
        "plan": plan,
        "invitation": TalkInvitation.objects.create(
            couple_id=asker.couple_id, sender=asker, pack_id="anal-play", message="Talk?"
        ),
        "halt": Halt.objects.create(
            couple_id=asker.couple_id, plan=plan, why="stop", level=3, held_by=partner
        ),
        "suggestion": TopicSuggestion.objects.create(
            couple_id=asker.couple_id, suggested_by=asker, pack_id="toys-together"
        ),
        "run": PrivateRun.objects.create(couple_id=asker.couple_id, pack_id="anal-play", number=1),
        "entry": log_reaction(
            author=asker, pack=default_pack(), reaction="uneasy", note="Only Alex may read this."
        ),
    }
    rebuild_journey(asker.couple_id)  # made by hand: the journey rows follow
    return made


def _nothing_changed(objects):
    from handhold.notice.models import NoticeEntry

    for kind in ("invitation", "plan", "halt"):
        objects[kind].refresh_from_db()
    assert objects["invitation"].answer == "" and objects["plan"].status == "ended"
    assert objects["halt"].opened_at is None
    assert NoticeEntry.objects.filter(pk=objects["entry"].pk).exists()
    objects["run"].refresh_from_db()
    assert objects["run"].status == "round_one"
    objects["suggestion"].refresh_from_db()
    assert objects["suggestion"].answer == "" and not objects["suggestion"].withdrawn


def _try(client, name, path):
    """Everything a request could do there: post each form's fields, and open the page."""
    response = client.post(path, {"answer": "not_now", "light": "red", "decision": "decline"})
    if name in OBJECT_GET:
        response = client.get(path)
    return response


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_an_object_of_another_couple_is_a_404_for_strangers_and_former_partners(
    name, client_for, objects, stranger, former_partner
):
    """Every URL that takes an object id answers 404, never 403, to anyone but its couple."""
    target = objects[OBJECT_KIND.get(name, "plan")]
    path = reverse(name, kwargs={"public_id": target.public_id})
    for person in (stranger, former_partner):
        response = _try(client_for(person), name, path)
        assert response.status_code == 404, (name, response.status_code)
    _nothing_changed(objects)


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_an_old_address_with_a_sequential_id_is_a_404_even_for_the_owner(
    name, client_for, objects, asker, partner
):
    """Ids in URLs are random; the sequential primary key an address once carried now leads
    nowhere, even for the person the object belongs to."""
    kind = OBJECT_KIND.get(name, "plan")
    target = objects[kind]
    owner = partner if OWNER.get(kind) == "partner" else asker
    path = reverse(name, kwargs={"public_id": target.public_id})
    old = path.replace(str(target.public_id), str(target.pk))
    assert old != path and f"/{target.pk}/" in old
    response = _try(client_for(owner), name, old)
    assert response.status_code == 404, (name, old, response.status_code)
    _nothing_changed(objects)
    with pytest.raises(Resolver404):  # no address has such a shape any more
        resolve(old)
