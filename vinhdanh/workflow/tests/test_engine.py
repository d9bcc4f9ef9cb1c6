"""The engine on a small test-only workflow: lock, version, table, permission, history, audit."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Unit
from vinhdanh.workflow.engine import ConflictError, transition
from vinhdanh.workflow.testing.models import Errand
from vinhdanh.workflow.testing.workflows import ERRANDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def errand():
    return Errand.objects.create(unit=Unit.objects.order_by("pk").first())


def _apply(*args, **kwargs):
    with transaction.atomic():
        return transition(ERRANDS, *args, **kwargs)


def test_a_transition_moves_the_state_bumps_the_version_and_writes_history_and_audit(
    errand, demo_user
):
    office = demo_user("thuongtruc")
    moved = _apply(office, errand, "send", note="  kèm hồ sơ ")
    assert (moved.state, moved.version) == ("sent", 1)
    step = moved.transitions.get()
    assert (step.action, step.from_state, step.to_state, step.actor, step.note) == (
        "send", "open", "sent", office, "kèm hồ sơ",
    )  # fmt: skip
    entry = AuditEntry.objects.filter(action="workflow_testing.errand.send").get()
    assert entry.before["state"] == "open" and entry.after["state"] == "sent"


def test_a_stale_page_loses_and_nothing_is_written(errand, demo_user):
    office = demo_user("thuongtruc")
    _apply(office, errand, "send")
    with pytest.raises(ConflictError):
        _apply(office, errand, "close", to="done", expected_version=0)
    errand.refresh_from_db()
    assert (errand.state, errand.transitions.count()) == ("sent", 1)


def test_a_role_the_permission_does_not_name_is_refused(errand, demo_user):
    errand = _apply(demo_user("thuongtruc"), errand, "send")
    with pytest.raises(PermissionDenied):
        _apply(demo_user("chutich"), errand, "close", to="done")
    assert Errand.objects.get(pk=errand.pk).state == "sent"


def test_the_guard_refuses_with_its_reason(errand, demo_user):
    errand.size = 11
    errand.save()
    with pytest.raises(ValidationError) as refusal:
        _apply(demo_user("thuongtruc"), errand, "send")
    assert refusal.value.messages == ["Việc quá lớn."]


def test_a_required_note_is_asked_for(errand, demo_user):
    office = demo_user("thuongtruc")
    errand = _apply(office, _apply(office, errand, "send"), "close", to="dropped")
    with pytest.raises(ValidationError) as refusal:
        _apply(office, errand, "reopen", note="   ")
    assert refusal.value.messages == ["Vui lòng ghi rõ lý do."]
    assert _apply(office, errand, "reopen", note="Làm lại").state == "open"


def test_pages_are_offered_exactly_what_the_user_may_do(errand, demo_user):
    assert [a.name for a in ERRANDS.available(demo_user("thuongtruc"), errand)] == ["send"]
    assert ERRANDS.available(demo_user("chutich"), errand) == []
