"""Biểu số 0603.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV): awards of ministry or province level
of the year; for the years before it Biểu số 0703.N/BNV-TĐKT (Thông tư 03/2018/TT-BNV),
the same columns and rows.

Columns: 1 total (= 2 + 3 + 4 + 5), 2 Bằng khen, 3 Chiến sĩ thi đua cấp bộ, cấp tỉnh, 4 Cờ
thi đua of the ministry or province, 5 Huy hiệu (kỷ niệm chương). A title of another kind
(Tập thể lao động xuất sắc, Giấy khen …) is not on the form. Rows as in 0602 without the
proposer rows: subjects 02–10 (a person in exactly one of 06–10), kinds 11–17.
"""

from vinhdanh.reports.form_0602 import BASIS_ROWS, AwardItem, count, subject_codes, subject_rows
from vinhdanh.reports.form_0602 import method_rows as _method_rows
from vinhdanh.reports.official_forms import TT02, TT03, FormRow, FormSpec, HeaderCell

GROUPS_0603 = [
    ("Bằng khen", {"bang_khen_tinh"}),
    ("Chiến sĩ thi đua cấp bộ, cấp tỉnh", {"chien_si_thi_dua_tinh"}),
    ("Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
     {"co_thi_dua_tinh"}),
    ("Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực "
     "thuộc Trung ương", {"group:ky_niem_chuong"}),
]  # fmt: skip


def _c(code: int) -> str:
    return f"{code:02d}"


ROWS = (
    FormRow("01", "Tổng số"),
    FormRow(None, "1. Chia theo đối tượng khen thưởng"),
    *subject_rows(_c, 2),
    FormRow(None, "2. Chia theo phương thức khen thưởng"),
    *_method_rows(_c, 11),
)
_HEADER = (
    (
        HeaderCell("", rowspan=2),
        HeaderCell("Mã số", rowspan=2),
        HeaderCell("Đơn vị tính", rowspan=2),
        HeaderCell("Tổng số", rowspan=2),
        HeaderCell("Chia ra", colspan=len(GROUPS_0603)),
    ),
    tuple(HeaderCell(name) for name, _ in GROUPS_0603),
)
_TITLE = (
    "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC "
    "THUỘC TRUNG ƯƠNG"
)
FORM_0603 = FormSpec(
    key="0603", number="0603.N/BNV-TĐKT", circular=TT02, title=_TITLE, count_unit="",
    header=_HEADER, rows=ROWS, figures=1 + len(GROUPS_0603), has_unit_column=True,
)  # fmt: skip
FORM_0703 = FormSpec(
    key="0603", number="0703.N/BNV-TĐKT", circular=TT03, title=_TITLE, count_unit="",
    header=_HEADER, rows=ROWS, figures=1 + len(GROUPS_0603), has_unit_column=True,
)  # fmt: skip


def tally(items: list[AwardItem], column_of) -> dict[str, list[int]]:
    def codes_of(item: AwardItem) -> list[str]:
        codes = ["01", *subject_codes(item, _c, 2)]
        if row := BASIS_ROWS.get(item.basis_code):
            codes.append(_c(int(row) - 4))  # 0602's 15–21 are 0603's 11–17
        return codes

    found = count(items, column_of, FORM_0603.figures, codes_of)
    return {code: found.get(code, [0] * FORM_0603.figures) for code in FORM_0603.codes}
