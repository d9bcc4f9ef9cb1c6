"""Biểu số 0604.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV): the bodies doing the emulation and
commendation work, counted from what the standing offices record (reports.WorkBody): the
reporting council's and those of the councils below it.

The form is written for ministries and provinces (Vụ, phòng thuộc Vụ, ban and phòng thuộc
Sở Nội vụ); a district's or a ward's section doing the work is recorded as such and counted
in the total only, as the form has no row for it. Thông tư 03/2018 has no such form.
"""

from collections import Counter

from vinhdanh.reports.official_forms import TT02, FormRow, FormSpec, HeaderCell

ROW_OF_KIND = {
    "ministry_department": "02",
    "ministry_section": "03",
    "home_affairs_board": "04",
    "home_affairs_section": "05",
}
FORM_0604 = FormSpec(
    key="0604",
    number="0604.N/BNV-TĐKT",
    circular=TT02,
    title=(
        "SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG "
        "ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
    ),
    count_unit="",
    header=(
        (HeaderCell(""), HeaderCell("Mã số"), HeaderCell("Đơn vị tính"), HeaderCell("Số lượng")),
    ),
    rows=(
        FormRow("01", "Tổng số", 0, "Tổ chức"),
        FormRow(None, "Chia theo cơ cấu tổ chức bộ máy"),
        FormRow("02", "Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương", 1, "Vụ"),
        FormRow("03", "Cấp phòng, ban hoặc bộ phận thuộc Vụ", 1, "Phòng"),
        FormRow("04", "Cấp ban thuộc Sở Nội vụ", 1, "Ban"),
        FormRow("05", "Cấp phòng thuộc Sở Nội vụ", 1, "Phòng"),
    ),
    figures=1,
    has_unit_column=True,
)


def tally(kinds: list[str]) -> dict[str, list[int]]:
    counted = Counter(ROW_OF_KIND.get(kind) for kind in kinds)
    table = {code: [counted.get(code, 0)] for code in FORM_0604.codes}
    table["01"] = [len(kinds)]
    return table
