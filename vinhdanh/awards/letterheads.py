"""Letterheads of the documents the awards app writes, derived from the unit tree.

The parent-body rule itself is `documents.layout.letterhead_for`: a People's Committee
has no line above it; any other body carries the one it belongs to.
"""

from vinhdanh.documents import layout
from vinhdanh.documents.layout import Letterhead

_PLACE_PREFIXES = ("thành phố ", "thị xã ", "quận ", "huyện ", "phường ", "xã ", "thị trấn ")
COUNCIL_NAME = "Hội đồng Thi đua - Khen thưởng"


def place_name(unit) -> str:
    """'Ủy ban nhân dân quận Hoàng Mai' -> 'Hoàng Mai', used in 'Hoàng Mai, ngày ...'."""
    for candidate in [unit, *reversed(unit.ancestors())]:
        lowered = candidate.name.lower()
        for prefix in _PLACE_PREFIXES:
            position = lowered.rfind(prefix)
            if position >= 0:
                return candidate.name[position + len(prefix) :].strip()
    return unit.name


def government_name(unit) -> str:
    """The name a unit issues under, in full: a ward issues as its People's Committee."""
    name = unit.name
    if unit.kind == "ward" and not layout.is_peoples_committee(name):
        return f"Ủy ban nhân dân {name[0].lower()}{name[1:]}"
    return layout.full_name(name)


def unit_letterhead(unit, number: str = "") -> Letterhead:
    """The unit issues in its own name: a People's Committee alone, any other body under
    the one it belongs to (a department under its district's People's Committee)."""
    parent = unit.parent
    return layout.letterhead_for(
        government_name(unit),
        parent=government_name(parent) if parent else "",
        number=number,
        place=place_name(unit),
    )


def council_letterhead(council, number: str = "") -> Letterhead:
    """A council of emulation and commendation issues under its People's Committee."""
    return layout.letterhead_for(
        COUNCIL_NAME,
        parent=government_name(council.unit),
        number=number,
        place=place_name(council.unit),
    )
