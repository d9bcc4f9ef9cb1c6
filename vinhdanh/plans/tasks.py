"""Background jobs of the plans app (Huey)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from vinhdanh.plans.services import send_plan_reminders


@db_periodic_task(crontab(hour="7", minute="0"))
def daily_plan_reminders() -> int:
    return send_plan_reminders()
