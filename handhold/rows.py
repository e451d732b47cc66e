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
    `r`) and kept on the instance as `select_related` keeps it. `order` is an ORDER BY of the
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
        return sql, converters, readers, link

    def all(self, params: list, *, limit: int | None = None, using: str = "default") -> list:
        connection = connections[using]
        built = self._built.get(connection.vendor)
        if built is None:
            built = self._built[connection.vendor] = self._build(connection)
        sql, converters, readers, link = built
        if limit is not None:
            sql = f"{sql} LIMIT {int(limit)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        found = []
        for row in rows:
            if converters:
                row = list(row)
                for i, col, chain in converters:
                    value = row[i]
                    for convert in chain:
                        value = convert(value, col, connection)
                    row[i] = value
            if self.columns is not None:
                found.append(tuple(row))
                continue
            instances = [
                model.from_db(using, names, row[start:end]) for model, names, start, end in readers
            ]
            if link is not None:
                link.set_cached_value(instances[0], instances[1])
            found.append(instances[0])
        return found

    def first(self, params: list, *, using: str = "default"):
        """The first row (by `order`), or None."""
        found = self.all(params, limit=1, using=using)
        return found[0] if found else None
