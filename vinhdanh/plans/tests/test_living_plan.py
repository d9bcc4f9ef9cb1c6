"""The living plan: tasks added, edited, reassigned and removed by the standing office after
the import, each change in the history with its before and after; the import stays the
baseline the plan page compares against."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Unit
from vinhdanh.plans import history, selectors, services
from vinhdanh.plans.models import PlanChange, ProgressReport, Task, TaskAssignment


# -- what changed (pure) -----------------------------------------------------------------
def _state(**fields):
    base = {"id": 1, "number": "1", "content": "Việc", "lead_units": ["Phòng Nội vụ"]}
    return {**base, **fields}


def test_compare_names_added_removed_and_changed_tasks():
    baseline = [_state(), _state(id=2, number="2", content="Bỏ đi")]
    current = [
        _state(lead_units=["Phòng Y tế"], deadline_text="Quý II"),
        _state(id=3, number="26", content="Việc mới"),
    ]
    diff = history.compare(baseline, current)
    assert [item.number for item in diff.added] == ["26"]
    assert [item.number for item in diff.removed] == ["2"]
    (changed,) = diff.changed
    assert [(c.key, c.before, c.after) for c in changed.changes] == [
        ("lead_units", "Phòng Nội vụ", "Phòng Y tế"),
        ("deadline_text", "—", "Quý II"),
    ]
    assert not history.compare(baseline, baseline)


def test_a_change_of_units_only_is_a_reassignment():
    units = history.changed_fields(_state(), _state(lead_units=["Phòng Y tế"]))
    both = history.changed_fields(_state(), _state(lead_units=["Phòng Y tế"], content="Khác"))
    assert history.is_reassignment(units)
    assert not history.is_reassignment(both)
    assert not history.is_reassignment([])


# -- services ----------------------------------------------------------------------------
@pytest.fixture
def plan(demo):
    from vinhdanh.plans.models import Plan

    return Plan.objects.select_related("council__unit").get(number="01/KH-HĐTĐKT")


@pytest.fixture
def office(demo_user):
    return demo_user("thuongtruc")


def _unit(code: str) -> Unit:
    return Unit.objects.get(code=code)


def _data(**fields) -> dict:
    return {
        "number": "26",
        "section": "Quý IV",
        "content": "Tổ chức tọa đàm điển hình tiên tiến",
        "lead_units": [_unit("phong-noi-vu").pk],
        "deadline_text": "Trước ngày 15/12/2021",
        **fields,
    }


@pytest.mark.django_db
def test_the_import_is_the_baseline(plan):
    assert len(plan.baseline) == plan.tasks.count() == 25
    assert plan.baseline_at is not None
    five = next(item for item in plan.baseline if item["number"] == "5")
    assert five["lead_groups"] == ["Các đơn vị thuộc Quận"] and len(five["assigned_units"]) > 20
    assert not selectors.plan_diff(plan)


@pytest.mark.django_db
def test_the_office_adds_a_task_and_the_history_and_the_diff_say_so(plan, office):
    task = services.add_task(actor=office, plan=plan, data=_data(reason="Chỉ đạo của Quận"))
    assert (task.position, task.deadline_date.isoformat()) == (26, "2021-12-15")
    assert task.deadline_kind == "date"
    assert list(task.lead_units.values_list("code", flat=True)) == ["phong-noi-vu"]
    change = PlanChange.objects.get(plan=plan)
    assert (change.kind, change.actor, change.before, change.reason) == (
        "added",
        office,
        None,
        "Chỉ đạo của Quận",
    )
    assert change.after["content"] == "Tổ chức tọa đàm điển hình tiên tiến"
    assert AuditEntry.objects.filter(action="plans.task.added", object_id=str(task.pk)).exists()
    diff = selectors.plan_diff(plan)
    assert [item.number for item in diff.added] == ["26"] and not diff.changed


@pytest.mark.django_db
def test_a_group_task_added_gets_a_line_per_unit_or_the_units_chosen(plan, office):
    everyone = services.add_task(
        actor=office, plan=plan, data=_data(lead_units=[], lead_groups=["Các đơn vị thuộc Quận"])
    )
    assert everyone.assignments.count() == plan.tasks.get(number="5").assignments.count()
    chosen = [_unit("phuong-hoang-liet").pk, _unit("phuong-dinh-cong").pk]
    two = services.add_task(
        actor=office,
        plan=plan,
        data=_data(number="27", lead_units=[], lead_groups=["Các phường"], assigned_units=chosen),
    )
    assert set(two.assignments.values_list("unit_id", flat=True)) == set(chosen)


@pytest.mark.django_db
def test_splitting_a_group_into_named_units_is_a_reassignment(plan, office):
    task = plan.tasks.get(number="16")
    chosen = [_unit("phuong-hoang-liet").pk, _unit("phong-noi-vu").pk]
    data = {
        **_data(number="16", section=task.section, content=task.content),
        "directing": task.directing,
        "deadline_text": task.deadline_text,
        "lead_units": [],
        "lead_groups": task.lead_groups,
        "coordinating_units": list(task.coordinating_units.values_list("pk", flat=True)),
        "coordinating_groups": task.coordinating_groups,
        "note": task.note,
        "assigned_units": chosen,
    }
    services.edit_task(actor=office, task=task, data=data)
    assert set(task.assignments.values_list("unit_id", flat=True)) == set(chosen)
    change = PlanChange.objects.get(task=task)
    assert change.kind == "reassigned"
    assert [field.key for field in change.fields] == ["assigned_units"]
    assert change.after["assigned_units"] == ["Phòng Nội vụ", "Phường Hoàng Liệt"]
    assert len(change.before["assigned_units"]) > 20


@pytest.mark.django_db
def test_editing_the_content_and_deadline_is_an_edit_with_before_and_after(plan, office):
    task = plan.tasks.get(number="8")
    before_deadline = task.deadline_text
    started = task.started_on  # the demo's report of 15/3/2021
    assert started is not None
    data = {
        **_data(number="8", section=task.section, content=task.content + " (bổ sung)"),
        "directing": task.directing,
        "lead_units": list(task.lead_units.values_list("pk", flat=True)),
        "coordinating_units": list(task.coordinating_units.values_list("pk", flat=True)),
        "deadline_text": "Quý III",
    }
    services.edit_task(actor=office, task=task, data=data)
    task.refresh_from_db()
    assert (task.deadline_kind, task.deadline_date.isoformat()) == ("quarter", "2021-09-30")
    assert task.started_on == started  # its progress is not touched by the edit
    change = PlanChange.objects.get(task=task)
    assert change.kind == "edited"
    fields = {field.key: (field.before, field.after) for field in change.fields}
    assert fields["deadline_text"] == (before_deadline, "Quý III")
    assert fields["content"][1].endswith("(bổ sung)")
    (changed,) = selectors.plan_diff(plan).changed
    assert changed.number == "8"
    entry = AuditEntry.objects.get(action="plans.task.edited", object_id=str(task.pk))
    assert entry.actor == office and entry.before["deadline_text"] == before_deadline


@pytest.mark.django_db
def test_nothing_changed_is_refused_and_saves_nothing(plan, office):
    task = plan.tasks.get(number="8")
    data = {
        "number": task.number,
        "section": task.section,
        "content": task.content,
        "directing": task.directing,
        "lead_units": list(task.lead_units.values_list("pk", flat=True)),
        "coordinating_units": list(task.coordinating_units.values_list("pk", flat=True)),
        "coordinating_groups": task.coordinating_groups,
        "deadline_text": task.deadline_text,
        "note": task.note,
    }
    with pytest.raises(ValidationError, match="Không có thay đổi"):
        services.edit_task(actor=office, task=task, data=data)
    assert not PlanChange.objects.exists()


@pytest.mark.django_db
def test_a_unit_that_reported_cannot_be_taken_off_the_task(plan, office, demo_user):
    task = plan.tasks.get(number="5")
    ward = demo_user("canbo.hoangliet")
    services.submit_report(actor=ward, task=task, unit=ward.unit, text="Đã đăng ký.")
    data = {
        **_data(number="5", section=task.section, content=task.content),
        "lead_units": [],
        "lead_groups": task.lead_groups,
        "assigned_units": [_unit("phuong-dinh-cong").pk],
    }
    with pytest.raises(ValidationError, match="Phường Hoàng Liệt"):
        services.edit_task(actor=office, task=task, data=data)
    assert TaskAssignment.objects.filter(task=task, unit=ward.unit).exists()


@pytest.mark.django_db
def test_remove_needs_a_reason_and_keeps_tasks_with_reports(plan, office):
    task = plan.tasks.get(number="24")
    with pytest.raises(ValidationError, match="lý do"):
        services.remove_task(actor=office, task=task, reason=" ")
    services.remove_task(actor=office, task=task, reason="Thành phố đã tổ chức thay")
    assert not Task.objects.filter(pk=task.pk).exists()
    change = PlanChange.objects.get(plan=plan)
    assert (change.kind, change.task, change.task_number) == ("removed", None, "24")
    assert change.before["content"].startswith("Xây dựng và triển khai Hướng dẫn")
    assert [item.number for item in selectors.plan_diff(plan).removed] == ["24"]
    reported = plan.tasks.get(number="1")
    assert ProgressReport.objects.filter(task=reported).exists()
    with pytest.raises(ValidationError, match="đã có báo cáo"):
        services.remove_task(actor=office, task=reported, reason="Nhầm")


@pytest.mark.django_db
def test_only_the_standing_office_changes_the_plan(plan, demo_user):
    task = plan.tasks.get(number="8")
    for username in ("canbo.hoangliet", "uyvien", "chutich", "cumtruong"):
        with pytest.raises(PermissionDenied):
            services.add_task(actor=demo_user(username), plan=plan, data=_data())
        with pytest.raises(PermissionDenied):
            services.remove_task(actor=demo_user(username), task=task, reason="x")
    assert plan.tasks.count() == 25 and not PlanChange.objects.exists()


@pytest.mark.django_db
def test_units_outside_the_council_are_refused(plan, office):
    outside = Unit.objects.exclude(path__startswith=plan.council.unit.path).first()
    if outside is None:
        pytest.skip("the demo has no unit outside the district")
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        services.add_task(actor=office, plan=plan, data=_data(lead_units=[outside.pk]))
    assert plan.tasks.count() == 25


# -- pages -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_office_adds_and_edits_through_the_pages(client, plan, office):
    client.force_login(office)
    url = reverse("plans:task_add", args=[plan.pk])
    assert "Thêm nhiệm vụ vào kế hoạch" in client.get(url).content.decode()
    empty = client.post(url, {"content": ""})
    assert empty.status_code == 400
    assert "Hãy ghi nội dung nhiệm vụ." in empty.content.decode()
    assert "Hãy chọn đơn vị chủ trì" in empty.content.decode()
    response = client.post(
        url,
        {
            "number": "26",
            "content": "Tọa đàm",
            "lead_groups": "Các đơn vị thuộc Quận",
            "assigned_units": [_unit("phuong-hoang-liet").pk, _unit("phuong-dinh-cong").pk],
            "deadline_text": "Cả năm",
        },
    )
    task = Task.objects.get(plan=plan, number="26")
    assert response.url == reverse("plans:task_detail", args=[task.pk])
    assert task.deadline_kind == "ongoing" and task.assignments.count() == 2
    edit = reverse("plans:task_edit", args=[task.pk])
    page = client.get(edit).content.decode()
    assert "Tọa đàm" in page
    client.post(
        edit,
        {
            "number": "26",
            "content": "Tọa đàm điển hình",
            "lead_groups": "Các đơn vị thuộc Quận",
            "assigned_units": [_unit("phuong-hoang-liet").pk],
            "deadline_text": "Cả năm",
            "reason": "Định Công đã tổ chức",
        },
    )
    assert list(task.assignments.values_list("unit__code", flat=True)) == ["phuong-hoang-liet"]
    html = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert 'data-testid="plan-changes"' in html and "Định Công đã tổ chức" in html
    assert "Thêm 1 · sửa 0 · bỏ 0 nhiệm vụ" in html
    assert "I. MỤC ĐÍCH, YÊU CẦU" in html


@pytest.mark.django_db
def test_a_ward_gets_no_edit_page_and_no_history(client, plan, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    task = plan.tasks.get(number="5")
    assert client.get(reverse("plans:task_add", args=[plan.pk])).status_code == 403
    assert client.get(reverse("plans:task_edit", args=[task.pk])).status_code == 403
    html = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert 'data-testid="plan-changes"' not in html and 'data-testid="add-task"' not in html


@pytest.mark.django_db
def test_a_save_over_someone_elses_newer_change_is_refused(client, plan, office):
    task = plan.tasks.get(number="8")
    client.force_login(office)
    page = client.get(reverse("plans:task_edit", args=[task.pk]))
    shown = page.context["form"].initial["fingerprint"]
    assert shown == history.fingerprint(selectors.state_of(task))
    data = {
        "number": "8",
        "content": task.content,
        "lead_units": list(task.lead_units.values_list("pk", flat=True)),
        "deadline_text": "Quý II",
    }
    services.edit_task(actor=office, task=task, data={**data, "fingerprint": shown})
    with pytest.raises(ValidationError, match="vừa được người khác điều chỉnh"):
        services.edit_task(
            actor=office, task=task, data={**data, "deadline_text": "Quý IV", "fingerprint": shown}
        )
    task.refresh_from_db()
    assert task.deadline_text == "Quý II" and PlanChange.objects.filter(task=task).count() == 1


@pytest.mark.django_db
def test_removing_through_the_page_needs_the_confirmation(client, plan, office):
    task = plan.tasks.get(number="24")
    client.force_login(office)
    url = reverse("plans:task_remove", args=[task.pk])
    response = client.post(url, {"reason": "Thành phố tổ chức"}, follow=True)
    assert "Hãy đánh dấu xác nhận bỏ nhiệm vụ." in response.content.decode()
    assert Task.objects.filter(pk=task.pk).exists()
    response = client.post(url, {"reason": "Thành phố tổ chức", "confirm": "on"})
    assert response.url == reverse("plans:plan_detail", args=[plan.pk])
    assert not Task.objects.filter(pk=task.pk).exists()
