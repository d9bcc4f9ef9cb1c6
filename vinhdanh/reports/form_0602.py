"""Biểu số 0602.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV): state-level awards (khen thưởng cấp
Nhà nước) of the year; for the years before it Biểu số 0702.N/BNV-TĐKT (Thông tư 03/2018/
TT-BNV), the same rows, codes written 01, 02 …, one column per award form.

Rows: who proposed (1), who received (2: collectives, of them enterprises, households,
individuals by the form's exclusive categories), and the kind of award (3). Columns: the
total, then the groups of state awards. The counting rules, each tested:
- an award counts once per subject and title in the year (records.history.award_rows);
- a person counts in exactly one of rows 10–14, by their category of that year
  (reports.categories); a person of no leading post who does not work directly (an office
  clerk) counts in row 09 only;
- the total (01) is collectives + households + individuals (06 + 08 + 09);
- the proposer rows: a local council's state awards are proposed to the Prime Minister by
  its province, so all of them land in row 03 (row 02 is for ministries);
- the kind rows follow the award's basis: thường xuyên 15, theo đợt/chuyên đề 16, đột xuất
  17, đối ngoại 18, cống hiến 19, niên hạn 20, kháng chiến 21.
"""

from dataclasses import dataclass

from vinhdanh.reports.categories import FORM_ROW_OF_CATEGORY
from vinhdanh.reports.official_forms import TT02, TT03, FormRow, FormSpec, HeaderCell

HOUSEHOLD = "household"


@dataclass(frozen=True)
class AwardItem:
    """One (subject, title) held in the year, with what the forms split it by."""

    subject: str  # "person", "unit" or "household"
    title_code: str
    basis_code: str = ""
    category: str = ""  # a person's category of that year (reports.categories)
    enterprise: bool = False  # a collective that is an enterprise


BASIS_ROWS = {
    "thuong_xuyen": "15",
    "theo_dot": "16",
    "chuyen_de": "16",
    "dot_xuat": "17",
    "doi_ngoai": "18",
    "cong_hien": "19",
    "nien_han": "20",
    "khang_chien": "21",
}


def rows_0602(padded: bool = False) -> tuple[FormRow, ...]:
    def c(code: int) -> str:
        return f"{code:02d}" if padded else str(code)

    return (
        FormRow(c(1), "Tổng số"),
        FormRow(None, "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng"),
        FormRow(c(2), "Bộ, ban, ngành, đoàn thể Trung ương", 1, "Bộ, ngành"),
        FormRow(c(3), "Tỉnh, thành phố trực thuộc Trung ương", 1, "Tỉnh, TP"),
        FormRow(None, "2. Chia theo đối tượng khen thưởng"),
        *subject_rows(c, 6),
        FormRow(None, "3. Chia theo phương thức khen thưởng"),
        *method_rows(c, 15),
    )


def subject_rows(c, first: int) -> tuple[FormRow, ...]:
    return (
        FormRow(c(first), "Tập thể", 1, "Tập thể"),
        FormRow(c(first + 1), "Trong đó: Doanh nghiệp", 3, "Doanh nghiệp"),
        FormRow(c(first + 2), "Hộ gia đình", 1, "Hộ"),
        FormRow(c(first + 3), "Cá nhân", 1, "Người"),
        FormRow(c(first + 4), "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", 2, "Người"),
        FormRow(c(first + 5), "Lãnh đạo cấp vụ, sở, ngành và tương đương", 2, "Người"),
        FormRow(c(first + 6), "Doanh nhân", 2, "Người"),
        FormRow(c(first + 7), "Các cấp lãnh đạo khác từ phó phòng trở lên", 2, "Người"),
        FormRow(
            c(first + 8),
            "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu "
            "(công nhân, nông dân, …)",
            2,
            "Người",
        ),
    )


def method_rows(c, first: int) -> tuple[FormRow, ...]:
    labels = ["Thường xuyên", "Chuyên đề", "Đột xuất", "Đối ngoại", "Cống hiến", "Niên hạn",
              "Kháng chiến"]  # fmt: skip
    return tuple(FormRow(c(first + n), label, 1) for n, label in enumerate(labels))


# The figure columns after the total, with the titles (catalogue ids or groups) they hold.
GROUPS_0602 = [
    ("Các loại huân chương, huy chương", {"group:huan_chuong", "group:huy_chuong"}),
    ("Giải thưởng Hồ Chí Minh", {"giai_thuong_ho_chi_minh"}),
    ("Giải thưởng Nhà nước", {"giai_thuong_nha_nuoc"}),
    ("Danh hiệu vinh dự nhà nước", {"group:danh_hieu_vinh_du_nha_nuoc"}),
    ("Cờ thi đua của Chính phủ", {"co_thi_dua_chinh_phu"}),
    ("Bằng khen của Thủ tướng Chính phủ", {"bang_khen_thu_tuong"}),
    ("Chiến sĩ thi đua toàn quốc", {"chien_si_thi_dua_toan_quoc"}),
    ("Các hình thức khen thưởng khác", {"state:other"}),
]


def _header(groups: list[str]) -> tuple[tuple[HeaderCell, ...], ...]:
    return (
        (
            HeaderCell("", rowspan=2),
            HeaderCell("Mã số", rowspan=2),
            HeaderCell("Đơn vị tính", rowspan=2),
            HeaderCell("Tổng số", rowspan=2),
            HeaderCell("Chia ra", colspan=len(groups)),
        ),
        tuple(HeaderCell(name) for name in groups),
    )


FORM_0602 = FormSpec(
    key="0602",
    number="0602.N/BNV-TĐKT",
    circular=TT02,
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
    count_unit="",
    header=_header([name for name, _ in GROUPS_0602]),
    rows=rows_0602(),
    figures=1 + len(GROUPS_0602),
    has_unit_column=True,
)


def form_0702(title_names: list[str]) -> FormSpec:
    """0702 has one column per award form that occurs in the year (its columns are not
    fixed by the circular's groups)."""
    names = title_names or ["Hình thức khen thưởng"]
    return FormSpec(
        key="0602",
        number="0702.N/BNV-TĐKT",
        circular=TT03,
        title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
        count_unit="",
        header=_header(names),
        rows=rows_0602(padded=True),
        figures=1 + len(names),
        has_unit_column=True,
    )


def group_index(title_id: str, title_group: str | None, groups) -> int | None:
    """The figure column (1-based after the total) a title is counted in, or None."""
    keys = {title_id, f"group:{title_group}"}
    for index, (_name, members) in enumerate(groups, start=1):
        if keys & members:
            return index
    for index, (_name, members) in enumerate(groups, start=1):
        if "state:other" in members:
            return index
    return None


def subject_codes(item: AwardItem, c, first: int) -> list[str]:
    """The subject rows one award adds to (codes made by `c` from the form's numbers)."""
    if item.subject == "unit":
        return [c(first)] + ([c(first + 1)] if item.enterprise else [])
    if item.subject == HOUSEHOLD:
        return [c(first + 2)]
    offset = FORM_ROW_OF_CATEGORY.get(item.category)
    return [c(first + 3)] + ([c(first + 3 + offset)] if offset else [])


def count(items: list[AwardItem], column_of, figures: int, codes_of) -> dict[str, list[int]]:
    """Each row code -> [total, column 2 …]. `column_of(title_code)` is the figure column of
    a title (1-based after the total) or None for a title outside the form; `codes_of(item)`
    the rows one award adds to."""
    table: dict[str, list[int]] = {}
    for item in items:
        column = column_of(item.title_code)
        if column is None:
            continue
        for code in codes_of(item):
            values = table.setdefault(code, [0] * figures)
            values[0] += 1
            values[column] += 1
    return table


def tally(items: list[AwardItem], column_of, figures: int, padded: bool = False) -> dict:
    """0602 (or 0702 with `padded` codes)."""

    def c(code: int) -> str:
        return f"{code:02d}" if padded else str(code)

    def codes_of(item: AwardItem) -> list[str]:
        codes = [c(1), c(3), *subject_codes(item, c, 6)]
        if row := BASIS_ROWS.get(item.basis_code):
            codes.append(c(int(row)))
        return codes

    found = count(items, column_of, figures, codes_of)
    return {row.code: found.get(row.code, [0] * figures) for row in rows_0602(padded) if row.code}
