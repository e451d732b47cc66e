from django.db import models
from django.utils import timezone


class ServedPack(models.Model):
    """Which version of a content pack one app server serves, written when it starts.

    With several servers on one database, a rolling update has two versions of a pack serving
    at once for a while; a server that starts and finds another version here says so in its
    log (content.services.record_served_packs), so that one left behind is noticed.
    """

    pack_id = models.CharField(max_length=100)
    version = models.CharField(max_length=50)
    # Host name and port, or HANDHOLD_SERVER_NAME: whatever tells the operator which server.
    server = models.CharField(max_length=200)
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pack_id", "server"], name="one_row_per_pack_and_server"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pack_id} {self.version} on {self.server}"
