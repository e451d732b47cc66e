import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from handhold.accounts import services
from handhold.accounts.models import Couple, Invitation

CODE = re.compile(r'<p class="code"[^>]*>([0-9A-Z-]+)</p>')


def make_code(client) -> str:
    response = client.post(reverse("accounts:invite"))
    assert response.status_code == 200
    return CODE.search(response.content.decode()).group(1)


def join(client, code):
    return client.post(reverse("accounts:join"), {"code": code})


@pytest.fixture
def alone(make_person):
    return make_person("sky"), make_person("robin")


def test_an_invitation_shows_a_code_and_a_link(client_for, alone):
    sky, _ = alone
    response = client_for(sky).post(reverse("accounts:invite"))
    html = response.content.decode()
    code = CODE.search(html).group(1)
    assert len(code.replace("-", "")) == 20
    assert f"/pair/join/?code={code}" in html
    assert Invitation.objects.get(inviter=sky).code_hash != code


def test_the_code_is_never_stored_in_plain_text(client_for, alone):
    sky, _ = alone
    code = make_code(client_for(sky))
    stored = Invitation.objects.values_list("code_hash", flat=True).get()
    assert code.replace("-", "") not in stored


def test_joining_with_the_code_pairs_both(client_for, alone):
    sky, robin = alone
    code = make_code(client_for(sky))
    response = join(client_for(robin), code)
    assert response.status_code == 302
    sky.refresh_from_db()
    robin.refresh_from_db()
    assert sky.couple_id == robin.couple_id is not None
    assert not Invitation.objects.exists()
    assert (
        b"You are paired with <strong>sky</strong>"
        in client_for(robin).get(reverse("accounts:pairing")).content
    )


def test_the_link_fills_in_the_code_and_still_asks_before_joining(client_for, alone):
    sky, robin = alone
    code = make_code(client_for(sky))
    response = client_for(robin).get(reverse("accounts:join") + f"?code={code}")
    assert response.status_code == 200
    assert f'value="{code}"'.encode() in response.content
    robin.refresh_from_db()
    assert robin.couple_id is None


def test_a_code_typed_loosely_still_works(client_for, alone):
    sky, robin = alone
    code = make_code(client_for(sky))
    assert join(client_for(robin), code.lower().replace("-", " ")).status_code == 302


def test_a_code_works_only_once(client_for, alone, make_person):
    sky, robin = alone
    code = make_code(client_for(sky))
    join(client_for(robin), code)
    response = join(client_for(make_person("third")), code)
    assert response.status_code == 400
    assert services.CODE_DOES_NOT_WORK.encode() in response.content.replace(b"&#39;", b"'")


def test_an_expired_code_gets_the_same_clear_message(client_for, alone):
    sky, robin = alone
    code = make_code(client_for(sky))
    with time_machine.travel(timezone.now() + timedelta(hours=24, seconds=1)):
        response = join(client_for(robin), code)
    assert response.status_code == 400
    assert b"expired" in response.content
    robin.refresh_from_db()
    assert robin.couple_id is None


def test_a_code_still_works_just_before_it_expires(client_for, alone):
    sky, robin = alone
    code = make_code(client_for(sky))
    with time_machine.travel(timezone.now() + timedelta(hours=23, minutes=59)):
        assert join(client_for(robin), code).status_code == 302


@pytest.mark.parametrize("typed", ["", "nonsense", "ABCD-ABCD-ABCD-ABCD-ABCD", "x" * 200])
def test_a_mistyped_code_gets_a_clear_message(client_for, alone, typed):
    _, robin = alone
    response = join(client_for(robin), typed)
    assert response.status_code == 400
    assert b'class="error"' in response.content
    assert not Couple.objects.exists()


def test_you_cannot_join_your_own_code(client_for, alone):
    sky, _ = alone
    client = client_for(sky)
    response = join(client, make_code(client))
    assert response.status_code == 400
    assert not Couple.objects.exists()


def test_a_new_code_replaces_the_old_one(client_for, alone):
    sky, robin = alone
    client = client_for(sky)
    old = make_code(client)
    new = make_code(client)
    assert Invitation.objects.count() == 1
    assert join(client_for(robin), old).status_code == 400
    assert join(client_for(robin), new).status_code == 302


def test_a_withdrawn_invitation_no_longer_works(client_for, alone):
    sky, robin = alone
    client = client_for(sky)
    code = make_code(client)
    client.post(reverse("accounts:withdraw"))
    assert join(client_for(robin), code).status_code == 400


def test_one_partner_at_a_time(client_for, asker, partner, stranger):
    response = client_for(asker).post(reverse("accounts:invite"), follow=True)
    assert b"already paired" in response.content
    assert not Invitation.objects.exists()
    code = make_code(client_for(stranger))
    response = join(client_for(partner), code)
    assert response.status_code == 400
    assert b"already paired" in response.content
    partner.refresh_from_db()
    assert partner.couple_id == asker.couple_id


def test_a_code_from_someone_who_paired_since_does_not_work(client_for, make_person):
    sky, robin, third = make_person("sky"), make_person("robin"), make_person("third")
    first_code = make_code(client_for(sky))
    join(client_for(sky), make_code(client_for(robin)))
    assert join(client_for(third), first_code).status_code == 400


def test_unpairing_asks_first(client_for, asker, partner):
    response = client_for(asker).get(reverse("accounts:unpair"))
    assert response.status_code == 200
    assert b"Yes, unpair now" in response.content
    asker.refresh_from_db()
    assert asker.couple_id is not None


def test_either_can_unpair_and_the_couple_is_gone(client_for, asker, partner):
    couple_id = asker.couple_id
    response = client_for(partner).post(reverse("accounts:unpair"))
    assert response.status_code == 302
    asker.refresh_from_db()
    partner.refresh_from_db()
    assert asker.couple_id is None and partner.couple_id is None
    assert not Couple.objects.filter(pk=couple_id).exists()


def test_after_unpairing_both_can_pair_again(client_for, asker, partner):
    client_for(asker).post(reverse("accounts:unpair"))
    code = make_code(client_for(partner))
    assert join(client_for(asker), code).status_code == 302
