from bench.web.report import closing_line, format_table, missed_targets, targets_line


def row(**changes) -> dict:
    base = {
        "size": "20000",
        "role": "standing_office",
        "page": "awards:nomination_list",
        "kind": "list",
        "status": 200,
        "bytes": 20 * 1024,
        "html": True,
        "p50_ms": 80.0,
        "p95_ms": 150.0,
        "p99_ms": 200.0,
        "rps": 90.0,
        "ratio": 0.3,
        "queries": 9,
    }
    return {**base, **changes}


def test_a_list_meets_its_targets_or_says_which_it_misses():
    assert missed_targets(row()) == []
    assert missed_targets(row(p95_ms=301.0)) == ["p95 > 300 ms"]
    assert missed_targets(row(ratio=0.19)) == ["ratio < 0.20"]
    assert missed_targets(row(bytes=301 * 1024)) == ["HTML > 300 KB"]
    assert missed_targets(row(status=500)) == ["status 500"]


def test_a_report_has_a_second_and_no_ratio_target():
    assert missed_targets(row(kind="report", p95_ms=900.0, ratio=0.01)) == []
    assert missed_targets(row(kind="report", p95_ms=1001.0)) == ["p95 > 1000 ms"]


def test_the_size_target_is_for_html_only():
    assert missed_targets(row(kind="api", html=False, bytes=900 * 1024)) == []


def test_the_table_flags_each_page_and_starts_with_the_trivial_page():
    trivial = {"page": "accounts:login", "status": 200, "bytes": 3900, "p50_ms": 9.0,
               "p95_ms": 18.0, "p99_ms": 20.0, "rps": 400.0, "queries": 0}  # fmt: skip
    lines = format_table([row(), row(page="home:index", kind="dashboard", p95_ms=450.0)], trivial)
    lines = lines.splitlines()
    assert lines[0].startswith("| role ")
    assert "accounts:login" in lines[2] and "1.00" in lines[2]
    assert "awards:nomination_list" in lines[3] and lines[3].rstrip(" |").endswith("✓")
    assert "home:index" in lines[4] and "✗ p95 > 300 ms" in lines[4]
    assert len({len(line) for line in lines}) == 1  # the columns line up


def test_the_closing_line_names_the_worst_pages():
    rows = [
        row(),
        row(page="home:index", ratio=0.05, p95_ms=200.0),
        row(page="reports:form_0601", kind="report", ratio=0.1, p95_ms=800.0),
    ]
    assert closing_line(rows) == (
        "bench-web: 3 pages, worst throughput ratio 0.05 (home:index as standing_office), "
        "worst p95 800 ms (reports:form_0601 as standing_office)"
    )


def test_the_closing_line_names_the_size_when_there_are_several():
    rows = [row(), row(size="1000000", ratio=0.1, p95_ms=900.0)]
    assert closing_line(rows).endswith(
        "worst p95 900 ms (awards:nomination_list as standing_office at 1000000)"
    )
    assert targets_line(rows) == "targets met: 1 of 2 pages"
