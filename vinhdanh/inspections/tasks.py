"""Background jobs of inspections (Huey)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from vinhdanh.core.jobs import once_per_day
from vinhdanh.inspections.services import send_follow_up_reminders


@db_periodic_task(crontab(hour="7", minute="15"))
@once_per_day("inspections.follow_up_reminders")
def daily_follow_up_reminders() -> int:
    return send_follow_up_reminders()
