"""Every upload page, posted the attacker's corpus by a user allowed to upload there.

Each refusal must show its reason in Vietnamese and leave nothing saved. A real
workbook posted the same way passes the gate (and is stored where files are stored),
which shows the refusals come from the gate and not from a missing permission.
"""

import io
from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from vinhdanh.core.tests import attacks

GATE_REFUSALS = sorted({attack.refusal for attack in attacks.upload_attacks()})


@dataclass
class Target:
    username: str
    url: str
    saved: object  # () -> a value that changes when anything is saved
    data: dict = field(default_factory=dict)
    file_field: str = "file"
    stores_files: bool = False
    anonymous: bool = False  # a public page: posted without logging in
    # A page that takes only some kinds (images, PKCS#12, PDF) refuses a workbook too: the
    # attacks hidden in a workbook are refused there for their kind, before the archive is
    # opened, so the page shows that refusal instead of the attack's own.
    accepts_workbook: bool = True
    # A page with a smaller size limit refuses a large attack for its size, before its kind.
    max_bytes: int | None = None


KIND_REFUSAL = "không được nhận ở đây"


def _expected_refusal(target: Target, attack) -> str:
    if target.max_bytes is not None and len(attack.content) > target.max_bytes:
        return "Tệp quá lớn"
    if not target.accepts_workbook and attack.content.startswith(b"PK"):
        return KIND_REFUSAL
    return attack.refusal


def _people_import(demo_user):
    from vinhdanh.org.models import Person

    return Target("thuongtruc", reverse("org:people_import"), Person.objects.count)


def _reorganisation_list(demo_user):
    import datetime

    from vinhdanh.org.models import PlannedMove, Reorganisation

    reorganisation = Reorganisation.objects.create(
        name="Sắp xếp thử",
        effective_on=datetime.date(2025, 7, 1),
        council=demo_user("thuongtruc").council,
    )
    return Target(
        "thuongtruc",
        reverse("org:reorganisation_import", args=[reorganisation.pk]),
        PlannedMove.objects.count,
    )


def _plan_import(demo_user):
    from vinhdanh.plans.models import PlanImport

    return Target("thuongtruc", reverse("plans:import_upload"), PlanImport.objects.count)


def _unit_plan(demo_user):
    from vinhdanh.plans.models import Plan, UnitPlanSubmission

    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    return Target(
        "canbo.hoangliet",
        reverse("plans:unit_plans", args=[plan.pk]),
        lambda: sorted(UnitPlanSubmission.objects.values_list("pk", "file")),
        stores_files=True,
    )


def _progress_report(demo_user):
    from vinhdanh.plans.models import ProgressReport, ReportAttachment, Task

    task = Task.objects.filter(lead_units__isnull=False, done_on__isnull=True).first()
    return Target(
        "thuongtruc",
        reverse("plans:task_report", args=[task.pk]),
        lambda: (ProgressReport.objects.count(), ReportAttachment.objects.count()),
        data={"text": "Đã triển khai.", "percent": "50"},
        file_field="attachments",
        stores_files=True,
    )


def _movement_document(demo_user):
    from vinhdanh.movements.models import Movement, MovementDocument

    movement = Movement.objects.order_by("pk").first()
    return Target(
        "thuongtruc",
        reverse("movements:movement_attach", args=[movement.pk]),
        MovementDocument.objects.count,
        data={"title": "Kế hoạch phát động"},
        stores_files=True,
    )


def _registration_import(demo_user):
    from vinhdanh.movements.models import Registration, RegistrationEntry
    from vinhdanh.movements.registrations import EDITABLE_STATES

    registration = Registration.objects.filter(state__in=EDITABLE_STATES).first()
    return Target(
        "thuongtruc",
        reverse("movements:registration_import", args=[registration.pk]),
        lambda: (
            RegistrationEntry.objects.count(),
            Registration.objects.get(pk=registration.pk).version,
        ),
    )


def _criteria_sheet(demo_user):
    from vinhdanh.org.models import Cluster
    from vinhdanh.scoring.models import CriteriaSheet, Criterion

    cluster = Cluster.objects.order_by("pk").first()
    return Target(
        "thuongtruc",
        reverse("scoring:sheet_import", args=[cluster.pk]),
        lambda: (CriteriaSheet.objects.count(), Criterion.objects.count()),
        data={"title": "Bảng tiêu chí"},
    )


def _scoring_evidence(demo_user):
    from vinhdanh.accounts.models import User
    from vinhdanh.scoring.models import CriteriaSheet, Score, Scorecard, ScoreEvidence

    officers = User.objects.filter(role="unit_officer", unit__isnull=False)
    card = Scorecard.objects.filter(unit__in=officers.values("unit")).order_by("pk").first()
    officer = officers.filter(unit=card.unit).first()
    # The demo year is over; reopen the sheet so the unit may still attach evidence.
    CriteriaSheet.objects.filter(pk=card.sheet_id).update(
        deadline=None, locked_at=None, finalised_at=None, state="open"
    )
    score = Score.objects.filter(scorecard=card).first()
    return Target(
        officer.username,
        reverse("scoring:evidence_attach", args=[card.pk]),
        ScoreEvidence.objects.count,
        data={"criterion": str(score.criterion_id)},
        stores_files=True,
    )


def _nomination_attachment(demo_user):
    from vinhdanh.awards.models import Attachment
    from vinhdanh.awards.tests.helpers import new_draft

    nomination = new_draft(demo_user)
    return Target(
        "canbo.hoangliet",
        reverse("awards:attachment_upload", args=[nomination.pk]),
        Attachment.objects.count,
        data={"component": "bao_cao_thanh_tich"},
        stores_files=True,
    )


def _records_import(demo_user):
    from vinhdanh.records.models import Rating, RecordImport

    return Target(
        "canbo.hoangliet",
        reverse("records:record_import", args=["ratings"]),
        lambda: (RecordImport.objects.count(), Rating.objects.count()),
    )


def _training_material(demo_user):
    import datetime

    from django.utils import timezone

    from vinhdanh.org.models import Council, Unit
    from vinhdanh.training import services
    from vinhdanh.training.models import TrainingMaterial

    office = demo_user("thuongtruc")
    start = timezone.now() + datetime.timedelta(days=7)
    session = services.create_session(
        office,
        council=Council.objects.get(unit__code="hoang-mai"),
        invited_units=[Unit.objects.get(code="phuong-hoang-liet")],
        title="Tập huấn nghiệp vụ thi đua, khen thưởng",
        year=start.year,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        place="Hội trường UBND quận",
        capacity=5,
    )
    return Target(
        "thuongtruc",
        reverse("training:material_add", args=[session.pk]),
        TrainingMaterial.objects.count,
        data={"name": "Tài liệu tập huấn"},
        stores_files=True,
    )


def _exemplar(demo_user):
    import datetime

    from vinhdanh.exemplars import services
    from vinhdanh.org.models import Person, Unit

    ward = Unit.objects.get(code="phuong-hoang-liet")
    return services.create_exemplar(
        demo_user("canbo.hoangliet"),
        unit=ward,
        year=2021,
        category="nguoi_tot",
        subject_kind="person",
        subject_name="",
        person=Person.objects.filter(unit=ward).order_by("code")[10],
        headline="Trả lại tài sản nhặt được",
        story="Nhặt được điện thoại và trả lại người đánh rơi.",
        happened_on=datetime.date(2021, 5, 4),
    )


def _exemplar_photos(demo_user):
    from vinhdanh.exemplars.models import ExemplarPhoto

    exemplar = _exemplar(demo_user)
    return Target(
        "canbo.hoangliet",
        reverse("exemplars:exemplar_photos", args=[exemplar.pk]),
        ExemplarPhoto.objects.count,
        file_field="photos",
        accepts_workbook=False,
    )


def _exemplar_evidence(demo_user):
    from vinhdanh.exemplars.models import ExemplarEvidence

    exemplar = _exemplar(demo_user)
    return Target(
        "canbo.hoangliet",
        reverse("exemplars:exemplar_evidence", args=[exemplar.pk]),
        ExemplarEvidence.objects.count,
        file_field="evidence",
        stores_files=True,
    )


def _initiative_filing(demo_user):
    from vinhdanh.initiatives.models import Initiative, InitiativeEvidence
    from vinhdanh.org.models import Person

    a, b = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("-code")[:2]
    return Target(
        "canbo.hoangliet",
        reverse("initiatives:initiative_create"),
        lambda: (Initiative.objects.count(), InitiativeEvidence.objects.count()),
        data={
            "kind": "sang_kien",
            "unit": a.unit_id,
            "year": 2021,
            "name": "Tủ hồ sơ điện tử tổ dân phố",
            "field": "Chuyển đổi số",
            "problem": "Hồ sơ giấy thất lạc.",
            "content": "Quét và lưu trên máy chủ của phường.",
            "first_applied_on": "2021-05-01",
            "effect": "Tra cứu trong 1 phút thay vì 1 ngày.",
            "influence": "",
            "author_1": a.code,
            "share_1": 70,
            "author_2": b.code,
            "share_2": 30,
        },
        file_field="files",
        stores_files=True,
    )


def _inspection_findings(demo_user):
    import datetime

    from vinhdanh.inspections import services
    from vinhdanh.inspections.models import Finding
    from vinhdanh.org.models import Council, Unit

    office = demo_user("thuongtruc")
    plan = services.create_plan(
        office,
        council=Council.objects.get(unit__code="hoang-mai"),
        title="Kiểm tra thử",
        year=2021,
        checklist=["Ban hành kế hoạch"],
    )
    team = services.add_team(
        office, plan, name="Đoàn 1", leader=office, members=[demo_user("uyvien")]
    )
    visit = services.schedule_visit(
        office,
        plan,
        unit=Unit.objects.get(code="phuong-dai-kim"),
        team=team,
        scheduled_on=datetime.date(2021, 7, 15),
    )
    services.issue_plan(office, plan)
    item = plan.items.get()
    return Target(
        "uyvien",
        reverse("inspections:findings_save", args=[visit.pk]),
        lambda: sorted(Finding.objects.values_list("pk", "result", "evidence", "evidence_file")),
        data={f"item_{item.pk}_result": "met", f"item_{item.pk}_evidence": "Kế hoạch 12/KH-UBND"},
        file_field=f"item_{item.pk}_file",
        stores_files=True,
    )


def _contest_entry(demo_user):
    import datetime

    from django.core.cache import cache
    from django.utils import timezone

    from vinhdanh.contests import services
    from vinhdanh.contests.models import ContestJudge, Entry, RoundKind
    from vinhdanh.org.models import Council

    cache.clear()  # the public form's throttle counts every post
    office = demo_user("thuongtruc")
    now = timezone.now()
    contest = services.create_contest(
        office,
        council=Council.objects.get(unit__code="hoang-mai"),
        year=2021,
        title="Cuộc thi thử",
        theme="Người tốt, việc tốt",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=10),
        eligibility="anyone",
        length_unit="words",
        length_min=100,
        length_max=1000,
        formats=["text", "docx", "pdf"],
        tie_breaks=["final_total", "first_criterion", "earlier"],
        rules_text="Thể lệ thử.",
        prizes={"first": (1, 1_000_000)},
    )
    for kind in (RoundKind.PRELIMINARY, RoundKind.FINAL):
        services.add_round(
            office, contest, kind=kind, judges_per_entry=2, advance_count=2,
            criteria=[("Nội dung", 60), ("Hình thức", 40)],
        )  # fmt: skip
    services.set_judges(
        office,
        contest,
        [
            (demo_user("uyvien"), ContestJudge.Kind.MEMBER),
            (demo_user("chutich"), ContestJudge.Kind.MEMBER),
            (demo_user("canbo.dinhcong"), ContestJudge.Kind.STAFF),
        ],
    )
    services.open_contest(office, contest)
    return Target(
        "",
        reverse("contests:public_enter", args=[contest.pk]),
        Entry.objects.count,
        data={
            "author_name": "Trần Thị Bình",
            "contact": "0912345678",
            "address": "Tổ 5, Định Công",
            "title": "Người tổ trưởng",
            "text": " ".join(["chữ"] * 150),
            "consent": "on",
        },
        anonymous=True,
        accepts_workbook=False,
    )


def _public_filing(demo_user):
    from django.core.cache import cache

    from vinhdanh.filings.models import Filing, FilingAttachment
    from vinhdanh.org.models import Council

    cache.clear()  # the public form's throttle counts every post
    return Target(
        "",
        reverse("filings:public_form", args=["nguoi-tot-viec-tot"]),
        lambda: (Filing.objects.count(), FilingAttachment.objects.count()),
        data={
            "filer_kind": "citizen",
            "filer_name": "Lê Văn Minh",
            "phone": "0903 111 222",
            "email": "",
            "address": "Phường Hoàng Liệt",
            "council": Council.objects.get(unit__code="hoang-mai").pk,
            "subject": "Chị Hoa cứu người trong đám cháy",
            "content": "Chị Hoa đã phá cửa cứu hai người.",
            "consent": "on",
        },
        file_field="doc_don-de-nghi",
        anonymous=True,
        stores_files=True,
    )


def _signing_certificate(demo_user):
    from vinhdanh.org.models import Council
    from vinhdanh.signing.models import SigningCertificate

    return Target(
        "admin",
        reverse("signing:certificate_upload"),
        lambda: sorted(SigningCertificate.objects.values_list("pk", "active")),
        data={"council": Council.objects.get(unit__code="hoang-mai").pk, "password": "matkhau"},
        accepts_workbook=False,
        max_bytes=1024 * 1024,
    )


def _signing_trust_root(demo_user):
    from vinhdanh.org.models import Council
    from vinhdanh.signing.models import TrustRoot

    return Target(
        "admin",
        reverse("signing:trust_root_upload"),
        TrustRoot.objects.count,
        data={"council": Council.objects.get(unit__code="hoang-mai").pk},
        accepts_workbook=False,
        max_bytes=1024 * 1024,
    )


def _signed_pdf(demo_user):
    from vinhdanh.awards.models import Decision
    from vinhdanh.signing.models import SignedDocument

    decision = Decision.objects.filter(issuer__code="hoang-mai", number__isnull=False).first()
    return Target(
        "thuongtruc",
        reverse("signing:upload_signed", args=[decision.pk]),
        SignedDocument.objects.count,
        accepts_workbook=False,
    )


TARGETS = {
    "people import": _people_import,
    "records import": _records_import,
    "plan import": _plan_import,
    "unit plan": _unit_plan,
    "progress report": _progress_report,
    "movement document": _movement_document,
    "registration import": _registration_import,
    "criteria sheet import": _criteria_sheet,
    "reorganisation list": _reorganisation_list,
    "scoring evidence": _scoring_evidence,
    "nomination attachment": _nomination_attachment,
    "training material": _training_material,
    "exemplar photos": _exemplar_photos,
    "exemplar evidence": _exemplar_evidence,
    "initiative filing": _initiative_filing,
    "inspection findings": _inspection_findings,
    "contest entry": _contest_entry,
    "public filing": _public_filing,
    "signing certificate": _signing_certificate,
    "signing trust root": _signing_trust_root,
    "signed PDF": _signed_pdf,
}


# Pages that take only one narrow kind (images, PKCS#12, certificates, a signed PDF): a
# workbook is no file of theirs, so the real-workbook run leaves them out (not skipped: a run
# on PostgreSQL must skip nothing). Their attacks are still posted above.
NO_WORKBOOK = {
    "exemplar photos", "contest entry", "signing certificate", "signing trust root", "signed PDF",
}  # fmt: skip


def _post(client, target: Target, filename: str, content: bytes):
    upload = io.BytesIO(content)
    upload.name = filename
    return client.post(target.url, {**target.data, target.file_field: upload}, follow=True)


@pytest.mark.django_db
@pytest.mark.parametrize("where", TARGETS)
@pytest.mark.parametrize("attack", attacks.upload_attacks(), ids=lambda a: a.name)
def test_every_upload_page_refuses_every_attack_and_saves_nothing(demo_user, client, where, attack):
    target = TARGETS[where](demo_user)
    if not target.anonymous:
        client.force_login(demo_user(target.username))
    before = target.saved()
    response = _post(client, target, attack.filename, attack.content)
    assert response.status_code < 500
    assert _expected_refusal(target, attack) in response.content.decode()
    assert target.saved() == before


@pytest.mark.django_db
@pytest.mark.parametrize("where", [name for name in TARGETS if name not in NO_WORKBOOK])
def test_a_real_workbook_passes_the_gate_on_every_upload_page(demo_user, client, where):
    target = TARGETS[where](demo_user)
    if not target.anonymous:
        client.force_login(demo_user(target.username))
    before = target.saved()
    response = _post(client, target, "danh-sach.xlsx", attacks.real_workbook())
    page = response.content.decode()
    assert response.status_code < 500
    assert not [refusal for refusal in GATE_REFUSALS if refusal in page]
    if target.stores_files:
        assert target.saved() != before


# The views that read request.FILES, each posted the corpus above through TARGETS.
UPLOAD_VIEWS = {
    "awards/views/nominations.py": {"nomination attachment"},
    "contests/public.py": {"contest entry"},
    "exemplars/views.py": {"exemplar photos", "exemplar evidence"},
    "filings/public_views.py": {"public filing"},
    "initiatives/views.py": {"initiative filing"},
    "inspections/views.py": {"inspection findings"},
    "movements/registration_views.py": {"registration import"},
    "movements/views.py": {"movement document"},
    "org/views.py": {"people import"},
    "org/reorganisation_views.py": {"reorganisation list"},
    "plans/views/importing.py": {"plan import"},
    "plans/views/tasks.py": {"progress report"},
    "plans/views/units.py": {"unit plan"},
    "records/keeping_views.py": {"records import"},
    "scoring/views.py": {"criteria sheet import", "scoring evidence"},
    "signing/views.py": {"signing certificate", "signing trust root", "signed PDF"},
    "training/views.py": {"training material"},
}


def test_every_view_that_reads_uploaded_files_is_in_the_attack_run():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readers = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if "tests" not in path.parts and "request.FILES" in path.read_text(encoding="utf-8")
    }
    assert readers == set(UPLOAD_VIEWS), "add the new upload page to TARGETS and UPLOAD_VIEWS"
    assert set().union(*UPLOAD_VIEWS.values()) == set(TARGETS)


def test_the_pages_left_out_of_the_workbook_run_are_those_that_take_no_workbook(demo_user, db):
    narrow = {name for name, make in TARGETS.items() if not make(demo_user).accepts_workbook}
    assert narrow == NO_WORKBOOK
