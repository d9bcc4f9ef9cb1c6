"""The categories the statistics forms count individuals and collectives by.

Individuals (rows 10–14 of form 0602, 06–10 of 0603): each person is in exactly one
category in a year; the categories are exclusive and a leading post comes first — the
direct worker of Nghị định 98/2023/NĐ-CP is one who holds no leading or managing post
(công nhân, nông dân, người lao động trực tiếp). A person of no leading post who does not
work directly (a clerk of an office) is "other": counted as an individual, in none of the
form's sub-rows. The category is dated: kept per person and year (reports.PersonCategory);
a year with no entry falls back to the person's current flags (`default_category`); a
migration copied the flags into the year it ran.

Small collectives (tập thể nhỏ), whose share the plan asks to raise: a collective below
the level of an agency or unit — a section, team or class of an agency, school or
enterprise (phòng, ban, khoa, tổ, đội, lớp, phân xưởng …) — as opposed to the agency or
unit itself. Read from the organisation tree (`is_small_collective`): a unit recorded as
a small collective, or a part of a unit other than a People's Committee that is not itself
an agency (a People's Committee's own departments and wards are agencies in their own
right; so are schools and enterprises).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    LEADER_HIGH = "leader_high", _("Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên")
    LEADER_DEPARTMENT = "leader_department", _("Lãnh đạo cấp vụ, sở, ngành và tương đương")
    ENTREPRENEUR = "entrepreneur", _("Doanh nhân")
    LEADER_OTHER = "leader_other", _("Các cấp lãnh đạo khác từ phó phòng trở lên")
    DIRECT_WORKER = (
        "direct_worker",
        _("Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"),
    )
    OTHER = "other", _("Khác (không giữ chức vụ lãnh đạo, không trực tiếp lao động)")


LEADERS = {Category.LEADER_HIGH, Category.LEADER_DEPARTMENT, Category.LEADER_OTHER}
# The sub-row after "Cá nhân" each category is counted in (1 = the first "+" row).
FORM_ROW_OF_CATEGORY = {
    Category.LEADER_HIGH.value: 1,
    Category.LEADER_DEPARTMENT.value: 2,
    Category.ENTREPRENEUR.value: 3,
    Category.LEADER_OTHER.value: 4,
    Category.DIRECT_WORKER.value: 5,
}


def default_category(is_manager: bool, is_direct_worker: bool) -> str:
    """A person's category from the undated flags: a manager leads (from deputy head of a
    section up: the form's "other leaders"), whatever the other flag says."""
    if is_manager:
        return Category.LEADER_OTHER.value
    if is_direct_worker:
        return Category.DIRECT_WORKER.value
    return Category.OTHER.value


def category_of(year_entries: dict[int, str], year: int, fallback: str) -> str:
    """The category for `year`: the entry kept for that year, else `fallback` (the one the
    person's current flags give). A category is never carried from another year: a clerk
    of 2021 who heads a section in 2024 is "other" in 2021 and a leader in 2024."""
    return year_entries.get(year, fallback)


# Unit kinds (org.UnitKind values) of agencies and units in their own right: a school, an
# enterprise, a ward is never a small collective, wherever it sits in the tree.
UNIT_KINDS = {"government", "ward", "school", "enterprise", "public_service",
              "mass_organisation", "party", "armed_forces"}  # fmt: skip
# Kinds whose parts are agencies in their own right (a People's Committee's departments).
GOVERNING_KINDS = {"government"}


def is_small_collective(kind: str, parent_kind: str | None) -> bool:
    """Recorded as a small collective, or a section of an agency or unit: a part (a
    department, a team, anything not itself an agency) of a unit other than a People's
    Committee."""
    if kind == "small_collective":
        return True
    if kind in UNIT_KINDS or parent_kind is None:
        return False
    return parent_kind not in GOVERNING_KINDS
