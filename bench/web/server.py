"""The settings the bench runs with, and gunicorn started and stopped as in production."""

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.web.client import LOGIN_PATH, fetch

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 4


def bench_environment(base: dict, *, secret_key: str, files_root: Path) -> dict:
    """Production settings (DEBUG off) over plain HTTP on the loopback, without a second factor.

    The same environment serves gunicorn and the in-process query counter, so both read
    the same sessions (the key signs them).
    """
    # Redis is gunicorn's alone (Gunicorn below): with it the loaders' jobs would wait for a
    # worker instead of running in-process.
    env = {name: value for name, value in base.items() if name != "REDIS_URL"}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "vinhdanh.settings",
            "DEBUG": "0",
            "SECRET_KEY": secret_key,
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            # The bench accounts sign in with the password alone (settings.py, logins).
            "SECOND_FACTOR_REQUIRED_ROLES": "",
            # Plain HTTP on the loopback: no redirect to HTTPS, cookies without Secure.
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            # One role's session waits while the others are measured.
            "SESSION_IDLE_MINUTES": "720",
            "SESSION_IDLE_MINUTES_ADMIN": "720",
            "LOGIN_FAILURE_LIMIT": "1000",
            "PRIVATE_FILES_ROOT": str(files_root),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


class Gunicorn:
    """gunicorn with the production command line of docs/deploy.md, on a port of the bench."""

    def __init__(self, env: dict, port: int, log_path: Path, redis_url: str = ""):
        self.host = "127.0.0.1"
        self.port = port
        self.env = {**env, "REDIS_URL": redis_url} if redis_url else env
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Gunicorn":
        command = [
            sys.executable, "-m", "gunicorn", "vinhdanh.wsgi:application",
            "--bind", f"{self.host}:{self.port}", "--workers", str(WORKERS),
            "--timeout", "120", "--log-level", "warning",
        ]  # fmt: skip
        log = self.log_path.open("w")
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        log.close()
        self._wait_ready()
        return self

    def _wait_ready(self, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start-up; see {self.log_path}")
            try:
                if fetch(self.host, self.port, "GET", LOGIN_PATH).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer within {seconds:.0f} s; see {self.log_path}")

    def __exit__(self, *exc_info) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def port_from(env: dict) -> int:
    return int(env.get("BENCH_PORT", os.environ.get("BENCH_PORT", "8710")))
