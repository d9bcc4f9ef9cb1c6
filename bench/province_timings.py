"""Timings of the people search, lists and screening on a database filled at province scale.

Not part of `make bench` (which builds a throw-away database): run it on a PostgreSQL
database filled by bench/province_scale.sql, e.g.
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
    return statistics.median(durations), response.status_code, len(response.content)


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
    }
    for name, url in pages.items():
        median, status, size = _time(client, url, repeat)
        print(f"{name:34} p50 {median * 1000:8.0f} ms  {status}  {size / 1024:8.0f} KB")


if __name__ == "__main__":
    main(sys.argv[1:])
