"""The demo's training: the district's 2021 session of task 18, held and written up.

Seed data, as the rest of the 2021 history: the session took place in the past, so its rows
are written as they stand at the end of the year (the workflow's guards would refuse to
announce a session whose start has passed), with the history of its steps.
"""

import datetime
import random

from django.core.files.base import ContentFile
from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.core.uploads import validate_upload
from vinhdanh.demo import hoang_mai_2021 as data
from vinhdanh.org.models import Council, Person, Unit
from vinhdanh.plans.models import Task
from vinhdanh.training.documents import invitation_document
from vinhdanh.training.models import (
    Attendee,
    Evaluation,
    SessionState,
    SessionTransition,
    TrainingMaterial,
    TrainingSession,
)

TITLE = "Hội nghị tập huấn công tác thi đua, khen thưởng quận Hoàng Mai năm 2021"
# Two wards send nobody: the report names them.
WARDS_ABSENT = ("Lĩnh Nam", "Trần Phú")
PROGRAMME = """Phổ biến Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành
Quy trình, thủ tục, hồ sơ đề nghị khen thưởng; lỗi thường gặp khi lập hồ sơ
Hướng dẫn chấm điểm thi đua theo cụm, khối và bình xét danh hiệu cuối năm
Trao đổi, giải đáp vướng mắc của các đơn vị"""


def _at(day: str, hour: int, minute: int = 0) -> datetime.datetime:
    naive = datetime.datetime.fromisoformat(day).replace(hour=hour, minute=minute)
    return timezone.make_aware(naive)


def _task_18(council):
    return (
        Task.objects.filter(plan__council=council, plan__year=2021, number__in=["18", "18."])
        .order_by("pk")
        .first()
    )


def load() -> None:
    council = Council.objects.filter(unit__code="hoang-mai").first()
    if council is None or TrainingSession.objects.filter(title=TITLE).exists():
        return
    wards = list(
        Unit.objects.filter(code__in=[f"phuong-{_slug(name)}" for name in data.WARDS]).order_by(
            "sort_key"
        )
    )
    session = TrainingSession.objects.create(
        council=council,
        year=2021,
        title=TITLE,
        starts_at=_at("2021-06-17", 8),
        ends_at=_at("2021-06-17", 11, 30),
        place="Hội trường tầng 3, trụ sở Quận ủy – HĐND – UBND quận Hoàng Mai",
        programme=PROGRAMME,
        trainers=(
            "Đại diện Ban Thi đua - Khen thưởng thành phố Hà Nội\n"
            "Trưởng phòng Nội vụ quận Hoàng Mai"
        ),
        capacity=60,
        per_unit_limit=3,
        registration_deadline=datetime.date(2021, 6, 10),
        plan_task=_task_18(council),
        state=SessionState.REPORTED,
        result_summary=(
            "Hội nghị được tổ chức đúng kế hoạch, bảo đảm các biện pháp phòng, chống dịch. "
            "Học viên nắm được quy trình, hồ sơ khen thưởng; nhiều ý kiến đề nghị tổ chức "
            "thêm buổi hướng dẫn chấm điểm thi đua theo cụm."
        ),
    )
    session.invited_units.set(wards)
    chance = random.Random(18)
    for ward in wards:
        if any(ward.name.endswith(absent) for absent in WARDS_ABSENT):
            continue
        people = list(Person.objects.filter(unit=ward).order_by("sort_key")[:3])
        for index, person in enumerate(people[: chance.choice((2, 3, 3))]):
            attended = index < 2 or chance.random() < 0.5
            attendee = Attendee.objects.create(
                session=session, unit=ward, person=person, attended=attended
            )
            if attended and chance.random() < 0.8:
                Evaluation.objects.create(
                    attendee=attendee,
                    content=chance.choice((4, 5, 5)),
                    usefulness=chance.choice((4, 4, 5)),
                    organisation=chance.choice((3, 4, 5)),
                    comment=chance.choice(("", "", "Đề nghị gửi tài liệu trước buổi tập huấn.")),
                )
    _material(session)
    office = User.objects.filter(username="thuongtruc").first()
    for action, source, target, at in (
        ("announce", SessionState.DRAFT, SessionState.ANNOUNCED, _at("2021-06-03", 9)),
        ("hold", SessionState.ANNOUNCED, SessionState.HELD, _at("2021-06-17", 11, 30)),
        ("report", SessionState.HELD, SessionState.REPORTED, _at("2021-06-25", 15)),
    ):
        step = SessionTransition.objects.create(
            session=session, action=action, from_state=source, to_state=target, actor=office
        )
        # The step's time is when it happened in 2021, not when the demo was loaded.
        SessionTransition.objects.filter(pk=step.pk).update(at=at)


def _material(session) -> None:
    """The programme the units received, as a stored material (through the upload gate)."""
    content = invitation_document(session, day=datetime.date(2021, 6, 3))
    validate_upload("chuong-trinh.docx", content)
    material = TrainingMaterial(session=session, name="Giấy mời và chương trình tập huấn")
    material.file.save("chuong-trinh.docx", ContentFile(content), save=True)


def _slug(name: str) -> str:
    from vinhdanh.core.text import fold

    return fold(name).replace(" ", "-")
