"""Statistics and reports read from a replica of the database; everything else, the primary.

DATABASE_REPLICA_URL adds the `replica` database (settings.py) and REPORTS_DATABASE names
the one reports read from. Only code inside `report_reads()` goes there: the report views
(their figures may lag the primary by the replication delay, which a yearly count can
afford), never a service, a form or a page a user has just changed something on, which
must read what it wrote. Writes always go to the primary, even inside `report_reads()`
and even for a row that was read from the replica.
"""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

_reading_reports: ContextVar[bool] = ContextVar("reading_reports", default=False)


@contextmanager
def report_reads():
    """Reads inside go to REPORTS_DATABASE (per thread and task: a context variable)."""
    token = _reading_reports.set(True)
    try:
        yield
    finally:
        _reading_reports.reset(token)


def reads_reports(view: Callable) -> Callable:
    """A report view whose every read, the permission check included, uses the reports database."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        with report_reads():
            return view(*args, **kwargs)

    return wrapper


def reports_database() -> str:
    alias = getattr(settings, "REPORTS_DATABASE", DEFAULT_DB_ALIAS)
    return alias if alias in settings.DATABASES else DEFAULT_DB_ALIAS


class ReportReadRouter:
    def db_for_read(self, model, **hints):
        return reports_database() if _reading_reports.get() else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows: a row read from one may point at one of the other.
        return True
