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
}


def _post(client, target: Target, filename: str, content: bytes):
    upload = io.BytesIO(content)
    upload.name = filename
    return client.post(target.url, {**target.data, target.file_field: upload}, follow=True)


@pytest.mark.django_db
@pytest.mark.parametrize("where", TARGETS)
@pytest.mark.parametrize("attack", attacks.upload_attacks(), ids=lambda a: a.name)
def test_every_upload_page_refuses_every_attack_and_saves_nothing(demo_user, client, where, attack):
    target = TARGETS[where](demo_user)
    client.force_login(demo_user(target.username))
    before = target.saved()
    response = _post(client, target, attack.filename, attack.content)
    assert response.status_code < 500
    assert attack.refusal in response.content.decode()
    assert target.saved() == before


@pytest.mark.django_db
@pytest.mark.parametrize("where", TARGETS)
def test_a_real_workbook_passes_the_gate_on_every_upload_page(demo_user, client, where):
    target = TARGETS[where](demo_user)
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
    "movements/registration_views.py": {"registration import"},
    "movements/views.py": {"movement document"},
    "org/views.py": {"people import"},
    "org/reorganisation_views.py": {"reorganisation list"},
    "plans/views/importing.py": {"plan import"},
    "plans/views/tasks.py": {"progress report"},
    "plans/views/units.py": {"unit plan"},
    "records/keeping_views.py": {"records import"},
    "scoring/views.py": {"criteria sheet import", "scoring evidence"},
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
