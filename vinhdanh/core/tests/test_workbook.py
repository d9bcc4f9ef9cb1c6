import io

import pytest
from openpyxl import load_workbook

from vinhdanh.core.workbook import (
    WorkbookUnreadable,
    cell_text,
    data_rows,
    header_columns,
    read_first_sheet,
    template,
)


def test_template_round_trips_through_the_reader():
    content = template("Mẫu", ["Mã", "Họ và tên"], [["a1", "Lê Văn An"], ["", ""], ["a2", 3.0]])
    rows = read_first_sheet(content)
    columns = header_columns(rows[0], {"họ và tên": "name", "MÃ": "code"})
    assert columns == {0: "code", 1: "name"}
    assert list(data_rows(rows, columns)) == [
        (2, {"code": "a1", "name": "Lê Văn An"}),
        (4, {"code": "a2", "name": "3"}),
    ]
    assert load_workbook(io.BytesIO(content)).active.freeze_panes == "A2"


def test_cell_text_reads_whole_floats_as_integers():
    assert (cell_text(None), cell_text(1985.0), cell_text(" x ")) == ("", "1985", "x")


@pytest.mark.parametrize(
    ("content", "message"), [(b"", "Tệp rỗng"), (b"abc", "không phải là bảng tính")]
)
def test_unreadable_content_is_refused_in_vietnamese(content, message):
    with pytest.raises(WorkbookUnreadable, match=message):
        read_first_sheet(content)
