"""One size: database, gunicorn, the trivial page, every role's pages, their queries."""

import json
import os
import secrets
import time
from collections import Counter
from pathlib import Path

from bench.web import client, report
from bench.web.database import build_or_reuse, pick_accounts
from bench.web.pages import TRIVIAL_PAGE
from bench.web.run import RESULTS, ROOT, most_common_status, requests_for, trivial_figures
from bench.web.server import Gunicorn, bench_environment, port_from
from bench.web.stats import summarise, throughput_ratio

PASSWORD = "vinhdanh2021"
READABLE = ("text/html", "application/json")


def _settings(env: dict) -> dict:
    requests = int(env.get("BENCH_REQUESTS", "200"))
    return {
        "requests": requests,
        "report_requests": int(env.get("BENCH_REPORT_REQUESTS", str(max(20, requests // 5)))),
        "concurrency": int(env.get("BENCH_CONCURRENCY", "16")),
        "page_seconds": float(env.get("BENCH_PAGE_SECONDS", "60")),
        "seed": int(env.get("BENCH_SEED", "2021")),
        "port": port_from(env),
        "server": env.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        "redis_url": env.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12"),
        "accounts": env.get("BENCH_ACCOUNTS", ""),
        "password": env.get("BENCH_PASSWORD", PASSWORD),
    }


def _figures(load: client.Load) -> dict:
    summary = summarise(load.latencies, load.wall_seconds)
    return {
        "requests": summary.requests,
        "errors": load.errors,
        "statuses": dict(load.statuses),
        "p50_ms": summary.p50_ms,
        "p95_ms": summary.p95_ms,
        "p99_ms": summary.p99_ms,
        "rps": summary.requests_per_second,
        "wall_seconds": load.wall_seconds,
    }


def _count_queries(path: str, session: str | None) -> int | None:
    """Queries of one request, run in this process through the test client on the same DB."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    browser = Client(raise_request_exception=False)
    if session:
        browser.cookies[settings.SESSION_COOKIE_NAME] = session
    with CaptureQueriesContext(connection) as captured:
        answer = browser.get(path)
    return len(captured.captured_queries) if answer.status_code == 200 else None


def _counts() -> dict:
    from vinhdanh.accounts.models import User
    from vinhdanh.awards.models import Decision, Nomination
    from vinhdanh.org.models import Person, Unit

    return {
        "nominations": Nomination.objects.count(),
        "decisions": Decision.objects.count(),
        "people": Person.objects.count(),
        "units": Unit.objects.count(),
        "accounts": User.objects.count(),
    }


def _in_force(accounts: list[dict]) -> set[str]:
    """The usernames whose acting seat exists today (an ended one reads but changes nothing)."""
    from django.contrib.auth import get_user_model

    from vinhdanh.accounts.predicates import seat_in_force

    users = get_user_model().objects.filter(username__in={row["username"] for row in accounts})
    return {
        user.username for user in users.select_related("council", "unit") if seat_in_force(user)
    }


def _trivial(server: Gunicorn, options: dict) -> dict:
    load = client.run_load(
        server.host,
        server.port,
        client.LOGIN_PATH,
        "",
        requests=options["requests"],
        concurrency=options["concurrency"],
    )
    probe = client.fetch(server.host, server.port, "GET", client.LOGIN_PATH)
    return {
        "page": TRIVIAL_PAGE,
        "path": client.LOGIN_PATH,
        "status": most_common_status(load.statuses),
        "bytes": len(probe.body),
        **_figures(load),
    }


def _measure_role(server: Gunicorn, account: dict, options: dict, size: str, sink) -> tuple:
    from django.contrib.auth import get_user_model

    from bench.web.discovery import pages_for

    who = {"role": account["role"], "username": account["username"]}
    try:
        session = client.login(server.host, server.port, account["username"], options["password"])
    except RuntimeError as refusal:  # one role that cannot sign in must not stop the others
        print(f"   {account['username']}: {refusal}", flush=True)
        return [], [{**who, "page": client.LOGIN_PATH, "why": str(refusal)}]
    cookie = f"sessionid={session}"
    user = get_user_model().objects.get(username=account["username"])
    found, skipped = pages_for(user)
    rows = []
    for page in found:
        probe = client.fetch(server.host, server.port, "GET", page.path, {"Cookie": cookie})
        kind_of_body = probe.headers.get("content-type", "").split(";")[0]
        if probe.status != 200 or kind_of_body not in READABLE:
            skipped.append((page.name, f"answers {probe.status} {kind_of_body}".strip()))
            continue
        if "attachment" in probe.headers.get("content-disposition", ""):
            skipped.append((page.name, "a download"))
            continue
        load = client.run_load(
            server.host,
            server.port,
            page.path,
            cookie,
            requests=requests_for(page.kind, options["requests"], options["report_requests"]),
            concurrency=options["concurrency"],
            max_seconds=options["page_seconds"],
        )
        row = {
            "size": size,
            "role": account["role"],
            "username": account["username"],
            "council": account.get("council", ""),
            "page": page.name,
            "kind": page.kind,
            "path": page.path,
            "status": most_common_status(load.statuses),
            "bytes": len(probe.body),
            "html": kind_of_body == "text/html",
            "queries": _count_queries(page.path, session),
            **_figures(load),
        }
        rows.append(row)
        sink(row)
    return rows, [{**who, "page": name, "why": why} for name, why in skipped]


def measure_size(size: str, out: Path) -> int:
    options = _settings(os.environ)
    secret_key = os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50)
    scratch = RESULTS / "work"
    scratch.mkdir(parents=True, exist_ok=True)
    nominations = None if size == "demo" else int(size)
    base = bench_environment(
        os.environ, secret_key=secret_key, files_root=scratch / "files" / f"bench-{size}"
    )
    print(f"== bench-web: size {size}", flush=True)
    built = build_or_reuse(options["server"], nominations, options["seed"], base, scratch)
    env = {**base, "DATABASE_URL": built.url}
    os.environ.update(env)
    import django

    django.setup()
    counts = _counts()
    print(
        "   "
        + ", ".join(f"{value:,} {name}" for name, value in counts.items())
        + f"; {options['requests']} requests per page ({options['report_requests']} for "
        f"reports), {options['concurrency']} clients",
        flush=True,
    )
    try:
        accounts = pick_accounts(built.accounts, options["accounts"], _in_force(built.accounts))
    except ValueError as unknown:  # BENCH_ACCOUNTS names someone this database lacks
        print(f"   {unknown}", flush=True)
        return 2
    rows, skipped = [], []
    log = scratch / f"gunicorn-{built.name}.log"
    started = time.perf_counter()
    with Gunicorn(env, options["port"], log, options["redis_url"]) as server:
        trivial_loads = [_trivial(server, options)]
        trivial_loads[0]["queries"] = _count_queries(client.LOGIN_PATH, None)

        def progress(row: dict) -> None:
            print(
                f"   {row['role']:<16} {row['page']:<36} {row['status']} "
                f"p95 {row['p95_ms']:7.0f} ms {row['rps']:7.1f} req/s",
                flush=True,
            )

        for account in accounts:
            role_rows, role_skipped = _measure_role(server, account, options, size, progress)
            rows += role_rows
            skipped += role_skipped
        trivial_loads.append(_trivial(server, options))
    trivial = trivial_figures(trivial_loads)
    for row in rows:
        row["ratio"] = throughput_ratio(row["rps"], trivial["rps"])
    print(f"\n== size {size} ({built.name}, {built.source}); trivial page "
          f"{trivial['rps']:.1f} req/s (start and end: "
          + " / ".join(f"{rps:.1f}" for rps in trivial["rps_each"]) + ")")  # fmt: skip
    print(report.format_table(rows, trivial))
    reasons = Counter(entry["why"] for entry in skipped)
    told = ", ".join(f"{count}× {why}" for why, count in reasons.most_common())
    print(f"   left out: {len(skipped)} pages of a role ({told})")
    out.write_text(
        json.dumps(
            {
                "size": size,
                "database": built.name,
                "source": built.source,
                "reused": built.reused,
                "seed": built.seed,
                "counts": counts,
                "settings": {k: v for k, v in options.items() if k != "password"},
                "seconds": time.perf_counter() - started,
                "trivial": trivial,
                "rows": rows,
                "skipped": skipped,
                "root": str(ROOT),
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    return 0
