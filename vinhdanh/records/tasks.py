from huey.contrib.djhuey import db_task

from vinhdanh.records.screening import run_screening_job


@db_task()
def screen_in_background(job_id: int) -> None:
    run_screening_job(job_id)
