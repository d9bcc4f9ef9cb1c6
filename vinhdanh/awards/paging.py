"""Keyset pages for the long awards lists: the next page starts after the last row shown.

An OFFSET page makes the database read and drop every row before it, so page 6,000 of a
province costs as much as reading 300,000 rows. A keyset page asks for the rows that sort
after the last one shown, which the (year, id) indexes answer directly, whatever the page.
The lists sort newest year first, then newest dossier first; the id breaks ties within a
year, so no row is skipped or shown twice between pages, even among rows of equal year.

Counts are capped: an exact COUNT(*) over a province is as slow as the list it counts, so
above the site's `LIST_COUNT_CAP` (`core.paging`) the page says "hơn 1.000" instead, which
is true and costs a bounded read.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from vinhdanh.core.paging import default_cap

PAGE_SIZE = 50


def encode_cursor(year: int, pk: int) -> str:
    return f"{year}-{pk}"


def decode_cursor(text: str | None) -> tuple[int, int] | None:
    """The (year, id) a cursor names; a missing or malformed one means the first page."""
    year, sep, pk = (text or "").partition("-")
    if not sep or not year.isdigit() or not pk.isdigit():
        return None
    return int(year), int(pk)


def after(cursor: tuple[int, int] | None) -> Q:
    """Rows sorting after `cursor` in (year desc, id desc) order."""
    if cursor is None:
        return Q()
    year, pk = cursor
    return Q(year__lt=year) | Q(year=year, pk__lt=pk)


@dataclass
class Page:
    rows: list
    next_cursor: str | None
    # Whether this page is not the first: the page offers a way back to the start.
    later: bool


def keyset_page(queryset: QuerySet, cursor_text: str | None, size: int | None = None) -> Page:
    """One page of `queryset` (rows with `year` and `pk`) after the cursor, newest first."""
    size = size or PAGE_SIZE
    cursor = decode_cursor(cursor_text)
    rows = list(queryset.filter(after(cursor)).order_by("-year", "-pk")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    next_cursor = encode_cursor(rows[-1].year, rows[-1].pk) if more else None
    return Page(rows=rows, next_cursor=next_cursor, later=cursor is not None)


def newest_first_page(queryset: QuerySet, cursor_text: str | None, size: int) -> Page:
    """One page of `queryset` by id alone, newest first (rows without a year: submissions)."""
    cursor = int(cursor_text) if (cursor_text or "").isdigit() else None
    if cursor is not None:
        queryset = queryset.filter(pk__lt=cursor)
    rows = list(queryset.order_by("-pk")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    next_cursor = str(rows[-1].pk) if more else None
    return Page(rows=rows, next_cursor=next_cursor, later=cursor is not None)


def capped_count(queryset: QuerySet, cap: int | None = None) -> int:
    """The number of rows, read no further than `cap + 1`."""
    return queryset.order_by()[: (cap or default_cap()) + 1].count()


def count_label(count: int, cap: int | None = None) -> str:
    """The exact number up to the cap ("37"), the cap beyond it ("hơn 1.000")."""
    cap = cap or default_cap()
    if count > cap:
        return _("hơn %(cap)s") % {"cap": number_format(cap, force_grouping=True)}
    return number_format(count, force_grouping=True)


def latest_year(queryset: QuerySet) -> int | None:
    """The newest year with rows, so a list opens on it rather than sorting every year."""
    return queryset.order_by("-year").values_list("year", flat=True).first()


def page_links(query, page: Page) -> dict:
    """The query strings of the first and the next page, keeping the list's filters."""
    first = query.copy()
    first.pop("after", None)
    following = first.copy()
    if page.next_cursor:
        following["after"] = page.next_cursor
    return {
        "first": first.urlencode() if page.later else None,
        "next": following.urlencode() if page.next_cursor else None,
    }


def list_query(request, queryset: QuerySet) -> QueryDict:
    """The list's filters; without a year it opens on the newest year with rows, so the first
    page never sorts every year of a province. An empty year (`?year=`) means all years."""
    query = request.GET.copy()
    if "year" not in query:
        year = latest_year(queryset)
        query["year"] = str(year or timezone.localdate().year)
    return query
