"""A number in a document's table is written as on the pages: 1.234.567; 43,5."""

import datetime
import io
from decimal import Decimal

from docx import Document

from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.tests.test_writers import HEAD


def test_table_numbers_are_grouped_and_use_a_decimal_comma():
    doc = AdminDocument(HEAD, date=datetime.date(2021, 1, 13), kind="Báo cáo", subject="Số liệu")
    doc.table(
        ["STT", "Số người", "Điểm", "Tiền thưởng"],
        [[1, 1234567, Decimal("43.50"), 2500000.0], [2, 12, 7.25, "Không"]],
    )
    parsed = Document(io.BytesIO(doc.to_bytes()))
    table = parsed.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert rows == [["1", "1.234.567", "43,5", "2.500.000"], ["2", "12", "7,25", "Không"]]
