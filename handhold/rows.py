"""Model rows read by one fixed statement, for the reads every page makes.

Django's ORM builds and compiles a query anew each time it is asked: about 1,000 to 1,900
Python calls a query, ten times what the database itself takes for a one-row read by key.
The few reads on every page (the couple's journey row behind the navigation's dot, the
partner on home) ask the same question each time with other values, so `Rows` writes the
statement once per process and database, and turns each row into model instances as the ORM
would: the same columns, the same database converters (SQLite's dates and booleans, JSON), and
`Model.from_db`, so what a caller gets is what `.objects.filter(...)` would have given.

The WHERE clause is the caller's, written with the same care as a filter: every object is
still fetched through its owner (`person_id = %s AND journey_id = %s`), and the values are
always passed as parameters, never written into the text.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import Model


class Rows:
    """`Rows(PersonJourney, where="m.journey_id = %s AND m.person_id = %s", related="journey")`:
    each row of the model (alias `m`), with the row of one forward foreign key joined (alias
    `r`) and kept on the instance as `select_related` keeps it (rows joined to the same one share
    one instance of it). `order` is an ORDER BY of the
    model's columns; with `columns` (field names), each row is a plain tuple of those fields,
    as `values_list` gives it."""

    def __init__(
        self,
        model: type[Model],
        *,
        where: str,
        related: str | None = None,
        order: str = "",
        columns: tuple[str, ...] | None = None,
    ):
        assert related is None or columns is None, "a related row comes with instances only"
        self.model = model
        self.where = where
        self.related = related
        self.order = order
        self.columns = columns
        self._built: dict[str, tuple] = {}

    def _build(self, connection) -> tuple:
        quote = connection.ops.quote_name
        parts = [(self.model, "m")]
        join = ""
        link = None
        if self.related is not None:
            link = self.model._meta.get_field(self.related)
            target = link.related_model
            parts.append((target, "r"))
            join = (
                f" JOIN {quote(target._meta.db_table)} r"
                f" ON r.{quote(link.target_field.column)} = m.{quote(link.column)}"
            )
        columns, readers = [], []
        for model, alias in parts:
            fields = model._meta.concrete_fields
            if self.columns is not None:
                fields = [model._meta.get_field(name) for name in self.columns]
            start = len(columns)
            for field in fields:
                col = field.get_col(alias)
                converters = connection.ops.get_db_converters(col) + col.get_db_converters(
                    connection
                )
                columns.append((f"{alias}.{quote(field.column)}", col, converters))
            readers.append((model, [f.attname for f in fields], start, len(columns)))
        select = ", ".join(text for text, _, _ in columns)
        # Names from the models and the caller's fixed WHERE text; every value is a parameter.
        table = quote(self.model._meta.db_table)
        sql = f"SELECT {select} FROM {table} m{join} WHERE {self.where}"  # noqa: S608
        if self.order:
            sql = f"{sql} ORDER BY {self.order}"
        converters = [(i, col, conv) for i, (_, col, conv) in enumerate(columns) if conv]
        # Where each row holds its related row's key (the model's own foreign key column).
        key_at = None if link is None else readers[0][1].index(link.attname)
        return sql, converters, readers, link, key_at

    def built(self, connection) -> tuple:
        """This read's statement and how to read its rows, written once per database."""
        built = self._built.get(connection.vendor)
        if built is None:
            built = self._built[connection.vendor] = self._build(connection)
        return built

    def all(self, params: list, *, limit: int | None = None, using: str = "default") -> list:
        connection = connections[using]
        built = self.built(connection)
        sql = built[0]
        if limit is not None:
            sql = f"{sql} LIMIT {int(limit)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        _, converters, readers, link, _ = built
        if not converters and self.columns is not None:
            return rows  # plain tuples, nothing to convert: as the database gave them
        # Rows joined to the same related row (both sides of one couple's journey) are given
        # one instance of it, read once, as they share one row in the database.
        shared = None if link is None else {}
        return [self.read(row, built, connection, using, shared) for row in rows]

    def read(self, row, built: tuple, connection, using: str, shared: dict | None = None):
        """One row of this read's statement, as an instance (or a tuple, with `columns`).
        `shared`: the related instances already made by this read, by key; the row's own
        related instance is taken from it, or made and kept in it."""
        _, converters, readers, link, key_at = built
        related = None
        if shared is not None:
            key = row[key_at]
            related = shared.get(key)
        # The model's own columns come first; the related row's are converted only when made.
        last = len(row) if related is None else readers[0][3]
        if converters:
            row = list(row)
            for i, col, chain in converters:
                if i >= last:
                    break
                value = row[i]
                for convert in chain:
                    value = convert(value, col, connection)
                row[i] = value
        if self.columns is not None:
            return tuple(row)
        model, names, start, end = readers[0]
        instance = model.from_db(using, names, row[start:end])
        if link is not None:
            if related is None:
                model, names, start, end = readers[1]
                related = model.from_db(using, names, row[start:end])
                if shared is not None:
                    shared[key] = related
            link.set_cached_value(instance, related)
        return instance

    def first(self, params: list, *, using: str = "default"):
        """The first row (by `order`), or None."""
        found = self.all(params, limit=1, using=using)
        return found[0] if found else None


class FirstOfEach:
    """`FirstOfEach(a, b)`: what `a.first(...)` and `b.first(...)` give, asked as one
    statement: each read's first row, joined by UNION ALL, each tagged with its read's number.
    The reads must select the same columns (the same model, no related row); each keeps its
    own WHERE, order and parameters."""

    def __init__(self, *reads: Rows):
        self.reads = reads
        self._built: dict[str, str] = {}

    def _sql(self, connection) -> str:
        sql = self._built.get(connection.vendor)
        if sql is None:
            parts = []
            for number, read in enumerate(self.reads):
                select, *_ = read.built(connection)
                # SELECT <columns> FROM ...: the read's number goes after its columns.
                head, tail = select.split(" FROM ", 1)
                # Names from the models, numbers of ours; every value is a parameter.
                part = f"SELECT * FROM ({head}, {number} FROM {tail} LIMIT 1) q{number}"  # noqa: S608
                parts.append(part)
            sql = self._built[connection.vendor] = " UNION ALL ".join(parts)
        return sql

    def get(self, *params: list, using: str = "default") -> list:
        """Each read's first row or None, in the order of the reads; `params` one list each."""
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(self._sql(connection), [value for each in params for value in each])
            rows = cursor.fetchall()
        found: list = [None] * len(self.reads)
        for row in rows:
            read = self.reads[row[-1]]
            found[row[-1]] = read.read(row[:-1], read.built(connection), connection, using)
        return found
