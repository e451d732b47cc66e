"""The privacy rules, tested as a security boundary.

Foundation's rules: after unpairing or deletion, no page, export or error shows the former
partner anything; pairing errors say nothing about other people. Each later stage adds its
own rules here.
"""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from handhold.accounts import services
from tests.test_urls import PRIVATE_GET, PUBLIC, url


def everything_seen_by(user) -> str:
    """Every page, export and error message `user` can open, as one string."""
    client = Client()
    client.force_login(user)
    seen = []
    for name in PUBLIC + PRIVATE_GET:
        seen.append(client.get(url(name)).content.decode())
    seen.append(client.post(reverse("accounts:join"), {"code": "ABCD" * 5}).content.decode())
    seen.append(client.get("/no-such-page/").content.decode())
    return "\n".join(seen)


def normalised(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'"exported_at": "[^"]+"', "", html)


def test_after_unpairing_neither_sees_anything_of_the_other(asker, partner):
    assert "blake" in everything_seen_by(asker)
    services.unpair(user=partner)
    asker.refresh_from_db()
    partner.refresh_from_db()
    assert "blake" not in everything_seen_by(asker)
    assert "alex" not in everything_seen_by(partner)


def test_a_former_partner_sees_nothing_of_the_new_couple(asker, partner, former_partner):
    seen = everything_seen_by(former_partner)
    assert "alex" not in seen
    assert "blake" not in seen


def test_after_deletion_the_partner_sees_only_that_they_are_not_paired(asker, partner):
    client = Client()
    client.force_login(asker)
    client.post(reverse("accounts:delete"), {"confirm_username": "alex"})
    partner.refresh_from_db()
    seen = everything_seen_by(partner)
    assert "alex" not in seen
    assert "You are not paired with anyone." in seen


def test_the_export_holds_nothing_of_a_former_partner(asker, former_partner):
    client = Client()
    client.force_login(asker)
    data = json.loads(client.get(reverse("accounts:export")).content)
    assert "dana" not in json.dumps(data)


def test_a_stranger_sees_nothing_of_a_couple(asker, partner, stranger):
    seen = everything_seen_by(stranger)
    assert "alex" not in seen and "blake" not in seen


def _join_error(user, code: str) -> str:
    client = Client()
    client.force_login(user)
    return normalised(client.post(reverse("accounts:join"), {"code": code}).content.decode())


def test_pairing_errors_say_nothing_about_other_people(make_person):
    """Used, withdrawn, own, paired-since and never-issued codes all read the same."""
    sky, robin, kim, lee, mo = (make_person(n) for n in ("sky", "robin", "kim", "lee", "mo"))
    joiner = make_person("joiner")

    used = services.create_invitation(inviter=sky)
    services.join_with_code(user=robin, code=used)
    withdrawn = services.create_invitation(inviter=kim)
    services.withdraw_invitation(inviter=kim)
    paired_since = services.create_invitation(inviter=lee)
    services.join_with_code(user=lee, code=services.create_invitation(inviter=mo))
    own = services.create_invitation(inviter=joiner)
    never_issued = "ABCD-EFGH-JKMN-PQRS-TVWX"

    answers = {
        label: _join_error(joiner, code).replace(code, "<code>")
        for label, code in [
            ("used", used),
            ("withdrawn", withdrawn),
            ("paired since", paired_since),
            ("own", own),
            ("never issued", never_issued),
        ]
    }
    assert len(set(answers.values())) == 1, answers.keys()
    assert services.CODE_DOES_NOT_WORK.replace("'", "&#x27;") in answers["used"]


@pytest.mark.django_db
def test_the_sign_up_page_is_the_same_whoever_else_has_an_account(client, make_person):
    before = normalised(client.get(reverse("accounts:sign_up")).content.decode())
    make_person("someone")
    after = normalised(Client().get(reverse("accounts:sign_up")).content.decode())
    assert before == after
