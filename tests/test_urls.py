"""One walk over every URL: what each person may and may not do there.

A new page joins by being added to PRIVATE or PUBLIC below; `test_every_url_is_listed` fails
until it is.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

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
    "conversation:is_it_you",
    "conversation:plan",
    "conversation:invite",
    "discovery:reflect",
    "discovery:discover",
    "discovery:reveal",
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
    "notice:delete",
]
# Pages of one object, fetched through the owner's couple: 404 for anyone else.
OBJECT_GET = ["together:session", "together:debrief"]
POST_ONLY_PUBLIC = ["accounts:logout"]
# Quick exit: anyone may use it, by GET or POST, and it always ends at the neutral page.
LEAVING = ["pages:leave"]


# Example arguments for URLs that take them.
URL_KWARGS = {
    "discovery:card": {"card_id": "lube-is-required"},
    "conversation:answer": {"invitation_id": 1},
    "together:session": {"plan_id": 1},
    "together:debrief": {"plan_id": 1},
    "together:respond": {"plan_id": 1},
    "together:cancel": {"plan_id": 1},
    "together:start": {"plan_id": 1},
    "together:check_in": {"plan_id": 1},
    "together:move_on": {"plan_id": 1},
    "together:finish": {"plan_id": 1},
    "together:open_again": {"halt_id": 1},
    "notice:delete": {"entry_id": 1},
}


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


OBJECT_URLS = ["together:session", "together:debrief"] + [
    name for name in PRIVATE_POST_ONLY if name in URL_KWARGS
]


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_an_object_of_another_couple_is_a_404_for_strangers_and_former_partners(
    name, client_for, asker, partner, stranger, former_partner
):
    """Every URL that takes an object id answers 404, never 403, to anyone but its couple."""
    from handhold.conversation.models import TalkInvitation
    from handhold.notice.models import NoticeEntry
    from handhold.notice.services import log_reaction
    from handhold.together.models import Halt, SessionPlan

    plan = SessionPlan.objects.create(
        couple_id=asker.couple_id,
        proposer=asker,
        pack_id="anal-play",
        ceiling=3,
        status="ended",
    )
    invitation = TalkInvitation.objects.create(
        couple_id=asker.couple_id, sender=asker, pack_id="anal-play", message="Talk?"
    )
    halt = Halt.objects.create(
        couple_id=asker.couple_id, plan=plan, why="stop", level=3, held_by=partner
    )
    entry = log_reaction(
        author=asker, pack=default_pack(), reaction="uneasy", note="Only Alex may read this."
    )
    ids = {
        "plan_id": plan.pk,
        "invitation_id": invitation.pk,
        "halt_id": halt.pk,
        "entry_id": entry.pk,
    }
    key = next(iter(URL_KWARGS[name]))
    path = reverse(name, kwargs={key: ids[key]})
    for person in (stranger, former_partner):
        client = client_for(person)
        response = client.post(path, {"answer": "not_now", "light": "red", "decision": "decline"})
        if name in OBJECT_GET:
            response = client.get(path)
        assert response.status_code == 404, (name, response.status_code)
    invitation.refresh_from_db()
    plan.refresh_from_db()
    assert invitation.answer == "" and plan.status == "ended"
    halt.refresh_from_db()
    assert halt.opened_at is None
    assert NoticeEntry.objects.filter(pk=entry.pk).exists()
