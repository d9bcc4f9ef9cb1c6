"""The office's intake through the shared workflow: every action from its sources, a refused
source, a stale page, a refused role, the history, the audit entry and the filer told."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards.models import State, Title
from vinhdanh.filings import services
from vinhdanh.filings.actors import Filer
from vinhdanh.filings.models import FilingState
from vinhdanh.filings.notify import LocmemSmsBackend
from vinhdanh.filings.tests.helpers import PDF, file_one
from vinhdanh.filings.workflows import FILINGS
from vinhdanh.org.models import Person
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sms(settings):
    settings.FILINGS_SMS_BACKEND = "vinhdanh.filings.notify.LocmemSmsBackend"
    LocmemSmsBackend.outbox = []
    return LocmemSmsBackend.outbox


@pytest.fixture
def office(demo_user):
    return demo_user("thuongtruc")


@pytest.fixture
def received():
    return file_one()


def _filer(filing) -> Filer:
    return Filer(filing.pk, "web")


def _asked(filing, office):
    return services.request_more(office, filing, reason="Bổ sung ảnh chụp hiện trường.")


def _supplemented(filing, office):
    asked = _asked(filing, office)
    return services.supplement(_filer(asked), asked, note="Đã gửi ảnh.", files=[("", "a.pdf", PDF)])


def _accept_args():
    title = Title.objects.get(code="giay_khen")
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("code").first()
    return {
        "title": title,
        "basis": title.award_bases.first(),
        "year": 2021,
        "achievements": "Cứu người đuối nước.",
        "person": person,
    }


def _step(filing):
    return filing.transitions.values_list("action", "from_state", "to_state").last()


@pytest.mark.parametrize("source", ["received", "supplemented"])
def test_the_office_asks_for_more_with_a_reason_and_a_deadline(
    source, received, office, django_capture_on_commit_callbacks, sms
):
    filing = received if source == "received" else _supplemented(received, office)
    mail.outbox.clear()
    sms.clear()
    deadline = timezone.localdate() + datetime.timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        asked = services.request_more(
            office, filing, reason="Thiếu xác nhận của tổ dân phố.", more_due_on=deadline,
            expected_version=filing.version,
        )  # fmt: skip
    assert asked.state == FilingState.MORE_REQUESTED
    assert (asked.more_reason, asked.more_due_on) == ("Thiếu xác nhận của tổ dân phố.", deadline)
    assert _step(asked) == ("request_more", source, "more_requested")
    assert asked.transitions.last().actor == office
    assert AuditEntry.objects.filter(action="filings.filing.request_more").exists()
    assert "Thiếu xác nhận của tổ dân phố." in mail.outbox[-1].body
    assert deadline.strftime("%d/%m/%Y") in sms[-1][1]


def test_asking_for_more_needs_a_reason_and_a_deadline_after_today(received, office):
    with pytest.raises(ValidationError, match="lý do"):
        services.request_more(office, received, reason="  ")
    with pytest.raises(ValidationError) as refused:
        services.request_more(office, received, reason="x", more_due_on=timezone.localdate())
    assert "sau ngày hôm nay" in " ".join(refused.value.message_dict["more_due_on"])
    received.refresh_from_db()
    assert received.state == FilingState.RECEIVED


def test_the_default_supplement_deadline_is_in_working_days(received, office, settings):
    settings.FILINGS_SUPPLEMENT_WORKING_DAYS = 3
    asked = services.request_more(office, received, reason="Bổ sung")
    assert asked.more_due_on > timezone.localdate()
    assert asked.more_due_on.weekday() < 5


def test_the_filer_supplements_and_the_office_time_starts_again(
    received, office, django_capture_on_commit_callbacks, sms
):
    asked = _asked(received, office)
    asked.due_on = timezone.localdate() - datetime.timedelta(days=30)  # long overdue before
    asked.save()
    with django_capture_on_commit_callbacks(execute=True):
        done = services.supplement(
            _filer(asked), asked, note="Gửi xác nhận.", files=[("", "xac-nhan.pdf", PDF)]
        )
    assert done.state == FilingState.SUPPLEMENTED
    assert done.due_on > timezone.localdate()
    assert done.attachments.filter(stage="supplement").count() == 1
    assert _step(done) == ("supplement", "more_requested", "supplemented")
    assert done.transitions.last().actor is None
    assert "đã nhận phần bổ sung" in mail.outbox[-1].body


def test_only_the_proven_filer_supplements(received, office):
    asked = _asked(received, office)
    with pytest.raises(PermissionDenied):
        services.supplement(Filer(asked.pk + 1000, "web"), asked, note="x")
    with pytest.raises(PermissionDenied):
        services.supplement(office, asked, note="x")
    asked.refresh_from_db()
    assert asked.state == FilingState.MORE_REQUESTED


def test_a_supplement_needs_something_and_refuses_a_bad_file_whole(received, office):
    asked = _asked(received, office)
    with pytest.raises(ValidationError, match="bổ sung"):
        services.supplement(_filer(asked), asked)
    with pytest.raises(ValidationError):
        services.supplement(_filer(asked), asked, files=[("", "x.html", b"<html></html>")])
    asked.refresh_from_db()
    assert asked.state == FilingState.MORE_REQUESTED and asked.attachments.count() == 1


def test_a_supplement_is_refused_unless_more_was_asked(received):
    with pytest.raises(ValidationError, match="“bổ sung hồ sơ” khi"):
        services.supplement(_filer(received), received, note="x")


@pytest.mark.parametrize("source", ["received", "supplemented"])
def test_accepting_makes_a_draft_nomination_with_the_filings_files(
    source, received, office, django_capture_on_commit_callbacks
):
    filing = received if source == "received" else _supplemented(received, office)
    names = sorted(filing.attachments.values_list("original_name", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        accepted = services.accept(
            office, filing, expected_version=filing.version, **_accept_args()
        )
    nomination = accepted.nomination
    assert accepted.state == FilingState.ACCEPTED and accepted.answered_at
    assert nomination.state == State.DRAFT and nomination.created_by == office
    assert nomination.achievements == "Cứu người đuối nước."
    assert sorted(nomination.attachments.values_list("original_name", flat=True)) == names
    assert _step(accepted) == ("accept", source, "accepted")
    assert AuditEntry.objects.filter(action="awards.nomination.create").exists()
    assert AuditEntry.objects.filter(action="filings.filing.accept").exists()
    assert "đã được chấp nhận" in mail.outbox[-1].body


def test_accepting_with_a_bad_choice_keeps_the_filing_and_makes_no_nomination(received, office):
    args = _accept_args()
    args["collective"] = args["person"].unit  # both a person and a collective
    with pytest.raises(ValidationError):
        services.accept(office, received, **args)
    received.refresh_from_db()
    assert received.state == FilingState.RECEIVED and received.nomination is None


@pytest.mark.parametrize("source", ["received", "more_requested", "supplemented"])
def test_refusing_gives_the_filer_the_reasons(
    source, received, office, django_capture_on_commit_callbacks, sms
):
    filing = {
        "received": lambda: received,
        "more_requested": lambda: _asked(received, office),
        "supplemented": lambda: _supplemented(received, office),
    }[source]()
    with django_capture_on_commit_callbacks(execute=True):
        refused = services.refuse(office, filing, reason="Không thuộc phạm vi khen thưởng.")
    assert refused.state == FilingState.REFUSED
    assert refused.refusal_reason == "Không thuộc phạm vi khen thưởng."
    assert _step(refused) == ("refuse", source, "refused")
    assert "Không thuộc phạm vi khen thưởng." in sms[-1][1]


def test_refusing_needs_a_reason(received, office):
    with pytest.raises(ValidationError, match="lý do"):
        services.refuse(office, received, reason="")


def test_a_closed_filing_takes_no_step(received, office):
    refused = services.refuse(office, received, reason="Trùng lặp.")
    for step in (
        lambda: services.request_more(office, refused, reason="x"),
        lambda: services.accept(office, refused, **_accept_args()),
        lambda: services.refuse(office, refused, reason="x"),
    ):
        with pytest.raises(ValidationError, match="Từ chối"):
            step()


def test_accept_is_refused_while_more_is_asked(received, office):
    asked = _asked(received, office)
    with pytest.raises(ValidationError, match="Yêu cầu bổ sung"):
        services.accept(office, asked, **_accept_args())


def test_a_stale_page_is_refused(received, office):
    stale = received.version
    services.request_more(office, received, reason="x")
    received.refresh_from_db()
    services.supplement(_filer(received), received, note="ok")
    for step in (
        lambda: services.refuse(office, received, reason="x", expected_version=stale),
        lambda: services.accept(office, received, expected_version=stale, **_accept_args()),
        lambda: services.request_more(office, received, reason="x", expected_version=stale),
    ):
        with pytest.raises(ConflictError):
            step()


@pytest.mark.parametrize("username", ["canbo.hoangliet", "uyvien", "chutich", "cumtruong"])
def test_other_roles_take_no_step(received, demo_user, username):
    user = demo_user(username)
    assert FILINGS.available(user, received) == []
    with pytest.raises(PermissionDenied):
        services.refuse(user, received, reason="x")
    with pytest.raises(PermissionDenied):
        services.request_more(user, received, reason="x")
    with pytest.raises(PermissionDenied):
        services.accept(user, received, **_accept_args())
    received.refresh_from_db()
    assert received.state == FilingState.RECEIVED


def test_the_office_sees_its_actions(received, office):
    names = {a.name for a in FILINGS.available(office, received)}
    assert names == {"request_more", "accept", "refuse"}
