"""Sorting the rows of a task table into tasks, section headings and stray text.

A row with only a number and a text is a heading when its numbering differs from the
tasks' numbering ("I | Quý I" among tasks "1.", "2."), or when it reads like one
("Tháng 1", "QUÝ II"); otherwise it is a task with missing cells, or, without a
number, the continuation of the task above. Rows after the last task (a signature,
"Nơi nhận") go back to the document's text.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from .blocks import Row
from .columns import ColumnMap, ColumnRole, header_columns
from .textutil import fold_aligned, int_to_roman, is_roman, one_line, roman_to_int


class RowKind(StrEnum):
    TASK = "task"
    SECTION = "section"
    CONTINUATION = "continuation"
    STRAY = "stray"


@dataclass
class RowItem:
    kind: RowKind
    number: str
    text: str
    cells: dict[ColumnRole, str]


_NUMBERED_TEXT = re.compile(
    r"^(?P<num>[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])(?:[.)]|\s*[-–:])\s*(?P<rest>\S.*)$", re.DOTALL
)
_NUMBER_ONLY = re.compile(r"^\(?(?P<num>[IVXLC]+|[ivx]+|\d+(?:\.\d+)*|[a-zA-ZđĐ])[.)]?$")
_HEADING_WORDS = re.compile(r"^(?:quy|thang|6 thang|sau thang|nam|dot|giai doan|phan|muc)\b")
_COLUMN_INDEX = re.compile(r"^\(?\d{1,2}\)?$")
_EXTRA_ROLES = (ColumnRole.DIRECTING, ColumnRole.LEAD, ColumnRole.COORDINATING, ColumnRole.DEADLINE)


def clean_number(raw: str) -> str:
    match = _NUMBER_ONLY.match(one_line(raw))
    return match["num"] if match else one_line(raw)


def number_style(number: str) -> str:
    if not number:
        return "none"
    if re.fullmatch(r"\d+", number):
        return "arabic"
    if re.fullmatch(r"\d+(?:\.\d+)+", number):
        return "arabic_nested"
    if re.fullmatch(r"[a-zđ]", number):
        return "lower"
    if is_roman(number):
        return "roman"
    if re.fullmatch(r"[ivx]+", number):
        return "lower_roman"
    if re.fullmatch(r"[A-ZĐ]", number):
        return "upper"
    return "other"


def _is_heading_text(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    shouting = bool(letters) and all(char.isupper() for char in letters)
    return shouting or text.rstrip().endswith(":") or bool(_HEADING_WORDS.match(fold_aligned(text)))


def section_label(text: str) -> str:
    """A heading's name without its numbering; "QUÝ I" and "Quý 1" read "Quý I"."""
    text = one_line(text)
    if match := _NUMBERED_TEXT.match(text):
        text = match["rest"]
    folded = fold_aligned(text)
    if match := re.match(r"^quy\s+(?P<q>[ivx]+|\d)\b", folded):
        raw = match["q"]
        quarter = int(raw) if raw.isdigit() else roman_to_int(raw.upper())
        return f"Quý {int_to_roman(quarter)}{text[match.end() :]}"
    if match := re.match(r"^thang\s+(?P<m>\d{1,2})\b", folded):
        return f"Tháng {int(match['m'])}{text[match.end() :]}"
    return text


def _cells(row: Row, columns: ColumnMap) -> dict[ColumnRole, str]:
    return {role: (row[index] if index < len(row) else "") for role, index in columns.items()}


def _is_column_index_row(row: Row) -> bool:
    filled = [cell for cell in row if cell]
    return len(filled) >= 3 and all(_COLUMN_INDEX.match(cell) for cell in filled)


def _split_number(number: str, content: str, has_number_column: bool) -> tuple[str, str]:
    if number and number == content:
        # One cell merged across the row: "I. QUÝ I".
        match = _NUMBERED_TEXT.match(content)
        return (match["num"], match["rest"]) if match else ("", content)
    if number and not content and not _NUMBER_ONLY.match(number):
        return "", number
    if not has_number_column and (match := _NUMBERED_TEXT.match(content)):
        return match["num"], match["rest"]
    return clean_number(number), content


def _first_pass(pairs: list[tuple[Row, ColumnMap]]) -> list[RowItem]:
    items: list[RowItem] = []
    for row, columns in pairs:
        if not any(row) or header_columns(row) is not None or _is_column_index_row(row):
            continue
        cells = _cells(row, columns)
        number, content = _split_number(
            cells.get(ColumnRole.NUMBER, ""),
            cells.get(ColumnRole.CONTENT, ""),
            ColumnRole.NUMBER in columns,
        )
        raw_number = cells.get(ColumnRole.NUMBER, "")
        extras = {
            cells.get(role, "")
            for role in _EXTRA_ROLES
            if cells.get(role, "") not in ("", content, raw_number)
        }
        kind = RowKind.TASK if extras else RowKind.SECTION
        if not content and not number and not extras:
            continue
        items.append(RowItem(kind, number, content, cells))
    return items


def _drop_trailing_unnumbered(items: list[RowItem]) -> None:
    # In a numbered table, rows without a number after the last task are the signature
    # block or the list of recipients laid out in the same grid, not tasks.
    numbered = [i for i, item in enumerate(items) if item.kind == RowKind.TASK and item.number]
    if not numbered:
        return
    for item in items[numbered[-1] + 1 :]:
        if item.kind == RowKind.TASK and not item.number:
            item.kind = RowKind.SECTION


def classify_rows(pairs: list[tuple[Row, ColumnMap]]) -> tuple[list[RowItem], list[str]]:
    """Rows as tasks, headings and continuations; also the stray text after the tasks."""
    items = _first_pass(pairs)
    task_styles = {number_style(item.number) for item in items if item.kind == RowKind.TASK}
    for item in items:
        style = number_style(item.number)
        if item.kind == RowKind.SECTION and style != "none" and style in task_styles:
            item.kind = RowKind.TASK
    _drop_trailing_unnumbered(items)
    last_task = max((i for i, item in enumerate(items) if item.kind == RowKind.TASK), default=-1)
    result: list[RowItem] = []
    strays: list[str] = []
    for index, item in enumerate(items):
        unnumbered_section = item.kind == RowKind.SECTION and not item.number
        if unnumbered_section and index > last_task:
            item.kind = RowKind.STRAY
            strays.extend(dict.fromkeys(text for text in item.cells.values() if text))
            continue
        follows_task = bool(result) and result[-1].kind in (RowKind.TASK, RowKind.CONTINUATION)
        if unnumbered_section and follows_task and not _is_heading_text(item.text):
            item.kind = RowKind.CONTINUATION
        result.append(item)
    return result, strays
