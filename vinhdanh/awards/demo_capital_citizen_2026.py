"""Công dân Thủ đô ưu tú in the demo's Hà Nội 2026 chapter, played through the services: two
wards (Yên Sở and Lĩnh Nam) each propose one citizen, their councils pass the dossier and send
it up to the city; the city has appraised Yên Sở's and put it on public notice before its
council votes, and has Lĩnh Nam's in its inbox. Idempotent."""

from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.awards import services as awards
from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.demo_hanoi_2026 import _through_the_council
from vinhdanh.awards.eligibility import prefilled_checklist
from vinhdanh.awards.guards import earliest_notice_end
from vinhdanh.awards.models import Nomination, Title
from vinhdanh.demo import hanoi_2026 as data
from vinhdanh.org.models import Council, Person

CODE = "cong_dan_thu_do_uu_tu"
# (ward slug, what the city has done with it)
DOSSIERS = [("yenso", "announced"), ("linhnam", "received")]
ACHIEVEMENTS = {
    "yenso": "Hơn 20 năm tự nguyện cứu hộ, cứu nạn trên sông Hồng; cứu sống 37 người đuối nước.",
    "linhnam": "Sáng lập và duy trì bếp ăn miễn phí cho bệnh nhân nghèo suốt 15 năm.",
}


def load() -> None:
    if Nomination.objects.filter(year=data.YEAR, title__code=CODE).exists():
        return
    city = Council.objects.get(unit__code=data.CITY["unit"])
    city_office = User.objects.get(username="thuongtruc.hanoi")
    title = Title.objects.get(code=CODE)
    basis = title.award_bases.get(code="thuong_xuyen")
    for slug, stage in DOSSIERS:
        officer = User.objects.get(username=f"canbo.phuong.{slug}")
        office = User.objects.get(username=f"thuongtruc.{slug}")
        person = (
            Person.objects.filter(unit=officer.unit, code__startswith="demo-")
            .order_by("code")
            .last()
        )
        nomination = awards.create_nomination(
            officer,
            person=person,
            title=title,
            basis=basis,
            year=data.YEAR,
            event="Xét tặng danh hiệu Công dân Thủ đô ưu tú năm 2026",
            achievements=ACHIEVEMENTS[slug],
        )
        for row in title.title_components.filter(required=True, component__generated=False):
            awards.add_attachment(
                officer, nomination, component=row.component,
                filename=f"{row.component.code}.pdf", content=DEMO_PDF,
            )  # fmt: skip
        awards.submit_nomination(officer, nomination)
        nomination.refresh_from_db()
        nomination = _through_the_council(nomination, office)
        awards.forward_to_higher_level(
            office, nomination, to_council=city, letter_number=f"15/TTr-UBND-{slug}"
        )
        nomination.refresh_from_db()
        if stage != "announced":
            continue
        copy = nomination.copies_above.order_by("-pk").first()
        rows, _verdict, _law = prefilled_checklist(copy)
        awards.appraise_nomination(
            city_office,
            copy,
            passed=True,
            reasons="Hồ sơ đủ thành phần; đối chiếu Quyết định 71/2025/QĐ-UBND.",
            confirmed={row["rule"]: True for row in rows},
        )
        copy.refresh_from_db()
        today = timezone.localdate()
        awards.announce_nomination(
            city_office, copy, starts_on=today, ends_on=earliest_notice_end(today)
        )
