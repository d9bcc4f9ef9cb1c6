import pytest

from vinhdanh.audit.models import AuditEntry, AuditEntryIsAppendOnly
from vinhdanh.audit.services import snapshot
from vinhdanh.plans.models import UnitPlanSubmission


def test_snapshot_of_an_empty_file_field_records_no_file():
    submission = UnitPlanSubmission()
    data = snapshot(submission)
    assert data["file"] is None


@pytest.mark.django_db
def test_audit_entries_cannot_be_changed_or_deleted(demo_user):
    from vinhdanh.org.models import Person
    from vinhdanh.org.services import update_person

    person = Person.objects.first()
    update_person(actor=demo_user("thuongtruc"), person=person, position="Chuyên viên chính")
    entry = AuditEntry.objects.get(object_type="org.person", object_id=str(person.pk))
    entry.note = "sửa"
    with pytest.raises(AuditEntryIsAppendOnly):
        entry.save()
    with pytest.raises(AuditEntryIsAppendOnly):
        entry.delete()
