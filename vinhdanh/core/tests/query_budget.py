"""Query budgets: a list or dashboard page costs as many queries with many rows as with few.

`assert_flat(client, url, grow)` renders the page once to warm what fills once per process
(translations, content types), then with `grow(10)` more rows, then with `grow(200)` more,
and fails if the number of queries moved: an N+1 shows as a count that grows with the rows.
It returns the last response, so a test can check that the new rows are really on the page.
"""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries(client, url: str, data=None) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, data or {})
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return len(context.captured_queries), response


def assert_flat(client, url: str, grow, *, few: int = 10, many: int = 200, data=None, marker=None):
    """`marker`: a piece of HTML each listed row carries, to check the new rows are shown."""
    client.get(url, data or {})
    grow(few)
    small, response = queries(client, url, data)
    shown = response.content.decode().count(marker) if marker else 0
    grow(many)
    large, response = queries(client, url, data)
    if marker:
        assert response.content.decode().count(marker) >= shown + many, "new rows not shown"
    assert small == large, (
        f"{url}: {small} queries with {few} more rows, {large} with {few + many} more"
    )
    return response


def numbering():
    """Fresh numbers for the rows a test makes, so codes never repeat between batches."""
    return itertools.count(1)
