"""Audit recording for the awards services, which the demo loader can hush.

Demo data is seed data, not anybody's action: the audit log of a fresh demo should
hold only what people do in it afterwards.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from vinhdanh.audit import services as audit

_silent: ContextVar[bool] = ContextVar("awards_audit_silent", default=False)


def record(**kwargs):
    if _silent.get():
        return None
    return audit.record(**kwargs)


@contextmanager
def without_audit():
    token = _silent.set(True)
    try:
        yield
    finally:
        _silent.reset(token)
