"""The letterhead of documents issued by a unit or by its council.

The parent-body rule is `documents.layout.letterhead_for`: a People's Committee has no
line above it, any other body carries the one it belongs to; names are written in full.
"""

import re

from vinhdanh.documents import layout
from vinhdanh.documents.layout import Letterhead
from vinhdanh.org.models import Council, Unit, UnitKind

_GOVERNMENT_PREFIX = re.compile(
    r"^(ủy ban nhân dân|ubnd)\s+(quận|huyện|thị xã|thành phố|phường|xã|thị trấn|tỉnh)\s+",
    re.IGNORECASE,
)
COUNCIL_NAME = "Hội đồng Thi đua - Khen thưởng"


def place_of(unit: Unit) -> str:
    """The place name written before the date: the nearest government's locality."""
    for candidate in [unit, *reversed(unit.ancestors())]:
        if candidate.kind in (UnitKind.GOVERNMENT, UnitKind.WARD):
            place = layout.place_from_name(candidate.name)
            if place:
                return place
            return _GOVERNMENT_PREFIX.sub("", candidate.name).strip()
    return unit.name


def issuing_name(unit: Unit) -> str:
    """A ward issues as its People's Committee, written in full ("Ủy ban nhân dân phường
    Định Công", never "UBND phường ...")."""
    name = layout.full_name(unit.name)
    if unit.kind == UnitKind.WARD and not layout.is_peoples_committee(name):
        return f"Ủy ban nhân dân {name[:1].lower()}{name[1:]}"
    return name


def letterhead_for(unit: Unit, *, number: str = "") -> Letterhead:
    """A council issues under its unit's name; any other unit in its own name, under its
    parent's unless it is a People's Committee."""
    if Council.objects.filter(unit=unit).exists():
        return layout.letterhead_for(
            COUNCIL_NAME, parent=issuing_name(unit), number=number, place=place_of(unit)
        )
    parent = issuing_name(unit.parent) if unit.parent_id else ""
    return layout.letterhead_for(
        issuing_name(unit), parent=parent, number=number, place=place_of(unit)
    )
