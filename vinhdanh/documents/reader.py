"""Reading a plan file: the entry point of the documents package.

plan = read_plan(data, "ke-hoach.docx")
to_json_dict(plan)
"""

from pathlib import Path

from .blocks import Block, Row, Table
from .body import find_body_deadlines, plan_body, plan_closing
from .columns import ColumnMap, header_columns, refine_with_subheader
from .errors import PlanReadError
from .filetype import FileFormat, decode_text, detect_format
from .header import parse_header
from .rows import classify_rows
from .source_docx import read_docx_blocks
from .source_text import read_text_blocks
from .source_xlsx import read_xlsx_blocks
from .structure import Plan
from .tasks import build_tasks

NO_TABLE = (
    "Không tìm thấy bảng nhiệm vụ của kế hoạch trong tệp. Bảng cần có dòng tiêu đề với "
    "các cột như “Nội dung thực hiện”, “Đơn vị tham mưu, thực hiện”, “Thời gian hoàn thành”."
)


def read_blocks(data: bytes, filename: str = "") -> tuple[FileFormat, list[Block]]:
    file_format = detect_format(data, filename)
    if file_format == FileFormat.DOCX:
        return file_format, read_docx_blocks(data)
    if file_format == FileFormat.XLSX:
        return file_format, read_xlsx_blocks(data)
    return file_format, read_text_blocks(decode_text(data))


def _row_lines(row: Row) -> list[str]:
    lines: list[str] = []
    for cell in dict.fromkeys(cell for cell in row if cell):
        lines.extend(line for line in cell.split("\n") if line)
    return lines


def _find_header(table: Table) -> tuple[int, ColumnMap] | None:
    for index, row in enumerate(table):
        columns = header_columns(row)
        if columns is None:
            continue
        if index + 1 < len(table):
            refined = refine_with_subheader(columns, row, table[index + 1])
            if refined is not None:
                return index + 1, refined
        return index, columns
    return None


def split_blocks(
    blocks: list[Block],
) -> tuple[list[str], list[tuple[Row, ColumnMap]], int]:
    """The document's text lines, the task table's rows each with its columns, and how many
    of the lines come before the task table (the plan's own text)."""
    lines: list[str] = []
    before_table: int | None = None
    pairs: list[tuple[Row, ColumnMap]] = []
    previous: tuple[int, ColumnMap] | None = None  # width and columns of the last task table
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
            previous = None
            continue
        found = _find_header(block)
        if found is not None:
            start, columns = found
            for row in block[:start]:
                lines.extend(_row_lines(row))
            if before_table is None:
                # A workbook's sheet holds the text above its table in the same grid.
                before_table = len(lines)
            pairs.extend((row, columns) for row in block[start + 1 :])
            previous = (max(map(len, block)), columns)
        elif previous and block and max(map(len, block)) == previous[0]:
            # A table split over pages without its header repeated.
            pairs.extend((row, previous[1]) for row in block)
        else:
            for row in block:
                lines.extend(_row_lines(row))
    return lines, pairs, len(lines) if before_table is None else before_table


def read_plan(data: bytes, filename: str = "") -> Plan:
    """Parse a plan from the bytes of a .docx, .xlsx or text file; raise PlanReadError."""
    file_format, blocks = read_blocks(data, filename)
    lines, pairs, before_table = split_blocks(blocks)
    items, strays = classify_rows(pairs)
    header = parse_header(lines + strays)
    tasks = build_tasks(items, header.year)
    if not tasks:
        raise PlanReadError(NO_TABLE)
    return Plan(
        header=header,
        tasks=tasks,
        body_deadlines=find_body_deadlines(lines + strays, header.year),
        source_format=str(file_format),
        body=plan_body(lines[:before_table]),
        closing=plan_closing(lines + strays),
    )


def read_plan_file(path: str | Path) -> Plan:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise PlanReadError(f"Không tìm thấy tệp “{path}”.") from error
    except IsADirectoryError as error:
        raise PlanReadError(f"“{path}” là thư mục, không phải tệp.") from error
    except OSError as error:
        raise PlanReadError(f"Không mở được tệp “{path}”.") from error
    return read_plan(data, path.name)
