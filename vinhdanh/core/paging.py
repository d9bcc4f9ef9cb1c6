"""Pages of long lists without counting the whole table.

A province holds hundreds of thousands of people: counting every match of a list on each
page costs a scan of all of them. `CappedPaginator` counts at most `cap` rows (one
`SELECT COUNT(*) FROM (... LIMIT cap + 1)`), so the cost is bounded whatever the table
holds; past the cap the page says "more than" and offers only the pages up to it, which
asks for a narrower search instead of a walk through thousands of pages.
"""

from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator


def default_cap() -> int:
    return getattr(settings, "LIST_COUNT_CAP", 1000)


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap if cap is not None else default_cap()

    @cached_property
    def _bounded_count(self) -> int:
        if isinstance(self.object_list, list | tuple):
            return len(self.object_list)
        # How many of the first cap + 1 rows exist does not depend on their order: without
        # ORDER BY the database stops at cap + 1 instead of sorting every match first.
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._bounded_count, self.cap)

    @cached_property
    def capped(self) -> bool:
        """More rows match than were counted: the count shown is a lower bound."""
        return self._bounded_count > self.cap


def capped_page(object_list, request, per_page: int = 25, *, cap: int | None = None):
    """The requested page (?page=), the last one for a number past the end."""
    return CappedPaginator(object_list, per_page, cap=cap).get_page(request.GET.get("page"))
