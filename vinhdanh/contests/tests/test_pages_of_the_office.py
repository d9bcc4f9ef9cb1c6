"""The office's forms (the rules, a round), the inbox of judges and office, the home card."""

import pytest
from django.test import Client
from django.urls import reverse

from vinhdanh.contests import inbox, services
from vinhdanh.contests.dashboard import cards
from vinhdanh.contests.models import Contest, Round

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


RULES = {
    "title": "Cuộc thi viết qua biểu mẫu",
    "theme": "Người tốt, việc tốt",
    "year": "2021",
    "opens_at": "2021-03-01T08:00",
    "closes_at": "2021-06-30T17:00",
    "eligibility": "anyone",
    "length_unit": "words",
    "length_min": "100",
    "length_max": "2000",
    "formats": ["text", "pdf"],
    "tie_break_1": "final_total",
    "tie_break_2": "earlier",
    "tie_break_3": "",
    "rules_text": "Thể lệ.",
    "prize_first_count": "1",
    "prize_first_amount": "1000000",
    "prize_second_count": "0",
    "prize_second_amount": "0",
    "prize_third_count": "0",
    "prize_third_amount": "0",
    "prize_consolation_count": "3",
    "prize_consolation_amount": "200000",
}


def test_the_office_writes_the_rules_and_adds_a_round(office):
    client = _client(office)
    response = client.post(reverse("contests:contest_create"), RULES)
    assert response.status_code == 302
    contest = Contest.objects.get(title=RULES["title"])
    assert contest.formats == ["text", "pdf"] and contest.tie_breaks == ["final_total", "earlier"]
    assert {(p.rank, p.count, p.amount) for p in contest.prizes.all()} == {
        ("first", 1, 1_000_000),
        ("consolation", 3, 200_000),
    }
    url = reverse("contests:round_add", args=[contest.pk])
    bad = client.post(url, {"kind": "preliminary", "judges_per_entry": "2",
                            "criteria": "Nội dung | 60\nHình thức"})  # fmt: skip
    assert bad.status_code == 400 and "Dòng 2" in bad.content.decode()
    no_count = client.post(url, {"kind": "preliminary", "judges_per_entry": "2",
                                 "criteria": "Nội dung | 60"})  # fmt: skip
    assert "số bài vào vòng sau" in no_count.content.decode()
    client.post(url, {"kind": "final", "judges_per_entry": "3",
                      "criteria": "Nội dung | 60\nHình thức | 40"})  # fmt: skip
    final = Round.objects.get(contest=contest)
    assert final.judges_per_entry == 3 and final.criteria.count() == 2


def test_the_rules_refuse_a_closing_time_before_the_opening(office):
    response = _client(office).post(
        reverse("contests:contest_create"), {**RULES, "closes_at": "2021-02-01T08:00"}
    )
    assert response.status_code == 200
    assert "Hạn cuối nhận bài phải sau ngày bắt đầu" in response.content.decode()
    assert not Contest.objects.filter(title=RULES["title"]).exists()


def test_a_unit_officer_cannot_create_a_contest(demo_user):
    response = _client(demo_user("canbo.hoangliet")).post(reverse("contests:contest_create"), RULES)
    assert response.status_code == 403
    assert not Contest.objects.filter(title=RULES["title"]).exists()


def test_the_judge_and_the_office_find_their_work_in_the_inbox(
    office, demo_user, make_contest, enter
):
    contest = make_contest()
    enter(contest)
    enter(contest)
    assert "contests.entry.accept" in {g.key for g in inbox.inbox(office, 2021)}
    services.close_entries(office, contest)
    services.accept_waiting(office, contest)
    first = contest.rounds.get(number=1)
    services.assign_round_robin(office, first)
    first = services.open_round(office, first)
    sheet = first.sheets.select_related("judge").first()
    judge = sheet.judge
    groups = {g.key: g for g in inbox.inbox(judge, 2021)}
    waiting = groups["contests.sheet.submit"]
    assert waiting.count == first.sheets.filter(judge=judge).count()
    assert reverse("contests:sheet_detail", args=[sheet.pk]) in {i.url for i in waiting.items}
    assert all(contest.title in i.text and "Tác Giả" not in i.text for i in waiting.items)
    assert cards(judge)[0].value == waiting.count
    assert "contests.round.close" not in {g.key for g in inbox.inbox(office, 2021)}
    services.declare_conflict(judge, sheet, note="Người quen.")
    assert "contests.sheet.replace" in {g.key for g in inbox.inbox(office, 2021)}
    # A unit officer who judges nothing gets nothing.
    assert inbox.inbox(demo_user("canbo.hoangliet"), 2021) == []
    assert cards(demo_user("canbo.hoangliet")) == []


def test_the_rules_of_an_open_contest_are_locked(office, make_contest):
    contest = make_contest()
    url = reverse("contests:contest_edit", args=[contest.pk])
    page = _client(office).get(url).content.decode()
    assert 'data-testid="rules-locked"' in page
    response = _client(office).post(url, {**RULES, "version": contest.version})
    assert "chỉ sửa được khi cuộc thi còn là dự thảo" in response.content.decode()
    contest.refresh_from_db()
    assert contest.title == "Cuộc thi thử"


def test_a_draft_contests_last_round_is_taken_back(office, demo_user):
    from vinhdanh.audit.models import AuditEntry

    client = _client(office)
    client.post(reverse("contests:contest_create"), RULES)
    contest = Contest.objects.get(title=RULES["title"])
    services.add_round(office, contest, kind="preliminary", advance_count=5, criteria=[("A", 10)])
    services.add_round(office, contest, kind="final", criteria=[("A", 10)])
    first, final = contest.rounds.order_by("number")
    refused = client.post(reverse("contests:round_delete", args=[first.pk]))
    assert "Xóa vòng sau trước" in refused.content.decode()
    stranger = _client(demo_user("uyvien")).post(reverse("contests:round_delete", args=[final.pk]))
    assert stranger.status_code == 404
    client.post(reverse("contests:round_delete", args=[final.pk]))
    assert list(contest.rounds.values_list("number", flat=True)) == [1]
    assert AuditEntry.objects.filter(action="contests.round.delete").exists()
