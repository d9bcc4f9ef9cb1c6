import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from docx import Document

from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Cluster, Unit
from vinhdanh.scoring import cluster_year, reports, selectors, services
from vinhdanh.scoring.models import (
    Ballot,
    BallotCast,
    ClusterProposal,
    CriteriaSheet,
    Score,
    Scorecard,
)

pytestmark = pytest.mark.django_db
IN_2021 = datetime.datetime(2021, 12, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def cum1(demo):
    return Cluster.objects.get(year=2021, code="cum-1")


def _card(cluster, unit_code):
    return Scorecard.objects.get(sheet__cluster=cluster, unit__code=unit_code)


def _versions(card, *codes):
    scores = Score.objects.filter(scorecard=card, criterion__code__in=codes)
    return {s.criterion_id: s.version for s in scores}, {
        s.criterion.code: s.criterion_id for s in scores.select_related("criterion")
    }


def test_demo_clusters_are_scored_ranked_and_voted(cum1):
    cum2 = Cluster.objects.get(year=2021, code="cum-2")
    for cluster in (cum1, cum2):
        ranked = selectors.ranking(cluster.criteria_sheet)
        assert len(ranked) == cluster.members.count()
        assert ranked[0].rank == 1
    assert ClusterProposal.objects.filter(cluster=cum2, title_code="co_thi_dua_tinh").count() == 1
    assert set(selectors.proposals_for_year(2021).values_list("cluster__code", flat=True)) == {
        "cum-2"
    }


@time_machine.travel(IN_2021, tick=False)
def test_self_review_final_flow_with_audit(cum1, demo_user):
    officer, head, office = (
        demo_user("canbo.hoangliet"),
        demo_user("cumtruong"),
        demo_user("thuongtruc"),
    )
    card = _card(cum1, "phuong-hoang-liet")
    versions, ids = _versions(card, "1.1", "1.3")
    services.save_scores(
        officer,
        card,
        stage=services.SELF,
        versions=versions,
        changes={ids["1.1"]: ("25", "Báo cáo số 12"), ids["1.3"]: ("15", "")},
    )
    versions, _ = _versions(card, "1.1")
    with pytest.raises(ValidationError, match="ghi lý do"):
        services.save_scores(
            head, card, stage=services.REVIEW, versions=versions, changes={ids["1.1"]: ("22", "")}
        )
    services.save_scores(
        head,
        card,
        stage=services.REVIEW,
        versions=versions,
        changes={ids["1.1"]: ("22", "Thiếu chỉ tiêu thu ngân sách")},
    )
    versions, _ = _versions(card, "1.1")
    services.save_scores(
        office,
        card,
        stage=services.FINAL,
        versions=versions,
        changes={ids["1.1"]: ("23", "Hội đồng xem xét lại")},
    )
    score = Score.objects.get(scorecard=card, criterion_id=ids["1.1"])
    assert (score.self_points, score.review_points, score.final_points) == (25, 22, 23)
    assert score.effective_points == 23
    actions = set(
        AuditEntry.objects.filter(object_type="scoring.score", object_id=str(score.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions >= {"scoring.score.self", "scoring.score.review", "scoring.score.final"}


@time_machine.travel(IN_2021, tick=False)
def test_bad_points_refused_and_nothing_saved(cum1, demo_user):
    officer = demo_user("canbo.hoangliet")
    card = _card(cum1, "phuong-hoang-liet")
    versions, ids = _versions(card, "1.1", "1.2", "1.3")
    before = list(Score.objects.filter(scorecard=card).values_list("self_points", "version"))
    for bad in ("31", "-2", "abc"):
        with pytest.raises(ValidationError):
            services.save_scores(
                officer,
                card,
                stage=services.SELF,
                versions=versions,
                changes={ids["1.3"]: ("10", ""), ids["1.2"]: (bad, "Có")},
            )
    with pytest.raises(ValidationError, match="minh chứng"):
        services.save_scores(
            officer, card, stage=services.SELF, versions=versions, changes={ids["1.1"]: ("20", "")}
        )
    after = list(Score.objects.filter(scorecard=card).values_list("self_points", "version"))
    assert before == after


@time_machine.travel(IN_2021, tick=False)
def test_two_editors_conflict_is_reported_not_lost(cum1, demo_user):
    officer, head = demo_user("canbo.hoangliet"), demo_user("cumtruong")
    card = _card(cum1, "phuong-hoang-liet")
    stale, ids = _versions(card, "1.1", "1.3")
    services.save_scores(
        head,
        card,
        stage=services.REVIEW,
        versions=stale,
        changes={ids["1.1"]: ("20", "Điều chỉnh")},
    )
    with pytest.raises(services.ScoreConflict) as caught:
        services.save_scores(
            officer,
            card,
            stage=services.SELF,
            versions=stale,
            changes={ids["1.1"]: ("29", "Báo cáo"), ids["1.3"]: ("14", "")},
        )
    text = " ".join(caught.value.messages)
    assert "1.1" in text and "cụm trưởng 20" in text
    assert Score.objects.get(scorecard=card, criterion_id=ids["1.1"]).review_points == 20
    # Different criteria edited from the same page do not collide.
    services.save_scores(
        officer,
        card,
        stage=services.SELF,
        versions={ids["1.3"]: stale[ids["1.3"]]},
        changes={ids["1.3"]: ("14", "")},
    )


@time_machine.travel(IN_2021, tick=False)
def test_who_may_score_what(cum1, demo_user):
    officer, head = demo_user("canbo.hoangliet"), demo_user("cumtruong")
    other = _card(cum1, "phuong-dinh-cong")
    versions, other_ids = _versions(other, "1.3")
    with pytest.raises(PermissionDenied):
        services.save_scores(
            officer,
            other,
            stage=services.SELF,
            versions=versions,
            changes={other_ids["1.3"]: ("10", "")},
        )
    with pytest.raises(PermissionDenied):
        services.save_scores(
            officer,
            other,
            stage=services.REVIEW,
            versions=versions,
            changes={other_ids["1.3"]: ("10", "x")},
        )
    # A unit of another cluster cannot score on this cluster's sheet.
    cum2_card = Scorecard.objects.filter(sheet__cluster__code="cum-2").first()
    v2, ids2 = _versions(cum2_card, "1.3")
    with pytest.raises(PermissionDenied):
        services.save_scores(
            officer, cum2_card, stage=services.SELF, versions=v2, changes={ids2["1.3"]: ("10", "")}
        )
    with pytest.raises(PermissionDenied):
        services.save_scores(
            head, cum2_card, stage=services.REVIEW, versions=v2, changes={ids2["1.3"]: ("10", "x")}
        )


def test_sheet_locks_at_the_deadline(cum1, demo_user):
    officer, office = demo_user("canbo.hoangliet"), demo_user("thuongtruc")
    card = _card(cum1, "phuong-hoang-liet")
    versions, ids = _versions(card, "1.3")
    with time_machine.travel(datetime.datetime(2021, 12, 16, 9, 0, tzinfo=datetime.UTC)):
        assert cum1.criteria_sheet.is_locked
        with pytest.raises(ValidationError, match="đã khóa"):
            services.save_scores(
                officer,
                card,
                stage=services.SELF,
                versions=versions,
                changes={ids["1.3"]: ("10", "")},
            )
        services.save_scores(
            office,
            card,
            stage=services.FINAL,
            versions=versions,
            changes={ids["1.3"]: ("12", "Hội đồng điều chỉnh")},
        )


def test_import_sheet_replaces_an_unscored_sheet(demo_user):
    office = demo_user("thuongtruc")
    cluster = Cluster.objects.get(year=2021, code="cum-3")
    from vinhdanh.scoring.tests.test_rules import _book

    content = _book(
        [
            ["I. Nhiệm vụ", "1.1", "Chỉ tiêu", 60, "Chấm điểm", "Có"],
            ["II. Trừ", "2.1", "Vi phạm", 10, "Trừ", "Không"],
        ]
    )
    sheet = services.import_sheet(
        office,
        cluster,
        filename="tc.xlsx",
        content=content,
        title="Tiêu chí cụm 3",
        deadline=datetime.date(2021, 12, 15),
        past_deadline_ok=True,
    )
    assert sheet.sections.count() == 2
    assert sheet.scorecards.count() == cluster.members.count()
    bad = _book([["I", "1.1", "A", "x", "Chấm điểm", "Có"]])
    with pytest.raises(ValidationError, match="Dòng 2"):
        services.import_sheet(
            office, cluster, filename="tc.xlsx", content=bad, title="x", deadline=None
        )
    assert CriteriaSheet.objects.get(cluster=cluster).pk == sheet.pk
    with pytest.raises(PermissionDenied):
        services.import_sheet(
            demo_user("cumtruong"),
            cluster,
            filename="tc.xlsx",
            content=content,
            title="x",
            deadline=None,
        )


def test_covenant_confirmation(cum1, demo_user):
    cum2 = Cluster.objects.get(year=2021, code="cum-2")
    covenant = cum2.covenant
    unsigned = cum2.members.exclude(pk__in=covenant.signatures.values("unit_id")).first()
    from vinhdanh.accounts.models import User

    user = User.objects.create(username="canbo.x", role="unit_officer", unit=unsigned)
    cluster_year.confirm_covenant(user, covenant)
    with pytest.raises(ValidationError, match="đã xác nhận"):
        cluster_year.confirm_covenant(user, covenant)
    with pytest.raises(PermissionDenied):
        cluster_year.confirm_covenant(demo_user("canbo.hoangliet"), covenant)
    text = "\n".join(
        c.text
        for t in Document(io.BytesIO(reports.covenant_document(covenant))).tables
        for r in t.rows
        for c in r.cells
    )
    assert unsigned.name in text and "Đã ký" in text


def test_secret_ballot_flow(cum1, demo_user):
    office, officer = demo_user("thuongtruc"), demo_user("canbo.hoangliet")
    start = timezone.make_aware(datetime.datetime(2021, 12, 16, 8, 0))
    ballot = cluster_year.open_ballot(
        office,
        cum1,
        title="Suy tôn",
        opens_at=start,
        closes_at=start + datetime.timedelta(hours=8),
        seats=1,
    )
    assert "trên 50%" in ballot.rule_text
    leader = selectors.ranking(cum1.criteria_sheet)[0].key
    early = time_machine.travel(start - datetime.timedelta(hours=1))
    with early, pytest.raises(ValidationError, match="Ngoài thời gian"):
        cluster_year.cast_ballot(officer, ballot, [leader])
    from vinhdanh.accounts.models import User

    members = list(cum1.members.order_by("code"))
    with time_machine.travel(start + datetime.timedelta(hours=1)):
        with pytest.raises(ValidationError, match="thành viên"):
            cluster_year.cast_ballot(officer, ballot, [Unit.objects.get(code="phuong-tan-mai").pk])
        with pytest.raises(ValidationError, match="tối đa"):
            cluster_year.cast_ballot(officer, ballot, [members[0].pk, members[1].pk])
        for index, unit in enumerate(members):
            if index == 1:  # before the closing time, with units still to vote: not yet
                with pytest.raises(ValidationError, match=r"còn đơn vị chưa bỏ phiếu \(1/"):
                    cluster_year.count_ballot(office, ballot)
            voter = User.objects.create(username=f"voter{index}", role="unit_officer", unit=unit)
            cluster_year.cast_ballot(voter, ballot, [leader])
        with pytest.raises(ValidationError, match="đã bỏ phiếu"):
            cluster_year.cast_ballot(officer, ballot, [leader])
        # Every member unit has voted: counted at the meeting, the same day.
        cluster_year.count_ballot(office, ballot)
    assert BallotCast.objects.filter(round=ballot).count() == len(members)
    assert not any(f.name in ("voter_unit", "cast_by") for f in Ballot._meta.get_fields())
    later = time_machine.travel(start + datetime.timedelta(hours=2))
    with later, pytest.raises(ValidationError):
        cluster_year.cast_ballot(officer, ballot, [leader])
    ballot.refresh_from_db()
    assert [r["unit"] for r in ballot.result if r["elected"]] == [leader]
    proposals = cluster_year.propose_titles(office, ballot)
    assert [(p.unit_id, p.title_code) for p in proposals] == [(leader, "co_thi_dua_tinh")]
    assert selectors.proposals_for_year(2021).filter(cluster=cum1).count() == 1


def test_reports_and_history(cum1):
    for period, marker in (("mid", "Sơ kết 6 tháng"), ("end", "BÌNH XÉT, SUY TÔN")):
        document = Document(io.BytesIO(reports.cluster_report(cum1, period)))
        text = "\n".join(p.text for p in document.paragraphs)
        assert marker in text
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        assert "Điểm cuối cùng" in cells
    history = selectors.cluster_history(cum1)
    assert history[0]["cluster"] == cum1 and history[0]["leader"] is not None
    assert history[0]["best"] > Decimal(0)


def test_rotation_makes_next_year(cum1, demo_user):
    new = cluster_year.rotate_cluster(demo_user("thuongtruc"), cum1, 2022)
    assert new.head_id == cum1.deputy_id
    assert new.deputy_id not in (None, cum1.deputy_id, cum1.head_id)
    assert new.members.count() == cum1.members.count()
    with pytest.raises(ValidationError):
        cluster_year.rotate_cluster(demo_user("thuongtruc"), cum1, 2022)


@time_machine.travel(IN_2021, tick=False)
def test_evidence_file_backs_a_self_score(cum1, demo_user):
    officer = demo_user("canbo.hoangliet")
    card = _card(cum1, "phuong-hoang-liet")
    versions, ids = _versions(card, "1.1")
    with pytest.raises(ValidationError):
        services.attach_evidence(
            officer, card, criterion_id=ids["1.1"], filename="bc.pdf", content=b"MZ" + b"\0" * 99
        )
    evidence = services.attach_evidence(
        officer, card, criterion_id=ids["1.1"], filename="bc.pdf", content=b"%PDF-1.4\n%%EOF\n"
    )
    assert evidence.kind == "pdf"
    # With a file attached, the score no longer needs a written note.
    services.save_scores(
        officer, card, stage=services.SELF, versions=versions, changes={ids["1.1"]: ("28", "")}
    )
    with pytest.raises(PermissionDenied):
        services.attach_evidence(
            demo_user("cumtruong"),
            card,
            criterion_id=ids["1.1"],
            filename="x.pdf",
            content=b"%PDF-1.4\n",
        )
