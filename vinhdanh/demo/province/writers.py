"""Streaming rows into the big tables: COPY on PostgreSQL, bulk_create elsewhere.

Rows are plain tuples in the order of the writer's columns; a writer keeps at most one
batch in memory. Ids are given by the generator (so rows can point at each other before
they are written) and the sequences are moved past them at the end.
"""

import json

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max

BATCH_SIZE = 5_000
COPY_BATCH_SIZE = 50_000


def uses_copy() -> bool:
    return connection.vendor == "postgresql"


def next_id(model) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


class TableWriter:
    """Buffers rows of one table and writes them a batch at a time."""

    def __init__(self, model, attnames: list[str], *, json_columns: frozenset = frozenset()):
        self.model = model
        self.attnames = list(attnames)
        self.json_columns = {self.attnames.index(name) for name in json_columns}
        self.copy = uses_copy()
        self.batch_size = COPY_BATCH_SIZE if self.copy else BATCH_SIZE
        self.rows: list[tuple] = []
        self.written = 0
        by_attname = {field.attname: field for field in model._meta.concrete_fields}
        self.columns = [by_attname[name].column for name in self.attnames]

    def add(self, row: tuple) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        if self.copy:
            self._copy(self.rows)
        else:
            objects = [
                self.model(**dict(zip(self.attnames, row, strict=True))) for row in self.rows
            ]
            self.model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        self.written += len(self.rows)
        self.rows = []

    def _copy(self, rows: list[tuple]) -> None:
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(column) for column in self.columns)
        sql = f"COPY {table} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(self._json_encoded(row) if self.json_columns else row)

    def _json_encoded(self, row: tuple) -> tuple:
        # COPY's text format takes a JSON column as its JSON text.
        return tuple(
            json.dumps(value) if index in self.json_columns and value is not None else value
            for index, value in enumerate(row)
        )


def reset_sequences(models) -> None:
    """After rows written with their own ids, the next id the database gives comes after them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
