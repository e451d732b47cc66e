"""The store behind the rate limits when there is no Redis: counters in the database.

django-ratelimit counts with a cache's `add` then `incr`. Django's own database cache does
each of those as several queries (a count of all rows, a select, then a write) and its `incr`
is a read followed by a write, so two workers can lose a try between them. Here each is one
statement that the database makes atomic on its own: an upsert, and an UPDATE ... RETURNING
(SQLite 3.35+ and PostgreSQL understand both). Handhold's own rate limits go one better:
`count` starts or counts up a counter in a single upsert ... RETURNING. It holds whole
numbers only: it is a counter store, not a general cache.

What it counts is often personal: a username that failed to log in, an address. So every key
goes through `keyed_counter_key`, a keyed hash, before it reaches this table or Redis; and an
expired counter is deleted the next time any counter starts.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import connection
from django.utils.crypto import salted_hmac

from handhold.pages.models import RateCounter

NEVER = 1e12  # an expiry far past any real one, for timeout=None


def forget_expired_counters() -> int:
    """Delete every counter whose window has ended, and say how many."""
    deleted, _ = RateCounter.objects.filter(expires__lte=time.time()).delete()
    return deleted


def keyed_counter_key(key: str, key_prefix: str, version: int) -> str:
    """The cache key function for the counter store: an HMAC (under the secret key) of the
    key that django-axes or django-ratelimit made. Their own keys are plain hashes of a
    username or an address, which anyone can reverse by trying every IPv4 address or a list
    of names; without the secret key this one cannot be reversed or even checked."""
    digest = salted_hmac("handhold.counters", f"{key_prefix}:{version}:{key}", algorithm="sha256")
    return f"c:{digest.hexdigest()}"


class CounterCache(BaseCache):
    def __init__(self, table, params):
        super().__init__(params)

    def _expiry(self, timeout) -> float:
        expires = self.get_backend_timeout(timeout)
        return NEVER if expires is None else expires

    @staticmethod
    def _count(value) -> int:
        """Django's cache API calls it a value; here it is always a count."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("the rate-limit store holds whole numbers only")
        return value

    def _execute(self, sql: str, params: list):
        table = connection.ops.quote_name(RateCounter._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(sql.format(table=table), params)
            return cursor.rowcount, cursor.fetchall() if cursor.description else []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        """Make the counter, or restart it if it has expired; False if it is still running."""
        key = self.make_and_validate_key(key, version=version)
        now = time.time()
        written, _ = self._execute(
            "INSERT INTO {table} (key, value, expires) VALUES (%s, %s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires "
            "WHERE {table}.expires <= %s",
            [key, self._count(value), self._expiry(timeout), now],
        )
        if written:
            # A counter starts rarely (once per window per key) and the index on `expires`
            # makes this cheap, so nothing expired outlives the next start of any counter.
            forget_expired_counters()
        return bool(written)

    def incr(self, key, delta=1, version=None) -> int:
        key = self.make_and_validate_key(key, version=version)
        _, rows = self._execute(
            "UPDATE {table} SET value = value + %s WHERE key = %s AND expires > %s RETURNING value",
            [self._count(delta), key, time.time()],
        )
        if not rows:
            raise ValueError(f"Key '{key}' not found")
        return rows[0][0]

    def count(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> int:
        """One more try under `key`, in one statement, and how many there are now: the counter
        starts at 1 if it is new or its window has ended, else goes up by 1. What `add` then
        `incr` do in two statements, for the rate limits (pages.ratelimits)."""
        return self.counter(key, timeout, version)()

    def counter(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> Callable[[], int]:
        """`count` in two halves: the key hashed and the statement written now, the try
        counted when the returned function is called (for a caller about to hold a
        transaction open, pages.ratelimits.prepare_try)."""
        key = self.make_and_validate_key(key, version=version)
        table = connection.ops.quote_name(RateCounter._meta.db_table)
        sql = (
            f"INSERT INTO {table} (key, value, expires) VALUES (%s, 1, %s) "  # noqa: S608 - names only
            "ON CONFLICT (key) DO UPDATE SET "
            f"value = CASE WHEN {table}.expires <= %s THEN 1 ELSE {table}.value + 1 END, "
            f"expires = CASE WHEN {table}.expires <= %s "
            f"THEN excluded.expires ELSE {table}.expires END "
            "RETURNING value"
        )

        def count() -> int:
            now = time.time()
            with connection.cursor() as cursor:
                cursor.execute(sql, [key, self._expiry(timeout), now, now])
                tries = cursor.fetchone()[0]
            if tries == 1:
                forget_expired_counters()  # a counter (re)started: as in `add`
            return tries

        return count

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = (
            RateCounter.objects.filter(key=key, expires__gt=time.time())
            .values_list("value", flat=True)
            .first()
        )
        return default if row is None else row

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        key = self.make_and_validate_key(key, version=version)
        self._execute(
            "INSERT INTO {table} (key, value, expires) VALUES (%s, %s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires",
            [key, self._count(value), self._expiry(timeout)],
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        live = RateCounter.objects.filter(key=key, expires__gt=time.time())
        return bool(live.update(expires=self._expiry(timeout)))

    def delete(self, key, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        deleted, _ = RateCounter.objects.filter(key=key).delete()
        return bool(deleted)

    def clear(self) -> None:
        RateCounter.objects.all().delete()
