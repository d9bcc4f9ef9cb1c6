"""An attacker's files and names, built in code: what every upload and export is tested with.

Each upload attack is (name, filename, content, the words of the Vietnamese refusal).
"""

import functools
import io
import os
import zipfile
from dataclasses import dataclass

from vinhdanh.documents.admin_xlsx import simple_workbook

MB = 1024 * 1024


@dataclass(frozen=True)
class Attack:
    name: str
    filename: str
    content: bytes
    refusal: str


def real_workbook() -> bytes:
    return simple_workbook("Danh sách", ["Mã cá nhân", "Họ và tên"], [["x-1", "Nguyễn Văn An"]])


def with_parts(base: bytes, parts: dict[str, bytes]) -> bytes:
    """`base` with some parts replaced or added, each compressed as Office does."""
    source = zipfile.ZipFile(io.BytesIO(base))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info.filename, source.read(info))
        for name, data in parts.items():
            target.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


SHEET = "xl/worksheets/sheet1.xml"
WORKSHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData/></worksheet>"
)


@functools.cache
def zip_bomb() -> bytes:
    """A small .xlsx whose one sheet part expands to 120 MB."""
    return with_parts(real_workbook(), {SHEET: b"<!-- " + b"0" * (120 * MB) + b" -->"})


@functools.cache
def high_ratio_part() -> bytes:
    """A part of 2 MB packed a thousand times, hidden beside 3 MB that do not compress."""
    return with_parts(
        real_workbook(), {"xl/media/image1.png": os.urandom(3 * MB), SHEET: b" " * (2 * MB)}
    )


def billion_laughs() -> bytes:
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    sheet = b'<?xml version="1.0"?><!DOCTYPE lolz [' + entities + b"]>" + WORKSHEET
    return with_parts(real_workbook(), {SHEET: sheet.replace(b"<sheetData/>", b"&lol9;")})


def doctype_after_padding() -> bytes:
    """The declaration after 70 KB of comment: beyond a scan of the first 64 KB only."""
    comment = b"<!--" + b"x" * (70 * 1024) + b"-->"
    doctype = b'<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    return with_parts(real_workbook(), {SHEET: b'<?xml version="1.0"?>' + comment + doctype})


def traversal() -> bytes:
    return with_parts(real_workbook(), {"../../../../tmp/evil.xml": b"<x/>"})


def absolute_path() -> bytes:
    return with_parts(real_workbook(), {"/etc/cron.d/evil": b"* * * * * root sh"})


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"PE\x00\x00"


def upload_attacks() -> list[Attack]:
    return [
        Attack("zip bomb", "danh-sach.xlsx", zip_bomb(), "bom nén"),
        Attack("high-ratio part", "danh-sach.xlsx", high_ratio_part(), "bom nén"),
        Attack("billion laughs", "danh-sach.xlsx", billion_laughs(), "DOCTYPE/ENTITY"),
        Attack("DOCTYPE after 70 KB", "danh-sach.xlsx", doctype_after_padding(), "DOCTYPE/ENTITY"),
        Attack("PDF named .xlsx", "danh-sach.xlsx", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "(PDF)"),
        Attack("traversal member", "danh-sach.xlsx", traversal(), "đường dẫn không hợp lệ"),
        Attack("absolute member", "danh-sach.xlsx", absolute_path(), "đường dẫn không hợp lệ"),
        Attack("SVG with script", "anh.svg", SVG, "Không nhận ảnh SVG"),
        Attack("SVG named .png", "anh.png", SVG, "Không nhận ảnh SVG"),
        Attack("renamed .exe", "danh-sach.xlsx", EXE, "chương trình chạy được"),
    ]


# Names a user may type that a spreadsheet would run, and names no XML can carry.
FORMULA_NAMES = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tX", "\rX"]
CONTROL_NAME = "Lê" + "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + " Thị Zeta"
HOSTILE_NAMES = [*FORMULA_NAMES, CONTROL_NAME]
# PostgreSQL text cannot hold NUL (and Django's form fields refuse it): what can be stored.
STORABLE_NAMES = [*FORMULA_NAMES, CONTROL_NAME.replace("\x00", "")]
