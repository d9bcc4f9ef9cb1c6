"""A task led by a group ("Các đơn vị thuộc Quận") becomes one line per unit of the group.

The group is the units directly under the plan's council unit (and the task's own lead
units). Each line takes its unit's own reports: started on the first, done on the first
marked done; the task is then done only when every line is. Reminders logged with nobody
to receive them are marked so; every plan's tasks as they stand become its baseline.
The logic is copied here as it was written (tests/test_migrations_frozen.py).
"""

from django.db import migrations


def _roll_up(lines):
    started = [line.started_on for line in lines if line.started_on]
    done = [line.done_on for line in lines]
    all_done = bool(lines) and all(done)
    return (min(started) if started else None), (max(done) if all_done else None)


def split_group_tasks(apps, schema_editor):
    Task = apps.get_model("plans", "Task")
    Unit = apps.get_model("org", "Unit")
    Assignment = apps.get_model("plans", "TaskAssignment")
    Report = apps.get_model("plans", "ProgressReport")
    tasks = Task.objects.exclude(lead_groups=[]).select_related("plan__council")
    for task in tasks.iterator():
        if not task.lead_groups or task.plan.council_id is None:
            continue
        unit_ids = list(
            Unit.objects.filter(
                parent_id=task.plan.council.unit_id, is_active=True
            ).values_list("pk", flat=True)
        )
        unit_ids += [pk for pk in task.lead_units.values_list("pk", flat=True)]
        reports = list(Report.objects.filter(task=task).order_by("reported_on", "pk"))
        unit_ids += [report.unit_id for report in reports]
        lines = []
        for unit_id in dict.fromkeys(unit_ids):
            own = [report for report in reports if report.unit_id == unit_id]
            done = [report.reported_on for report in own if report.is_done]
            line, _created = Assignment.objects.get_or_create(task=task, unit_id=unit_id)
            line.started_on = own[0].reported_on if own else None
            line.done_on = min(done) if done else None
            line.percent = 100 if done else (own[-1].percent if own else 0)
            line.save(update_fields=["started_on", "done_on", "percent"])
            lines.append(line)
        task.started_on, task.done_on = _roll_up(lines)
        task.save(update_fields=["started_on", "done_on"])


def mark_unreceived_reminders(apps, schema_editor):
    Reminder = apps.get_model("plans", "Reminder")
    Reminder.objects.filter(recipients=0).update(outcome="no_recipient")


def keep_baselines(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    for plan in Plan.objects.all().iterator():
        states = []
        for task in plan.tasks.order_by("position").prefetch_related(
            "lead_units", "coordinating_units", "assignments__unit"
        ):
            states.append(
                {
                    "id": task.pk,
                    "number": task.number,
                    "section": task.section,
                    "content": task.content,
                    "directing": task.directing,
                    "lead_units": sorted(unit.name for unit in task.lead_units.all()),
                    "lead_groups": list(task.lead_groups),
                    "assigned_units": sorted(line.unit.name for line in task.assignments.all()),
                    "coordinating_units": sorted(
                        unit.name for unit in task.coordinating_units.all()
                    ),
                    "coordinating_groups": list(task.coordinating_groups),
                    "deadline_text": task.deadline_text,
                    "deadline_date": (
                        task.deadline_date.isoformat() if task.deadline_date else None
                    ),
                    "note": task.note,
                }
            )
        plan.baseline = states
        plan.baseline_at = plan.created_at
        plan.save(update_fields=["baseline", "baseline_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0001_initial"),
        ("plans", "0005_task_assignments_plan_changes"),
    ]

    operations = [
        migrations.RunPython(split_group_tasks, migrations.RunPython.noop),
        migrations.RunPython(mark_unreceived_reminders, migrations.RunPython.noop),
        migrations.RunPython(keep_baselines, migrations.RunPython.noop),
    ]
