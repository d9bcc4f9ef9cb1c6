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
