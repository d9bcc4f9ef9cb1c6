"""The copy of the demo kept by the test session comes back exactly after a test that commits."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from vinhdanh.audit import triggers
from vinhdanh.audit.models import AuditEntry
from vinhdanh.audit.services import record
from vinhdanh.audit.testing import database_snapshot
from vinhdanh.awards.models import Attachment
from vinhdanh.org.models import Level, Person
from vinhdanh.plans.models import Plan


def _contents() -> dict[str, list[tuple]]:
    """Every row of every table (many-to-many tables included), in primary key order."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
    }


def _new_level() -> Level:
    return Level.objects.create(code="thu-nghiem", name="Cấp thử nghiệm", rank=9)


@pytest.mark.django_db(transaction=True)
def test_the_test_flush_puts_the_demo_back_as_it_was(demo_user):
    assert database_snapshot.kept(connection) is not None
    demo = _contents()
    assert len(demo["org_person"]) > 100 and demo["audit_auditentry"] == []
    attachment = Attachment.objects.order_by("pk").first()
    with attachment.file.open("rb") as file:
        stored = file.read()
    first_new_pk = _new_level().pk

    Person.objects.filter(pk=Person.objects.order_by("pk").first().pk).update(full_name="Đã sửa")
    Plan.objects.all().delete()
    record(actor=demo_user("admin"), action="test.write", instance=Level.objects.first())
    attachment.file.storage.delete(attachment.file.name)
    assert _contents() != demo

    # What the test runner calls after a test that commits.
    call_command("flush", verbosity=0, interactive=False)

    assert _contents() == demo
    assert triggers.missing(connection) == set()
    assert not AuditEntry.objects.exists()
    with attachment.file.open("rb") as file:
        assert file.read() == stored
    # The counters are back too: the next new row gets the number it got in the demo.
    assert _new_level().pk == first_new_pk
