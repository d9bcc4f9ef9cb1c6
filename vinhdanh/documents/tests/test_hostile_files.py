"""The readers behind the gate: a hostile file that reaches them is refused in Vietnamese.

The gate stops these files first; the readers must still never raise an unexpected
exception (a 500) nor build a huge grid from a tiny file.
"""

import io
import time
import zipfile

import pytest

from vinhdanh.core.tests import attacks
from vinhdanh.core.workbook import MAX_COLUMNS, WorkbookUnreadable, read_first_sheet
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.errors import PlanReadError
from vinhdanh.documents.layout import Letterhead
from vinhdanh.documents.reader import read_plan
from vinhdanh.movements.registration_import import parse_entries
from vinhdanh.org.people_import import parse_people_workbook
from vinhdanh.scoring.sheet_import import parse_sheet

SHEET = attacks.SHEET
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _sheet(body: bytes) -> bytes:
    return attacks.with_parts(attacks.real_workbook(), {SHEET: b"<worksheet " + NS + b">" + body})


BROKEN = [
    attacks.billion_laughs(),
    attacks.doctype_after_padding(),
    _sheet(b"<sheetData><row><c r="),
    _sheet(b'<sheetData><row r="1"><c r="A1" t="s"><v>999</v></c></row></sheetData></worksheet>'),
    attacks.with_parts(attacks.real_workbook(), {"xl/workbook.xml": b"not xml"}),
]


@pytest.mark.parametrize("content", BROKEN, ids=range(len(BROKEN)))
def test_every_sheet_importer_refuses_a_hostile_workbook_in_vietnamese(content):
    for parse in (
        read_first_sheet,
        lambda c: parse_people_workbook(c, unit_codes=set(), existing_codes=set()),
        lambda c: parse_entries(c, person_codes=set()),
        parse_sheet,
    ):
        with pytest.raises(WorkbookUnreadable) as refused:
            parse(content)
        assert "Không đọc được bảng tính" in str(refused.value)


@pytest.mark.parametrize("content", BROKEN, ids=range(len(BROKEN)))
def test_the_plan_reader_refuses_a_hostile_workbook_in_vietnamese(content):
    with pytest.raises(PlanReadError) as refused:
        read_plan(content, "ke-hoach.xlsx")
    assert "Tệp Excel bị hỏng" in refused.value.message


def test_a_far_cell_does_not_widen_the_rows_read():
    far = _sheet(
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ma</t></is></c>'
        b'<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    )
    rows = read_first_sheet(far)
    assert rows[0][0] == "Ma"
    assert max(len(row) for row in rows) <= MAX_COLUMNS


def test_a_merge_over_the_whole_sheet_is_refused_before_openpyxl_builds_it():
    merge = _sheet(
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
        b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>'
    )
    started = time.monotonic()
    with pytest.raises(PlanReadError) as refused:
        read_plan(merge, "ke-hoach.xlsx")
    assert time.monotonic() - started < 5
    assert "gộp ô" in refused.value.message


def test_a_word_cell_spanning_a_hundred_million_columns_is_read_narrow():
    document = AdminDocument(Letterhead("UBND", "HỘI ĐỒNG", "01/KH"), date=None, kind="KẾ HOẠCH")
    document.table(["TT", "Nội dung"], [["1", "Việc"]], widths_cm=[2, 10])
    content = document.to_bytes()
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml")
    xml = xml.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="100000000"/>', 1)
    hostile = attacks.with_parts(content, {"word/document.xml": xml})
    started = time.monotonic()
    with pytest.raises(PlanReadError):
        read_plan(hostile, "ke-hoach.docx")  # no task table, but read in no time
    assert time.monotonic() - started < 5


def test_a_word_file_with_an_entity_bomb_is_refused_or_read_without_expanding():
    document = AdminDocument(Letterhead("UBND", "HỘI ĐỒNG", "01/KH"), date=None, kind="KẾ HOẠCH")
    content = document.to_bytes()
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml")
    bomb = attacks.billion_laughs()
    dtd = zipfile.ZipFile(io.BytesIO(bomb)).read(SHEET).split(b"<worksheet")[0]
    laugh = b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>"
    body = xml.split(b"?>", 1)[-1].replace(b"</w:body>", laugh)
    hostile = attacks.with_parts(content, {"word/document.xml": dtd + body})
    started = time.monotonic()
    with pytest.raises(PlanReadError):
        read_plan(hostile, "ke-hoach.docx")
    assert time.monotonic() - started < 5
