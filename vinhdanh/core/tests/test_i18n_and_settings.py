import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import formats
from django.utils.translation import override

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_interface_is_vietnamese_by_default_and_switches_to_english(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    # An English browser still gets Vietnamese until the user switches.
    page = client.get(reverse("org:person_list"), HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    assert "Thêm cá nhân" in page and 'lang="vi"' in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("org:person_list")).content.decode()
    assert "Add a person" in page and 'lang="en"' in page


def test_dates_are_written_dd_mm_yyyy_in_both_languages():
    import datetime

    day = datetime.date(2021, 1, 13)
    for language in ("vi", "en"):
        with override(language):
            assert formats.date_format(day) == "13/01/2021"
            assert formats.date_format(day, "SHORT_DATE_FORMAT") == "13/01/2021"


def test_deploy_check_passes_with_production_environment():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "vinhdanh.settings",
        "SECRET_KEY": "a-very-long-production-secret-key-with-enough-entropy-0123456789-abcdef",
        "ALLOWED_HOSTS": "thidua.example.gov.vn",
        "DEBUG": "0",
        # Production keeps no state on a web host (core/checks.py): a shared cache and queue.
        "REDIS_URL": "redis://127.0.0.1:6379/10",
    }
    # The browser tests relax async safety for their own process only.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
