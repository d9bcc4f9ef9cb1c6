"""What the engine judges: a subject's history, the context of one proposal, and the case.

Names (titles, ratings, scopes, discipline forms) are turned into catalogue ids and
ranks once, when a history is built, so that checks compare small integers and
interned strings only.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .catalogue import Catalogue

# Rating ranks (catalogue "ratings").
KHONG_HOAN_THANH, HOAN_THANH, TOT, XUAT_SAC = 0, 1, 2, 3
# Initiative scope ranks (catalogue "initiative_scopes").
CO_SO, TINH, TOAN_QUOC = 1, 2, 3
# Discipline rank of "cảnh cáo" (catalogue "discipline_forms").
CANH_CAO = 2
# Award bases that Nghị định 152/2025 Điều 4 keeps out of merit chains.
NON_CHAIN_BASES = frozenset({"theo_dot", "dot_xuat"})


class Award(NamedTuple):
    year: int
    title: str
    basis: str | None = None
    achievement: str | None = None


class Initiative(NamedTuple):
    year: int
    scope: int
    kind: str = "sang_kien"


class Discipline(NamedTuple):
    year: int
    until: int
    rank: int
    pending: bool = False
    form: str = ""


class Members(NamedTuple):
    """Head counts of a collective's members for the year under review (None: not given)."""

    total: int | None = None
    completed_tasks: int | None = None
    lao_dong_tien_tien: int | None = None
    chien_si_thi_dua_co_so: int | None = None
    disciplined: int | None = 0  # members disciplined at "cảnh cáo" or above


class Vote(NamedTuple):
    members: int
    approve: int


class QuotaCounts(NamedTuple):
    """The base a quota is a share of, and how many the unit proposes (this case included)."""

    base: int
    nominated: int


class History:
    """A person's, collective's or household's record, with indexes the checks use.

    ``awards`` may be :class:`Award` tuples or plain tuples in the same order
    (year, title id[, basis id[, achievement]]); plain tuples are the fast path for
    bulk screening. Ratings are ``{year: rank}``.
    """

    __slots__ = (
        "awards",
        "discipline",
        "held",
        "held_merit",
        "initiative_years",
        "initiatives",
        "kind",
        "penalty_ends",
        "penalty_years",
        "pending_years",
        "ratings",
        "state_award_years",
    )

    def __init__(
        self,
        kind: str,
        ratings: dict[int, int] | None = None,
        awards=(),
        initiatives=(),
        discipline=(),
        *,
        equivalents: dict[str, str] | None = None,
        state_level: frozenset[str] = frozenset(),
    ):
        self.kind = kind
        self.ratings = ratings if ratings is not None else {}
        self.awards = awards = tuple(awards)
        self.initiatives = initiatives = tuple(initiatives)
        self.discipline = discipline = tuple(discipline)
        held: dict[str, set[int]] = {}
        state_years: dict[int, list[str]] = {}
        excluded = False
        for award in awards:
            year, title = award[0], award[1]
            if equivalents and title in equivalents:
                title = equivalents[title]
            years = held.get(title)
            if years is None:
                held[title] = {year}
            else:
                years.add(year)
            if len(award) > 2 and award[2] in NON_CHAIN_BASES:
                excluded = True
            if title in state_level:
                state_years.setdefault(year, []).append(award[1])
        if excluded:
            held_merit: dict[str, set[int]] = {}
            for award in awards:
                if len(award) > 2 and award[2] in NON_CHAIN_BASES:
                    continue
                title = award[1]
                if equivalents and title in equivalents:
                    title = equivalents[title]
                held_merit.setdefault(title, set()).add(award[0])
        else:
            # Most histories hold no ad-hoc award: both views are then the same object.
            held_merit = held
        self.held = held
        self.held_merit = held_merit
        self.state_award_years = state_years
        # initiative_years[scope][year] = number of initiatives of that scope or wider.
        by_scope: list[dict[int, int]] = [{}, {}, {}, {}]
        for item in initiatives:
            year = item[0]
            for scope in range(1, min(item[1], TOAN_QUOC) + 1):
                counts = by_scope[scope]
                counts[year] = counts.get(year, 0) + 1
        self.initiative_years = by_scope
        if discipline:
            penalty_years: set[int] = set()
            pending_years: set[int] = set()
            ends: list[int] = []
            for item in discipline:
                if item.pending:
                    pending_years.update(range(item.year, item.until + 1))
                else:
                    penalty_years.update(range(item.year, item.until + 1))
                    ends.append(item.until)
            self.penalty_years = penalty_years
            self.pending_years = pending_years
            self.penalty_ends = tuple(sorted(ends))
        else:
            self.penalty_years = self.pending_years = _NO_YEARS
            self.penalty_ends = ()

    def restart_floor(self, year: int) -> int:
        """Last year of a penalty that ended before ``year``: earlier years do not count."""
        floor = -1
        for end in self.penalty_ends:
            if end < year:
                floor = end
        return floor

    def initiatives_between(self, scope: int, first: int, last: int) -> int:
        counts = self.initiative_years[scope]
        if not counts:
            return 0
        return sum(n for y, n in counts.items() if first <= y <= last)


_NO_YEARS: frozenset[int] = frozenset()


class Context(NamedTuple):
    """Facts of one proposal that are not part of the subject's history."""

    members: Members | None = None
    vote: Vote | None = None
    quota: QuotaCounts | None = None
    authority: str | None = None  # level id of the body asked to confer
    achievement: str | None = None  # identifies the achievement this proposal rewards
    cluster_leader: bool | None = None
    registered: bool | None = None  # registered for the title at the start of the year
    decision_date: date | None = None
    basis: str = "thuong_xuyen"
    filing_date: date | None = None  # the day the dossier was submitted to the deciding level
    movement_leader: bool | None = None  # leads a thematic movement the province launched
    movement_years: int | None = None  # that movement's duration
    occupation: str | None = None  # "cong_nhan", "nong_dan" (Law 2022 Đ44 k2) or None


EMPTY_CONTEXT = Context()


class Case(NamedTuple):
    year: int
    title: str  # catalogue id
    history: History
    context: Context = EMPTY_CONTEXT
    law: str | None = None  # explicit law id; otherwise the one in force for the year
    title_text: str = ""


def build_history(
    catalogue: Catalogue,
    kind: str,
    ratings: dict[int, int] | None = None,
    awards=(),
    initiatives=(),
    discipline=(),
) -> History:
    """A history whose titles are already catalogue ids (the fast path for bulk screening)."""
    return History(
        kind,
        ratings,
        awards,
        initiatives,
        discipline,
        equivalents=catalogue.equivalents,
        state_level=catalogue.state_level_ids,
    )
