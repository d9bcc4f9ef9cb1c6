"""`manage.py verify_audit` on the real table: intact after normal use, broken after tampering."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from vinhdanh.audit import chain, triggers
from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Person, Unit
from vinhdanh.org.services import create_unit, update_person

pytestmark = pytest.mark.django_db


def _verify() -> str:
    out = StringIO()
    call_command("verify_audit", stdout=out)
    return out.getvalue()


def _broken() -> str:
    with pytest.raises(CommandError) as refusal:
        call_command("verify_audit")
    assert refusal.value.returncode == 1
    return str(refusal.value)


@pytest.fixture
def used(demo_user):
    """A few real changes through the services, so the chain has entries to follow."""
    office = demo_user("thuongtruc")
    for person in Person.objects.order_by("pk")[:3]:
        update_person(actor=office, person=person, position="Chuyên viên chính")
    create_unit(
        actor=office,
        code="to-dan-pho-1",
        name="Tổ dân phố số 1",
        kind="ward",
        level=Unit.objects.get(code="phuong-dinh-cong").level,
        parent=Unit.objects.get(code="phuong-dinh-cong"),
    )
    return list(AuditEntry.objects.order_by("pk"))


def _tamper(sql: str, params: list) -> None:
    # Only the database owner can do this; the test's transaction puts the triggers back.
    triggers.remove(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_chain_is_intact_after_normal_use(used):
    assert len(used) == 4
    assert used[0].previous_hash == "0" * 64
    assert [e.previous_hash for e in used[1:]] == [e.entry_hash for e in used[:-1]]
    assert _verify().strip() == f"OK, 4 mục nhật ký; băm của mục cuối: {used[-1].entry_hash}"


def test_a_changed_entry_is_reported_by_its_id(used):
    _tamper("UPDATE audit_auditentry SET note = %s WHERE id = %s", ["sửa lén", used[1].pk])
    message = _broken()
    assert f"mục #{used[1].pk}:" in message
    assert "đã bị sửa" in message
    assert "1 mục trước đó còn nguyên vẹn" in message


def test_a_changed_entry_with_its_hash_recomputed_is_found_at_the_next_one(used):
    forged = AuditEntry.objects.filter(pk=used[1].pk).values(*chain.HASHED_FIELDS).get()
    forged["note"] = "sửa lén"
    forged_hash = chain.entry_hash(forged, used[1].previous_hash)
    _tamper(
        "UPDATE audit_auditentry SET note = %s, entry_hash = %s WHERE id = %s",
        ["sửa lén", forged_hash, used[1].pk],
    )
    message = _broken()
    assert f"mục #{used[2].pk}:" in message
    assert f"mục #{used[1].pk} có băm {forged_hash}" in message


def test_a_deleted_entry_is_reported_at_the_one_after_it(used):
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [used[2].pk])
    message = _broken()
    assert f"mục #{used[3].pk}:" in message
    assert f"mục #{used[1].pk} có băm" in message


def test_missing_triggers_fail_the_check_though_the_chain_holds(used):
    triggers.remove(connection)
    message = _broken()
    assert "thiếu trigger" in message
    assert "Chuỗi nguyên vẹn (4 mục)" in message
