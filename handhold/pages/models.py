from django.db import models


class RateCounter(models.Model):
    """One rate-limit counter (see pages.counters): how many tries under a key, until when."""

    key = models.CharField(max_length=250, primary_key=True)
    value = models.BigIntegerField()
    # Seconds since the epoch, as Django's cache API counts time.
    expires = models.FloatField(db_index=True)

    class Meta:
        db_table = "handhold_rate_counters"

    def __str__(self) -> str:
        return self.key
