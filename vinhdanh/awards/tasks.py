from huey.contrib.djhuey import db_task

from vinhdanh.awards.printing import run_print_job


@db_task()
def print_certificates(job_id: int, base_url: str) -> None:
    run_print_job(job_id, base_url)
