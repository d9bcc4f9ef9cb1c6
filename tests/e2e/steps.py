"""The browser steps the awards tests share: an action form, a new sign-in, the council's
part of a dossier (appraise, announce, vote on paper, close)."""


def step(page, action, **fields):
    """Fill the fields of the `step-<action>` form and send it."""
    form = page.get_by_test_id(f"step-{action}")
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button").first.click()
    page.wait_for_load_state()


def sign_in_as(page, login, username):
    page.context.clear_cookies()
    return login(username)


def notice_is_over(page):
    """Ten working days later: the notice the page's dossier was announced with has ended
    (it starts today at the earliest and lasts at least ten working days)."""
    import datetime

    from vinhdanh.awards.models import PublicNotice

    pk = int(page.url.rstrip("/").split("/")[-1])
    today = datetime.date.today()
    PublicNotice.objects.filter(nomination_id=pk).update(
        starts_on=today - datetime.timedelta(days=14), ends_on=today
    )
    page.reload()


def through_the_council(page, note: str = "Đủ tiêu chuẩn."):
    """Appraised (every checklist row confirmed), announced (the notice then over), voted for
    on paper, closed."""
    form = page.get_by_test_id("step-appraise")
    for select in form.locator("select").all():
        select.select_option("1")
    form.locator("textarea[name=note]").fill(note)
    form.locator("button[name=passed][value='1']").click()
    page.wait_for_load_state()
    assert "Đã thẩm định" in page.get_by_test_id("state").inner_text()
    step(page, "announce")
    assert "công khai" in page.get_by_test_id("state").inner_text()
    notice_is_over(page)
    step(page, "open_vote")
    rows = page.get_by_test_id("paper-ballots").locator("tr")
    for index in range(rows.count()):
        row = page.get_by_test_id("paper-ballots").locator("tr").nth(index)
        row.locator("input[value=agree]").check()
        row.locator("button[type=submit]").click()
        page.wait_for_load_state()
    step(page, "close_vote")
    assert "Thông qua" in page.get_by_test_id("vote-result").inner_text()
