"""Test-only: a copy of the whole test database, taken once and put back in a fraction of a second.

The test session loads the demo once (conftest.py) and keeps a copy right after.
Tests that commit (browser tests, `transactional_db`) end with the test runner's
flush; while a copy is kept, this app's `flush` puts the copy back instead of
emptying every table, so every test starts from the demo as loaded (before, the
browser tests reloaded the demo after each flush: 5–8 s a test).

The copy is exact. SQLite: the database file's pages, with SQLite's backup API
(schema, triggers and AUTOINCREMENT counters included). PostgreSQL: each table
in COPY's binary format, which keeps every column type as it is, and each
sequence's position; the rows are deleted and copied back in one transaction,
with the audit table's triggers off inside it, and the foreign keys (deferred)
are checked at its commit. The stored files the rows name are kept too: a test may delete one
(django-cleanup removes a file with its row).
"""

import sqlite3
from dataclasses import dataclass

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models, transaction

from vinhdanh.audit import triggers


@dataclass
class Snapshot:
    vendor: str
    # SQLite: an in-memory copy of the database; PostgreSQL: (table, COPY binary data) pairs
    copy: object
    sequences: list[tuple[str, int | None]]
    files: list[tuple[object, str, bytes]]


_kept: dict[str, Snapshot] = {}


def keep(connection) -> Snapshot:
    """Copy the database now; from then on the test flush of `connection` puts the copy back."""
    _kept[connection.alias] = take(connection)
    return _kept[connection.alias]


def kept(connection) -> Snapshot | None:
    return _kept.get(connection.alias)


def _stored_files() -> list[tuple[object, str, bytes]]:
    found = []
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if not isinstance(model_field, models.FileField):
                continue
            storage = model_field.storage
            names = model._base_manager.exclude(**{model_field.attname: ""}).values_list(
                model_field.attname, flat=True
            )
            for name in names:
                if name and storage.exists(name):
                    with storage.open(name, "rb") as stored:
                        found.append((storage, name, stored.read()))
    return found


def take(connection) -> Snapshot:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return Snapshot("sqlite", copy, [], _stored_files())
    if connection.vendor != "postgresql":
        raise NotImplementedError(connection.vendor)
    quote = connection.ops.quote_name
    tables = []
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            with cursor.copy(f"COPY {quote(table)} TO STDOUT (FORMAT binary)") as copy:
                tables.append((table, b"".join(bytes(block) for block in copy)))
        cursor.execute(
            "SELECT format('%I.%I', schemaname, sequencename), last_value FROM pg_sequences "
            "WHERE schemaname = current_schema()"
        )
        sequences = cursor.fetchall()
    return Snapshot("postgresql", tables, sequences, _stored_files())


def restore(connection, snapshot: Snapshot) -> None:
    """Make the database hold exactly what it held when `snapshot` was taken."""
    connection.ensure_connection()
    if snapshot.vendor == "sqlite":
        snapshot.copy.backup(connection.connection)
    else:
        _restore_postgresql(connection, snapshot)
    for storage, name, content in snapshot.files:
        if not storage.exists(name):
            stored = storage.save(name, ContentFile(content))
            assert stored == name, f"{name} came back as {stored}"


def _restore_postgresql(connection, snapshot: Snapshot) -> None:
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        triggers.remove(connection)
        # DELETE, not TRUNCATE: TRUNCATE makes new files for ~100 tables, 3 s against 0.4 s.
        for table, _ in snapshot.copy:
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table, data in snapshot.copy:
            if data:
                with cursor.copy(f"COPY {quote(table)} FROM STDIN (FORMAT binary)") as copy:
                    copy.write(data)
        for sequence, last_value in snapshot.sequences:
            if last_value is None:  # never used: the next value is the first one
                cursor.execute("SELECT setval(%s, 1, false)", [sequence])
            else:
                cursor.execute("SELECT setval(%s, %s, true)", [sequence, last_value])
        triggers.install(connection)
