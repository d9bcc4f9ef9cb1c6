"""Clusters 1 and 2 of 2021: covenant, criteria sheet, scores, ranking; cluster 2 voted."""

import datetime
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from vinhdanh.accounts.models import Role, User
from vinhdanh.core.uploads import validate_upload
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import rules, selectors
from vinhdanh.scoring.models import (
    Ballot,
    BallotCast,
    BallotRound,
    BallotState,
    ClusterProposal,
    Covenant,
    CovenantSignature,
    CriteriaSheet,
    Criterion,
    Score,
    Scorecard,
    ScorecardState,
    ScoreEvidence,
    Section,
    SheetState,
)
from vinhdanh.scoring.sheet_import import CriterionSpec

YEAR = 2021
D = Decimal
SECTIONS = [
    (
        "I. Thực hiện nhiệm vụ chính trị, chỉ tiêu kinh tế - xã hội",
        [
            CriterionSpec(
                "1.1", "Hoàn thành các chỉ tiêu kinh tế - xã hội được giao", D(30), "standard", True
            ),
            CriterionSpec(
                "1.2", "Phòng, chống dịch bệnh; bảo đảm an sinh xã hội", D(20), "standard", True
            ),
            CriterionSpec("1.3", "Cải cách hành chính, văn hóa công sở", D(15), "standard", False),
        ],
    ),
    (
        "II. Tổ chức phong trào thi đua, công tác khen thưởng",
        [
            CriterionSpec(
                "2.1", "Phát động, triển khai các phong trào thi đua", D(15), "standard", False
            ),
            CriterionSpec(
                "2.2", "Phát hiện, nhân rộng điển hình tiên tiến", D(10), "standard", True
            ),
            CriterionSpec("2.3", "Thực hiện giao ước thi đua của cụm", D(10), "standard", False),
        ],
    ),
    (
        "III. Điểm thưởng, điểm trừ",
        [
            CriterionSpec(
                "3.1", "Mô hình mới, cách làm hay được Thành phố ghi nhận", D(5), "bonus", True
            ),
            CriterionSpec(
                "3.2", "Vi phạm, để xảy ra điểm nóng, chậm báo cáo", D(10), "penalty", False
            ),
        ],
    ),
]
COVENANT_TEXT = (
    "Căn cứ Kế hoạch số 01/KH-HĐTĐKT ngày 15/01/2021 của Hội đồng Thi đua - Khen thưởng "
    "quận Hoàng Mai, các đơn vị thành viên cụm thống nhất ký kết giao ước thi đua năm 2021.\n"
    "1. Thi đua hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội năm 2021.\n"
    "2. Tổ chức thành công bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp.\n"
    "3. Thực hiện tốt văn hóa công sở, trật tự văn minh đô thị, an toàn thực phẩm.\n"
    "4. Sơ kết 6 tháng và tổng kết năm; bình xét, suy tôn đơn vị dẫn đầu khách quan, công khai."
)


def _moment(day: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(f"{day} 09:00"))


def _sheet(cluster: Cluster) -> CriteriaSheet:
    sheet, created = CriteriaSheet.objects.get_or_create(
        cluster=cluster,
        defaults={
            "title": f"Bảng tiêu chí chấm điểm {cluster.name} năm {YEAR}",
            "deadline": datetime.date(2021, 12, 15),
        },
    )
    if not created:
        return sheet
    for s_order, (title, specs) in enumerate(SECTIONS, start=1):
        section = Section.objects.create(sheet=sheet, order=s_order, title=title)
        for c_order, spec in enumerate(specs, start=1):
            Criterion.objects.create(
                section=section,
                order=c_order,
                code=spec.code,
                text=spec.text,
                max_points=spec.max_points,
                kind=spec.kind,
                evidence_required=spec.evidence_required,
            )
    return sheet


def _scores(sheet: CriteriaSheet, seed: int, reviewer, office) -> None:
    rng = random.Random(seed)
    criteria = list(Criterion.objects.filter(section__sheet=sheet))
    for position, unit in enumerate(sheet.cluster.members.order_by("code")):
        card, created = Scorecard.objects.get_or_create(sheet=sheet, unit=unit)
        if not created:
            continue
        card.submitted_at = _moment("2021-12-05")
        card.reviewed_at = _moment("2021-12-10")
        card.state = ScorecardState.REVIEWED
        card.save()
        for criterion in criteria:
            top = criterion.max_points
            if criterion.kind == rules.PENALTY:
                own = D(rng.choice([0, 0, 0, 1, 2]))
            elif criterion.kind == rules.BONUS:
                own = D(rng.choice([0, 2, 3, 5]))
            else:
                own = top - D(rng.choice([0, 0, 1, 2, 3]))
            score = Score(
                scorecard=card,
                criterion=criterion,
                self_points=own,
                evidence="Báo cáo kết quả năm 2021 của đơn vị"
                if criterion.evidence_required
                else "",
                version=1,
                updated_by=reviewer,
                updated_at=_moment("2021-12-05"),
            )
            if criterion.code == "1.1" and position % 3 == 1 and own > 1:
                score.review_points = own - 1
                score.review_reason = "Một chỉ tiêu chưa đạt theo báo cáo của Chi cục Thống kê."
                score.version = 2
            score.save()
    first = (
        Score.objects.filter(scorecard__sheet=sheet, criterion__code="3.2").order_by("pk").first()
    )
    if first and first.final_points is None and office is not None:
        first.final_points = D(2)
        first.final_reason = "Chậm gửi báo cáo sơ kết 6 tháng theo đề nghị của Phòng Nội vụ."
        first.version += 1
        first.save()


def _covenant(cluster: Cluster, sign_all: bool) -> None:
    covenant, created = Covenant.objects.get_or_create(
        cluster=cluster, defaults={"text": COVENANT_TEXT, "signed_on": datetime.date(2021, 3, 8)}
    )
    if not created:
        return
    members = list(cluster.members.order_by("code"))
    for unit in members if sign_all else members[:-2]:
        CovenantSignature.objects.create(
            covenant=covenant, unit=unit, confirmed_at=_moment("2021-03-08")
        )


def _ballot(cluster: Cluster, sheet: CriteriaSheet) -> None:
    ballot, created = BallotRound.objects.get_or_create(
        cluster=cluster,
        title="Suy tôn đơn vị dẫn đầu phong trào thi đua năm 2021",
        defaults={
            "opens_at": _moment("2021-12-16"),
            "closes_at": _moment("2021-12-17"),
            "seats": 2,
            "threshold_percent": 50,
        },
    )
    if not created:
        return
    members = list(cluster.members.order_by("code"))
    ballot.member_count = len(members)
    ballot.rule_text = rules.count_rule(50, len(members), 2)
    order = [row.key for row in selectors.ranking(sheet)]
    papers = []
    for index, voter in enumerate(members):
        BallotCast.objects.create(round=ballot, voter_unit=voter, cast_at=_moment("2021-12-16"))
        choice = order[:2] if index % 4 else [order[0], order[2]]
        paper = Ballot.objects.create(round=ballot)
        paper.choices.set(choice)
        papers.append(choice)
    rows = rules.tally(
        papers, member_count=len(members), threshold_percent=50, seats=2, ranking_order=order
    )
    ballot.result = [{"unit": r.unit, "votes": r.votes, "elected": r.elected} for r in rows]
    ballot.counted_at = _moment("2021-12-17")
    ballot.state = BallotState.COUNTED
    ballot.save()
    elected = [r for r in rows if r.elected]
    for position, row in enumerate(elected, start=1):
        code, name = (
            ("co_thi_dua_tinh", "Cờ thi đua của UBND Thành phố")
            if position == 1
            else ("bang_khen_tinh", "Bằng khen của UBND Thành phố")
        )
        ClusterProposal.objects.get_or_create(
            cluster=cluster,
            unit_id=row.unit,
            title_code=code,
            defaults={"year": YEAR, "title_name": name, "rank": position, "votes": row.votes},
        )
    sheet.finalised_at = sheet.finalised_at or _moment("2021-12-17")
    sheet.state = SheetState.FINALISED
    sheet.save()


def _evidence(sheet: CriteriaSheet) -> None:
    """A file backing one unit's self-score, uploaded by that unit's officer."""
    if ScoreEvidence.objects.filter(score__scorecard__sheet=sheet).exists():
        return
    for card in Scorecard.objects.filter(sheet=sheet).order_by("unit__code"):
        officer = User.objects.filter(unit_id=card.unit_id, role=Role.UNIT_OFFICER).first()
        score = card.scores.filter(criterion__evidence_required=True).order_by("pk").first()
        if officer is None or score is None:
            continue
        name = f"minh-chung-{score.criterion.code}.txt"
        content = f"{score.evidence}: {card.unit.name}, tiêu chí {score.criterion.code}.\n".encode()
        # The demo's files pass the upload gate like any user's.
        kind = validate_upload(name, content)
        evidence = ScoreEvidence(score=score, name=name, kind=kind, uploaded_by=officer)
        evidence.file.save(name, ContentFile(content), save=False)
        evidence.uploaded_at = _moment("2021-12-05")
        evidence.save()
        return


def load() -> None:
    reviewer = User.objects.filter(username="cumtruong").first()
    office = User.objects.filter(username="thuongtruc").first()
    for code, seed, sign_all, vote in (("cum-1", 1, True, False), ("cum-2", 2, False, True)):
        cluster = Cluster.objects.filter(year=YEAR, code=code).first()
        if cluster is None:
            continue
        _covenant(cluster, sign_all)
        sheet = _sheet(cluster)
        _scores(sheet, seed, reviewer, office)
        _evidence(sheet)
        if vote:
            _ballot(cluster, sheet)
