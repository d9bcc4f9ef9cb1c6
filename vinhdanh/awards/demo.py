"""The 2021 commendation round of the Hoàng Mai demo: nominations in every state.

Built through the services, so the demo's workflow history (transitions, votes, decisions)
looks like real use. The audit log stays empty: the demo loader loads everything as seed
data (`audit.services.loading_seed_data`). Single certificate PDFs are made on request;
the decided ones are printed once as a job. One dossier goes up in a batch with its
submission letter.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.awards import printing, services
from vinhdanh.awards.catalogue_loader import load_catalogue
from vinhdanh.awards.guards import earliest_notice_end
from vinhdanh.awards.models import Choice, Nomination, PrintJob, State, Title
from vinhdanh.org.models import Person

YEAR = 2021
# Where the demo runs (`make run`): the address printed in the certificates' QR codes.
DEMO_BASE_URL = "http://127.0.0.1:8000/"
# A tiny valid PDF stands for the scanned documents of the demo.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
# Target state of each demo nomination, given in turn to people of the two demo wards.
TARGETS = [
    State.DRAFT,
    State.SUBMITTED,
    State.RETURNED,
    State.APPRAISED,
    State.REJECTED,
    State.ANNOUNCED,
    State.VOTING,
    State.VOTED,
    State.NOT_APPROVED,
    State.FORWARDED,
    State.DECIDED,
    State.DECIDED,
    State.HANDED_OVER,
    State.REVOKED,
]


def _attach_required(officer, nomination) -> None:
    for row in nomination.title.title_components.filter(required=True, component__generated=False):
        services.add_attachment(
            officer,
            nomination,
            component=row.component,
            filename=f"{row.component.code}.pdf",
            content=DEMO_PDF,
        )


def _vote(office, vote, agree: bool) -> None:
    for index, member in enumerate(vote.council.members.order_by("pk")):
        choice = Choice.AGREE if agree or index == 0 else Choice.DISAGREE
        services.record_ballot(office, vote, member=member, choice=choice)


def _advance(nomination, target, *, officer, office, leader) -> Nomination:
    day = datetime.date(YEAR, 11, 20)
    if target == State.DRAFT:
        return nomination
    _attach_required(officer, nomination)
    if target == State.SUBMITTED:
        # Sent the way a unit sends several at once: in a batch, under a submission letter.
        batch = services.create_batch(
            officer,
            unit=officer.unit,
            year=YEAR,
            name="Đợt tổng kết năm 2021",
            nominations=[nomination],
        )
        services.submit_batch(officer, batch, letter_number="12/TTr-UBND")
        nomination.refresh_from_db()
        return nomination
    services.submit_nomination(officer, nomination)
    nomination.refresh_from_db()
    if target == State.RETURNED:
        services.return_nomination(
            office, nomination, reasons="Bổ sung biên bản bình xét có chữ ký của chủ trì cuộc họp."
        )
        return nomination
    services.appraise_nomination(
        office,
        nomination,
        passed=target != State.REJECTED,
        reasons="Đã đối chiếu bản gốc: đủ tiêu chuẩn."
        if target != State.REJECTED
        else "Chưa đủ tiêu chuẩn về thành tích.",
        confirmed={"muc_hoan_thanh_nhiem_vu": True, "tieu_chuan_cua_tinh": True},
    )
    nomination.refresh_from_db()
    if target in (State.APPRAISED, State.REJECTED):
        return nomination
    nomination.refresh_from_db()
    # A notice starts today at the earliest: announced now, then dated when it happened.
    today = timezone.localdate()
    services.announce_nomination(
        office,
        nomination,
        starts_on=today,
        ends_on=earliest_notice_end(today),
        where="Trụ sở UBND phường",
    )
    notice = nomination.notices.first()
    notice.starts_on, notice.ends_on = day, day + datetime.timedelta(days=5)
    notice.save()
    if target == State.ANNOUNCED:
        return nomination
    nomination.refresh_from_db()
    notice = nomination.notices.first()
    notice.starts_on, notice.ends_on = day - datetime.timedelta(days=10), day
    notice.save()
    vote = services.open_vote(office, nomination)
    if target == State.VOTING:
        return nomination
    _vote(office, vote, agree=target != State.NOT_APPROVED)
    nomination.refresh_from_db()
    services.close_vote(office, vote)
    nomination.refresh_from_db()
    if target in (State.VOTED, State.NOT_APPROVED):
        return nomination
    if target == State.FORWARDED:
        services.forward_to_higher_level(
            office,
            nomination,
            external_body="Hội đồng Thi đua - Khen thưởng thành phố Hà Nội",
            note="Trình UBND Thành phố",
        )
        return nomination
    return nomination  # decided and later states are issued together in `load`


@transaction.atomic
def load() -> None:
    load_catalogue()
    _load_round()
    fund_plans()


# The planned fund of a council's year in the demo (đồng): enough for the demo's decisions.
DEMO_FUND = 20_000_000


def fund_plans() -> None:
    """A planned fund for every council and year the demo's decisions paid bonuses from,
    so the fund page shows a plan, the bonuses and what remains (idempotent)."""
    from vinhdanh.awards.models import FundEntry, FundPlan

    pairs = set(FundEntry.objects.values_list("council_id", "year"))
    for council_id, year in sorted(pairs):
        FundPlan.objects.get_or_create(
            council_id=council_id,
            year=year,
            defaults={"planned": DEMO_FUND, "note": "Dự toán quỹ thi đua, khen thưởng năm"},
        )


def _load_round() -> None:
    if Nomination.objects.filter(year=YEAR).exists():
        return
    officers = {
        user.unit_id: user
        for user in User.objects.filter(username__in=["canbo.hoangliet", "canbo.dinhcong"])
    }
    office = User.objects.get(username="thuongtruc")
    leader = User.objects.get(username="chutich")
    # Alternate the two wards, so each ward's officer has dossiers at every stage.
    by_unit = [
        list(Person.objects.filter(unit_id=unit_id).order_by("code"))
        for unit_id in sorted(officers)
    ]
    people = [person for pair in zip(*by_unit, strict=False) for person in pair]
    giay_khen = Title.objects.get(code="giay_khen")
    basis = giay_khen.award_bases.get(code="thuong_xuyen")
    to_decide = []
    for person, target in zip(people, TARGETS, strict=False):
        officer = officers[person.unit_id]
        nomination = services.create_nomination(
            officer,
            person=person,
            title=giay_khen,
            basis=basis,
            year=YEAR,
            event="Đã có thành tích xuất sắc trong phong trào thi đua năm 2021",
            achievements=f"{person.position}: hoàn thành xuất sắc nhiệm vụ được giao năm 2021.",
        )
        _advance(nomination, target, officer=officer, office=office, leader=leader)
        if target in (State.DECIDED, State.HANDED_OVER, State.REVOKED):
            to_decide.append((nomination, target))
    if not to_decide:
        return
    decision = services.issue_decision(
        leader,
        [n for n, _target in to_decide],
        signed_on=datetime.date(YEAR, 12, 20),
        subject="Về việc tặng Giấy khen năm 2021",
    )
    for nomination, target in to_decide:
        nomination.refresh_from_db()
        if target == State.HANDED_OVER:
            services.hand_over(office, nomination, on=datetime.date(YEAR, 12, 28))
        if target == State.REVOKED:
            services.revoke_certificate(
                leader,
                nomination.certificate,
                reason="Phát hiện kê khai thành tích không trung thực.",
                ground="a",
                signed_on=datetime.date(YEAR + 1, 3, 15),
            )
    _print(office, decision)


def _print(office, decision) -> None:
    """The decision's certificates printed once, as the office does after signing."""
    job = PrintJob.objects.create(
        decision=decision,
        requested_by=office,
        total=decision.certificates.filter(revoked_at__isnull=True).count(),
    )
    printing.run_print_job(job.pk, DEMO_BASE_URL)
