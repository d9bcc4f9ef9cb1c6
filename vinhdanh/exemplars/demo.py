"""The exemplars of the 2021 demo: Hoàng Mai's honour board, through the services.

Hoàng Liệt and Định Công each keep a draft (their officers' work in progress); Hoàng Liệt has
one proposal waiting for the standing office and one verified; the board shows three, with
and without consent to publish (photos only with it); one verified exemplar of Tân Mai
became an ad-hoc commendation (a draft nomination for the district's Giấy khen). Placeholder
photos are drawn here with Pillow, never downloaded. Idempotent.
"""

import datetime
import io
import unicodedata

from django.db import transaction

from vinhdanh.accounts.models import User
from vinhdanh.exemplars import services
from vinhdanh.exemplars.models import Exemplar
from vinhdanh.org.models import Person, Unit

YEAR = 2021
HOANG_LIET, DINH_CONG, TAN_MAI = "phuong-hoang-liet", "phuong-dinh-cong", "phuong-tan-mai"


def placeholder_photo(text: str, colour=(183, 28, 28)) -> bytes:
    """A plain PNG with the initials in the middle: the demo's stand-in for a real photo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 320), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((16, 16, 463, 303), outline=(212, 160, 23), width=6)
    # Pillow's built-in font has no Vietnamese letters: the initials are written unaccented.
    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    initials = "".join(word[0] for word in plain.split() if word)[:4].upper()
    draw.text((240, 160), initials, fill=(255, 255, 255), anchor="mm", font_size=96)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _confirmation(by: str, name: str) -> tuple[str, bytes]:
    text = f"{by} xác nhận việc làm của ông (bà) {name} là đúng sự thật.\n"
    return "xac-nhan.txt", text.encode("utf-8")


def _person(unit_code: str, index: int) -> Person:
    return Person.objects.filter(unit__code=unit_code).order_by("code")[index]


def _propose(officer, unit, *, person=None, photos=(), consent=None, **fields) -> Exemplar:
    exemplar = services.create_exemplar(
        officer,
        unit=unit,
        year=YEAR,
        person=person,
        subject_name=fields.pop("subject_name", person.full_name if person else ""),
        photos=[(f"anh-{i + 1}.png", content) for i, content in enumerate(photos)],
        **fields,
    )
    if consent:
        exemplar = services.record_consent(
            officer,
            exemplar,
            given=True,
            consent_by=consent,
            consent_on=datetime.date(YEAR, 10, 5),
            consent_method="written",
        )
    return exemplar


def _move(office, officer, exemplar, *steps) -> Exemplar:
    for step in steps:
        actor = officer if step == "propose" else office
        exemplar = services.STEPS[step](actor, exemplar)
    return exemplar


@transaction.atomic
def load() -> None:
    if Exemplar.objects.filter(year=YEAR).exists():
        return
    office = User.objects.get(username="thuongtruc")
    hoang_liet = User.objects.get(username="canbo.hoangliet")
    dinh_cong = User.objects.get(username="canbo.dinhcong")
    ward_a = Unit.objects.get(code=HOANG_LIET)
    ward_b = Unit.objects.get(code=DINH_CONG)
    # The drafts come first: each ward's first exemplar is still its own to edit.
    _propose(
        hoang_liet,
        ward_a,
        person=_person(HOANG_LIET, 3),
        category="nguoi_tot",
        subject_kind="person",
        headline="Giúp đỡ người già neo đơn trong tổ dân phố",
        story="Nhiều năm liền thăm hỏi, đi chợ, đưa đi khám bệnh cho ba cụ già neo đơn của "
        "tổ dân phố số 5.",
        place="Tổ dân phố số 5, phường Hoàng Liệt",
    )
    _propose(
        dinh_cong,
        ward_b,
        category="tien_tien",
        subject_kind="collective",
        subject_name="Chi hội Phụ nữ khu tập thể Định Công",
        collective=None,
        headline="Mô hình “Tuyến phố không rác”",
        story="Vận động các hộ phân loại rác tại nguồn, trồng và chăm sóc 200 m hoa dọc tuyến phố.",
        photos=[placeholder_photo("Tuyến phố không rác", (46, 125, 50))],
        evidence=[_confirmation("Ban công tác Mặt trận tổ dân phố số 3", "chi hội")],
    )
    # Hoàng Liệt: one waiting to be verified, one verified, two on the board.
    _move(
        office,
        hoang_liet,
        _propose(
            hoang_liet,
            ward_a,
            person=_person(HOANG_LIET, 4),
            category="nguoi_tot",
            subject_kind="person",
            headline="Nhặt được ví tiền trả lại người đánh rơi",
            story="Nhặt được ví có 12 triệu đồng và giấy tờ tại chợ Hoàng Liệt, đã tìm và trả "
            "lại người đánh rơi.",
            happened_on=datetime.date(YEAR, 8, 14),
            place="Chợ Hoàng Liệt",
        ),
        "propose",
    )
    _move(
        office,
        hoang_liet,
        _propose(
            hoang_liet,
            ward_a,
            person=_person(HOANG_LIET, 5),
            category="tien_tien",
            subject_kind="person",
            headline="Tình nguyện tại khu cách ly phòng, chống dịch Covid-19",
            story="Tham gia 60 ngày tình nguyện tại khu cách ly tập trung, hỗ trợ hơn 300 lượt "
            "người cách ly.",
            happened_on=datetime.date(YEAR, 7, 30),
            effect="Được người dân và lực lượng y tế ghi nhận.",
        ),
        "propose",
        "verify",
    )
    rescuer = _person(HOANG_LIET, 6)
    _move(
        office,
        hoang_liet,
        _propose(
            hoang_liet,
            ward_a,
            person=rescuer,
            category="nguoi_tot",
            subject_kind="person",
            headline="Cứu người đuối nước tại hồ Linh Đàm",
            story="Không quản nguy hiểm, lao xuống hồ cứu một cháu bé bị đuối nước, sơ cứu kịp "
            "thời trước khi xe cấp cứu đến.",
            happened_on=datetime.date(YEAR, 6, 12),
            place="Hồ Linh Đàm",
            effect="Cháu bé được cứu sống; câu chuyện được báo chí địa phương đưa tin.",
            photos=[placeholder_photo(rescuer.full_name)],
            evidence=[_confirmation("Công an phường Hoàng Liệt", rescuer.full_name)],
            consent=rescuer.full_name,
        ),
        "propose",
        "verify",
        "publish",
    )
    _move(
        office,
        hoang_liet,
        _propose(
            hoang_liet,
            ward_a,
            person=_person(HOANG_LIET, 7),
            category="nguoi_tot",
            subject_kind="person",
            headline="Hiến đất mở rộng ngõ",
            story="Tự nguyện hiến 15 m² đất để mở rộng ngõ 168, giúp xe cứu hỏa vào được khu "
            "dân cư.",
            happened_on=datetime.date(YEAR, 4, 20),
            place="Ngõ 168, phường Hoàng Liệt",
        ),
        "propose",
        "verify",
        "publish",
    )
    # Tân Mai (proposed by the standing office): a verified exemplar turned into an ad-hoc
    # commendation, then put on the board.
    teacher = _person(TAN_MAI, 3)
    commended = _move(
        office,
        office,
        _propose(
            office,
            Unit.objects.get(code=TAN_MAI),
            person=teacher,
            category="tien_tien",
            subject_kind="person",
            headline="Mở lớp học tình thương cho trẻ em có hoàn cảnh khó khăn",
            story="Mười năm duy trì lớp học miễn phí buổi tối cho hơn 40 trẻ em có hoàn cảnh "
            "khó khăn trên địa bàn phường.",
            effect="Nhiều em đã thi đỗ vào các trường trung học phổ thông công lập.",
            photos=[
                placeholder_photo(teacher.full_name, (21, 101, 192)),
                placeholder_photo("Lớp học tình thương", (46, 125, 50)),
            ],
            evidence=[_confirmation("Trường Tiểu học Tân Mai", teacher.full_name)],
            consent=teacher.full_name,
        ),
        "propose",
        "verify",
    )
    commended = services.commend_exemplar(office, commended, title_code="giay_khen")
    services.publish_exemplar(office, commended)
