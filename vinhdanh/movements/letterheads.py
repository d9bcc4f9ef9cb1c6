"""The letterhead of documents issued by a unit or by its council."""

import re

from vinhdanh.documents.layout import Letterhead
from vinhdanh.org.models import Council, Unit, UnitKind

_GOVERNMENT_PREFIX = re.compile(
    r"^(ủy ban nhân dân|ubnd)\s+(quận|huyện|thị xã|thành phố|phường|xã|thị trấn|tỉnh)\s+",
    re.IGNORECASE,
)


def place_of(unit: Unit) -> str:
    """The place name written before the date: the nearest government's locality."""
    for candidate in [unit, *reversed(unit.ancestors())]:
        if candidate.kind == UnitKind.GOVERNMENT:
            return _GOVERNMENT_PREFIX.sub("", candidate.name).strip()
    return unit.name


def letterhead_for(unit: Unit, *, number: str = "") -> Letterhead:
    """A council issues under its unit's name; any other unit under its parent's name."""
    if Council.objects.filter(unit=unit).exists():
        return Letterhead(
            parent_body=unit.name,
            issuer="Hội đồng Thi đua - Khen thưởng",
            number=number,
            place=place_of(unit),
        )
    parent = unit.parent.name if unit.parent_id else ""
    # A ward issues as its people's committee ("UBND phường ..."), kept as its short name.
    issuer = unit.short_name if unit.kind == UnitKind.WARD and unit.short_name else unit.name
    return Letterhead(parent_body=parent, issuer=issuer, number=number, place=place_of(unit))
