"""What this server tells the others about the content it serves."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from handhold.content.models import ServedPack
from handhold.content.registry import all_packs

# A server that has not started for this long is taken to be gone, and its row is forgotten.
FORGET_AFTER = timedelta(days=30)


@transaction.atomic
def record_served_packs(*, server: str) -> list[str]:
    """Record each pack's version for `server`; return one warning per other server that
    serves a different version of the same pack, for the start-up log."""
    now = timezone.now()
    ServedPack.objects.filter(started_at__lt=now - FORGET_AFTER).delete()
    warnings = []
    for pack in all_packs().values():
        ServedPack.objects.update_or_create(
            pack_id=pack.manifest.id,
            server=server,
            defaults={"version": pack.manifest.version, "started_at": now},
        )
        others = ServedPack.objects.filter(pack_id=pack.manifest.id).exclude(server=server)
        for other in others.exclude(version=pack.manifest.version).order_by("server"):
            warnings.append(
                f"content pack {pack.manifest.id}: this server ({server}) serves version "
                f"{pack.manifest.version}, but {other.server} served version {other.version} "
                f"when it started on {other.started_at:%Y-%m-%d %H:%M} UTC. Update that server "
                "too, or ignore this if it is gone."
            )
    return warnings
