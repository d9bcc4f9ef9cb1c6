"""The 2021 movements of the Hoàng Mai plan (part II.1) and registrations in every state."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from vinhdanh.core.uploads import validate_upload
from vinhdanh.demo import hoang_mai_2021 as data
from vinhdanh.demo.loader import ward_code
from vinhdanh.movements.models import (
    Movement,
    MovementDocument,
    MovementKind,
    MovementNotice,
    MovementStatus,
    Registration,
    RegistrationEntry,
    RegistrationState,
)
from vinhdanh.org.models import Person, Unit

YEAR = 2021
MAIN = "Thi đua thực hiện thắng lợi các nhiệm vụ, chỉ tiêu phát triển kinh tế - xã hội năm 2021"
# name, kind, starts, ends, goals, criteria, number, status
MOVEMENTS = [
    (
        MAIN,
        MovementKind.REGULAR,
        "2021-01-15",
        "2021-12-31",
        "Thực hiện thắng lợi các chỉ tiêu phát triển kinh tế - xã hội năm 2021 của Quận.\n"
        "Bảo đảm “mục tiêu kép”: vừa phòng chống dịch bệnh, vừa phục hồi và phát triển kinh tế.",
        "Hoàn thành vượt mức các chỉ tiêu được giao.\nĐăng ký danh hiệu thi đua trước 28/02/2021.",
        "01/KH-HĐTĐKT",
        MovementStatus.LAUNCHED,
    ),
    (
        "Thi đua tổ chức thành công bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân "
        "các cấp nhiệm kỳ 2021 - 2026",
        MovementKind.CAMPAIGN,
        "2021-01-30",
        "2021-06-30",
        "Tổ chức thành công cuộc bầu cử, an toàn, dân chủ, đúng luật.",
        "Tỷ lệ cử tri đi bầu cao.\nKhông để xảy ra sai sót trong lập danh sách cử tri.",
        "05/KH-HĐTĐKT",
        MovementStatus.CLOSED,
    ),
    (
        "Cả nước chung tay vì người nghèo - không để ai bị bỏ lại phía sau",
        MovementKind.THEMATIC,
        "2021-04-10",
        "2025-12-31",
        "Thực hiện hiệu quả Chương trình mục tiêu quốc gia giảm nghèo bền vững.",
        "Giảm tỷ lệ hộ nghèo, hộ cận nghèo theo chuẩn nghèo mới giai đoạn 2021 - 2025.",
        "12/KH-HĐTĐKT",
        MovementStatus.LAUNCHED,
    ),
    (
        "Doanh nghiệp Thủ đô hội nhập và phát triển",
        MovementKind.THEMATIC,
        "2021-04-10",
        "2025-12-31",
        "Tháo gỡ khó khăn, hỗ trợ doanh nghiệp; tạo thuận lợi cho doanh nghiệp gia nhập "
        "thị trường.",
        "Số doanh nghiệp thành lập mới.\nThời gian giải quyết thủ tục cho doanh nghiệp.",
        "13/KH-HĐTĐKT",
        MovementStatus.LAUNCHED,
    ),
    (
        "Cán bộ, công chức, viên chức, người lao động thi đua thực hiện văn hóa công sở "
        "và nơi công cộng",
        MovementKind.THEMATIC,
        "2021-04-10",
        "2021-12-31",
        "Nâng cao kỷ luật, kỷ cương hành chính, đạo đức công vụ gắn với Đề án “Văn hóa công vụ”.",
        "Không có cán bộ vi phạm quy tắc ứng xử.\nNgười đứng đầu nêu gương.",
        "14/KH-HĐTĐKT",
        MovementStatus.LAUNCHED,
    ),
    (
        "An toàn thực phẩm",
        MovementKind.THEMATIC,
        "2021-04-10",
        "2025-12-31",
        "Bảo đảm an toàn thực phẩm trên địa bàn Quận giai đoạn 2021 - 2025.",
        "Không để xảy ra ngộ độc thực phẩm đông người.",
        "15/KH-HĐTĐKT",
        MovementStatus.LAUNCHED,
    ),
    (
        "Trật tự văn minh đô thị",
        MovementKind.THEMATIC,
        "2021-04-10",
        "2021-12-31",
        "Lập lại trật tự lòng đường, vỉa hè; xây dựng đô thị văn minh.",
        "Số tuyến phố văn minh đô thị được công nhận.",
        "16/KH-HĐTĐKT",
        MovementStatus.LAUNCHED,
    ),
    (
        "Sáng kiến, sáng tạo Hà Nội",
        MovementKind.THEMATIC,
        "2021-04-05",
        "2021-12-31",
        "Phát triển khoa học, công nghệ và đổi mới sáng tạo, góp phần phát triển Thủ đô.",
        "Số sáng kiến được công nhận, áp dụng.",
        "17/KH-HĐTĐKT",
        MovementStatus.LAUNCHED,
    ),
    (
        "Người tốt, việc tốt",
        MovementKind.REGULAR,
        "2021-01-15",
        "2021-08-15",
        "Phát hiện, biểu dương và nhân rộng gương người tốt, việc tốt.",
        "Gương điển hình được phát hiện, đề xuất biểu dương.",
        "18/KH-HĐTĐKT",
        MovementStatus.LAUNCHED,
    ),
    (
        "Phát động thi đua thực hiện các nhiệm vụ năm 2021 (dự thảo)",
        MovementKind.REGULAR,
        "2021-03-01",
        "2021-12-31",
        "Dự thảo chưa phát động.",
        "",
        "",
        MovementStatus.DRAFT,
    ),
]
# ward, state, return reason
REGISTRATION_STATES = [
    ("Đại Kim", RegistrationState.APPROVED, ""),
    ("Định Công", RegistrationState.SUBMITTED, ""),
    ("Giáp Bát", RegistrationState.RETURNED, "Bổ sung đăng ký danh hiệu cá nhân của cán bộ."),
    ("Hoàng Văn Thụ", RegistrationState.DRAFT, ""),
    ("Tân Mai", RegistrationState.APPROVED, ""),
    ("Thanh Trì", RegistrationState.SUBMITTED, ""),
]


def _moment(day: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(f"{day} 08:00"))


def _targets() -> list[Unit]:
    codes = [ward_code(w) for w in data.WARDS] + [
        row[0] for row in data.UNITS if row[5] == "hoang-mai"
    ]
    return list(Unit.objects.filter(code__in=codes))


def _movement(spec, district: Unit, targets: list[Unit], parent=None) -> Movement:
    name, kind, starts, ends, goals, criteria, number, status = spec
    movement, created = Movement.objects.get_or_create(
        name=name,
        year=YEAR,
        launched_by=district if parent is None else targets[0],
        defaults={
            "kind": kind,
            "starts_on": starts,
            "ends_on": ends,
            "goals": goals,
            "criteria": criteria,
            "document_number": number,
            "status": status,
            "parent": parent,
            "registration_deadline": datetime.date(2021, 2, 28) if name == MAIN else None,
            "launched_at": None if status == MovementStatus.DRAFT else _moment(starts),
        },
    )
    if created:
        movement.target_units.set(targets)
        if status != MovementStatus.DRAFT:
            MovementNotice.objects.bulk_create(
                [
                    MovementNotice(
                        movement=movement, unit=u, sent_at=_moment(starts), read_at=_moment(starts)
                    )
                    for u in targets
                ]
            )
    return movement


def _document(movement: Movement, title: str) -> None:
    if movement.documents.exists():
        return
    content = (
        f"{title}\n{movement.document_number} – {movement.name}\n\n{movement.goals}\n".encode()
    )
    # The demo's files pass the upload gate like any user's.
    kind = validate_upload("tai-lieu.txt", content)
    document = MovementDocument(movement=movement, title=title, kind=kind)
    document.file.save("tai-lieu.txt", ContentFile(content), save=False)
    document.save()


def _registrations(movement: Movement) -> None:
    for ward, state, reason in REGISTRATION_STATES:
        unit = Unit.objects.get(code=ward_code(ward))
        registration, created = Registration.objects.get_or_create(
            movement=movement,
            unit=unit,
            defaults={
                "state": state,
                "return_reason": reason,
                "commitment": "Phấn đấu hoàn thành xuất sắc nhiệm vụ năm 2021.",
                "submitted_at": None if state == RegistrationState.DRAFT else _moment("2021-02-20"),
            },
        )
        if not created:
            continue
        people = list(Person.objects.filter(unit=unit).order_by("code")[:3])
        entries = [RegistrationEntry(registration=registration, title="tap_the_lao_dong_xuat_sac")]
        entries += [
            RegistrationEntry(registration=registration, person=p, title="lao_dong_tien_tien")
            for p in people
        ]
        if people and state != RegistrationState.RETURNED:
            entries.append(
                RegistrationEntry(
                    registration=registration, person=people[0], title="chien_si_thi_dua_co_so"
                )
            )
        RegistrationEntry.objects.bulk_create(entries)


def load() -> None:
    district = Unit.objects.get(code="hoang-mai")
    targets = _targets()
    movements = {spec[0]: _movement(spec, district, targets) for spec in MOVEMENTS}
    _registrations(movements[MAIN])
    _document(movements[MAIN], "Kế hoạch phát động phong trào thi đua năm 2021")
    # A ward cascades the district's movement with its own, for its residential groups.
    ward = Unit.objects.get(code=ward_code("Định Công"))
    cascade = _movement(
        (
            "Người tốt, việc tốt phường Định Công năm 2021",
            MovementKind.REGULAR,
            "2021-02-01",
            "2021-08-15",
            "Biểu dương người tốt, việc tốt trên địa bàn phường.",
            "Mỗi tổ dân phố giới thiệu ít nhất một gương điển hình.",
            "03/KH-UBND",
            MovementStatus.LAUNCHED,
        ),
        district,
        [ward],
        parent=movements["Người tốt, việc tốt"],
    )
    _document(cascade, "Kế hoạch phát động của phường Định Công")
