"""The work inbox ("Việc cần làm"): what waits for the signed-in user's own step.

An app contributes with `<app>/inbox.py` defining `inbox(user, year) -> list[InboxGroup]`
(listed in `INBOX_MODULES`); the home page gathers them (`home/inbox.py`). Each group is
one kind of work (dossiers waiting for appraisal, registrations returned, late tasks ...)
with its count, capped at `COUNT_CAP` so that a province's backlog costs a bounded
count, and the first `SHOWN` items, each linking to its page. `group()` builds one from
a queryset in one query, two when more rows wait than it shows, however many rows wait.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

INBOX_MODULES = [
    "vinhdanh.awards.inbox",
    "vinhdanh.movements.inbox",
    "vinhdanh.scoring.inbox",
    "vinhdanh.plans.inbox",
    "vinhdanh.training.inbox",
    "vinhdanh.inspections.inbox",
    "vinhdanh.ceremonies.inbox",
    "vinhdanh.exemplars.inbox",
    "vinhdanh.contests.inbox",
    "vinhdanh.initiatives.inbox",
    "vinhdanh.filings.inbox",
]
COUNT_CAP = 99
SHOWN = 5


@dataclass(frozen=True)
class InboxItem:
    text: str
    url: str
    note: str = ""  # the unit, the deadline ... in words
    late: bool = False


@dataclass(frozen=True)
class InboxGroup:
    key: str  # stable, for tests and the page's test ids
    label: str
    count: int  # at most COUNT_CAP + 1, which reads "hơn 99"
    url: str  # the page listing all of them
    icon: str
    items: tuple[InboxItem, ...]
    late: bool = False  # work past its deadline comes first, in red

    @property
    def count_text(self) -> str:
        if self.count > COUNT_CAP:
            return _("hơn %(cap)s") % {"cap": COUNT_CAP}
        return str(self.count)

    @property
    def more(self) -> bool:
        return self.count > COUNT_CAP or self.count > len(self.items)


def group(
    queryset,
    *,
    key: str,
    label: str,
    url: str,
    icon: str,
    item: Callable[[object], InboxItem],
    late: bool = False,
    may: Callable[[object], bool] | None = None,
) -> InboxGroup | None:
    """One group from the rows of `queryset` (ordered: the longest waiting first), or None
    when nothing waits.

    `may(row)` asks a permission that needs its object (the user's own unit's card, a
    round of their cluster): the queryset holds rows alike for that permission, so the
    first row answers for the group, and a user it refuses gets no group."""
    # The first rows, one more than shown: when no more wait, they are the count, and the
    # home page asks one query of this group instead of two (most groups hold a few rows).
    rows = list(queryset[: SHOWN + 1])
    if not rows:
        return None
    if may is not None and not may(rows[0]):
        return None
    count = len(rows) if len(rows) <= SHOWN else queryset[: COUNT_CAP + 1].count()
    rows = rows[:SHOWN]
    return InboxGroup(key, str(label), count, url, icon, tuple(item(row) for row in rows), late)
