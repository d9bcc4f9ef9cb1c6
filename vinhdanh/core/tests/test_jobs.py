"""Two Huey consumers on one queue never run the same job twice (core/jobs.py).

Each consumer is a real `huey.consumer.Consumer` with its own Huey instance and
connection, as on two hosts, sharing a queue: Redis (production, the documented server on
127.0.0.1:6379, database 10 unless VINHDANH_TEST_REDIS_URL says otherwise; skipped when no
Redis answers there) and a SQLite file (the embedded storage, two consumers on one host).
"""

import datetime
import os
import signal
import threading
import time
import uuid
from collections import Counter

import pytest
import redis
from huey import RedisHuey, SqliteHuey, crontab
from huey.consumer import Consumer, Scheduler

from vinhdanh.core.jobs import claim_day, once_per_day

REDIS_URL = os.environ.get("VINHDANH_TEST_REDIS_URL", "redis://127.0.0.1:6379/10")
NIGHT = datetime.datetime(2026, 12, 1, 3, 30)


def _redis_or_skip() -> None:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs Redis at {REDIS_URL} (VINHDANH_TEST_REDIS_URL)")


class Runs:
    """What the jobs did, counted across both consumers' threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self.counts: Counter = Counter()

    def add(self, key) -> None:
        with self._lock:
            self.counts[key] += 1

    def total(self) -> int:
        with self._lock:
            return sum(self.counts.values())


def _register(huey, runs: Runs):
    """The same tasks on one consumer's Huey instance, as every host imports them."""

    @huey.task(name="record")
    def record(number: int) -> None:
        time.sleep(0.001)  # long enough for the other consumer to try the same message
        runs.add(("record", number))

    @huey.periodic_task(crontab(hour="3", minute="30"), name="nightly_unguarded")
    def nightly_unguarded() -> None:
        runs.add("nightly_unguarded")

    @huey.periodic_task(crontab(hour="3", minute="30"), name="nightly")
    @once_per_day("test.nightly", huey=huey)
    def nightly() -> None:
        runs.add("nightly")

    return record


@pytest.fixture(params=["redis", "sqlite"])
def two_hosts(request, tmp_path):
    """Two Huey instances (connections) on one shared queue, and what their tasks did."""
    name = f"vinhdanh-test-{uuid.uuid4().hex[:10]}"
    if request.param == "redis":
        _redis_or_skip()
        hosts = [RedisHuey(name, url=REDIS_URL) for _ in range(2)]
    else:
        filename = str(tmp_path / "huey.sqlite3")
        hosts = [SqliteHuey(name, filename=filename) for _ in range(2)]
    runs = Runs()
    tasks = [_register(huey, runs) for huey in hosts]
    yield hosts, tasks, runs
    hosts[0].flush()
    for huey in hosts:
        huey.storage.close()


def _wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the consumers did not finish in time"
        time.sleep(0.02)


def _run_consumers(hosts, until) -> None:
    """Both consumers, two worker threads each, polling fast, until `until()` holds."""
    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    consumers = [
        Consumer(
            huey,
            workers=2,
            worker_type="thread",
            periodic=False,  # the schedulers' minute is played by the tests themselves
            initial_delay=0.01,
            max_delay=0.05,
            check_worker_health=False,
        )
        for huey in hosts
    ]
    try:
        for consumer in consumers:
            consumer.start()
        _wait_for(until)
        time.sleep(0.2)  # a duplicate would run now
    finally:
        for consumer in consumers:
            consumer.stop(graceful=True)
        for sig, handler in kept.items():
            signal.signal(sig, handler)


def test_every_queued_job_runs_once_with_two_consumers(two_hosts):
    hosts, tasks, runs = two_hosts
    count = 60
    for number in range(count):
        tasks[number % 2](number)  # enqueued from either host
    _run_consumers(hosts, until=lambda: runs.total() >= count)
    assert runs.counts == Counter({("record", number): 1 for number in range(count)})
    assert all(huey.pending_count() == 0 for huey in hosts)


def test_a_nightly_job_runs_once_though_each_scheduler_enqueues_it(two_hosts):
    hosts, _tasks, runs = two_hosts
    # Each consumer's scheduler checks the crontab at 03:30 and enqueues what is due.
    for huey in hosts:
        Scheduler(huey, threading.Event(), interval=1, periodic=True).enqueue_periodic_tasks(NIGHT)
    assert hosts[0].pending_count() == 4  # two jobs, enqueued by both schedulers
    _run_consumers(hosts, until=lambda: hosts[0].pending_count() == 0)
    # Without the claim the job runs on both consumers; with it, on one.
    assert runs.counts["nightly_unguarded"] == 2
    assert runs.counts["nightly"] == 1


def test_a_day_is_claimed_once_and_old_claims_are_dropped(tmp_path):
    huey = SqliteHuey("claims", filename=str(tmp_path / "huey.sqlite3"))
    day = datetime.date(2026, 12, 1)
    assert claim_day(huey, "job", day)
    assert not claim_day(huey, "job", day)
    assert claim_day(huey, "other-job", day)
    assert claim_day(huey, "job", day + datetime.timedelta(days=1))
    # The claim a week later removes this one, so the store holds a week of claims per job.
    assert claim_day(huey, "job", day + datetime.timedelta(days=7))
    assert claim_day(huey, "job", day)
