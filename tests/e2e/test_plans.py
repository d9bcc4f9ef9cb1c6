"""Importing the seed plan through the pages, then reporting a task done."""

from pathlib import Path

from vinhdanh.plans.models import Plan

SEED = Path(__file__).resolve().parents[2] / "vinhdanh/plans/data/ke_hoach_01_2021_hoang_mai.txt"


def test_import_the_seed_confirm_and_report_a_task_done(login, site):
    # The demo already holds this plan; start from a council that has not imported it yet.
    Plan.objects.filter(number="01/KH-HĐTĐKT", year=2021).delete()
    page = login("thuongtruc")
    page.goto(f"{site}/plans/")
    page.get_by_test_id("import-plan").click()
    page.get_by_test_id("plan-file").set_input_files(str(SEED))
    page.get_by_test_id("read-plan").click()
    assert page.get_by_test_id("preview-number").inner_text() == "01/KH-HĐTĐKT"
    assert page.get_by_test_id("preview-task-count").inner_text() == "25"
    page.get_by_test_id("confirm-import").click()

    assert page.get_by_test_id("plan-number").inner_text() == "01/KH-HĐTĐKT"
    sections = page.get_by_test_id("section-row").all_inner_texts()
    assert [s.split(" (")[0] for s in sections] == ["Quý I", "Quý II", "Quý III", "Quý IV"]
    assert page.get_by_test_id("task-row").count() == 25

    page.get_by_test_id("task-link").first.click()
    page.fill("#report-text", "Đã ban hành kế hoạch.")
    page.check("#report-done")
    page.get_by_test_id("send-report").click()
    assert page.get_by_test_id("task-status").inner_text() in ("Đã hoàn thành", "Hoàn thành muộn")
    assert "Đã ban hành kế hoạch." in page.get_by_test_id("reports").inner_text()
