"""The demo's plan: the seed document itself, imported, with reports showing every status.

The seed file is kept as the plan's import, and a report carries an attachment, so the
demo has stored files of every kind the plan holds.
"""

import datetime as dt
from pathlib import Path

from django.core.files.base import ContentFile

from vinhdanh.accounts.models import User
from vinhdanh.core.uploads import PLAN_MAX_UNCOMPRESSED, validate_upload
from vinhdanh.documents.reader import read_plan_file
from vinhdanh.documents.structure import to_json_dict
from vinhdanh.org.models import Council, Unit
from vinhdanh.plans import importing, resolution, services
from vinhdanh.plans.models import (
    Plan,
    PlanImport,
    ProgressReport,
    ReportAttachment,
    Task,
    TaskAssignment,
    UnitPlanState,
    UnitPlanSubmission,
    UnitPlanTransition,
)
from vinhdanh.plans.status import UnitLine, roll_up
from vinhdanh.plans.workflows import SUBMIT

SEED = Path(__file__).parent / "data" / "ke_hoach_01_2021_hoang_mai.txt"
D = dt.date

# task number, reported on, percent, done, text: on time, late, in progress
REPORTS = [
    (
        "1",
        D(2021, 1, 20),
        100,
        True,
        "Đã ban hành Kế hoạch thi đua, khen thưởng năm 2021.",
    ),
    ("2", D(2021, 1, 28), 100, True, "Đã ban hành Kế hoạch phát động thi đua bầu cử."),
    ("3", D(2021, 2, 5), 100, True, "Đã chuẩn bị báo cáo, danh sách khen thưởng tổng kết 2020."),
    ("4", D(2021, 3, 5), 100, True, "Hội nghị tổng kết tổ chức ngày 05/3/2021 (lùi do dịch bệnh)."),
    (
        "8",
        D(2021, 3, 15),
        60,
        False,
        "Đã có dự thảo kế hoạch, đang lấy ý kiến phòng Kinh tế.",
    ),
    ("14", D(2021, 5, 10), 40, False, "Đang tổng hợp hồ sơ đề nghị theo hướng dẫn của Thành phố."),
    ("17", D(2021, 6, 10), 100, True, "Đã tổ chức xét khen thưởng năm học 2020 - 2021."),
]
# unit code, sent on (the deadline is 30/01/2021)
UNIT_PLANS = [
    ("phong-y-te", D(2021, 1, 25)),
    ("phong-kinh-te", D(2021, 1, 29)),
    ("phong-vhtt", D(2021, 2, 3)),
    ("phuong-hoang-liet", D(2021, 1, 27)),
    ("phuong-dinh-cong", D(2021, 2, 8)),
]


def _import_seed() -> Plan:
    parsed = to_json_dict(read_plan_file(SEED))
    existing = Plan.objects.filter(number=parsed["number"], year=parsed["year"]).first()
    if existing is not None:
        return existing
    names = resolution.resolve_names(resolution.names_in(parsed), importing.unit_candidates())
    parsed["names"] = names
    choices = dict.fromkeys(resolution.unmatched(names), resolution.KEEP_AS_TEXT)
    return services.save_parsed_plan(
        actor=None,
        parsed=parsed,
        unit_of_name=resolution.apply_choices(names, choices),
        audit=False,
        council=Council.objects.get(unit__code="hoang-mai"),  # the seed is Hoàng Mai's plan
    )


def _keep_seed_file(plan: Plan) -> None:
    office = User.objects.filter(username="thuongtruc").first()
    if office is None or PlanImport.objects.filter(plan=plan).exists():
        return
    draft = PlanImport(
        original_name=SEED.name,
        parsed=to_json_dict(read_plan_file(SEED)),
        created_by=office,
        plan=plan,
    )
    content = SEED.read_bytes()
    # The demo's files pass the upload gate like any user's.
    validate_upload(
        SEED.name,
        content,
        allowed=importing.PLAN_FILE_KINDS,
        max_uncompressed=PLAN_MAX_UNCOMPRESSED,
    )
    draft.file.save(SEED.name, ContentFile(content), save=False)
    draft.save()


def _attach_to_report(report: ProgressReport) -> None:
    name = f"bao-cao-nhiem-vu-{report.task.number}.txt"
    content = f"{report.text}\nNgày báo cáo: {report.reported_on:%d/%m/%Y}.\n".encode()
    kind = validate_upload(name, content)
    attachment = ReportAttachment(report=report, original_name=name, kind=kind, size=len(content))
    attachment.file.save(name, ContentFile(content), save=True)


def _author_for(unit: Unit) -> User | None:
    return (
        User.objects.filter(unit=unit).first() or User.objects.filter(username="thuongtruc").first()
    )


def _load_reports(plan: Plan) -> None:
    for number, day, percent, done, text in REPORTS:
        task = Task.objects.filter(plan=plan, number=number).first()
        if task is None or task.reports.filter(text=text).exists():
            continue
        unit = task.lead_units.first() or Unit.objects.get(code="phong-noi-vu")
        report = ProgressReport.objects.create(
            task=task,
            unit=unit,
            author=_author_for(unit),
            reported_on=day,
            percent=percent,
            is_done=done,
            text=text,
        )
        if number == REPORTS[0][0]:
            _attach_to_report(report)
        if task.lead_is_group:
            _advance_line(task, unit, day, percent, done)
            continue
        task.started_on = min(filter(None, [task.started_on, day]))
        if done:
            task.done_on = day
        task.save(update_fields=["started_on", "done_on"])


def _advance_line(task: Task, unit: Unit, day, percent: int, done: bool) -> None:
    """A group task's report moves the reporting unit's own line; the task follows."""
    line, _created = TaskAssignment.objects.get_or_create(task=task, unit=unit)
    line.started_on = min(filter(None, [line.started_on, day]))
    line.percent = 100 if done else percent
    line.done_on = line.done_on or (day if done else None)
    line.save(update_fields=["started_on", "done_on", "percent"])
    lines = [UnitLine("", a.started_on, a.done_on) for a in task.assignments.all()]
    task.started_on, task.done_on = roll_up(lines)
    task.save(update_fields=["started_on", "done_on"])


def _load_unit_plans(plan: Plan) -> None:
    for code, day in UNIT_PLANS:
        unit = Unit.objects.filter(code=code).first()
        if unit is None or UnitPlanSubmission.objects.filter(plan=plan, unit=unit).exists():
            continue
        name = f"ke-hoach-2021-{code}.txt"
        content = f"Kế hoạch công tác thi đua, khen thưởng năm 2021 của {unit.name}.\n".encode()
        submission = UnitPlanSubmission(
            plan=plan,
            unit=unit,
            kind=validate_upload(name, content),
            submitted_on=day,
            original_name=name,
            submitted_by=_author_for(unit),
        )
        submission.file.save(name, ContentFile(content), save=False)
        submission.save()
        UnitPlanTransition.objects.create(
            submission=submission,
            action=SUBMIT,
            from_state="",
            to_state=UnitPlanState.SUBMITTED,
            actor=submission.submitted_by,
        )


def load() -> None:
    plan = _import_seed()
    _keep_seed_file(plan)
    _load_reports(plan)
    _load_unit_plans(plan)
