"""The server refuses to start with DEBUG off unless it has a real SECRET_KEY."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_KEY = "a-very-long-production-secret-key-with-enough-entropy-0123456789-abcdef"


def _deploy_check(**env_overrides: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        # The test run sets its own key and may relax async safety; production has neither.
        if key not in {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(DJANGO_SETTINGS_MODULE="vinhdanh.settings", ALLOWED_HOSTS="thidua.example.gov.vn")
    env.update({"DEBUG": "0", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_deploy_check_fails_without_secret_key():
    result = _deploy_check()
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY chưa được đặt" in result.stderr


def test_deploy_check_fails_with_an_empty_secret_key():
    result = _deploy_check(SECRET_KEY="   ")
    assert result.returncode != 0
    assert "SECRET_KEY chưa được đặt" in result.stderr


def test_deploy_check_refuses_the_public_development_key():
    from vinhdanh.settings import DEVELOPMENT_SECRET_KEY

    result = _deploy_check(SECRET_KEY=DEVELOPMENT_SECRET_KEY)
    assert result.returncode != 0
    assert "khoá phát triển công khai" in result.stderr


def test_importing_the_settings_without_a_key_fails_with_the_message():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DEBUG"] = "0"
    result = subprocess.run(
        [sys.executable, "-c", "import vinhdanh.settings"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "SECRET_KEY chưa được đặt" in result.stderr


def test_deploy_check_passes_with_a_real_key():
    result = _deploy_check(SECRET_KEY=PRODUCTION_KEY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ImproperlyConfigured" not in result.stderr


def test_development_runs_without_a_key():
    result = _deploy_check(DEBUG="1")
    # `check --deploy` warns about DEBUG itself, but the settings load with the development key.
    assert "ImproperlyConfigured" not in result.stderr
    assert "security.W018" in result.stdout + result.stderr
