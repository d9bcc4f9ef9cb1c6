"""A print job queued twice, or seen by two workers, is printed once (core/jobs.py)."""

import pytest

from vinhdanh.awards import printing
from vinhdanh.awards.models import Decision, PrintJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(demo_user):
    decision = Decision.objects.filter(number__isnull=False).order_by("pk").first()
    return PrintJob.objects.create(
        decision=decision,
        requested_by=demo_user("thuongtruc"),
        total=decision.certificates.filter(revoked_at__isnull=True).count(),
    )


@pytest.fixture
def renders(monkeypatch):
    made = []
    original = printing.pdf.render_certificates

    def counting(*args, **kwargs):
        made.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(printing.pdf, "render_certificates", counting)
    return made


def test_the_second_run_of_one_job_prints_nothing(job, renders):
    first = printing.run_print_job(job.pk, "https://thidua.example.vn")
    name = first.file.name
    again = printing.run_print_job(job.pk, "https://thidua.example.vn")
    assert len(renders) == 1
    job.refresh_from_db()
    assert job.status == PrintJob.Status.DONE and job.file.name == name == again.file.name


def test_a_job_another_worker_has_taken_is_left_to_it(job, renders):
    PrintJob.objects.filter(pk=job.pk).update(status=PrintJob.Status.RUNNING)
    printing.run_print_job(job.pk, "https://thidua.example.vn")
    assert renders == []
    job.refresh_from_db()
    assert job.status == PrintJob.Status.RUNNING and not job.file
