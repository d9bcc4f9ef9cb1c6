"""Units' own plans on the workflow: sent, accepted or returned by the office, sent again."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from vinhdanh.audit.models import AuditEntry
from vinhdanh.plans import services
from vinhdanh.plans.models import Plan, UnitPlanState, UnitPlanSubmission
from vinhdanh.plans.workflows import UNIT_PLANS
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% ke hoach\n" + b"0" * 100


@pytest.fixture
def plan(demo):
    return Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)


@pytest.fixture
def sent(plan):
    """Hoàng Liệt's plan as the demo holds it: sent, waiting for the office."""
    return UnitPlanSubmission.objects.get(plan=plan, unit__code="phuong-hoang-liet")


def _fresh(submission) -> UnitPlanSubmission:
    return UnitPlanSubmission.objects.get(pk=submission.pk)


def _send(actor, plan, **kwargs):
    return services.submit_unit_plan(
        actor=actor, plan=plan, unit=actor.unit, filename="kh.pdf", content=PDF, **kwargs
    )


def test_the_first_sending_starts_the_history_and_is_audited(plan, demo_user):
    officer = demo_user("canbo.dinhcong")
    plan.unit_submissions.filter(unit=officer.unit).delete()
    with time_machine.travel(dt.datetime(2021, 1, 29, 9, 0)):
        submission = _send(officer, plan, note="Bản chính thức")
    assert (submission.state, submission.version) == (UnitPlanState.SUBMITTED, 0)
    step = submission.transitions.get()
    assert (step.action, step.from_state, step.to_state, step.actor, step.note) == (
        "submit", "", "submitted", officer, "Bản chính thức",
    )  # fmt: skip
    assert AuditEntry.objects.filter(
        action="plans.unit_plan.submit", object_id=str(submission.pk), actor=officer
    ).exists()


def test_the_office_accepts_a_sent_plan(sent, demo_user):
    office = demo_user("thuongtruc")
    accepted = services.accept_unit_plan(actor=office, submission=sent, expected_version=0)
    assert (accepted.state, accepted.version) == (UnitPlanState.ACCEPTED, 1)
    step = accepted.transitions.last()
    assert (step.action, step.from_state, step.to_state, step.actor) == (
        "accept", "submitted", "accepted", office,
    )  # fmt: skip
    entry = AuditEntry.objects.get(action="plans.unit_plan.accept", object_id=str(sent.pk))
    assert (entry.before["state"], entry.after["state"]) == ("submitted", "accepted")


def test_returning_needs_a_reason_and_the_unit_sends_again(sent, plan, demo_user):
    office, officer = demo_user("thuongtruc"), demo_user("canbo.hoangliet")
    with pytest.raises(ValidationError, match="lý do"):
        services.return_unit_plan(actor=office, submission=sent, note="  ")
    returned = services.return_unit_plan(actor=office, submission=sent, note="Thiếu chỉ tiêu")
    assert returned.state == UnitPlanState.RETURNED
    assert returned.transitions.last().note == "Thiếu chỉ tiêu"
    old_file = returned.file.name
    with time_machine.travel(dt.datetime(2021, 2, 10, 9, 0)):
        again = _send(officer, plan, note="Đã bổ sung", expected_version=returned.version)
    assert (again.state, again.version) == (UnitPlanState.SUBMITTED, 2)
    assert again.submitted_on == dt.date(2021, 2, 10) and again.file.name != old_file
    step = again.transitions.last()
    assert (step.action, step.from_state, step.to_state, step.note) == (
        "resubmit", "returned", "submitted", "Đã bổ sung",
    )  # fmt: skip
    assert AuditEntry.objects.filter(
        action="plans.unit_plan.resubmit", object_id=str(sent.pk), actor=officer
    ).exists()


def test_an_accepted_plan_is_not_sent_again_nor_decided_twice(sent, plan, demo_user):
    office = demo_user("thuongtruc")
    services.accept_unit_plan(actor=office, submission=sent)
    stored = set(UnitPlanSubmission.objects.values_list("file", flat=True))
    with pytest.raises(ValidationError, match="Đã tiếp nhận"):
        _send(demo_user("canbo.hoangliet"), plan)
    with pytest.raises(ValidationError):
        services.return_unit_plan(actor=office, submission=_fresh(sent), note="Sai")
    assert _fresh(sent).state == UnitPlanState.ACCEPTED
    assert set(UnitPlanSubmission.objects.values_list("file", flat=True)) == stored


def test_a_stale_page_loses(sent, demo_user):
    office = demo_user("thuongtruc")
    services.return_unit_plan(actor=office, submission=sent, note="Thiếu")
    with pytest.raises(ConflictError):
        services.accept_unit_plan(actor=office, submission=sent, expected_version=0)
    assert _fresh(sent).state == UnitPlanState.RETURNED


@pytest.mark.parametrize("username", ["canbo.hoangliet", "uyvien", "chutich", "cumtruong"])
def test_only_the_office_decides(sent, demo_user, username):
    steps = sent.transitions.count()
    with pytest.raises(PermissionDenied):
        services.accept_unit_plan(actor=demo_user(username), submission=sent)
    with pytest.raises(PermissionDenied):
        services.return_unit_plan(actor=demo_user(username), submission=sent, note="Không")
    assert (_fresh(sent).state, _fresh(sent).transitions.count()) == ("submitted", steps)


def test_another_unit_cannot_send_in_its_place(sent, plan, demo_user):
    other = demo_user("canbo.dinhcong")
    with pytest.raises(PermissionDenied):
        services.submit_unit_plan(
            actor=other, plan=plan, unit=sent.unit, filename="kh.pdf", content=PDF
        )
    assert _fresh(sent).version == 0


def test_pages_offer_what_the_table_and_permissions_allow(sent, demo_user):
    office, officer = demo_user("thuongtruc"), demo_user("canbo.hoangliet")
    assert [a.name for a in UNIT_PLANS.available(office, sent)] == ["resubmit", "accept", "return"]
    assert [a.name for a in UNIT_PLANS.available(officer, sent)] == ["resubmit"]
    assert UNIT_PLANS.available(demo_user("canbo.dinhcong"), sent) == []


def _client(client, demo_user, username):
    client.force_login(demo_user(username))
    return client


def test_the_office_returns_through_the_page_and_the_unit_sees_why(client, sent, demo_user):
    office = _client(client, demo_user, "thuongtruc")
    page = office.get(reverse("plans:unit_plans", args=[sent.plan_id])).content.decode()
    assert page.count('data-testid="unit-plan-decision"') == UnitPlanSubmission.objects.count()
    url = reverse("plans:unit_plan_decide", args=[sent.pk, "return"])
    refused = office.post(url, {"version": 0, "note": ""})
    assert refused.status_code == 400
    assert "Vui lòng ghi rõ lý do." in refused.content.decode()
    assert _fresh(sent).state == UnitPlanState.SUBMITTED
    response = office.post(url, {"version": 0, "note": "Thiếu chỉ tiêu thi đua"}, follow=True)
    assert "Trả lại để bổ sung" in response.content.decode()
    assert _fresh(sent).state == UnitPlanState.RETURNED
    officer = _client(client, demo_user, "canbo.hoangliet")
    page = officer.get(reverse("plans:unit_plans", args=[sent.plan_id])).content.decode()
    assert "Lý do trả lại: Thiếu chỉ tiêu thi đua" in page
    assert 'data-testid="unit-plan-form"' in page and 'data-testid="unit-plan-decision"' not in page


def test_a_stale_decision_page_says_so_on_the_page(client, sent, demo_user):
    services.accept_unit_plan(actor=demo_user("thuongtruc"), submission=sent)
    office = _client(client, demo_user, "thuongtruc")
    url = reverse("plans:unit_plan_decide", args=[sent.pk, "accept"])
    response = office.post(url, {"version": 0})
    assert response.status_code == 400
    assert "vừa được người khác thay đổi" in response.content.decode()


def test_the_unit_sends_again_through_the_page_until_accepted(client, sent, demo_user):
    officer = _client(client, demo_user, "canbo.hoangliet")
    url = reverse("plans:unit_plans", args=[sent.plan_id])
    upload = io.BytesIO(PDF)
    upload.name = "ke-hoach-moi.pdf"
    response = officer.post(url, {"file": upload, "version": 0, "note": "Bản sửa"})
    assert response.status_code == 302
    again = _fresh(sent)
    assert (again.original_name, again.version) == ("ke-hoach-moi.pdf", 1)
    services.accept_unit_plan(actor=demo_user("thuongtruc"), submission=again)
    page = officer.get(url).content.decode()
    assert "Đã tiếp nhận" in page and 'data-testid="unit-plan-form"' not in page


def test_a_unit_officer_cannot_decide_through_the_page(client, sent, demo_user):
    officer = _client(client, demo_user, "canbo.hoangliet")
    url = reverse("plans:unit_plan_decide", args=[sent.pk, "accept"])
    response = officer.post(url, {"version": 0})
    assert response.status_code == 400
    assert "Bạn không có quyền thực hiện thao tác này." in response.content.decode()
    assert _fresh(sent).state == UnitPlanState.SUBMITTED
    stranger = _client(client, demo_user, "canbo.dinhcong")
    assert stranger.post(url, {"version": 0}).status_code == 404
    assert officer.post(reverse("plans:unit_plan_decide", args=[sent.pk, "x"])).status_code == 404
