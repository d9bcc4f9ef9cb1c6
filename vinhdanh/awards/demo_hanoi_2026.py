"""The 2026 dossiers of the demo's Hà Nội chapter, played through the services: from the
wards to the city at every stage, and a city decision that came back to its ward."""

import datetime

from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.awards import services as awards
from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.eligibility import prefilled_checklist
from vinhdanh.awards.guards import earliest_notice_end
from vinhdanh.awards.models import Choice, Nomination, Title
from vinhdanh.demo import hanoi_2026 as data
from vinhdanh.org.models import Council, Person


def _through_the_council(nomination: Nomination, office: User) -> Nomination:
    rows, _verdict, _law = prefilled_checklist(nomination)
    awards.appraise_nomination(
        office,
        nomination,
        passed=True,
        reasons="Đã đối chiếu bản gốc: đủ tiêu chuẩn.",
        confirmed={row["rule"]: True for row in rows},
    )
    nomination.refresh_from_db()
    # Announced from today for the shortest notice, then dated as the notice that is over.
    today = timezone.localdate()
    notice = awards.announce_nomination(
        office, nomination, starts_on=today, ends_on=earliest_notice_end(today)
    )
    notice.starts_on, notice.ends_on = today - datetime.timedelta(days=14), today
    notice.save()
    nomination.refresh_from_db()
    vote = awards.open_vote(office, nomination)
    for member in vote.council.members.order_by("pk"):
        awards.record_ballot(office, vote, member=member, choice=Choice.AGREE)
    nomination.refresh_from_db()
    awards.close_vote(office, vote)
    nomination.refresh_from_db()
    return nomination


def load() -> None:
    _load()
    from vinhdanh.awards.demo import fund_plans

    fund_plans()


def _load() -> None:
    city = Council.objects.get(unit__code=data.CITY["unit"])
    if Nomination.objects.filter(year=data.YEAR, unit__code__startswith="hn-phuong-").exists():
        return
    title = Title.objects.get(code="bang_khen_tinh")
    basis = title.award_bases.get(code="thuong_xuyen")
    city_office = User.objects.get(username="thuongtruc.hanoi")
    city_chair = User.objects.get(username="chutich.hanoi")
    taken: dict[str, int] = {}
    for slug, stage in data.DOSSIERS:
        officer = User.objects.get(username=f"canbo.phuong.{slug}")
        office = User.objects.get(username=f"thuongtruc.{slug}")
        people = Person.objects.filter(unit=officer.unit, code__startswith="demo-").order_by("code")
        person = people[taken.get(slug, 0)]
        taken[slug] = taken.get(slug, 0) + 1
        nomination = awards.create_nomination(
            officer,
            person=person,
            title=title,
            basis=basis,
            year=data.YEAR,
            event="Đã có thành tích xuất sắc trong năm đầu vận hành chính quyền hai cấp",
            achievements=f"{person.position}: hoàn thành xuất sắc nhiệm vụ năm 2025 và 2026.",
        )
        if stage == "draft":
            continue
        for row in title.title_components.filter(required=True, component__generated=False):
            awards.add_attachment(
                officer, nomination, component=row.component,
                filename=f"{row.component.code}.pdf", content=DEMO_PDF,
            )  # fmt: skip
        awards.submit_nomination(officer, nomination)
        nomination.refresh_from_db()
        if stage == "submitted":
            continue
        nomination = _through_the_council(nomination, office)
        awards.forward_to_higher_level(
            office, nomination, to_council=city, letter_number=f"{taken[slug]}/TTr-UBND"
        )
        nomination.refresh_from_db()
        copy = nomination.copies_above.order_by("-pk").first()
        if stage == "sent_back":
            awards.send_back(city_office, copy, reasons=data.SENT_BACK_REASONS)
        elif stage == "decided":
            copy = _through_the_council(copy, city_office)
            awards.issue_decision(
                city_chair,
                [copy],
                signed_on=timezone.localdate(),
                subject="Về việc tặng Bằng khen của Chủ tịch UBND Thành phố năm 2026",
            )
