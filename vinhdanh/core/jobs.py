"""Background jobs stay single when several Huey consumers run (docs/deploy.md, *Workers*).

- A queued task is taken by one consumer only: the storage's dequeue is atomic (RPOP or
  BRPOP on Redis; a delete inside an exclusive transaction on SQLite), so however many
  consumers share a queue, one message runs once.
- A periodic task is enqueued by every consumer whose scheduler is on: each one checks
  the crontab every minute, so two consumers would run the nightly job twice. A periodic
  task is therefore wrapped in `once_per_day`, which first claims the day in Huey's
  storage with an atomic put-if-empty (HSETNX on Redis, an insert on SQLite): the first
  run to claim it works, the others return at once.
- A task queued for one object claims that object's own record instead (a print job moves
  from pending to running with a conditional UPDATE, awards/printing.py), which also
  covers the same job queued twice.
`core/tests/test_jobs.py` runs two consumers on Redis and on a shared SQLite file.
"""

import datetime
import functools
import logging
from collections.abc import Callable

from django.utils import timezone

logger = logging.getLogger(__name__)

# Claims older than this are removed by the next claim, so the store does not grow.
KEPT_DAYS = 7


def _claim_key(job_name: str, day: datetime.date) -> str:
    return f"vinhdanh.once_per_day:{job_name}:{day.isoformat()}"


def claim_day(huey, job_name: str, day: datetime.date) -> bool:
    """True for the one caller, among every consumer, that may run `job_name` on `day`."""
    claimed = huey.put_if_empty(_claim_key(job_name, day), day.isoformat())
    if claimed:
        huey.delete(_claim_key(job_name, day - datetime.timedelta(days=KEPT_DAYS)))
    return claimed


def once_per_day(job_name: str, *, huey=None) -> Callable:
    """Runs the decorated job at most once per local day, whichever consumer runs it.

    Put it under `db_periodic_task(...)`; `huey` is the instance whose storage keeps the
    claims (by default the project's, `huey.contrib.djhuey.HUEY`).
    """

    def decorate(job: Callable) -> Callable:
        @functools.wraps(job)
        def run_once(*args, **kwargs):
            if huey is None:
                from huey.contrib.djhuey import HUEY as queue
            else:
                queue = huey
            day = timezone.localdate()
            if not claim_day(queue, job_name, day):
                logger.info("%s already ran on %s (another consumer): skipped", job_name, day)
                return None
            return job(*args, **kwargs)

        return run_once

    return decorate
