"""Timings of the people search, lists and screening on a database filled at province scale.

Not part of `make bench` (which builds a throw-away database): run it on a PostgreSQL
database filled by bench/people_scale.sql, e.g.
DEBUG=1 DATABASE_URL=postgres://... python -m bench.province_timings
"""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vinhdanh.settings")
# The timed pages, not the login: no second factor for the signed-in test client.
os.environ.setdefault("SECOND_FACTOR_REQUIRED_ROLES", "")


def _time(client, url: str, repeat: int) -> tuple[float, int, int]:
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="127.0.0.1")
        durations.append(time.perf_counter() - started)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return statistics.median(durations), response.status_code, len(body)


def main(argv: list[str]) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from vinhdanh.accounts.models import User
    from vinhdanh.org.models import Unit

    settings.ALLOWED_HOSTS = ["*"]
    repeat = int(argv[0]) if argv else 5
    client = Client()
    client.force_login(User.objects.get(username=os.environ.get("BENCH_USER", "admin")))
    ward = Unit.objects.get(code=os.environ.get("BENCH_UNIT", "hn-phuong-hoangmai"))
    pages = {
        "people list": reverse("org:person_list"),
        "people list, page 40": reverse("org:person_list") + "?page=40",
        "people search 'nguyen thi lan'": reverse("org:person_list") + "?q=nguyen+thi+lan",
        "people search 'lan'": reverse("org:person_list") + "?q=lan",
        "global search 'nguyen thi'": reverse("home:search") + "?q=nguyen+thi",
        "unit page": reverse("org:unit_detail", args=[ward.pk]),
        "unit search 'hoang'": reverse("api:unit-list") + "?q=hoang",
        "screening page": reverse("records:screening") + f"?unit={ward.pk}&year=2021",
        "home page": reverse("home:index"),
        "nomination form (person chooser)": reverse("awards:nomination_create"),
        "person chooser 'nguyen thi'": "/org/people/choose/?q=nguyen+thi",
    }
    skipped = set(filter(None, os.environ.get("BENCH_SKIP", "").split(",")))
    for name, url in pages.items():
        if name in skipped:
            continue
        median, status, size = _time(client, url, repeat)
        print(f"{name:34} p50 {median * 1000:8.0f} ms  {status}  {size / 1024:8.0f} KB")
    if os.environ.get("BENCH_JOB", "1") != "1":
        return
    from vinhdanh.records.models import ScreeningJob
    from vinhdanh.records.screening import request_screening, run_screening_job

    user = User.objects.get(username=os.environ.get("BENCH_USER", "admin"))
    started = time.perf_counter()
    job = request_screening(user, ward, 2021)
    run_screening_job(job.pk)
    job = ScreeningJob.objects.get(pk=job.pk)
    label = f"screening job ({job.total} people)"
    print(f"{label:34} {time.perf_counter() - started:8.1f} s")
    for name, url in {
        "job progress page": reverse("records:screening_job", args=[job.pk]),
        "result, first page": reverse("records:screening_result", args=[job.pk]),
        "result, page 300": reverse("records:screening_result", args=[job.pk]) + "?after=29999",
    }.items():
        median, status, size = _time(client, url, repeat)
        print(f"{name:34} p50 {median * 1000:8.0f} ms  {status}  {size / 1024:8.0f} KB")
    median, status, size = _time(client, reverse("records:screening_export", args=[job.pk]), 1)
    print(f"{'result export .xlsx':34} {median:8.1f} s  {status}  {size / 1024:8.0f} KB")


if __name__ == "__main__":
    main(sys.argv[1:])
