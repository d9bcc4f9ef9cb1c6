"""The demo's inspections: the district's 2021 inspection of four wards (task 20).

Seed data, as the rest of the 2021 history: the rows stand as they did at the end of the
year (three minutes signed, one visit still to make), with one follow-up item put right and
one still open past its deadline, so the follow-up list and the inbox show both.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.core.uploads import validate_upload
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.inspections.models import (
    ChecklistItem,
    Finding,
    FollowUp,
    FollowUpState,
    InspectionPlan,
    PlanState,
    PlanTransition,
    Result,
    Team,
    Visit,
    VisitState,
    VisitTransition,
)
from vinhdanh.inspections.services import DEFAULT_CHECKLIST
from vinhdanh.movements.letterheads import letterhead_for
from vinhdanh.org.models import Council, Unit
from vinhdanh.plans.models import Task

TITLE = "Kiểm tra việc thực hiện công tác thi đua, khen thưởng năm 2021 của các đơn vị"

# ward code, date, results per checklist item (M met, P partly, N not met, - n/a), state
VISITS = [
    ("phuong-hoang-liet", "2021-07-06", "MMMMMMMM", VisitState.SIGNED),
    ("phuong-dinh-cong", "2021-07-08", "MMMMNMMM", VisitState.SIGNED),
    ("phuong-tan-mai", "2021-07-13", "MMPMMM-P", VisitState.SIGNED),
    ("phuong-giap-bat", "2021-07-20", "", VisitState.SCHEDULED),
]
RESULTS = {"M": Result.MET, "P": Result.PARTLY, "N": Result.NOT_MET, "-": Result.NOT_APPLICABLE}
EVIDENCE = "Đã xem kế hoạch, quyết định, sổ theo dõi và hồ sơ lưu tại đơn vị."
NOTES = {
    Result.PARTLY: "Có thực hiện nhưng chưa đầy đủ, hồ sơ chưa cập nhật kịp thời.",
    Result.NOT_MET: "Chưa kiện toàn Hội đồng sáng kiến của đơn vị.",
}
FOLLOW_UPS = {
    "phuong-dinh-cong": (
        "Kiện toàn Hội đồng sáng kiến của phường",
        "2021-08-31",
        "Đã ban hành Quyết định kiện toàn Hội đồng sáng kiến phường ngày 20/8/2021.",
    ),
    "phuong-tan-mai": (
        "Cập nhật đầy đủ hồ sơ khen thưởng và báo cáo sơ kết 6 tháng",
        "2021-09-30",
        "",
    ),
}


def _attach_plan(finding, unit) -> None:
    """The ward's own plan, seen at the visit, as the first finding's evidence file."""
    doc = AdminDocument(
        letterhead_for(unit, number="12/KH-UBND"),
        date=datetime.date(2021, 1, 20),
        kind="KẾ HOẠCH",
        subject="Công tác thi đua, khen thưởng năm 2021",
    )
    doc.paragraph(
        f"Thực hiện Kế hoạch của Hội đồng Thi đua - Khen thưởng quận, {unit.name} "
        "xây dựng kế hoạch công tác thi đua, khen thưởng năm 2021."
    )
    content = doc.to_bytes()
    validate_upload("ke-hoach-phuong.docx", content)
    finding.evidence_name = "Kế hoạch công tác thi đua, khen thưởng của phường.docx"
    finding.evidence_file.save("ke-hoach-phuong.docx", ContentFile(content), save=True)


def _task_20(council):
    return (
        Task.objects.filter(plan__council=council, plan__year=2021, number__in=["20", "20."])
        .order_by("pk")
        .first()
    )


def load() -> None:
    council = Council.objects.filter(unit__code="hoang-mai").first()
    if council is None or InspectionPlan.objects.filter(title=TITLE).exists():
        return
    office = User.objects.filter(username="thuongtruc").first()
    member = User.objects.filter(username="uyvien").first()
    if office is None:
        return
    plan = InspectionPlan.objects.create(
        council=council,
        year=2021,
        title=TITLE,
        document_number="45/KH-HĐTĐKT",
        purpose=(
            "Đánh giá việc triển khai Kế hoạch công tác thi đua, khen thưởng năm 2021 tại các "
            "phường; kịp thời chấn chỉnh hạn chế, nhân rộng cách làm hay."
        ),
        plan_task=_task_20(council),
        state=PlanState.ISSUED,
        created_by=office,
    )
    items = [
        ChecklistItem.objects.create(plan=plan, position=position, text=text)
        for position, text in enumerate(DEFAULT_CHECKLIST, start=1)
    ]
    team = Team.objects.create(plan=plan, name="Đoàn kiểm tra số 1", leader=office)
    if member is not None:
        team.members.set([member])
    issued = PlanTransition.objects.create(
        plan=plan, action="issue", from_state=PlanState.DRAFT, to_state=PlanState.ISSUED,
        actor=office,
    )  # fmt: skip
    # Each step's time is when it happened in 2021, not when the demo was loaded.
    PlanTransition.objects.filter(pk=issued.pk).update(
        at=timezone.make_aware(datetime.datetime(2021, 6, 25, 9))
    )
    for code, day, results, state in VISITS:
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            continue
        on = datetime.date.fromisoformat(day)
        visit = Visit.objects.create(
            plan=plan,
            unit=unit,
            team=team,
            scheduled_on=on,
            place=f"Trụ sở {unit.short_name or unit.name}",
            state=state,
        )
        if not results:
            continue
        for item, letter in zip(items, results, strict=True):
            result = RESULTS[letter]
            finding = Finding.objects.create(
                visit=visit,
                item=item,
                result=result,
                note=NOTES.get(result, ""),
                evidence="" if result == Result.NOT_APPLICABLE else EVIDENCE,
                recorded_by=office,
            )
            if item.position == 1 and code == VISITS[0][0]:
                _attach_plan(finding, unit)
        visit.conclusion = (
            f"{unit.name} triển khai cơ bản đầy đủ các nội dung công tác thi đua, khen thưởng "
            "năm 2021"
            + ("; còn một số nội dung cần khắc phục." if "N" in results or "P" in results else ".")
        )
        visit.unit_representative = f"Phó Chủ tịch UBND {unit.name[0].lower()}{unit.name[1:]}"
        visit.signed_at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(11)))
        visit.save()
        for action, source, target in (
            ("conduct", VisitState.SCHEDULED, VisitState.CONDUCTED),
            ("sign", VisitState.CONDUCTED, VisitState.SIGNED),
        ):
            step = VisitTransition.objects.create(
                visit=visit, action=action, from_state=source, to_state=target, actor=office
            )
            VisitTransition.objects.filter(pk=step.pk).update(at=visit.signed_at)
        if code in FOLLOW_UPS:
            text, due, result = FOLLOW_UPS[code]
            FollowUp.objects.create(
                visit=visit,
                text=text,
                due_on=datetime.date.fromisoformat(due),
                state=FollowUpState.DONE if result else FollowUpState.OPEN,
                result=result,
                closed_at=timezone.make_aware(datetime.datetime(2021, 8, 20, 9))
                if result
                else None,
            )
