"""Background jobs of the plans app (Huey)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from vinhdanh.core.jobs import once_per_day
from vinhdanh.plans.services import send_plan_reminders


@db_periodic_task(crontab(hour="7", minute="0"))
@once_per_day("plans.daily_plan_reminders")
def daily_plan_reminders() -> int:
    return send_plan_reminders()
