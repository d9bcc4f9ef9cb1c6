"""The database itself refuses to change or remove audit entries (SQLite and PostgreSQL)."""

import pytest
from django.db import IntegrityError, connection, transaction

from vinhdanh import settings as production_settings
from vinhdanh.audit import triggers
from vinhdanh.audit.models import AuditEntry
from vinhdanh.audit.services import record
from vinhdanh.org.models import Level

pytestmark = pytest.mark.django_db
REFUSED = "chỉ được ghi thêm"


@pytest.fixture
def entry(demo_user):
    level = Level.objects.first()
    return record(actor=demo_user("admin"), action="test.write", instance=level, note="gốc")


def _refused(operation) -> None:
    # Each attempt in its own savepoint: on PostgreSQL a failed statement spoils the transaction.
    with pytest.raises(IntegrityError, match=REFUSED), transaction.atomic():
        operation()


def test_the_protecting_triggers_are_installed(database_vendor):
    assert triggers.active(connection) == triggers.EXPECTED[database_vendor]


def test_queryset_update_and_delete_are_refused(entry):
    _refused(lambda: AuditEntry.objects.filter(pk=entry.pk).update(note="sửa"))
    _refused(lambda: AuditEntry.objects.filter(pk=entry.pk).delete())
    _refused(lambda: AuditEntry.objects.all().delete())
    entry_now = AuditEntry.objects.get(pk=entry.pk)
    assert (entry_now.note, entry_now.entry_hash) == ("gốc", entry.entry_hash)


def test_raw_sql_update_and_delete_are_refused(entry):
    def execute(sql, params=None):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    _refused(
        lambda: execute("UPDATE audit_auditentry SET note = %s WHERE id = %s", ["x", entry.pk])
    )
    _refused(lambda: execute("UPDATE audit_auditentry SET entry_hash = entry_hash"))
    _refused(lambda: execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk]))
    _refused(lambda: execute("DELETE FROM audit_auditentry"))
    assert AuditEntry.objects.filter(pk=entry.pk, note="gốc").exists()


@pytest.mark.postgres
def test_truncate_is_refused_on_postgresql(entry):
    def truncate():
        with connection.cursor() as cursor:
            # The test's insert left deferred foreign key checks; TRUNCATE refuses to run past them.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("TRUNCATE audit_auditentry CASCADE")

    _refused(truncate)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_only_the_test_settings_can_empty_the_audit_table():
    # The flush that takes the triggers off exists only for the test runner.
    assert "vinhdanh.audit.testing" not in production_settings.INSTALLED_APPS
