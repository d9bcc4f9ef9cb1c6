"""Reading an exported plan gives back the same plan (pure, no database)."""

import pytest

from vinhdanh.documents.plan_export import appendix_rows, plan_docx, plan_xlsx, roman
from vinhdanh.documents.reader import read_plan
from vinhdanh.documents.structure import to_json_dict
from vinhdanh.documents.tests import builders

SOURCES = {
    "seed.txt": builders.seed_bytes,
    "seed.docx": builders.seed_docx_bytes,
    "seed.xlsx": builders.seed_xlsx_bytes,
    "months.docx": builders.month_plan_docx_bytes,
    "sections.xlsx": builders.section_plan_xlsx_bytes,
    "roman.txt": builders.roman_plan_text_bytes,
}
HEADER_KEYS = ("number", "date", "year", "title", "issuer", "place")


def _tasks(plan) -> list[dict]:
    return to_json_dict(plan)["tasks"]


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(("writer", "name"), [(plan_docx, "x.docx"), (plan_xlsx, "x.xlsx")])
def test_exported_plan_reads_back_the_same(source, writer, name):
    original = read_plan(SOURCES[source](), source)
    again = read_plan(writer(original), name)
    assert _tasks(again) == _tasks(original)
    first, second = to_json_dict(original), to_json_dict(again)
    assert {k: second[k] for k in HEADER_KEYS} == {k: first[k] for k in HEADER_KEYS}


def test_docx_export_keeps_the_units_own_plan_deadline():
    original = read_plan(builders.seed_bytes(), "seed.txt")
    again = read_plan(plan_docx(original), "x.docx")
    assert [d.date for d in again.body_deadlines] == [d.date for d in original.body_deadlines]


def test_appendix_groups_tasks_under_numbered_sections():
    plan = read_plan(builders.seed_bytes(), "seed.txt")
    rows = appendix_rows(plan.tasks)
    sections = [row for row in rows if row[0] in ("I", "II", "III", "IV")]
    assert [row[1] for row in sections] == ["Quý I", "Quý II", "Quý III", "Quý IV"]
    assert len(rows) == 29
    assert [roman(n) for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]


@pytest.mark.parametrize(("writer", "name"), [(plan_docx, "x.docx"), (plan_xlsx, "x.xlsx")])
def test_a_task_that_starts_like_a_formula_reads_back_unchanged(writer, name):
    original = read_plan(builders.seed_bytes(), "seed.txt")
    original.tasks[0].content = "- Tổ chức hội nghị; =SUM(A1) không phải công thức"
    again = read_plan(writer(original), name)
    assert again.tasks[0].content == original.tasks[0].content
