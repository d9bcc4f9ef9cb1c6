"""What the demo leaves in the audit log: nothing (see demo/loader.py), however often it loads."""

import pytest

from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards.models import Nomination, Transition
from vinhdanh.demo.loader import load_demo
from vinhdanh.org.models import Person
from vinhdanh.org.services import update_person

pytestmark = pytest.mark.django_db


def test_a_fresh_demo_leaves_the_audit_log_empty(demo):
    # The demo did play the awards workflow through the services, which audit every step...
    # 14 dossiers of the awards demo and the ad-hoc commendation of an exemplar (exemplars/demo).
    assert Nomination.objects.filter(year=2021).count() == 15
    assert Transition.objects.exists()
    # ...but as seed data: nobody did anything yet.
    assert list(AuditEntry.objects.values_list("action", flat=True)) == []


def test_loading_the_demo_again_adds_nothing_and_auditing_resumes_after_it(demo, demo_user):
    load_demo()  # the test database has the 2021 history: this adds the Hà Nội 2026 chapter
    load_demo()
    assert not AuditEntry.objects.exists()
    # Someone of 2026 (the district's units have ended and have no people since the reform).
    person = Person.objects.filter(unit__code="hn-phuong-hoangliet").order_by("pk").first()
    actor = demo_user("thuongtruc.hoangliet")
    update_person(actor=actor, person=person, position="Chuyên viên chính")
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["org.person.update"]
