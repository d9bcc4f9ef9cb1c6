"""Who may confer what, on the day: the rules engine's authority check for a council.

The issuer of a council's decisions is the People's Committee of the council's unit, so
its level (the unit's `Level`) is the level asked. The catalogue's authority rows carry
dates (law.md §6: districts end on 30/06/2025, communes take CSTĐCS and TTLĐTT from
01/07/2025), so the signing date decides.
"""

import datetime

from django.conf import settings
from django.utils.translation import gettext as _

from vinhdanh.rules.engine import default_catalogue, get_engine


def engine_level(unit) -> str | None:
    """The catalogue's level id for a unit's level: its code, else its name or an alias."""
    catalogue = default_catalogue()
    level = unit.level
    if level.code in catalogue.levels:
        return level.code
    term = catalogue.level_names.lookup(level.name)
    return term.id if term is not None else None


def authority_refusal(council, title, on: datetime.date) -> str | None:
    """Why the council's issuer may not confer `title` on `on` (with the article), or None."""
    if title.code not in default_catalogue().titles:
        return None  # a title of the province's own: its authority is not in the catalogue
    level = engine_level(council.unit)
    if level is None:
        return _(
            "Không xác định được cấp của %(unit)s (cấp “%(level)s”) để đối chiếu thẩm quyền "
            "khen thưởng."
        ) % {"unit": council.unit.name, "level": council.unit.level.name}
    check = get_engine().authority(title.code, level, on)
    if check.passed and (settings.AWARDS_ALLOW_UNCONFIRMED_AUTHORITY or not check.unconfirmed):
        return None
    message = check.message
    if check.passed:  # competent only on a row the catalogue has not confirmed
        message = _("Thẩm quyền của cấp này đối với “%s” chưa được xác nhận trong danh mục.") % (
            title.name
        )
    return _("%(message)s (Căn cứ: %(basis)s.)") % {"message": message, "basis": check.basis}


def may_confer(council, title, on: datetime.date) -> bool:
    return authority_refusal(council, title, on) is None
