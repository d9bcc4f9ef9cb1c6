"""`python -m bench.web`: every size in its own process, then the merged results.

Each size runs in a child process (`--size`), since Django binds one database per
process: it builds or reuses the database, starts gunicorn, measures the trivial page,
signs in as each role, loads each of its pages, counts queries, prints its table and
writes its part. The parent merges the parts into bench/results/web-<timestamp>.json
and prints the closing line last.
"""

import datetime as dt
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.web import report
from bench.web.pages import REPORT, TRIVIAL_PAGE

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
DEFAULT_SIZES = "100000 1000000"
DEMO_SIZE = "demo"


def planned_sizes(env: dict) -> list[str]:
    """BENCH_NOMINATIONS (one quick size) wins over BENCH_SIZES (default 100000 1000000)."""
    one = env.get("BENCH_NOMINATIONS", "").strip()
    sizes = [one] if one else (env.get("BENCH_SIZES", "").strip() or DEFAULT_SIZES).split()
    for size in sizes:
        if not size.isdigit() or int(size) <= 0:
            raise ValueError(f"a size is a positive number of nominations, not {size!r}")
    return sizes


def requests_for(kind: str, requests: int, report_requests: int) -> int:
    return report_requests if kind == REPORT else requests


def main(argv: list[str]) -> int:
    if argv[:1] == ["--size"]:
        from bench.web.measure import measure_size

        return measure_size(argv[1], Path(argv[3]))
    from bench.web.database import generator_available

    sizes = planned_sizes(os.environ)
    if not generator_available():
        print(
            "bench-web: no generate_province command in this tree; measuring the demo "
            f"(vd_bench) once instead of the sizes {' '.join(sizes)}",
            flush=True,
        )
        sizes = [DEMO_SIZE]
    RESULTS.mkdir(parents=True, exist_ok=True)
    secret_key = secrets.token_urlsafe(50)
    parts, failed = [], []
    with tempfile.TemporaryDirectory(prefix="bench-web-") as scratch:
        for size in sizes:
            part = Path(scratch) / f"{size}.json"
            child = subprocess.run(
                [sys.executable, "-m", "bench.web", "--size", size, "--out", str(part)],
                cwd=ROOT,
                env={**os.environ, "BENCH_SECRET_KEY": secret_key},
            )
            if child.returncode != 0 or not part.exists():
                failed.append(size)
                continue
            parts.append(json.loads(part.read_text()))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    out = RESULTS / f"web-{stamp}.json"
    out.write_text(json.dumps({"finished": stamp, "sizes": parts}, ensure_ascii=False, indent=2))
    rows = [row for part in parts for row in part["rows"]]
    print(f"results: {out.relative_to(ROOT)}")
    if failed:
        print(f"FAILED sizes: {' '.join(failed)}")
    print(report.targets_line(rows))
    print(report.closing_line(rows), flush=True)
    return 1 if failed or not rows else 0


def trivial_figures(loads: list[dict]) -> dict:
    """The trivial page's figures over its measurements (start and end of the run)."""
    merged = dict(loads[0])
    merged["rps"] = statistics.mean(load["rps"] for load in loads)
    merged["rps_each"] = [load["rps"] for load in loads]
    return merged


def most_common_status(statuses: Counter) -> int:
    return statuses.most_common(1)[0][0] if statuses else 0


__all__ = ["TRIVIAL_PAGE", "main", "planned_sizes", "requests_for", "trivial_figures"]
