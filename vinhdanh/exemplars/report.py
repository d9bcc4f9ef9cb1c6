"""The year's summary report of the "Người tốt, việc tốt" movement (.docx), from the data.

`tally` is pure (plain rows in, counts out) and tested without a database; the document is
written through `documents.admin_docx.AdminDocument`, the only .docx writer.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from vinhdanh.accounts import access
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.numbers import vn_number
from vinhdanh.exemplars.models import Exemplar, ExemplarCategory, ExemplarState, SubjectKind
from vinhdanh.movements.letterheads import letterhead_for

# Which states count as what in the report.
PROPOSED_STATES = frozenset(set(ExemplarState.values) - {ExemplarState.DRAFT})
RECOGNISED_STATES = frozenset({ExemplarState.VERIFIED, ExemplarState.PUBLISHED})


@dataclass(frozen=True)
class Row:
    """One exemplar as the report reads it."""

    unit: str
    category: str
    subject_kind: str
    state: str
    name: str
    headline: str
    commendation: str = ""  # the title of the ad-hoc nomination, if any
    commendation_state: str = ""


@dataclass
class UnitLine:
    unit: str
    proposed: int = 0
    recognised: int = 0
    published: int = 0
    commended: int = 0


@dataclass
class Tally:
    by_unit: list[UnitLine] = field(default_factory=list)
    by_kind: dict[tuple[str, str], int] = field(default_factory=dict)
    proposed: int = 0
    published: list[Row] = field(default_factory=list)
    commended: list[Row] = field(default_factory=list)


def tally(rows: list[Row]) -> Tally:
    """Counts by unit and by kind (category × person/collective) of the proposed exemplars,
    the published ones and those turned into a commendation. Drafts are not counted."""
    out = Tally()
    units: dict[str, UnitLine] = {}
    kinds: Counter = Counter()
    for row in rows:
        if row.state not in PROPOSED_STATES:
            continue
        line = units.setdefault(row.unit, UnitLine(row.unit))
        line.proposed += 1
        out.proposed += 1
        kinds[(row.category, row.subject_kind)] += 1
        if row.state in RECOGNISED_STATES:
            line.recognised += 1
        if row.state == ExemplarState.PUBLISHED:
            line.published += 1
            out.published.append(row)
        if row.commendation:
            line.commended += 1
            out.commended.append(row)
    out.by_unit = sorted(units.values(), key=lambda line: line.unit)
    out.by_kind = dict(kinds)
    return out


def rows_for(user, council, year: int) -> list[Row]:
    exemplars = (
        access.scope_queryset(user, Exemplar.objects.filter(council=council, year=year))
        .select_related("unit", "nomination__title")
        .order_by("unit__sort_key", "pk")
    )
    return [
        Row(
            unit=e.unit.name,
            category=e.category,
            subject_kind=e.subject_kind,
            state=e.state,
            name=e.subject_name,
            headline=e.headline,
            commendation=e.nomination.title.name if e.nomination_id else "",
            commendation_state=e.nomination.get_state_display() if e.nomination_id else "",
        )
        for e in exemplars
    ]


def summary_document(user, council, year: int) -> bytes:
    result = tally(rows_for(user, council, year))
    unit = council.unit
    doc = AdminDocument(
        letterhead_for(unit),
        date=timezone.localdate(),
        kind="BÁO CÁO",
        subject=f"Tổng kết phong trào “Người tốt, việc tốt” và gương điển hình tiên tiến năm "
        f"{year}",
    )
    doc.paragraph(
        f"Năm {year}, các đơn vị thuộc {unit.name} đã đề xuất {vn_number(result.proposed)} "
        f"gương điển hình tiên tiến, người tốt, việc tốt; "
        f"{vn_number(len(result.published))} gương đã được xác minh và công bố trên bảng vàng; "
        f"{vn_number(len(result.commended))} gương được đề nghị khen thưởng đột xuất."
    )
    doc.heading("I. KẾT QUẢ THEO ĐƠN VỊ")
    doc.table(
        ["TT", "Đơn vị", "Đề xuất", "Được công nhận", "Đã công bố", "Đề nghị khen thưởng"],
        [
            [i, line.unit, line.proposed, line.recognised, line.published, line.commended]
            for i, line in enumerate(result.by_unit, start=1)
        ]
        or [["", "Chưa có gương nào được đề xuất.", "", "", "", ""]],
        widths_cm=[1.0, 6.0, 2.0, 2.5, 2.2, 2.8],
    )
    doc.heading("II. KẾT QUẢ THEO LOẠI GƯƠNG")
    kinds = []
    for category, category_name in ExemplarCategory.choices:
        for kind, kind_name in SubjectKind.choices:
            kinds.append(
                [f"{category_name} – {kind_name}", result.by_kind.get((category, kind), 0)]
            )
    doc.table(["Loại gương", "Số gương đề xuất"], kinds, widths_cm=[11.0, 4.5])
    doc.heading("III. CÁC GƯƠNG ĐÃ CÔNG BỐ TRÊN BẢNG VÀNG")
    doc.table(
        ["TT", "Cá nhân, tập thể", "Đơn vị", "Việc tốt, thành tích"],
        [[i, r.name, r.unit, r.headline] for i, r in enumerate(result.published, start=1)]
        or [["", "Chưa có gương nào được công bố.", "", ""]],
        widths_cm=[1.0, 4.5, 4.0, 6.5],
    )
    doc.heading("IV. CÁC GƯƠNG ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG ĐỘT XUẤT")
    doc.table(
        ["TT", "Cá nhân, tập thể", "Đơn vị", "Hình thức", "Tình trạng hồ sơ"],
        [
            [i, r.name, r.unit, r.commendation, r.commendation_state]
            for i, r in enumerate(result.commended, start=1)
        ]
        or [["", "Chưa có gương nào được đề nghị khen thưởng.", "", "", ""]],
        widths_cm=[1.0, 4.5, 3.5, 4.0, 3.0],
    )
    doc.heading("V. PHƯƠNG HƯỚNG")
    doc.paragraph(
        "Tiếp tục phát hiện, bồi dưỡng, tuyên truyền và nhân rộng các gương điển hình tiên tiến, "
        "người tốt, việc tốt; kịp thời khen thưởng đột xuất các gương tiêu biểu."
    )
    doc.signature(
        authority="TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        signer="",
        role_line="CHỦ TỊCH",
    )
    return doc.to_bytes()
