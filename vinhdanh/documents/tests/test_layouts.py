"""Plans laid out differently from the seed read into the same structure."""

import datetime as dt
import io

from openpyxl import load_workbook

from vinhdanh.documents.reader import read_plan
from vinhdanh.documents.structure import DeadlineKind, ReviewFlag

from . import builders


def test_renamed_columns_grouped_by_month_with_notes():
    plan = read_plan(builders.month_plan_docx_bytes(), "ke-hoach-2022.docx")
    header = plan.header
    assert (header.number, header.date, header.year) == ("05/KH-UBND", dt.date(2022, 1, 5), 2022)
    assert header.title == "Công tác thi đua, khen thưởng năm 2022"
    assert header.issuer == "Ủy ban nhân dân huyện Gia Lâm"
    assert [task.number for task in plan.tasks] == ["1", "2", "3", "4", "5", "6"]
    assert [task.section for task in plan.tasks] == ["Tháng 1"] * 2 + ["Tháng 2"] * 4
    first, second, third, fourth, fifth, sixth = plan.tasks
    assert first.lead_units == ["Phòng Nội vụ"]
    assert first.coordinating_units == ["Văn phòng HĐND và UBND huyện"]
    assert first.directing == ""
    assert (first.deadline.kind, first.deadline.date) == (DeadlineKind.MONTH, dt.date(2022, 1, 31))
    assert second.deadline.date == dt.date(2022, 1, 25)  # year taken from the plan
    assert second.coordinating_units == ["Phòng Văn hóa và Thông tin", "Phòng Tài chính - Kế hoạch"]
    assert second.note == "Tổ chức trực tuyến"
    assert third.deadline.kind == DeadlineKind.UNPARSED
    assert third.deadline.text == "31/02/2022"
    assert third.flags == [ReviewFlag.DEADLINE_UNPARSED]
    assert fourth.deadline.kind == DeadlineKind.ONGOING
    assert fifth.deadline.date == dt.date(2022, 6, 30)
    assert fifth.coordinating_units == []
    assert sixth.flags == [ReviewFlag.DEADLINE_UNPARSED]


def test_two_row_header_sections_and_lettered_tasks():
    plan = read_plan(builders.section_plan_xlsx_bytes(), "ke-hoach.xlsx")
    header = plan.header
    assert header.number == "12/KH-UBND"
    assert header.date == dt.date(2023, 1, 10)
    assert header.issuer == "Ủy ban nhân dân quận Long Biên"
    assert [(task.number, task.section) for task in plan.tasks] == [
        ("a", "CÔNG TÁC TUYÊN TRUYỀN"),
        ("b", "CÔNG TÁC TUYÊN TRUYỀN"),
        ("a", "CÔNG TÁC KHEN THƯỞNG"),
    ]
    first, second, third = plan.tasks
    assert first.lead_units == ["Phòng VH&TT"]
    assert first.coordinating_units == ["Các phòng, ban, đơn vị", "các phường thuộc Quận"]
    assert first.deadline.date == dt.date(2023, 3, 31)
    assert second.coordinating_units == ["Phòng Nội vụ", "Phòng GD&ĐT"]
    assert (second.deadline.kind, second.deadline.date) == ("ongoing", None)  # "Cả năm"
    assert second.note == "Theo thể lệ riêng"
    assert third.lead_units == ["Phòng Nội vụ"]
    assert third.coordinating_units == ["Phòng Tài chính - Kế hoạch"]
    # The signature laid out under the table is not a task.
    assert all("CHỦ TỊCH" not in task.content for task in plan.tasks)


def test_reordered_columns_roman_numbers_and_table_split_without_header():
    plan = read_plan(builders.roman_plan_text_bytes(), "ke-hoach.md")
    header = plan.header
    assert header.number == "03/KH-HĐTĐKT"
    assert header.year == 2024  # the plan's year, not the year it was signed
    assert header.date == dt.date(2023, 12, 20)
    assert header.issuer == "Hội đồng Thi đua - Khen thưởng phường Định Công"
    assert [task.number for task in plan.tasks] == ["I", "II", "III", "IV"]
    assert all(task.section == "" for task in plan.tasks)
    first, second, third, fourth = plan.tasks
    assert first.directing == "Hội đồng TĐKT Phường"
    assert first.lead_units == ["Văn phòng HĐND và UBND Quận"]
    assert first.deadline.date == dt.date(2024, 6, 30)
    assert second.lead_units == ["Phòng Lao động TB và XH"]
    assert second.coordinating_units == ["Ủy ban MTTQ Quận"]
    assert second.deadline.date == dt.date(2024, 3, 31)
    assert third.deadline.kind == DeadlineKind.HIGHER_LEVEL
    assert fourth.deadline.kind == DeadlineKind.UNPARSED
    assert [(item.text, item.date) for item in plan.body_deadlines] == [
        ("chậm nhất ngày 15/01/2024", dt.date(2024, 1, 15))
    ]


def test_continuation_row_is_joined_and_flagged():
    text = (
        "| STT | Nội dung | Đơn vị thực hiện | Thời gian hoàn thành |\n"
        "|---|---|---|---|\n"
        "| 1 | Tổ chức Hội nghị | Phòng Nội vụ | Quý I/2021 |\n"
        "| | tổng kết phong trào thi đua | | |\n"
        "| 2 | Tập huấn nghiệp vụ | | |\n"
    )
    plan = read_plan(text.encode(), "x.txt")
    first, second = plan.tasks
    assert first.content == "Tổ chức Hội nghị tổng kết phong trào thi đua"
    assert first.flags == [ReviewFlag.CONTINUED_ROW]
    assert second.flags == [ReviewFlag.LEAD_MISSING, ReviewFlag.DEADLINE_MISSING]
    assert second.deadline.text == ""


def test_excel_date_cells_and_a_task_row_that_mentions_column_words():
    spec = builders.TableSpec(
        [
            ["STT", "Nội dung thực hiện", "Đơn vị thực hiện", "Thời gian hoàn thành"],
            ["1", "Nội dung nhiệm vụ thi đua", "Đơn vị thuộc Quận", "Thời gian theo Kế hoạch"],
            ["2", "Tổng kết năm", "Phòng Nội vụ", ""],
        ]
    )
    data = builders.build_xlsx([spec])
    # The deadline cell of task 2 holds a real Excel date.
    workbook = load_workbook(io.BytesIO(data))
    workbook.active["D3"] = dt.datetime(2021, 12, 15)
    buffer = io.BytesIO()
    workbook.save(buffer)
    plan = read_plan(buffer.getvalue(), "x.xlsx")
    assert [task.number for task in plan.tasks] == ["1", "2"]
    assert plan.tasks[1].deadline.date == dt.date(2021, 12, 15)
    assert plan.tasks[1].deadline.text == "15/12/2021"
