"""A writing contest in the browser: an entry from the public form to its prize."""

import datetime

from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.contests import services
from vinhdanh.contests.models import Contest, RoundKind
from vinhdanh.org.models import Council

AUTHOR = "Trần Thị Bình An"


def _contest() -> Contest:
    office = User.objects.get(username="thuongtruc")
    now = timezone.now()
    contest = services.create_contest(
        office, council=Council.objects.get(unit__code="hoang-mai"), year=2021,
        title="Cuộc thi viết thử trên trình duyệt", theme="Người tốt, việc tốt",
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=5),
        length_min=20, length_max=500, formats=["text", "docx", "pdf"],
        tie_breaks=["final_total", "earlier"], rules_text="Thể lệ: viết về người thật, việc thật.",
        prizes={"first": (1, 2_000_000)},
    )  # fmt: skip
    services.add_round(
        office, contest, kind=RoundKind.FINAL, judges_per_entry=1,
        criteria=[("Nội dung", 60), ("Hình thức", 40)],
    )  # fmt: skip
    services.set_judges(office, contest, [(User.objects.get(username="uyvien"), "member")])
    services.open_contest(office, contest)
    return contest


def _as(login, page, username):
    page.context.clear_cookies()
    return login(username)


def test_an_entry_from_the_public_form_to_the_prize(page, login, site):
    contest = _contest()
    # The public: the rules page, the form, the tracking code, the status by code.
    page.goto(f"{site}/contests/public/{contest.pk}/")
    assert "viết về người thật" in page.get_by_test_id("public-rules").inner_text()
    page.get_by_test_id("enter-link").click()
    assert page.get_by_test_id("contest-privacy").is_visible()
    form = page.get_by_test_id("entry-form")
    form.locator("[name=author_name]").fill(AUTHOR)
    form.locator("[name=contact]").fill("0912 345 678")
    form.locator("[name=address]").fill("Tổ 7, phường Định Công")
    form.locator("[name=title]").fill("Người gác cổng trường")
    form.locator("[name=text]").fill(" ".join(["Bác bảo vệ luôn đến sớm mở cổng cho các em."] * 5))
    form.locator("[name=publish_name]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("form-errors").count() == 1  # no consent yet
    assert "Cần đồng ý" in page.get_by_test_id("form-errors").inner_text()
    page.get_by_test_id("entry-form").locator("[name=consent]").check()
    page.get_by_test_id("entry-form").locator("button[type=submit]").click()
    code = page.get_by_test_id("tracking-code").inner_text().strip()
    page.goto(f"{site}/contests/public/status/")
    page.get_by_test_id("status-form").locator("[name=code]").fill("SAIS-AIMA-XXXX")
    page.get_by_test_id("status-form").locator("button").click()
    assert page.get_by_test_id("status-unknown").is_visible()
    page.get_by_test_id("status-form").locator("[name=code]").fill(code)
    page.get_by_test_id("status-form").locator("button").click()
    assert "Đã nhận" in page.get_by_test_id("entry-status").inner_text()

    # The office closes the entries, accepts them, assigns the judge and opens the round.
    page = _as(login, page, "thuongtruc")
    page.goto(f"{site}/contests/{contest.pk}/")
    assert AUTHOR in page.get_by_test_id("entry-table").inner_text()
    page.get_by_test_id("contest-close_entries").click()
    assert page.get_by_test_id("contest-state").inner_text() == "Đang chấm"
    page.get_by_test_id("accept-waiting").click()
    round_id = contest.rounds.get().pk
    page.goto(f"{site}/contests/rounds/{round_id}/")
    page.get_by_test_id("round-assign").click()
    page.get_by_test_id("round-open").click()
    assert page.get_by_test_id("round-state").inner_text() == "Đang chấm"

    # The judge scores by the entry's code, without the author's name anywhere on the page.
    page = _as(login, page, "uyvien")
    page.goto(f"{site}/contests/sheets/")
    row = page.get_by_test_id("sheet-table").locator("tr", has_text=contest.title)
    row.get_by_role("link", name="B-001").click()
    assert AUTHOR not in page.content() and "Định Công" not in page.content()
    scores = page.get_by_test_id("score-form")
    boxes = scores.locator("input[type=text]")
    boxes.nth(0).fill("75")
    scores.locator("button").click()
    assert "vượt điểm tối đa 60" in page.get_by_test_id("form-errors").inner_text()
    scores = page.get_by_test_id("score-form")
    scores.locator("input[type=text]").nth(0).fill("55")
    scores.locator("input[type=text]").nth(1).fill("35,5")
    scores.locator("button").click()
    page.get_by_test_id("sheet-submit").click()
    page.wait_for_load_state()
    assert any("Nộp phiếu chấm" in text for text in page.confirmations)

    # The office closes the round and decides the prizes.
    page = _as(login, page, "thuongtruc")
    page.goto(f"{site}/contests/rounds/{round_id}/")
    page.get_by_test_id("round-close").click()
    assert "90,5" in page.get_by_test_id("round-results").inner_text()
    page.goto(f"{site}/contests/{contest.pk}/")
    assert "Giải Nhất" in page.get_by_test_id("final-table").inner_text()
    decide = page.get_by_test_id("decide-form")
    decide.locator("[name=number]").fill("45/QĐ-HĐTĐKT")
    decide.locator("[name=signed_on]").fill("2021-08-10")
    decide.locator("[name=signer]").fill("Nguyễn Minh Tâm")
    decide.locator("button").click()
    assert page.get_by_test_id("contest-state").inner_text() == "Đã trao giải"
    assert "45/QĐ-HĐTĐKT" in page.get_by_test_id("decision").inner_text()

    # The public sees the winner, named as agreed; the author's status says so.
    page.context.clear_cookies()
    page.goto(f"{site}/contests/public/{contest.pk}/")
    winners = page.get_by_test_id("winners").inner_text()
    assert AUTHOR in winners and "Giải Nhất" in winners
    page.goto(f"{site}/contests/public/status/")
    page.get_by_test_id("status-form").locator("[name=code]").fill(code)
    page.get_by_test_id("status-form").locator("button").click()
    assert "Đoạt giải" in page.get_by_test_id("entry-status").inner_text()
