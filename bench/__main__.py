"""Run every benchmark module of this package and print its lines.

Each `bench/bench_*.py` has `run() -> list[str]`; results are ratios against a baseline
measured in the same run, so they compare across machines.
"""

import importlib
import os
import pkgutil
import secrets
import sys
import tempfile
import time
from pathlib import Path


def _setup_django() -> None:
    """Django on a throw-away database (BENCH_DATABASE_URL, else a temporary SQLite file)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vinhdanh.settings")
    # The database is thrown away after the run, so a fresh random key is enough.
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    scratch = tempfile.mkdtemp(prefix="vinhdanh-bench-")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3"
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def discover() -> list[str]:
    folder = Path(__file__).parent
    return sorted(
        f"bench.{info.name}"
        for info in pkgutil.iter_modules([str(folder)])
        if info.name.startswith("bench_")
    )


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    _setup_django()
    wanted = set(argv)
    failures = 0
    for name in discover():
        if wanted and name.split(".")[-1] not in wanted:
            continue
        print(f"== {name}")
        started = time.perf_counter()
        try:
            lines = importlib.import_module(name).run()
        except Exception as error:  # one broken benchmark must not hide the others
            failures += 1
            print(f"   FAILED: {type(error).__name__}: {error}")
            continue
        for line in lines:
            print(f"   {line}")
        print(f"   ({time.perf_counter() - started:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
