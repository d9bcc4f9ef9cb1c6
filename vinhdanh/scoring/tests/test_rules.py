"""Pure scoring rules, without a database."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from vinhdanh.scoring import rules
from vinhdanh.scoring.sheet_import import WorkbookUnreadable, parse_sheet


def test_points_are_checked():
    assert rules.parse_points("7,5", max_points=Decimal(10), label="1.1") == Decimal("7.5")
    assert rules.parse_points("", max_points=Decimal(10), label="1.1") is None
    with pytest.raises(ValueError, match="vượt quá điểm tối đa"):
        rules.parse_points("11", max_points=Decimal(10), label="1.1")
    with pytest.raises(ValueError, match="không được âm"):
        rules.parse_points("-1", max_points=Decimal(10), label="1.1")
    with pytest.raises(ValueError, match="không phải là số"):
        rules.parse_points("mười", max_points=Decimal(10), label="1.1")
    with pytest.raises(ValueError, match="không phải là số"):
        rules.parse_points("NaN", max_points=Decimal(10), label="1.1")


def test_totals_subtract_penalties():
    t = rules.totals(
        [
            ("standard", Decimal(10), Decimal(10)),
            ("bonus", Decimal(2), Decimal(5)),
            ("penalty", Decimal(3), Decimal(10)),
            ("standard", None, Decimal(5)),
        ]
    )
    assert (t.standard, t.bonus, t.penalty, t.total, t.at_max) == (10, 2, 3, 9, 1)


def _row(key, standard, bonus=0, penalty=0, at_max=0, name=None):
    totals = rules.Totals(Decimal(standard), Decimal(bonus), Decimal(penalty), at_max)
    return rules.RankRow(key, name or key, totals)


def test_ranking_tie_breaks_in_documented_order():
    ranked = rules.rank(
        [
            _row("a", 90, bonus=2, penalty=2),  # 90, penalty 2
            _row("b", 88, bonus=2),  # 90, no penalty -> above a
            _row("c", 85, bonus=5),  # 90, no penalty, fewer standard points -> below b
            _row("d", 95),  # best
            _row("e", 80, at_max=3, name="y"),
            _row("f", 80, at_max=3, name="x"),  # tie with e: same rank, listed by name
            _row("g", 80, at_max=1),
        ]
    )
    assert [r.key for r in ranked] == ["d", "b", "c", "a", "f", "e", "g"]
    assert [r.rank for r in ranked] == [1, 2, 3, 4, 5, 5, 7]
    assert ranked[4].tied and ranked[5].tied and not ranked[6].tied


def test_tally_needs_more_than_half_of_member_units():
    papers = [[1, 2], [1, 2], [1, 3], [1], [2, 3], [3]]
    rows = rules.tally(
        papers, member_count=7, threshold_percent=50, seats=2, ranking_order=[2, 1, 3]
    )
    by_unit = {r.unit: r for r in rows}
    assert by_unit[1].votes == 4 and by_unit[1].elected  # 4/7 > 50%
    assert by_unit[2].votes == 3 and not by_unit[2].elected  # 3/7 is not more than half
    assert not by_unit[3].elected


def test_tally_seats_and_equal_votes_follow_ranking():
    papers = [[1, 2], [1, 2], [1, 2], [3, 1], [3, 2], [3]]
    rows = rules.tally(
        papers, member_count=6, threshold_percent=50, seats=1, ranking_order=[2, 1, 3]
    )
    assert [r.unit for r in rows][:2] == [2, 1]  # 4 votes each; unit 2 ranks higher
    assert [r.unit for r in rows if r.elected] == [2]


def _book(rows, headers=("Phần", "Mã", "Nội dung", "Điểm tối đa", "Loại", "Minh chứng")):
    book = Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_sheet_parser_reads_sections_and_kinds():
    parsed = parse_sheet(
        _book(
            [
                ["I. Nhiệm vụ", "1.1", "Chỉ tiêu", 30, "Chấm điểm", "Có"],
                ["I. Nhiệm vụ", "1.2", "Dịch bệnh", "20", "", "Không"],
                ["II. Thưởng, trừ", "2.1", "Mô hình mới", 5, "Thưởng", ""],
                ["II. Thưởng, trừ", "2.2", "Vi phạm", 10, "Trừ", ""],
            ]
        )
    )
    assert parsed.errors == []
    assert [title for title, _ in parsed.sections] == ["I. Nhiệm vụ", "II. Thưởng, trừ"]
    first, second = parsed.sections
    assert first[1][0].evidence_required and first[1][1].max_points == 20
    assert [c.kind for c in second[1]] == ["bonus", "penalty"]


def test_sheet_parser_reports_every_bad_row():
    parsed = parse_sheet(
        _book(
            [
                ["I", "1.1", "A", "ba mươi", "Chấm điểm", "Có"],
                ["I", "1.2", "B", -5, "Chấm điểm", "Có"],
                ["I", "1.3", "C", 5, "Cộng", "Có"],
                ["I", "1.1", "D", 5, "", "Có"],
                ["I", "", "E", 5, "", "Có"],
            ]
        )
    )
    assert [e.row for e in parsed.errors] == [2, 3, 4, 5, 6]
    assert "không phải là số" in parsed.errors[0].message
    assert "trùng" in parsed.errors[3].message
    with pytest.raises(WorkbookUnreadable, match="Thiếu cột"):
        parse_sheet(_book([["x"]], headers=("Tên", "Điểm")))
    with pytest.raises(WorkbookUnreadable):
        parse_sheet(b"PK\x03\x04 broken")
