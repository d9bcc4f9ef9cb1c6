"""The demo's year-end conference of 2021 (tasks 3–4 of the plan) and a ward's reception.

Seed data, as the rest of the 2021 history: the conference took place in January 2022 and was
written up; its honourees are the certificates of the district's 2021 decisions, in the
order of presentation.
"""

import datetime

from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.awards.models import Certificate
from vinhdanh.ceremonies.models import (
    Ceremony,
    CeremonyKind,
    CeremonyState,
    CeremonyTransition,
    Honouree,
    Reception,
    UnitAttendance,
)
from vinhdanh.ceremonies.ordering import presentation_order
from vinhdanh.ceremonies.services import _presented
from vinhdanh.org.models import Council, Unit
from vinhdanh.plans.models import Task

TITLE = "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2021 quận Hoàng Mai"
PROGRAMME = """Chào cờ, tuyên bố lý do, giới thiệu đại biểu
Báo cáo tổng kết công tác thi đua, khen thưởng năm 2021, phương hướng nhiệm vụ năm 2022
Tham luận của các đơn vị
Công bố quyết định và trao khen thưởng
Phát động thi đua năm 2022
Bế mạc"""
GUESTS = """Đại diện Ban Thi đua - Khen thưởng thành phố Hà Nội
Thường trực Quận ủy, HĐND quận Hoàng Mai
Lãnh đạo Ủy ban MTTQ Việt Nam quận"""
ABSENT = "phuong-linh-nam"


def _at(year, month, day, hour=8) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def load() -> None:
    council = Council.objects.filter(unit__code="hoang-mai").first()
    if council is None or Ceremony.objects.filter(title=TITLE).exists():
        return
    office = User.objects.filter(username="thuongtruc").first()
    task = (
        Task.objects.filter(
            plan__council=council, plan__year=2021, content__icontains="Tổ chức Hội nghị tổng kết"
        )
        .order_by("pk")
        .first()
    )
    ceremony = Ceremony.objects.create(
        council=council,
        kind=CeremonyKind.YEAR_END,
        year=2021,
        title=TITLE,
        held_at=_at(2022, 1, 14),
        place="Hội trường tầng 3, trụ sở Quận ủy – HĐND – UBND quận Hoàng Mai",
        chair="Chủ tịch UBND quận, Chủ tịch Hội đồng Thi đua - Khen thưởng quận",
        host="Trưởng phòng Nội vụ quận",
        guests=GUESTS,
        programme=PROGRAMME,
        plan_task=task,
        state=CeremonyState.REPORTED,
        report=(
            "Hội nghị được tổ chức trang trọng, tiết kiệm; 13/14 phường và các phòng, ban dự "
            "đầy đủ. Đã trao khen thưởng cho các cá nhân có thành tích xuất sắc năm 2021."
        ),
        created_by=office,
    )
    wards = list(Unit.objects.filter(parent=council.unit, code__startswith="phuong-"))
    ceremony.invited_units.set(wards)
    UnitAttendance.objects.bulk_create(
        [UnitAttendance(ceremony=ceremony, unit=w, present=w.code != ABSENT) for w in wards]
    )
    certificates = list(
        Certificate.objects.filter(
            decision__issuer=council.unit, decision__year=2021, revoked_at__isnull=True
        ).select_related("nomination__title", "nomination__person", "nomination__collective")
    )
    order = presentation_order([_presented(c) for c in certificates])
    Honouree.objects.bulk_create(
        [
            Honouree(ceremony=ceremony, certificate_id=key, position=index, received=index != 2)
            for index, key in enumerate(order, start=1)
        ]
    )
    for action, source, target, at in (
        ("invite", CeremonyState.DRAFT, CeremonyState.INVITED, _at(2022, 1, 5, 9)),
        ("hold", CeremonyState.INVITED, CeremonyState.HELD, _at(2022, 1, 14, 11)),
        ("report", CeremonyState.HELD, CeremonyState.REPORTED, _at(2022, 1, 20, 15)),
    ):
        step = CeremonyTransition.objects.create(
            ceremony=ceremony, action=action, from_state=source, to_state=target, actor=office
        )
        # The step's time is when it happened, not when the demo was loaded.
        CeremonyTransition.objects.filter(pk=step.pk).update(at=at)
    _reception(certificates, office)


def _reception(certificates, office) -> None:
    """The ward of the first honoured person holds its own reception of the award."""
    first = next((c for c in certificates if c.nomination.person_id), None)
    if first is None:
        return
    Reception.objects.create(
        certificate=first,
        unit=first.nomination.person.unit,
        held_on=datetime.date(2022, 1, 21),
        place="Hội trường UBND phường",
        presented_by="Chủ tịch UBND phường",
        note="Đón nhận tại hội nghị cán bộ, công chức phường đầu năm 2022.",
        recorded_by=office,
    )
