"""Each statistics form filled for the acting council and a year: which form of which
circular applies, the figures, and what the page says when the year has no form."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from vinhdanh.movements.letterheads import place_of
from vinhdanh.reports import form_0601, form_0602, form_0603, form_0604, form_0605, selectors
from vinhdanh.reports.official_forms import (
    TT02,
    TT03,
    TT03_FIRST_YEAR,
    FilledForm,
    circular_for,
    tt02_first_year,
)
from vinhdanh.rules.engine import default_catalogue

# key -> (the name in the menu and the page title, the TT 03/2018 form in its stead or None)
FORMS = {
    "0601": _("Số phong trào thi đua"),
    "0602": _("Số lượng khen thưởng cấp Nhà nước"),
    "0603": _("Số lượng khen thưởng cấp bộ, ngành, tỉnh"),
    "0604": _("Số lượng tổ chức làm công tác thi đua, khen thưởng"),
    "0605": _("Số lượng công chức làm công tác thi đua, khen thưởng"),
}
TT03_NUMBERS = {"0601": "0701", "0602": "0702", "0603": "0703"}


@dataclass
class Outcome:
    form: FilledForm | None
    unavailable: str = ""


def _state_titles() -> dict[str, object]:
    return {code: t for code, t in default_catalogue().titles.items() if t.state_level}


def _province_title_codes() -> set[str]:
    codes = set()
    for code, title in default_catalogue().titles.items():
        for _name, members in form_0603.GROUPS_0603:
            if code in members or f"group:{title.group}" in members:
                codes.add(code)
    return codes


def _column_of(groups):
    titles = default_catalogue().titles

    def column_of(code: str) -> int | None:
        title = titles.get(code)
        if title is None:
            return None
        return form_0602.group_index(code, title.group, groups)

    return column_of


def _unavailable(key: str, year: int) -> str:
    first = tt02_first_year()
    if year < TT03_FIRST_YEAR:
        return _(
            "Năm %(year)s chưa có biểu thống kê thi đua, khen thưởng nào trong Vinh Danh: "
            "Thông tư 03/2018/TT-BNV áp dụng từ năm %(tt03)s, Thông tư 02/2023/TT-BNV từ năm "
            "%(tt02)s."
        ) % {"year": year, "tt03": TT03_FIRST_YEAR, "tt02": first}
    return _(
        "Năm %(year)s áp dụng Thông tư 03/2018/TT-BNV; thông tư này không có biểu tương ứng "
        "với Biểu %(key)s của Thông tư 02/2023/TT-BNV (có từ năm %(tt02)s), nên năm này "
        "không có biểu để lập."
    ) % {"year": year, "key": key, "tt02": first}


def fill(user, key: str, year: int) -> Outcome:
    circular = circular_for(year)
    if circular is None or (circular == TT03 and key not in TT03_NUMBERS):
        return Outcome(None, _unavailable(key, year))
    council = selectors.reporting_council(user)
    notes: list[str] = []
    if key == "0601":
        facts = selectors.movement_facts(user, year)
        if circular == TT02:
            spec, values = form_0601.FORM_0601, form_0601.tally(facts)
        else:
            spec, values = form_0601.FORM_0701, form_0601.tally_0701(facts)
            below = sum(f.launch_level not in ("central", "province") for f in facts)
            if below:
                notes.append(
                    _(
                        "Ngoài biểu: %(count)s phong trào, cụm thi đua do cấp huyện, cấp xã tổ "
                        "chức trong phạm vi báo cáo (Biểu 0701 không có cột cho các cấp này)."
                    )
                    % {"count": below}
                )
    elif key == "0602":
        titles = _state_titles()
        items = selectors.award_items(user, year, set(titles))
        if circular == TT02:
            spec = form_0602.FORM_0602
            values = form_0602.tally(items, _column_of(form_0602.GROUPS_0602), spec.figures)
        else:
            present = sorted({i.title_code for i in items}, key=lambda c: titles[c].name)
            spec = form_0602.form_0702([titles[c].name for c in present])
            index = {code: n for n, code in enumerate(present, start=1)}
            values = form_0602.tally(items, index.get, spec.figures, padded=True)
    elif key == "0603":
        items = selectors.award_items(user, year, _province_title_codes())
        spec = form_0603.FORM_0603 if circular == TT02 else form_0603.FORM_0703
        values = form_0603.tally(items, _column_of(form_0603.GROUPS_0603))
    elif key == "0604":
        spec = form_0604.FORM_0604
        values = form_0604.tally(selectors.counted_work_bodies(user, year))
    else:
        spec = form_0605.FORM_0605
        values = form_0605.tally(year, selectors.counted_staff_facts(user, year))
    form = FilledForm(
        spec=spec,
        year=year,
        values=values,
        reporting_unit=council.name if council else "",
        receiving_unit=selectors.receiving_unit(council),
        place=place_of(council.unit) if council else "",
        notes=notes,
    )
    return Outcome(form)
