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


# -- Authority at every step: decision, forwarding, batch ---------------------------------
# One check per step, each with the issuer's level and the day that matters (the decision's
# signing date, the letter's date). Two-level government (law.md §6.2): from 01/07/2025 the
# district level is gone, the commune (xã, phường, đặc khu) Chairman confers CSTĐCS, TTLĐTT,
# LĐTT, Giấy khen and the cultural titles, the provincial (city) Chairman the rest locally.


def _level_refusal(council, on: datetime.date) -> str | None:
    """The council's level no longer exists on `on` (districts end on 30/06/2025)."""
    level = engine_level(council.unit)
    if level is None:
        return _(
            "Không xác định được cấp của %(unit)s (cấp “%(level)s”) để đối chiếu thẩm quyền "
            "khen thưởng."
        ) % {"unit": council.unit.name, "level": council.unit.level.name}
    catalogue = default_catalogue()
    if catalogue.level_in_force(level, on):
        return None
    ended = catalogue.levels[level].get("to") or ""
    return _(
        "%(unit)s thuộc cấp %(level)s, cấp này không còn vào ngày %(day)s (chính quyền địa "
        "phương hai cấp từ 01/07/2025; cấp %(level)s kết thúc ngày %(ended)s). (Căn cứ: "
        "Điều 59 Nghị định 129/2025/NĐ-CP.)"
    ) % {
        "unit": council.unit.name,
        "level": catalogue.levels[level].get("name", level),
        "day": f"{on:%d/%m/%Y}",
        "ended": datetime.date.fromisoformat(ended).strftime("%d/%m/%Y") if ended else "",
    }


def _nobody_refusal(title, on: datetime.date) -> str | None:
    """No level at all may confer the title on `on`: nothing to decide, nowhere to send."""
    catalogue = default_catalogue()
    if title.code not in catalogue.titles or catalogue.conferrals(title.code, on):
        return None
    return _(
        "Không cấp nào có thẩm quyền tặng “%(title)s” vào ngày %(day)s theo danh mục thẩm quyền."
    ) % {"title": title.name, "day": f"{on:%d/%m/%Y}"}


def decision_refusal(council, title, on: datetime.date) -> str | None:
    """Why the council's chairman may not sign a decision conferring `title` on `on`: the
    engine's authority check (it names who may), else the level has ended that day."""
    refusal = authority_refusal(council, title, on)
    if refusal or title.code not in default_catalogue().titles:
        return refusal
    return _level_refusal(council, on)


def forward_refusal(sender, title, on: datetime.date, to_council=None) -> str | None:
    """Why the sender may not send a dossier for `title` up on `on` (its own authority,
    a title nobody confers that day, or a destination whose level has ended)."""
    catalogue = default_catalogue()
    if title.code not in catalogue.titles:
        return None  # a title of the province's own: the sender knows where it goes
    refusal = _nobody_refusal(title, on)
    if refusal:
        return refusal
    if may_confer(sender, title, on):
        return _(
            "“%(title)s” thuộc thẩm quyền của %(council)s vào ngày %(day)s: ban hành quyết "
            "định, không trình cấp trên."
        ) % {"title": title.name, "council": sender.name, "day": f"{on:%d/%m/%Y}"}
    if to_council is not None:
        return destination_refusal(to_council, on)
    return None


def destination_refusal(to_council, on: datetime.date) -> str | None:
    """A council whose level has ended on `on` receives no dossier (a district after
    30/06/2025)."""
    if engine_level(to_council.unit) is None:
        return None  # a level the catalogue does not know: its own rules
    return _level_refusal(to_council, on)


def batch_refusal(title, on: datetime.date) -> str | None:
    """Why a unit's batch may not propose `title` on `on`: no level confers it that day.

    The receiving council's own level is asked when it decides or forwards (above), with
    the signing date the chairman gives; a unit's batch only needs a competent level to
    exist on the day it is sent."""
    return _nobody_refusal(title, on)
