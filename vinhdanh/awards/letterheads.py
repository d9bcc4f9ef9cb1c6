"""Letterheads of the documents the awards app writes, derived from the unit tree."""

from vinhdanh.documents.layout import Letterhead

_PLACE_PREFIXES = ("thành phố ", "thị xã ", "quận ", "huyện ", "phường ", "xã ", "thị trấn ")


def place_name(unit) -> str:
    """'Ủy ban nhân dân quận Hoàng Mai' -> 'Hoàng Mai', used in 'Hoàng Mai, ngày ...'."""
    for candidate in [unit, *reversed(unit.ancestors())]:
        lowered = candidate.name.lower()
        for prefix in _PLACE_PREFIXES:
            position = lowered.rfind(prefix)
            if position >= 0:
                return candidate.name[position + len(prefix) :].strip()
    return unit.name


def _government_name(unit) -> str:
    name = unit.name
    if unit.kind == "ward":
        return f"Ủy ban nhân dân {name[0].lower()}{name[1:]}"
    return name


def unit_letterhead(unit, number: str = "") -> Letterhead:
    parent = unit.parent
    return Letterhead(
        parent_body=_government_name(parent) if parent else "",
        issuer=_government_name(unit),
        number=number,
        place=place_name(unit),
    )
