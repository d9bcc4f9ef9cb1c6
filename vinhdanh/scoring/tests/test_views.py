import datetime

import pytest
import time_machine

from vinhdanh.org.models import Cluster
from vinhdanh.scoring.models import Score, Scorecard

pytestmark = pytest.mark.django_db


@pytest.fixture
def cum1(demo):
    return Cluster.objects.get(year=2021, code="cum-1")


def test_cluster_page_shows_ranking_covenant_and_history(client, cum1, demo_user):
    client.force_login(demo_user("cumtruong"))
    page = client.get(f"/scoring/clusters/{cum1.pk}/").content.decode()
    assert 'data-testid="ranking"' in page and "Phường Hoàng Liệt" in page
    assert "Đã ký" in page
    for url in (
        f"/scoring/clusters/{cum1.pk}/report-mid.docx",
        f"/scoring/clusters/{cum1.pk}/giao-uoc.docx",
    ):
        assert client.get(url).status_code == 200


def test_unit_of_another_cluster_cannot_open_the_page(client, cum1, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    cum2 = Cluster.objects.get(year=2021, code="cum-2")
    assert client.get(f"/scoring/clusters/{cum2.pk}/").status_code == 404
    card = Scorecard.objects.get(sheet__cluster=cum2, unit__code="phuong-tan-mai")
    assert client.get(f"/scoring/cards/{card.pk}/").status_code == 404


@time_machine.travel(datetime.datetime(2021, 12, 1, 10, 0, tzinfo=datetime.UTC), tick=False)
def test_cluster_head_reviews_through_the_form(client, cum1, demo_user):
    client.force_login(demo_user("cumtruong"))
    card = Scorecard.objects.get(sheet=cum1.criteria_sheet, unit__code="phuong-hoang-liet")
    score = Score.objects.get(scorecard=card, criterion__code="1.3")
    cid = score.criterion_id
    response = client.post(
        f"/scoring/cards/{card.pk}/",
        {
            f"points-{cid}": "99",
            f"note-{cid}": "x",
            f"version-{cid}": score.version,
        },
        follow=True,
    )
    assert "vượt quá điểm tối đa" in response.content.decode()
    response = client.post(
        f"/scoring/cards/{card.pk}/",
        {
            f"points-{cid}": "9",
            f"note-{cid}": "Chưa đạt chuẩn",
            f"version-{cid}": score.version,
        },
        follow=True,
    )
    assert "Đã lưu 1 tiêu chí" in response.content.decode()
    score.refresh_from_db()
    assert score.review_points == 9


def test_ranking_export_and_rotation(client, cum1, demo_user):
    import io

    from openpyxl import load_workbook

    client.force_login(demo_user("thuongtruc"))
    book = load_workbook(
        io.BytesIO(client.get(f"/scoring/clusters/{cum1.pk}/ranking.xlsx").content)
    )
    values = [c for row in book.active.iter_rows(values_only=True) for c in row if c]
    assert "Phường Hoàng Liệt" in values
    response = client.post(f"/scoring/clusters/{cum1.pk}/rotate/")
    new = Cluster.objects.get(code="cum-1", year=2022)
    assert response.status_code == 302 and new.head_id == cum1.deputy_id
    client.force_login(demo_user("cumtruong"))
    response = client.post(f"/scoring/clusters/{new.pk}/rotate/", follow=True)
    # The refusal of the shared permission registry (was the role check's wording).
    assert "Bạn không có quyền thực hiện thao tác này" in response.content.decode()
    assert not Cluster.objects.filter(code="cum-1", year=2023).exists()


# -- every write posts its form; a refusal is shown on the page again ----------------------
IN_2021 = datetime.datetime(2021, 12, 1, 10, 0, tzinfo=datetime.UTC)


def _page(response) -> str:
    return response.content.decode()


def test_the_office_locks_and_a_stale_page_is_told_so(client, cum1, demo_user):
    from vinhdanh.scoring.models import CriteriaSheet

    client.force_login(demo_user("thuongtruc"))
    sheet = cum1.criteria_sheet
    url = f"/scoring/clusters/{cum1.pk}/sheet/lock/"
    response = client.post(url, {"action": "lock", "version": sheet.version}, follow=True)
    assert "Đã cập nhật bảng điểm." in _page(response)
    assert CriteriaSheet.objects.get(pk=sheet.pk).state == "locked"
    # The same page, still showing version 0, asks to finalise: refused, shown on the page.
    response = client.post(url, {"action": "finalise", "version": sheet.version})
    assert response.status_code == 200
    assert "vừa được người khác thay đổi" in _page(response)
    assert CriteriaSheet.objects.get(pk=sheet.pk).state == "locked"
    # The page now offers only what a locked sheet allows: finalise and a new deadline.
    page = _page(client.get(f"/scoring/clusters/{cum1.pk}/"))
    assert 'value="finalise"' in page and 'value="lock"' not in page
    assert 'data-testid="sheet-deadline"' in page


def test_a_new_deadline_through_the_page_reopens_the_sheet(client, cum1, demo_user):
    from vinhdanh.scoring import services
    from vinhdanh.scoring.models import CriteriaSheet

    office = demo_user("thuongtruc")
    sheet = services.lock_sheet(office, cum1.criteria_sheet)
    client.force_login(office)
    url = f"/scoring/clusters/{cum1.pk}/sheet/deadline/"
    response = client.post(url, {"deadline": "15/13/2022", "version": sheet.version})
    assert "Nhập một ngày hợp lệ." in _page(response)
    assert CriteriaSheet.objects.get(pk=sheet.pk).state == "locked"
    response = client.post(url, {"deadline": "2022-01-20", "version": sheet.version}, follow=True)
    assert "Đã đặt hạn chấm điểm." in _page(response)
    sheet.refresh_from_db()
    assert (sheet.state, sheet.deadline) == ("open", datetime.date(2022, 1, 20))


def test_a_unit_cannot_lock_through_the_page(client, cum1, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(f"/scoring/clusters/{cum1.pk}/sheet/lock/", {"action": "lock"})
    assert "Bạn không có quyền thực hiện thao tác này." in _page(response)
    cum1.criteria_sheet.refresh_from_db()
    assert cum1.criteria_sheet.state == "open"


@time_machine.travel(IN_2021, tick=False)
def test_the_unit_sends_its_card_through_the_page(client, cum1, demo_user):
    card = Scorecard.objects.get(sheet=cum1.criteria_sheet, unit__code="phuong-hoang-liet")
    Scorecard.objects.filter(pk=card.pk).update(state="draft")
    client.force_login(demo_user("canbo.hoangliet"))
    page = _page(client.get(f"/scoring/cards/{card.pk}/"))
    assert 'data-testid="submit-scorecard"' in page
    response = client.post(
        f"/scoring/cards/{card.pk}/submit/", {"version": card.version}, follow=True
    )
    assert "Đã gửi kết quả tự chấm tới cụm trưởng." in _page(response)
    assert Scorecard.objects.get(pk=card.pk).state == "submitted"
    assert 'data-testid="submit-scorecard"' not in _page(response)


@time_machine.travel(IN_2021, tick=False)
def test_the_head_sees_no_inputs_on_a_card_not_yet_sent(client, cum1, demo_user):
    card = Scorecard.objects.get(sheet=cum1.criteria_sheet, unit__code="phuong-hoang-liet")
    Scorecard.objects.filter(pk=card.pk).update(state="draft")
    client.force_login(demo_user("cumtruong"))
    page = _page(client.get(f"/scoring/cards/{card.pk}/"))
    assert 'data-testid="card-closed"' in page and "“Đang tự chấm”" in page
    assert 'name="points-' not in page


@time_machine.travel(IN_2021, tick=False)
def test_a_bad_evidence_post_keeps_the_page_and_says_why(client, cum1, demo_user):
    card = Scorecard.objects.get(sheet=cum1.criteria_sheet, unit__code="phuong-hoang-liet")
    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(f"/scoring/cards/{card.pk}/evidence/", {"criterion": "x"})
    assert response.status_code == 200
    page = _page(response)
    assert "Vui lòng chọn tiêu chí và tệp minh chứng." in page
    assert 'data-testid="score-form"' in page


def test_opening_a_ballot_through_the_page(client, cum1, demo_user):
    from vinhdanh.scoring.models import BallotRound

    client.force_login(demo_user("thuongtruc"))
    url = f"/scoring/clusters/{cum1.pk}/ballots/open/"
    response = client.post(url, {"title": "", "seats": "abc", "days": "3"})
    assert "Số đơn vị được suy tôn phải là một số (từ 1 đến 10)." in _page(response)
    assert not BallotRound.objects.filter(cluster=cum1).exists()
    response = client.post(url, {"title": "", "seats": "1", "days": "2"}, follow=True)
    assert "Đã mở đợt bỏ phiếu suy tôn." in _page(response)
    ballot = BallotRound.objects.get(cluster=cum1)
    assert (ballot.title, ballot.seats, ballot.state) == ("Suy tôn đơn vị dẫn đầu", 1, "open")
    assert ballot.closes_at - ballot.opens_at == datetime.timedelta(days=2)


def test_voting_and_counting_through_the_page(client, cum1, demo_user):
    from vinhdanh.scoring import cluster_year
    from vinhdanh.scoring.models import BallotCast, BallotRound

    start = datetime.datetime(2021, 12, 16, 8, 0, tzinfo=datetime.UTC)
    ballot = cluster_year.open_ballot(
        demo_user("thuongtruc"),
        cum1,
        title="Suy tôn",
        opens_at=start,
        closes_at=start + datetime.timedelta(hours=8),
        seats=1,
    )
    ward = cum1.members.get(code="phuong-hoang-liet")
    client.force_login(demo_user("canbo.hoangliet"))
    with time_machine.travel(start + datetime.timedelta(hours=1)):
        page = _page(client.get(f"/scoring/clusters/{cum1.pk}/"))
        assert f'value="{ward.pk}"' in page and 'name="unit"' in page
        response = client.post(f"/scoring/ballots/{ballot.pk}/cast/", {"unit": [str(ward.pk)]})
        assert response.status_code == 302
        response = client.post(f"/scoring/ballots/{ballot.pk}/cast/", {"unit": [str(ward.pk)]})
        assert "Đơn vị của bạn đã bỏ phiếu trong đợt này." in _page(response)
    assert BallotCast.objects.filter(round=ballot).count() == 1
    client.force_login(demo_user("thuongtruc"))
    with time_machine.travel(start + datetime.timedelta(days=1)):
        response = client.post(
            f"/scoring/ballots/{ballot.pk}/count/",
            {"action": "count", "version": ballot.version},
            follow=True,
        )
    assert "Đã kiểm phiếu." in _page(response)
    assert BallotRound.objects.get(pk=ballot.pk).state == "counted"


def test_an_empty_covenant_is_refused_on_the_page(client, demo_user):
    from vinhdanh.scoring.models import Covenant

    cum3 = Cluster.objects.get(year=2021, code="cum-3")
    client.force_login(demo_user("thuongtruc"))
    response = client.post(f"/scoring/clusters/{cum3.pk}/covenant/", {"text": "  "})
    assert "Nội dung giao ước không được để trống." in _page(response)
    assert not Covenant.objects.filter(cluster=cum3).exists()
    client.post(f"/scoring/clusters/{cum3.pk}/covenant/", {"text": "Thi đua hoàn thành"})
    assert Covenant.objects.get(cluster=cum3).text == "Thi đua hoàn thành"
