"""Plan files for tests: the 2021 Hoàng Mai seed in several formats, other layouts,
and broken files. Builders return bytes, ready for ``read_plan`` or an upload."""

import io
import random
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from openpyxl import Workbook

FIXTURES = Path(__file__).parent / "fixtures"
SEED_PATH = FIXTURES / "ke_hoach_01_2021_hoang_mai.txt"
SEED_HEADER = [
    "TT",
    "Nội dung thực hiện",
    "Chỉ đạo, chủ trì",
    "Đơn vị tham mưu, thực hiện",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
]
SEED_LEFT_HEADER = "UBND QUẬN HOÀNG MAI\nHỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nSố: 01/KH-HĐTĐKT"
SEED_RIGHT_HEADER = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Hoàng Mai, ngày 13 tháng 01 năm 2021"
)
SEED_BODY = [
    "KẾ HOẠCH",
    "Triển khai công tác thi đua khen thưởng năm 2021",
    "Phát huy kết quả đạt được trong công tác thi đua, khen thưởng năm 2020; Hội đồng Thi đua"
    " - Khen thưởng quận Hoàng Mai ban hành Kế hoạch công tác thi đua, khen thưởng năm 2021,"
    " cụ thể như sau:",
    "Kế hoạch của đơn vị gửi về Hội đồng Thi đua - Khen thưởng Quận (qua phòng Nội vụ) trước"
    " ngày 30/01/2021 để tổng hợp.",
    "TM. HỘI ĐỒNG THI ĐUA KHEN THƯỞNG",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN",
    "Nguyễn Minh Tâm",
    "PHỤ LỤC",
    "(Kèm theo Kế hoạch số 01/KH-HĐTĐKT ngày 15/01/2021 của Hội đồng Thi đua - Khen thưởng"
    " quận Hoàng Mai)",
]
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64))
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def seed_bytes() -> bytes:
    return SEED_PATH.read_bytes()


def seed_rows() -> list[list[str]]:
    """Section and task rows of the seed's appendix, in order, without header rows."""
    rows = []
    for line in SEED_PATH.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line.startswith("|") or re.fullmatch(r"[|\-\s]+", line):
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if cells[0] != "TT":
            rows.append(cells)
    return rows


def is_section(row: list[str]) -> bool:
    return not any(row[2:])


@dataclass
class TableSpec:
    rows: list[list[str]]
    # (first_row, first_col, last_row, last_col): the cells become one, showing the first's text.
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def build_docx(parts: list) -> bytes:
    """A Word file of paragraphs (str) and tables (TableSpec), in the given order."""
    document = Document()
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        width = max(len(row) for row in part.rows)
        table = document.add_table(rows=len(part.rows), cols=width)
        for r, row in enumerate(part.rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        for r0, c0, r1, c1 in part.merges:
            text = part.rows[r0][c0]
            merged = table.cell(r0, c0).merge(table.cell(r1, c1))
            merged.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_xlsx(sheets: list[TableSpec]) -> bytes:
    """An Excel file, one sheet per TableSpec; digits-only cells are stored as numbers."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for index, spec in enumerate(sheets, start=1):
        sheet = workbook.create_sheet(f"Sheet{index}")
        for r, row in enumerate(spec.rows, start=1):
            for c, text in enumerate(row, start=1):
                if text:
                    sheet.cell(r, c, int(text) if text.isdigit() else text)
        for r0, c0, r1, c1 in spec.merges:
            sheet.merge_cells(
                start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _seed_table_rows(numbers_as_ints: bool) -> tuple[list[list[str]], list[tuple]]:
    """Appendix rows with the header repeated where the seed's pages break."""
    rows: list[list[str]] = [SEED_HEADER]
    merges: list[tuple] = []
    first_directing = None
    for row in seed_rows():
        if row[0] in ("13.", "23."):
            rows.append(SEED_HEADER)
        row = list(row)
        if numbers_as_ints and row[0].endswith("."):
            row[0] = row[0].rstrip(".")
        rows.append(row)
        r = len(rows) - 1
        if is_section(row):
            merges.append((r, 1, r, len(SEED_HEADER) - 1))
        elif row[0].rstrip(".") == "1":
            first_directing = r
        elif row[0].rstrip(".") == "7":
            # Tasks 1 to 7 share their directing body in one vertically merged cell.
            merges.append((first_directing, 2, r, 2))
    return rows, merges


def seed_docx_bytes() -> bytes:
    rows, merges = _seed_table_rows(numbers_as_ints=False)
    header = TableSpec([[SEED_LEFT_HEADER, SEED_RIGHT_HEADER]])
    return build_docx([header, *SEED_BODY, TableSpec(rows, merges)])


def seed_xlsx_bytes() -> bytes:
    width = len(SEED_HEADER)
    block: list[list[str]] = []
    merges: list[tuple] = []
    for left, right in zip(
        SEED_LEFT_HEADER.split("\n"), SEED_RIGHT_HEADER.split("\n"), strict=True
    ):
        block.append([left, "", "", right, "", ""])
        merges += [(len(block) - 1, 0, len(block) - 1, 2), (len(block) - 1, 3, len(block) - 1, 5)]
    block.append([""] * width)
    for line in SEED_BODY[:2] + SEED_BODY[-1:] + SEED_BODY[3:4]:
        block.append([line] + [""] * (width - 1))
        merges.append((len(block) - 1, 0, len(block) - 1, width - 1))
    rows, table_merges = _seed_table_rows(numbers_as_ints=True)
    offset = len(block)
    merges += [(r0 + offset, c0, r1 + offset, c1) for r0, c0, r1, c1 in table_merges]
    return build_xlsx([TableSpec(block + rows, merges)])


# --- Other layouts -------------------------------------------------------------------------

MONTH_HEADER = [
    "STT",
    "Nội dung công việc",
    "Thời gian thực hiện",
    "Đơn vị chủ trì",
    "Cơ quan phối hợp",
    "Ghi chú",
]
MONTH_ROWS = [
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["Tháng 1"] * 6,
    ["1", "Ban hành Kế hoạch thi đua năm 2022", "Tháng 1/2022", "Phòng Nội vụ",
     "Văn phòng HĐND và UBND huyện", ""],
    ["2", "Hội nghị tổng kết năm 2021", "Trước ngày 25/01", "Phòng Nội vụ",
     "Phòng Văn hóa và Thông tin, Phòng Tài chính - Kế hoạch", "Tổ chức trực tuyến"],
    ["THÁNG 2"] * 6,
    ["3", "Đăng ký thi đua của các đơn vị", "31/02/2022", "Các đơn vị thuộc Huyện",
     "Phòng Nội vụ", "Hạn ghi sai, cần xác định lại"],
    ["4", "Tuyên truyền gương điển hình tiên tiến", "Thường xuyên",
     "Phòng Văn hóa và Thông tin", "Các đơn vị liên quan", ""],
    ["5", "Sơ kết phong trào thi đua", "6 tháng đầu năm", "Phòng Nội vụ", "", ""],
    ["6", "Khen thưởng đột xuất", "Tuần đầu tháng 3", "Phòng Nội vụ", "", ""],
]  # fmt: skip
MONTH_PREAMBLE = [
    "ỦY BAN NHÂN DÂN HUYỆN GIA LÂM",
    "Số: 05/KH-UBND",
    "Gia Lâm, ngày 05 tháng 01 năm 2022",
    "KẾ HOẠCH",
    "Công tác thi đua, khen thưởng năm 2022",
    "Ủy ban nhân dân huyện Gia Lâm ban hành Kế hoạch công tác thi đua, khen thưởng năm 2022"
    " như sau:",
]


def month_plan_docx_bytes() -> bytes:
    """Columns renamed and reordered, a column-number row, grouping by month, notes."""
    rows = [MONTH_HEADER, *MONTH_ROWS]
    merges = [(r, 0, r, 5) for r, row in enumerate(rows) if len(set(row)) == 1]
    return build_docx([*MONTH_PREAMBLE, TableSpec(rows, merges)])


SECTION_ROWS = [
    ["TT", "Nhiệm vụ", "Đơn vị thực hiện", "Đơn vị thực hiện", "Thời hạn", "Ghi chú"],
    ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Ghi chú"],
    ["I. CÔNG TÁC TUYÊN TRUYỀN"] * 6,
    ["a)", "Tuyên truyền các phong trào thi đua", "Phòng VH&TT",
     "Các phòng, ban, đơn vị, các phường thuộc Quận", "Quý I/2023", ""],
    ["b)", "Cuộc thi viết về gương người tốt, việc tốt", "Phòng Văn hóa và Thông tin",
     "Phòng Nội vụ; Phòng GD&ĐT", "Cả năm", "Theo thể lệ riêng"],
    ["II. CÔNG TÁC KHEN THƯỞNG"] * 6,
    ["a)", "Xét khen thưởng tổng kết năm", "Phòng Nội vụ (chủ trì); Phòng Tài chính - Kế hoạch",
     "", "Quý IV", ""],
    ["", "", "", "", "", ""],
    ["TM. ỦY BAN NHÂN DÂN"] * 3 + ["CHỦ TỊCH"] * 3,
]  # fmt: skip
SECTION_PREAMBLE = [
    ["ỦY BAN NHÂN DÂN QUẬN LONG BIÊN"] * 3 + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"] * 3,
    ["Số: 12/KH-UBND"] * 3 + ["Long Biên, ngày 10 tháng 01 năm 2023"] * 3,
    ["KẾ HOẠCH"] * 6,
    ["Công tác thi đua, khen thưởng năm 2023 của Ủy ban nhân dân quận Long Biên"] * 6,
]


def section_plan_xlsx_bytes() -> bytes:
    """A two-row header, sections "I. ..." over tasks "a)", "b)", a signature below."""
    rows = SECTION_PREAMBLE + SECTION_ROWS
    merges = []
    for r, row in enumerate(rows):
        start = 0
        for c in range(1, len(row) + 1):
            if c == len(row) or row[c] != row[start]:
                if c - 1 > start and row[start]:
                    merges.append((r, start, r, c - 1))
                start = c
    header_row = len(SECTION_PREAMBLE)
    for column in (0, 1, 4, 5):
        merges.append((header_row, column, header_row + 1, column))
    return build_xlsx([TableSpec(rows, merges)])


ROMAN_PATH = FIXTURES / "ke_hoach_03_2024_dinh_cong.md"


def roman_plan_text_bytes() -> bytes:
    """Columns in another order, tasks numbered I, II, no sections, a table split in two."""
    return ROMAN_PATH.read_bytes()


# --- Broken files --------------------------------------------------------------------------


def random_bytes(size: int = 512) -> bytes:
    return random.Random(7).randbytes(size)


def corrupt_zip_bytes() -> bytes:
    """The start of a real .docx, cut off as an interrupted upload would be."""
    return seed_docx_bytes()[:700]


def encrypted_ooxml_bytes() -> bytes:
    """What Office writes for a password-protected .docx/.xlsx: an OLE compound file."""
    names = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    return OLE_HEADER + bytes(504) + names + bytes(256)


def docx_without_plan_bytes() -> bytes:
    table = TableSpec([["Họ và tên", "Chức vụ"], ["Nguyễn Văn An", "Trưởng phòng"]])
    return build_docx(["BÁO CÁO", "Kết quả công tác năm 2021", table])


def xlsx_without_plan_bytes() -> bytes:
    return build_xlsx([TableSpec([["Họ và tên", "Điểm"], ["Nguyễn Văn An", "95"]])])


def other_zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải kế hoạch")
    return buffer.getvalue()


def docx_with_broken_xml_bytes() -> bytes:
    """A well-formed zip whose Word body is not XML."""
    source = zipfile.ZipFile(io.BytesIO(seed_docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = b"<w:document><w:body><w:p>"
            archive.writestr(item, data)
    return buffer.getvalue()
