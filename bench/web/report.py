"""Targets, the table per size and the closing line: pure functions over result rows.

A row is a dict as written to the JSON results: size, role, username, page, kind, path,
status, bytes, html, p50_ms, p95_ms, p99_ms, rps, ratio, queries.
"""

from bench.web.pages import REPORT

# The targets of the issue "Province scale".
PAGE_P95_MS = 300  # lists, dashboards, details (and the API, which is lists and details)
PAGE_MIN_RATIO = 0.20
REPORT_P95_MS = 1000
HTML_MAX_BYTES = 300 * 1024

PASS = "✓"
FAIL = "✗"


def missed_targets(row: dict) -> list[str]:
    """The targets a page misses, in words; empty when it meets them all."""
    missed = []
    if row["status"] != 200:
        missed.append(f"status {row['status']}")
    if row["kind"] == REPORT:
        if row["p95_ms"] > REPORT_P95_MS:
            missed.append(f"p95 > {REPORT_P95_MS} ms")
    else:
        if row["p95_ms"] > PAGE_P95_MS:
            missed.append(f"p95 > {PAGE_P95_MS} ms")
        if row["ratio"] < PAGE_MIN_RATIO:
            missed.append(f"ratio < {PAGE_MIN_RATIO:.2f}")
    if row["html"] and row["bytes"] > HTML_MAX_BYTES:
        missed.append(f"HTML > {HTML_MAX_BYTES // 1024} KB")
    return missed


COLUMNS = (
    ("role", "<"),
    ("page", "<"),
    ("kind", "<"),
    ("status", ">"),
    ("KB", ">"),
    ("p50 ms", ">"),
    ("p95 ms", ">"),
    ("p99 ms", ">"),
    ("req/s", ">"),
    ("ratio", ">"),
    ("queries", ">"),
    ("target", "<"),
)


def table_cells(row: dict) -> list[str]:
    missed = missed_targets(row)
    queries = row.get("queries")
    return [
        row["role"],
        row["page"],
        row["kind"],
        str(row["status"]),
        f"{row['bytes'] / 1024:.1f}",
        f"{row['p50_ms']:.0f}",
        f"{row['p95_ms']:.0f}",
        f"{row['p99_ms']:.0f}",
        f"{row['rps']:.1f}",
        f"{row['ratio']:.2f}",
        "?" if queries is None else str(queries),
        PASS if not missed else f"{FAIL} " + ", ".join(missed),
    ]


def format_table(rows: list[dict], trivial: dict | None = None) -> str:
    """A Markdown table of the rows (it reads in a terminal and pastes into docs)."""
    header = [name for name, _ in COLUMNS]
    body = [table_cells(row) for row in rows]
    if trivial is not None:
        body.insert(0, trivial_cells(trivial))
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [
            cell.ljust(width) if align == "<" else cell.rjust(width)
            for cell, width, (_, align) in zip(cells, widths, COLUMNS, strict=True)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(
        "-" * (width + 1) + (":" if align == ">" else "-")
        for width, (_, align) in zip(widths, COLUMNS, strict=True)
    ) + "|"  # fmt: skip
    return "\n".join([line(header), rule, *(line(cells) for cells in body)])


def trivial_cells(trivial: dict) -> list[str]:
    """The trivial page's own line: what every ratio is measured against."""
    return [
        "anonymous",
        trivial["page"],
        "trivial",
        str(trivial["status"]),
        f"{trivial['bytes'] / 1024:.1f}",
        f"{trivial['p50_ms']:.0f}",
        f"{trivial['p95_ms']:.0f}",
        f"{trivial['p99_ms']:.0f}",
        f"{trivial['rps']:.1f}",
        "1.00",
        "?" if trivial.get("queries") is None else str(trivial["queries"]),
        "",
    ]


def page_label(row: dict, with_size: bool) -> str:
    label = f"{row['page']} as {row['role']}"
    return f"{label} at {row['size']}" if with_size else label


def closing_line(rows: list[dict]) -> str:
    """`bench-web: N pages, worst throughput ratio R (PAGE), worst p95 MS ms (PAGE)`.

    Over every measured page of every size; PAGE names the size when there were several.
    """
    if not rows:
        return "bench-web: 0 pages, worst throughput ratio - (none), worst p95 - ms (none)"
    with_size = len({row["size"] for row in rows}) > 1
    slowest_ratio = min(rows, key=lambda row: row["ratio"])
    slowest_p95 = max(rows, key=lambda row: row["p95_ms"])
    return (
        f"bench-web: {len(rows)} pages, "
        f"worst throughput ratio {slowest_ratio['ratio']:.2f} "
        f"({page_label(slowest_ratio, with_size)}), "
        f"worst p95 {slowest_p95['p95_ms']:.0f} ms ({page_label(slowest_p95, with_size)})"
    )


def targets_line(rows: list[dict]) -> str:
    met = sum(1 for row in rows if not missed_targets(row))
    return f"targets met: {met} of {len(rows)} pages"
