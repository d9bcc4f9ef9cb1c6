"""Reading plans: the seed and a synthetic 2,000-task plan, against python-docx alone.

The baseline is python-docx opening the same .docx (what any reader must pay at least);
the ratio says how much the plan reader adds on top of it.
"""

import datetime as dt
import io
from pathlib import Path

from docx import Document

from bench.timing import best_of
from vinhdanh.documents import structure
from vinhdanh.documents.plan_export import plan_docx
from vinhdanh.documents.reader import read_plan

SEED = Path(__file__).resolve().parent.parent / "vinhdanh/plans/data/ke_hoach_01_2021_hoang_mai.txt"
UNITS = [
    "Phòng Nội vụ",
    "Phòng Y tế",
    "Phòng Kinh tế",
    "Phòng Văn hóa và Thông tin",
    "Phòng Giáo dục và Đào tạo",
    "Các đơn vị thuộc Quận",
]
SECTIONS = ["Quý I", "Quý II", "Quý III", "Quý IV"]


def synthetic_plan(size: int, year: int = 2021) -> structure.Plan:
    tasks = []
    for index in range(size):
        quarter = index * 4 // size
        day = dt.date(year, quarter * 3 + 1, 1) + dt.timedelta(days=(index % 80))
        tasks.append(
            structure.Task(
                position=index + 1,
                number=str(index + 1),
                section=SECTIONS[quarter],
                content=f"Nhiệm vụ số {index + 1}: tổ chức phong trào thi đua chuyên đề",
                directing="Hội đồng TĐKT Quận",
                lead_units=[UNITS[index % 5]],
                coordinating_units=[UNITS[(index + 1) % 6]],
                deadline=structure.Deadline(
                    structure.DeadlineKind.DATE, day, f"Trước ngày {day:%d/%m/%Y}"
                ),
            )
        )
    header = structure.PlanHeader(
        number="99/KH-HĐTĐKT",
        place="Hoàng Mai",
        date=dt.date(year, 1, 5),
        issuer="Hội đồng Thi đua - Khen thưởng quận Hoàng Mai",
        title=f"Kế hoạch thử tải năm {year}",
        year=year,
    )
    return structure.Plan(header=header, tasks=tasks, body_deadlines=[], source_format="docx")


def _open_docx(data: bytes):
    return lambda: Document(io.BytesIO(data))


def _line(label: str, seconds: float, baseline: float) -> str:
    return f"{label}: {seconds * 1000:8.1f} ms = {seconds / baseline:5.2f} × python-docx open"


def run() -> list[str]:
    seed_text = SEED.read_bytes()
    seed_plan = read_plan(seed_text, SEED.name)
    seed_docx = plan_docx(seed_plan)
    big_docx = plan_docx(synthetic_plan(2000))
    assert len(read_plan(big_docx, "big.docx").tasks) == 2000

    seed_open = best_of(_open_docx(seed_docx), repeat=7)
    big_open = best_of(_open_docx(big_docx), repeat=3)
    return [
        f"baseline python-docx open: seed .docx {seed_open * 1000:.1f} ms, "
        f"2,000-task .docx {big_open * 1000:.1f} ms",
        _line(
            "seed .txt (as written)   ", best_of(lambda: read_plan(seed_text, "s.txt")), seed_open
        ),
        _line(
            "seed .docx               ", best_of(lambda: read_plan(seed_docx, "s.docx")), seed_open
        ),
        _line(
            "2,000 tasks .docx        ",
            best_of(lambda: read_plan(big_docx, "b.docx"), repeat=3),
            big_open,
        ),
    ]
