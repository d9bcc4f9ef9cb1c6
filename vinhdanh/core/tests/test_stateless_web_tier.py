"""Any web host answers any request: nothing a request leaves behind stays on one host.

The production settings are loaded in a separate process from the environment of
docs/deploy.md's multi-host layout; `check --deploy` names what the embedded defaults
keep on the host (core/checks.py).
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.sessions.models import Session

from vinhdanh.core.checks import local_state

ROOT = Path(__file__).resolve().parents[3]
SECRET = "a-very-long-production-secret-key-with-enough-entropy-0123456789-abcdef"
MULTI_HOST = {
    "DEBUG": "0",
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "thidua.example.gov.vn",
    "DATABASE_URL": "postgres://vinhdanh_app:secret@db-primary.internal:5432/vinhdanh",
    "DATABASE_REPLICA_URL": "postgres://vinhdanh_app:secret@db-replica.internal:5432/vinhdanh",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "VINHDANH_S3_BUCKET": "vinhdanh-hanoi",
    "AWS_S3_ENDPOINT_URL": "https://s3.internal",
    "PRIVATE_FILES_S3_REDIRECT_SECONDS": "30",
}
READ = """
import json
from django.conf import settings
print(json.dumps({
    "storage": settings.STORAGES["default"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "sessions": settings.SESSION_ENGINE,
    "huey": settings.HUEY["huey_class"],
    "databases": sorted(settings.DATABASES),
    "reports": settings.REPORTS_DATABASE,
    "redirect": settings.PRIVATE_FILES_S3_REDIRECT_SECONDS,
}))
"""


def _environment(extra: dict) -> dict:
    kept = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TMPDIR"}}
    return {**kept, "DJANGO_SETTINGS_MODULE": "vinhdanh.settings", **extra}


def _run(arguments: list[str], extra: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *arguments], cwd=ROOT, env=_environment(extra),
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


def test_the_multi_host_settings_keep_nothing_on_the_web_host():
    result = _run(["-c", f"import django; django.setup(){READ}"], MULTI_HOST)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["storage"]["BACKEND"] == "vinhdanh.core.object_storage.PrivateS3Storage"
    assert loaded["storage"]["OPTIONS"]["bucket_name"] == "vinhdanh-hanoi"
    assert loaded["storage"]["OPTIONS"]["endpoint_url"] == "https://s3.internal"
    assert loaded["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert loaded["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert loaded["huey"] == "huey.RedisHuey"
    assert (loaded["databases"], loaded["reports"]) == (["default", "replica"], "replica")
    assert loaded["redirect"] == 30


def test_the_deploy_check_is_silent_for_the_multi_host_layout_and_names_each_local_state():
    check = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    multi = _run(check, MULTI_HOST)
    assert multi.returncode == 0, multi.stdout + multi.stderr
    assert "vinhdanh." not in multi.stdout + multi.stderr
    embedded = _run(check, {"DEBUG": "0", "SECRET_KEY": SECRET})
    assert embedded.returncode == 1
    named = embedded.stdout + embedded.stderr
    assert all(code in named for code in ("vinhdanh.W001", "vinhdanh.W003", "vinhdanh.I004"))
    assert "vinhdanh.W002" not in named  # sessions are in the database either way


def _config(**changes) -> SimpleNamespace:
    base = {
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}},
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
        "HUEY": {"huey_class": "huey.RedisHuey"},
        "STORAGES": {"default": {"BACKEND": "vinhdanh.core.object_storage.PrivateS3Storage"}},
    }
    return SimpleNamespace(**{**base, **changes})


def _codes(config) -> list[str]:
    return [message.id for message in local_state(config)]


def test_each_piece_of_local_state_is_named():
    assert _codes(_config()) == []
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert _codes(_config(CACHES=locmem)) == ["vinhdanh.W001"]
    assert _codes(_config(SESSION_ENGINE="django.contrib.sessions.backends.file")) == [
        "vinhdanh.W002"
    ]
    in_local_cache = _config(CACHES=locmem, SESSION_ENGINE="django.contrib.sessions.backends.cache")
    assert _codes(in_local_cache) == ["vinhdanh.W001", "vinhdanh.W002"]
    assert _codes(_config(HUEY={"huey_class": "huey.SqliteHuey"})) == ["vinhdanh.W003"]
    on_disk = {"default": {"BACKEND": "vinhdanh.core.files.PrivateFileStorage"}}
    assert _codes(_config(STORAGES=on_disk)) == ["vinhdanh.I004"]


@pytest.mark.django_db
def test_a_signed_in_session_is_a_row_of_the_database(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    stored = Session.objects.get(session_key=client.session.session_key)
    assert stored.get_decoded()["_auth_user_id"] == str(demo_user("thuongtruc").pk)
