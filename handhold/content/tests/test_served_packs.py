"""Servers on one database tell each other which version of a pack they serve."""

from datetime import timedelta

import pytest
from django.utils import timezone

from handhold.content.models import ServedPack
from handhold.content.registry import default_pack
from handhold.content.services import record_served_packs

pytestmark = pytest.mark.django_db
PACK = default_pack().manifest


def test_a_server_records_what_it_serves_and_alone_it_has_nothing_to_say():
    assert record_served_packs(server="app1:8000") == []
    assert record_served_packs(server="app2:8000") == []  # the same version: all is well
    assert set(ServedPack.objects.values_list("server", "version")) == {
        ("app1:8000", PACK.version),
        ("app2:8000", PACK.version),
    }


def test_another_version_in_use_is_named_with_its_server():
    ServedPack.objects.create(pack_id=PACK.id, version="0.0.9", server="old-app:8000")
    (warning,) = record_served_packs(server="app1:8000")
    assert f"content pack {PACK.id}: this server (app1:8000) serves version {PACK.version}" in (
        warning
    )
    assert "old-app:8000 served version 0.0.9" in warning


def test_a_restart_replaces_the_servers_own_row():
    ServedPack.objects.create(pack_id=PACK.id, version="0.0.9", server="app1:8000")
    assert record_served_packs(server="app1:8000") == []
    assert ServedPack.objects.get(server="app1:8000", pack_id=PACK.id).version == PACK.version


def test_a_server_gone_for_a_month_is_forgotten():
    long_ago = timezone.now() - timedelta(days=31)
    ServedPack.objects.create(
        pack_id=PACK.id, version="0.0.9", server="gone:8000", started_at=long_ago
    )
    assert record_served_packs(server="app1:8000") == []
    assert not ServedPack.objects.filter(server="gone:8000").exists()
