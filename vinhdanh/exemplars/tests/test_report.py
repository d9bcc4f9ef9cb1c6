"""The year's "Người tốt, việc tốt" report: the counts (pure) and the document's content."""

import io

import pytest
from docx import Document

from vinhdanh.exemplars import report, services
from vinhdanh.exemplars.models import Exemplar
from vinhdanh.exemplars.report import Row, tally


def _row(unit, state, *, category="nguoi_tot", kind="person", commendation=""):
    return Row(unit, category, kind, state, f"Tên {unit} {state}", "Việc tốt", commendation)


def test_tally_counts_by_unit_and_kind_without_drafts():
    rows = [
        _row("Phường B", "draft"),
        _row("Phường B", "proposed"),
        _row("Phường B", "published", category="tien_tien", kind="collective"),
        _row("Phường A", "verified", commendation="Giấy khen"),
        _row("Phường A", "published", commendation="Giấy khen"),
        _row("Phường A", "refused"),
    ]
    result = tally(rows)
    assert result.proposed == 5
    assert [
        (u.unit, u.proposed, u.recognised, u.published, u.commended) for u in result.by_unit
    ] == [
        ("Phường A", 3, 2, 1, 2),
        ("Phường B", 2, 1, 1, 0),
    ]
    assert result.by_kind == {("nguoi_tot", "person"): 4, ("tien_tien", "collective"): 1}
    assert [r.unit for r in result.published] == ["Phường B", "Phường A"]
    assert len(result.commended) == 2


def test_tally_of_nothing():
    result = tally([])
    assert (result.proposed, result.by_unit, result.published) == (0, [], [])


def _text(content: bytes) -> tuple[str, list[list[str]]]:
    document = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return text, tables


@pytest.mark.django_db
def test_the_document_holds_the_years_data(make, officer, office):
    exemplar = services.publish_exemplar(
        office,
        services.verify_exemplar(
            office, services.propose_exemplar(officer, make(headline="Trả lại 50 triệu đồng"))
        ),
    )
    content = report.summary_document(office, exemplar.council, 2021)
    text, tables = _text(content)
    in_year = Exemplar.objects.filter(council=exemplar.council, year=2021).exclude(state="draft")
    published = in_year.filter(state="published")
    assert f"đã đề xuất {in_year.count()} gương" in text
    assert f"{published.count()} gương đã được xác minh và công bố" in text
    assert "1 gương được đề nghị khen thưởng đột xuất" in text  # the demo's Tân Mai
    cells = [cell for table in tables for row in table for cell in row]
    assert "Trả lại 50 triệu đồng" in cells and exemplar.subject_name in cells
    units = {row[1]: row for table in tables for row in table if row[0].isdigit()}
    hoang_liet = units["Phường Hoàng Liệt"]
    assert hoang_liet[2] == str(in_year.filter(unit__code="phuong-hoang-liet").count())
    commended = Exemplar.objects.get(nomination__isnull=False)
    assert commended.subject_name in cells and "Giấy khen" in cells
