"""The results table without a database: averages, the written tie-break rules in order,
prizes allocated by their counts, ties the rules cannot break."""

import datetime
from decimal import Decimal as D

import pytest
from django import forms

from vinhdanh.contests import lengths, ranking
from vinhdanh.contests.forms import parse_criteria
from vinhdanh.contests.services import round_robin

DAY = datetime.datetime(2021, 5, 1, tzinfo=datetime.UTC)


def _r(entry_id, total, criteria=(), previous=0, day=0):
    return ranking.Result(
        entry_id, D(total), tuple(D(c) for c in criteria), D(previous),
        DAY + datetime.timedelta(days=day),
    )  # fmt: skip


def _order(ranked):
    return [row.result.entry_id for row in ranked]


def test_higher_total_ranks_first():
    ranked = ranking.rank([_r(1, "70"), _r(2, "85.5"), _r(3, "80")], ["final_total"])
    assert _order(ranked) == [2, 3, 1]
    assert [row.rank for row in ranked] == [1, 2, 3]


def test_equal_totals_ordered_by_the_first_criterion_then_the_earlier_entry():
    results = [
        _r(1, "80", criteria=("40", "40"), day=3),
        _r(2, "80", criteria=("45", "35"), day=5),
        _r(3, "80", criteria=("40", "40"), day=1),
    ]
    ranked = ranking.rank(results, ["final_total", "first_criterion", "earlier"])
    assert _order(ranked) == [2, 3, 1]
    assert not any(row.tied for row in ranked)


def test_the_order_of_the_rules_matters():
    a = _r(1, "80", criteria=("45", "35"), previous="70")
    b = _r(2, "80", criteria=("40", "40"), previous="90")
    assert _order(ranking.rank([a, b], ["previous_round", "first_criterion"])) == [2, 1]
    assert _order(ranking.rank([a, b], ["first_criterion", "previous_round"])) == [1, 2]
    assert _order(ranking.rank([a, b], ["second_criterion"])) == [2, 1]


def test_rows_equal_on_every_rule_share_a_rank_and_are_marked():
    results = [_r(1, "80", day=1), _r(2, "80", day=1), _r(3, "60")]
    ranked = ranking.rank(results, ["final_total", "earlier"])
    assert [row.rank for row in ranked] == [1, 1, 3]
    assert [row.tied for row in ranked] == [True, True, False]


def test_average_rounds_to_two_places():
    assert ranking.average(["80", "85", "81"]) == D("82.00")
    assert ranking.average(["80", "85.25"]) == D("82.63")
    assert ranking.average([]) == D(0)


PRIZES = [("first", 1, 3_000_000), ("second", 2, 2_000_000), ("third", 1, 1_000_000)]


def test_prizes_go_down_the_table_by_their_counts():
    ranked = ranking.rank([_r(i, str(100 - i)) for i in range(1, 7)], [])
    assert ranking.allocate(ranked, PRIZES) is None
    assert [(row.result.entry_id, row.prize) for row in ranked] == [
        (1, "first"), (2, "second"), (3, "second"), (4, "third"), (5, ""), (6, ""),
    ]  # fmt: skip
    assert ranked[0].amount == 3_000_000 and ranked[4].amount == 0


def test_fewer_entries_than_prizes_leave_the_rest_ungiven():
    ranked = ranking.rank([_r(1, "90"), _r(2, "80")], [])
    assert ranking.allocate(ranked, PRIZES) is None
    assert [row.prize for row in ranked] == ["first", "second"]


def test_a_tie_across_a_prize_boundary_is_refused_and_gives_nothing():
    results = [_r(1, "90"), _r(2, "85"), _r(3, "80"), _r(4, "70", day=1), _r(5, "70", day=1)]
    ranked = ranking.rank(results, ["earlier"])
    reason = ranking.allocate(ranked, PRIZES)
    assert reason and "ranh giới giải" in reason
    assert all(row.prize == "" for row in ranked)


def test_a_tie_inside_one_prize_is_fine():
    results = [_r(1, "90"), _r(2, "85", day=2), _r(3, "85", day=2), _r(4, "10")]
    ranked = ranking.rank(results, [])
    assert ranking.allocate(ranked, PRIZES) is None
    assert [row.prize for row in ranked] == ["first", "second", "second", "third"]


def test_top_refuses_a_cut_inside_a_tie():
    ranked = ranking.rank([_r(1, "90"), _r(2, "80"), _r(3, "80")], [])
    chosen, reason = ranking.top(ranked, 2)
    assert reason and "vị trí thứ 2" in reason
    chosen, reason = ranking.top(ranked, 1)
    assert reason is None and _order(chosen) == [1]


def test_words_and_pages_are_counted():
    assert lengths.word_count("Người tốt, việc tốt — ở phường Định Công.") == 8
    assert lengths.measure(kind="text", unit="words", text="một hai ba") == 3
    assert lengths.measure(kind="text", unit="pages", text="chữ " * 351) == 2
    pdf = (
        b"%PDF-1.4\n1 0 obj<</Type /Pages /Count 2>>\n2 0 obj<</Type /Page>>\n3 0 obj<</Type/Page>>"
    )
    assert lengths.measure(kind="pdf", unit="pages", content=pdf) == 2


def test_a_broken_word_file_is_a_vietnamese_refusal():
    with pytest.raises(lengths.LengthError, match="Tệp Word bị hỏng"):
        lengths.measure(kind="docx", unit="words", content=b"PK\x03\x04 broken")


def test_criteria_lines_are_parsed_and_bad_lines_named():
    assert parse_criteria("Nội dung | 50\n\nHình thức | 20,5") == [
        ("Nội dung", D("50")), ("Hình thức", D("20.5")),
    ]  # fmt: skip
    with pytest.raises(forms.ValidationError, match="Dòng 2"):
        parse_criteria("Nội dung | 50\nHình thức")
    with pytest.raises(forms.ValidationError, match="không phải là số"):
        parse_criteria("Nội dung | năm mươi")
    with pytest.raises(forms.ValidationError, match="lớn hơn 0"):
        parse_criteria("Nội dung | 0")


class _J:
    def __init__(self, name, unit):
        self.name, self.unit = name, unit


class _E:
    def __init__(self, code, unit):
        self.anon_code, self.unit = code, unit


def test_round_robin_spreads_the_load_and_skips_the_judges_own_unit():
    judges = [_J("a", 1), _J("b", 2), _J("c", 3)]
    entries = [_E(f"B-{i}", i % 3 + 1) for i in range(6)]
    pairs = round_robin(entries, judges, 2, lambda j, e: j.unit == e.unit)
    assert len(pairs) == 12
    assert all(j.unit != e.unit for e, j in pairs)
    for entry in entries:
        assert len({j.name for e, j in pairs if e is entry}) == 2
    load = {j.name: sum(1 for _, x in pairs if x is j) for j in judges}
    assert max(load.values()) - min(load.values()) <= 1


def test_round_robin_refuses_too_few_judges():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Cần ít nhất 3 giám khảo"):
        round_robin([_E("B-1", 9)], [_J("a", 1), _J("b", 2)], 3, lambda j, e: False)
    with pytest.raises(ValidationError, match="không cùng đơn vị với bài B-1"):
        round_robin([_E("B-1", 1)], [_J("a", 1), _J("b", 2)], 2, lambda j, e: j.unit == e.unit)
