from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from vinhdanh.awards.printing import run_print_job
from vinhdanh.core.jobs import once_per_day


@db_task()
def print_certificates(job_id: int, base_url: str) -> None:
    run_print_job(job_id, base_url)


@db_periodic_task(crontab(hour="3", minute="30"))
@once_per_day("awards.forget_old_objection_contacts")
def forget_old_objection_contacts() -> None:
    from vinhdanh.awards.services import forget_old_objection_contacts as forget

    forget()
