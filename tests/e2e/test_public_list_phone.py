"""On a phone the public list is one card per dossier: nothing runs off the screen."""

from vinhdanh.awards.models import Nomination, State


def test_the_public_list_fits_a_phone(browser, site):
    context = browser.new_context(locale="vi-VN", viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        nomination = Nomination.objects.filter(state=State.ANNOUNCED).first()
        page.goto(f"{site}/awards/public/?year={nomination.year}")
        table = page.get_by_test_id("public-table")
        assert table.locator("thead").is_hidden()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"the page is {width}px wide on a 375px screen"
        # Each cell says what it is (the column heading is hidden).
        cell = page.get_by_test_id("public-achievements").first
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == '"Tóm tắt thành tích"'
        assert cell.bounding_box()["width"] > 300  # the summary takes the card's width
    finally:
        context.close()
