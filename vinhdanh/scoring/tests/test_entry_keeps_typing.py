"""A scorecard never loses typing: a bad cell is marked and every other value comes back;
several evidence files go at once; a criteria sheet past its deadline asks first."""

import datetime
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from vinhdanh.org.models import Cluster
from vinhdanh.scoring.models import CriteriaSheet, Score, Scorecard, ScoreEvidence
from vinhdanh.scoring.tests.test_rules import _book

pytestmark = pytest.mark.django_db
IN_2021 = datetime.datetime(2021, 12, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def card(demo):
    cluster = Cluster.objects.get(year=2021, code="cum-1")
    return Scorecard.objects.get(sheet=cluster.criteria_sheet, unit__code="phuong-hoang-liet")


def _input(page: str, name: str) -> str:
    """The whole <input> tag named `name`."""
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page)
    assert match, f"no input {name}"
    return match.group(0)


def _standard_scores(card, count=3):
    return list(
        Score.objects.filter(scorecard=card, criterion__kind="standard")
        .select_related("criterion")
        .order_by("criterion__section__order", "criterion__order")[:count]
    )


@time_machine.travel(IN_2021, tick=False)
def test_a_bad_cell_is_marked_and_every_other_typed_value_comes_back(client, card, demo_user):
    first, bad, third = _standard_scores(card)
    before = {s.pk: s.self_points for s in (first, bad, third)}
    client.force_login(demo_user("canbo.hoangliet"))
    data = {}
    for score, points, note in (
        (first, "1,5", "Báo cáo số 12"),
        (bad, "mười", "Đã làm"),
        (third, "2", "Biên bản kiểm tra"),
    ):
        cid = score.criterion_id
        data |= {f"points-{cid}": points, f"note-{cid}": note, f"version-{cid}": score.version}
    response = client.post(f"/scoring/cards/{card.pk}/", data)
    page = response.content.decode()
    assert response.status_code == 200
    # The refused cell is marked, with its message beside it.
    bad_input = _input(page, f"points-{bad.criterion_id}")
    assert "is-invalid" in bad_input and 'value="mười"' in bad_input
    cell = re.search(rf'data-testid="cell-error-{re.escape(bad.criterion.code)}"', page)
    assert cell is not None
    # Every other value is what was typed, not what is stored.
    assert 'value="1,5"' in _input(page, f"points-{first.criterion_id}")
    assert 'value="Báo cáo số 12"' in _input(page, f"note-{first.criterion_id}")
    assert 'value="2"' in _input(page, f"points-{third.criterion_id}")
    assert "is-invalid" not in _input(page, f"points-{third.criterion_id}")
    # Nothing was saved.
    assert {s.pk: s.self_points for s in Score.objects.filter(pk__in=before)} == before


@time_machine.travel(IN_2021, tick=False)
def test_a_refusal_of_the_service_marks_its_own_cell(client, card, demo_user):
    """The cluster head changes two points and forgets one reason: that note is marked."""
    Scorecard.objects.filter(pk=card.pk).update(state="submitted")
    first, second = _standard_scores(card, 2)
    client.force_login(demo_user("cumtruong"))
    data = {
        f"points-{first.criterion_id}": "1",
        f"note-{first.criterion_id}": "Thiếu minh chứng",
        f"version-{first.criterion_id}": first.version,
        f"points-{second.criterion_id}": "1",
        f"note-{second.criterion_id}": "",
        f"version-{second.criterion_id}": second.version,
    }
    page = client.post(f"/scoring/cards/{card.pk}/", data).content.decode()
    assert "is-invalid" in _input(page, f"note-{second.criterion_id}")
    assert "is-invalid" not in _input(page, f"note-{first.criterion_id}")
    assert 'value="Thiếu minh chứng"' in _input(page, f"note-{first.criterion_id}")
    assert "ghi lý do khi điều chỉnh điểm" in page
    assert Score.objects.get(pk=first.pk).review_points == first.review_points


def _pdf(name):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")


@time_machine.travel(IN_2021, tick=False)
def test_several_evidence_files_are_attached_at_once(client, card, demo_user):
    score = _standard_scores(card, 1)[0]
    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(
        f"/scoring/cards/{card.pk}/evidence/",
        {"criterion": score.criterion_id, "file": [_pdf("bien-ban.pdf"), _pdf("bao-cao.pdf")]},
        follow=True,
    )
    assert "Đã đính kèm 2 tệp minh chứng." in response.content.decode()
    names = set(ScoreEvidence.objects.filter(score=score).values_list("name", flat=True))
    assert {"bien-ban.pdf", "bao-cao.pdf"} <= names
    assert "multiple" in _input(response.content.decode(), "file")


@time_machine.travel(IN_2021, tick=False)
def test_one_refused_evidence_file_attaches_none(client, card, demo_user):
    score = _standard_scores(card, 1)[0]
    count = ScoreEvidence.objects.filter(score=score).count()
    client.force_login(demo_user("canbo.hoangliet"))
    program = SimpleUploadedFile("chay.exe", b"MZ\x90\x00\x03\x00\x00\x00")
    response = client.post(
        f"/scoring/cards/{card.pk}/evidence/",
        {"criterion": score.criterion_id, "file": [_pdf("tot.pdf"), program]},
    )
    page = response.content.decode()
    assert "Tệp “chay.exe”" in page
    assert ScoreEvidence.objects.filter(score=score).count() == count


def _sheet_post(client, cluster, **extra):
    content = _book([["I. Nhiệm vụ", "1.1", "Chỉ tiêu", 60, "Chấm điểm", "Không"]])
    data = {"title": "Tiêu chí mới", "file": SimpleUploadedFile("tc.xlsx", content), **extra}
    return client.post(f"/scoring/clusters/{cluster.pk}/sheet/import/", data)


@time_machine.travel(IN_2021, tick=False)
def test_a_sheet_whose_deadline_has_passed_warns_and_lets_the_office_choose(client, demo_user):
    cluster = Cluster.objects.get(year=2021, code="cum-3")
    old = CriteriaSheet.objects.filter(cluster=cluster).values_list("pk", flat=True).first()
    client.force_login(demo_user("thuongtruc"))
    response = _sheet_post(client, cluster, deadline="2021-11-30")
    page = response.content.decode()
    assert 'data-testid="past-deadline"' in page
    assert "Hạn chấm điểm 30/11/2021 đã qua" in page
    assert 'name="past_deadline_ok"' in page
    # Nothing was replaced or locked.
    assert CriteriaSheet.objects.filter(cluster=cluster).values_list("pk", flat=True).first() == (
        old
    )
    # A new deadline: imported and open.
    _sheet_post(client, cluster, deadline="2021-12-20")
    sheet = CriteriaSheet.objects.get(cluster=cluster)
    assert (sheet.title, sheet.deadline, sheet.is_locked) == (
        "Tiêu chí mới",
        datetime.date(2021, 12, 20),
        False,
    )


@time_machine.travel(IN_2021, tick=False)
def test_the_office_may_still_import_with_a_past_deadline_when_it_says_so(client, demo_user):
    cluster = Cluster.objects.get(year=2021, code="cum-3")
    client.force_login(demo_user("thuongtruc"))
    _sheet_post(client, cluster, deadline="2021-11-30", past_deadline_ok="on")
    sheet = CriteriaSheet.objects.get(cluster=cluster)
    assert sheet.deadline == datetime.date(2021, 11, 30) and sheet.is_locked
