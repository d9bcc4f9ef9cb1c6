"""The workbook reader is pure: these tests build workbooks in memory, no database."""

import io

from openpyxl import Workbook, load_workbook

from vinhdanh.org.people_import import COLUMNS, parse_people_workbook, template_workbook

HEADER = [label for _, label in COLUMNS]


def workbook(*rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def parse(content, units=("ward-a",), existing=()):
    return parse_people_workbook(content, unit_codes=set(units), existing_codes=set(existing))


def test_template_has_the_expected_header_and_an_example_row():
    sheet = load_workbook(io.BytesIO(template_workbook())).active
    assert [cell.value for cell in sheet[1]] == HEADER
    assert sheet["B2"].value == "Nguyễn Văn An"


def test_valid_rows_are_read_with_their_types():
    result = parse(
        workbook(["p1", "Lê  Văn An", "ward-a", "Chuyên viên", "Nam", 1980, "Có", "không", ""])
    )
    assert result.errors == []
    assert result.rows == [
        {
            "code": "p1", "full_name": "Lê Văn An", "unit_code": "ward-a",
            "position": "Chuyên viên",
            "gender": "male", "birth_year": 1980, "is_direct_worker": True, "is_manager": False,
            "email": "",
        }
    ]  # fmt: skip


def test_every_bad_row_is_reported_with_its_excel_row_number():
    result = parse(
        workbook(
            ["p1", "Lê Văn An", "ward-a", "", "Nam", 1980, "", "", ""],
            ["p2", "", "ward-x", "", "Khác", "năm", "", "", "not-an-email"],
            ["p1", "Lê Thị Hoa", "ward-a", "", "Nữ", 1990, "Có lẽ", "", ""],
            ["p3", "Trần Văn Cường", "ward-a", "", "Nam", 1800, "", "", ""],
        ),
        existing=(),
    )
    errors = {error.row: error.message for error in result.errors}
    assert sorted(errors) == [3, 4, 5]
    assert "Thiếu “Họ và tên”" in errors[3]
    assert "không có đơn vị mã “ward-x”" in errors[3]
    assert "giới tính phải là “Nam” hoặc “Nữ”" in errors[3]
    assert "năm sinh “năm” không phải là số" in errors[3]
    assert "thư điện tử “not-an-email” không hợp lệ" in errors[3]
    assert "trùng với dòng 2" in errors[4]
    assert "“Lao động trực tiếp” phải là “Có” hoặc “Không”" in errors[4]
    assert errors[5] == "Năm sinh 1800 không hợp lệ."


def test_existing_codes_and_missing_columns_are_refused():
    assert (
        "đã có trong hệ thống"
        in parse(
            workbook(["p1", "Lê Văn An", "ward-a", "", "Nam", "", "", "", ""]), existing=("p1",)
        )
        .errors[0]
        .message
    )
    result = parse(workbook(["x"], header=["Họ và tên"]))
    assert result.errors[0].row == 1
    assert "Thiếu cột" in result.errors[0].message and "Mã cá nhân" in result.errors[0].message


def test_columns_are_found_by_name_whatever_their_order_or_accents():
    header = ["ho va ten", "GIỚI TÍNH", "mã đơn vị", "Mã cá nhân"]
    result = parse(workbook(["Phạm Thị Lan", "nữ", "ward-a", "p9"], header=header))
    assert result.errors == []
    assert result.rows[0]["gender"] == "female"
