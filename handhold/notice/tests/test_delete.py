"""Deleting an entry of one's own log: only its author can, and at once."""

import uuid

from django.urls import reverse

from handhold.notice.models import NoticeEntry


def test_the_author_deletes_an_entry_at_once(client_for, asker, log):
    entry = log(asker, "uneasy", note="gone soon, zq3f9dwk")
    kept = log(asker, "comfortable")
    client = client_for(asker)
    response = client.post(reverse("notice:delete", args=[entry.public_id]))
    assert response.status_code == 302
    assert list(NoticeEntry.objects.all()) == [kept]
    assert "zq3f9dwk" not in client.get(reverse("notice:notice")).content.decode()


def test_it_rejects_get(client_for, asker, log):
    entry = log(asker, "comfortable")
    path = reverse("notice:delete", args=[entry.public_id])
    assert client_for(asker).get(path).status_code == 405
    assert NoticeEntry.objects.exists()


def test_the_partner_a_stranger_and_a_former_partner_get_404(
    client_for, asker, partner, stranger, former_partner, log
):
    entry = log(asker, "into_it", note="Alex's own, zq6b0cwk")
    path = reverse("notice:delete", args=[entry.public_id])
    for person in (partner, stranger, former_partner):
        assert client_for(person).post(path).status_code == 404
    assert NoticeEntry.objects.get().note == "Alex's own, zq6b0cwk"


def test_an_id_that_never_existed_is_a_404(client_for, asker):
    path = reverse("notice:delete", args=[uuid.uuid4()])
    assert client_for(asker).post(path).status_code == 404
