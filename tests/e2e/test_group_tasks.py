"""A task of "Các đơn vị thuộc Quận": two wards report on their own lines and the task
shows each unit's progress; then the office adds a task to the plan and edits it."""

import re

from tests.e2e.steps import sign_in_as
from vinhdanh.org.models import Unit
from vinhdanh.plans.models import Plan, PlanChange, TaskAssignment


def _report(page, text: str, *, percent: str = "", done: bool = False) -> None:
    page.fill("#report-text", text)
    if percent:
        page.fill("#report-percent", percent)
    if done:
        page.check("#report-done")
    page.get_by_test_id("send-report").click()
    page.wait_for_load_state()


def test_two_wards_report_a_group_task_then_the_office_adds_and_edits_a_task(login, site):
    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    task = plan.tasks.get(number="5")
    lines = task.assignments.count()
    task_url = f"{site}/plans/tasks/{task.pk}/"

    page = login("canbo.hoangliet")
    page.goto(task_url)
    assert page.get_by_test_id("unit-line").count() == 1  # its own line only
    _report(page, "Phường đã đăng ký danh hiệu thi đua.", done=True)
    done = ("Đã hoàn thành", "Hoàn thành muộn")  # on time or not depends on today
    assert page.get_by_test_id("unit-line-status").inner_text() in done

    page = sign_in_as(page, login, "canbo.dinhcong")
    page.goto(task_url)
    _report(page, "Đang tổng hợp đăng ký của các tổ dân phố.", percent="50")
    assert "50%" in page.get_by_test_id("unit-lines").inner_text()

    page = sign_in_as(page, login, "thuongtruc")
    page.goto(task_url)
    assert page.get_by_test_id("unit-line").count() == lines
    count = page.get_by_test_id("unit-progress-count").inner_text()
    assert count == f"1/{lines} đơn vị hoàn thành"
    table = page.get_by_test_id("unit-lines").inner_text()
    assert "Phường Hoàng Liệt" in table and "Phường Định Công" in table
    # The task is not done for everyone because one ward is: the others are still open.
    assert page.get_by_test_id("task-status").first.inner_text() not in done
    page.goto(f"{site}/plans/{plan.pk}/")
    row = page.get_by_test_id("task-row").filter(has_text="Đăng ký danh hiệu")
    assert f"1/{lines} đơn vị hoàn thành" in row.inner_text()

    # The office adds a task for two wards, then gives it to one of them only.
    page.get_by_test_id("add-task").click()
    form = page.get_by_test_id("task-form")
    form.locator("#id_number").fill("26")
    form.locator("#id_section").fill("Quý IV")
    form.locator("#id_content").fill("Tổ chức tọa đàm gương điển hình tiên tiến cấp phường")
    form.locator("#id_lead_groups").fill("Các phường thuộc Quận")
    hoang_liet = Unit.objects.get(code="phuong-hoang-liet")
    dinh_cong = Unit.objects.get(code="phuong-dinh-cong")
    form.locator("#id_assigned_units").select_option([str(hoang_liet.pk), str(dinh_cong.pk)])
    form.locator("#id_deadline_text").fill("Trước ngày 15/12/2021")
    form.locator("#id_reason").fill("Chỉ đạo của Thường trực Quận ủy")
    page.get_by_test_id("save-task").click()
    page.wait_for_url(re.compile(r".*/plans/tasks/\d+/$"))
    added = plan.tasks.get(number="26")
    assert added.deadline_date.isoformat() == "2021-12-15"
    assert page.get_by_test_id("unit-line").count() == 2

    page.get_by_test_id("edit-task").click()
    form = page.get_by_test_id("task-form")
    form.locator("#id_assigned_units").select_option([str(hoang_liet.pk)])
    form.locator("#id_reason").fill("Định Công đã tổ chức trong quý III")
    page.get_by_test_id("save-task").click()
    page.wait_for_url(re.compile(r".*/plans/tasks/\d+/$"))
    assert page.get_by_test_id("unit-line").count() == 1
    assert list(TaskAssignment.objects.filter(task=added).values_list("unit", flat=True)) == [
        hoang_liet.pk
    ]

    page.goto(f"{site}/plans/{plan.pk}/")
    changes = page.get_by_test_id("plan-changes").inner_text()
    assert "Thêm 1 · sửa 0 · bỏ 0 nhiệm vụ" in page.get_by_test_id("diff-counts").inner_text()
    assert "Giao lại đơn vị" in changes and "Thêm nhiệm vụ" in changes
    assert "Định Công đã tổ chức trong quý III" in changes
    assert [c.kind for c in PlanChange.objects.filter(plan=plan).order_by("pk")] == [
        "added",
        "reassigned",
    ]


def test_the_group_task_and_task_form_pages_keep_the_content_policy(login, site, page):
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective));"
    )
    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    task = plan.tasks.get(number="5")
    login("thuongtruc")
    for path in (
        f"/plans/tasks/{task.pk}/",
        f"/plans/{plan.pk}/tasks/new/",
        f"/plans/tasks/{task.pk}/edit/",
    ):
        page.goto(f"{site}{path}", wait_until="load", timeout=60000)
    # The progress bars take their width from the site script, not an inline style.
    page.goto(f"{site}/plans/tasks/{task.pk}/", wait_until="load")
    assert page.locator("[data-width-percent]").count() >= task.assignments.count()
    assert seen == []
