import os

import pytest
from django.db import connection

from vinhdanh.accounts.models import User
from vinhdanh.audit.testing import database_snapshot
from vinhdanh.demo.loader import load_demo

REQUIRE_POSTGRES = os.environ.get("VINHDANH_REQUIRE_POSTGRES") == "1"
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def pytest_configure(config):
    # Here rather than at collection: with pytest-xdist the workers collect, and an error
    # there ends the run as a crash; the main process reads this hook first.
    if REQUIRE_POSTGRES and not ON_POSTGRES:
        raise pytest.UsageError("VINHDANH_REQUIRE_POSTGRES=1 but DATABASE_URL is not PostgreSQL")


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` skip on SQLite, but never where PostgreSQL is required."""
    if ON_POSTGRES:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def pytest_sessionfinish(session, exitstatus):
    """Where PostgreSQL is required every test must run there: a skipped one fails the run.

    Counted in the main process, which receives every worker's reports under pytest-xdist.
    """
    if not REQUIRE_POSTGRES or hasattr(session.config, "workerinput"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and session.exitstatus == pytest.ExitCode.OK:
        message = f"FAIL: {len(skipped)} skipped where PostgreSQL is required (listed below)"
        reporter.write_sep("=", message, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The Hoàng Mai 2021 demo is loaded once per test database; each test rolls back its changes.

    A test that commits (browser tests, `transactional_db`) cannot roll back: the flush
    that ends it puts back the copy kept here (vinhdanh/audit/testing/database_snapshot.py).
    """
    with django_db_blocker.unblock():
        # The 2021 history only: the Hà Nội 2026 chapter ends the district and moves every
        # person out of its wards, which the 2021 tests work in. Its tests load it
        # themselves (vinhdanh/demo/tests/test_hanoi_2026.py).
        load_demo(hanoi_2026=False)
        database_snapshot.keep(connection)


@pytest.fixture
def demo(db):
    """The demo organisation (already in the test database; reloading it is a no-op)."""


@pytest.fixture
def demo_user(demo):
    def get(username: str) -> User:
        return User.objects.get(username=username)

    return get


@pytest.fixture
def database_vendor(db) -> str:
    return connection.vendor


@pytest.fixture(autouse=True)
def fresh_cache():
    """The public forms' rate counters live in the cache: each test starts without them."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def fresh_job_claims():
    """The periodic jobs claim their day in Huey's (in-memory) storage: each test starts anew."""
    from huey.contrib.djhuey import HUEY

    HUEY.storage.flush_results()
