"""Two writers at once on PostgreSQL still make one chain: the advisory lock queues them."""

import threading

import pytest
from django.db import connection, transaction

from vinhdanh.audit import chain
from vinhdanh.audit.models import AuditEntry
from vinhdanh.audit.services import record
from vinhdanh.org.models import Level

pytestmark = pytest.mark.postgres
WRITERS, ENTRIES_EACH = 2, 15


def _write(level: Level, start: threading.Barrier, errors: list) -> None:
    try:
        start.wait()
        for number in range(ENTRIES_EACH):
            # Each entry in its own transaction, so the two threads interleave.
            with transaction.atomic():
                record(actor=None, action="test.concurrent", instance=level, note=str(number))
    except Exception as error:  # reported by the test below, not lost in the thread
        errors.append(error)
    finally:
        connection.close()


def test_two_concurrent_writers_keep_one_chain(transactional_db):
    level = Level.objects.create(code="thu-nghiem", name="Cấp thử nghiệm", rank=9)
    before = AuditEntry.objects.count()
    start, errors = threading.Barrier(WRITERS), []
    threads = [threading.Thread(target=_write, args=(level, start, errors)) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AuditEntry.objects.count() == before + WRITERS * ENTRIES_EACH
    rows = AuditEntry.objects.order_by("pk").values(
        "id", *chain.HASHED_FIELDS, "previous_hash", "entry_hash"
    )
    verdict = chain.walk(list(rows))
    assert verdict.broken is None
    assert verdict.count == before + WRITERS * ENTRIES_EACH
