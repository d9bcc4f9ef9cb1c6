"""The organisation's dates and a reorganisation's check, without a database."""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from vinhdanh.org.dating import (
    ReorganisationPlan,
    UnitFacts,
    active_on,
    inactive_reason,
    reorganisation_problems,
    require_active,
)

REFORM = datetime.date(2025, 7, 1)
EVE = datetime.date(2025, 6, 30)


@dataclass
class FakeUnit:
    name: str = "Quận Hoàng Mai"
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None

    def __str__(self) -> str:
        return self.name


unit = FakeUnit


def test_a_unit_dissolved_on_1_july_acted_on_30_june_and_not_after():
    district = unit(valid_to=REFORM)
    assert active_on(district, EVE)
    assert not active_on(district, REFORM)
    assert not active_on(district, datetime.date(2025, 8, 1))


def test_a_new_ward_exists_from_its_first_day():
    ward = unit("Phường Hoàng Mai", valid_from=REFORM)
    assert not active_on(ward, EVE)
    assert active_on(ward, REFORM)
    assert active_on(unit(), datetime.date(1990, 1, 1)), "no dates: always existed"


def test_a_council_acts_only_while_its_unit_exists():
    council = SimpleNamespace(valid_from=None, valid_to=None, unit=unit(valid_to=REFORM))
    assert active_on(council, EVE)
    assert not active_on(council, REFORM)
    assert inactive_reason(council, datetime.date(2025, 8, 1)) == (
        "“Quận Hoàng Mai” đã chấm dứt hoạt động từ ngày 01/07/2025, không thể thực hiện "
        "cho ngày 01/08/2025."
    )
    assert inactive_reason(council, EVE) is None


def test_the_guard_refuses_in_vietnamese():
    with pytest.raises(ValidationError) as refused:
        require_active(unit(valid_to=REFORM), datetime.date(2025, 8, 1))
    assert "đã chấm dứt hoạt động từ ngày 01/07/2025" in refused.value.messages[0]
    require_active(unit(valid_to=REFORM), EVE)  # no refusal


def plan(**changes) -> ReorganisationPlan:
    """Ward 1 merged whole and half of ward 2 into a new ward; the other half to ward 3."""
    values = dict(
        effective_on=REFORM,
        units={
            1: UnitFacts("Phường Một"),
            2: UnitFacts("Phường Hai"),
            3: UnitFacts("Phường Ba"),
        },
        successors={"moi": ("Phường Mới", None), "ba": ("Phường Ba", 3)},
        sources=[("moi", 1, "whole"), ("moi", 2, "part"), ("ba", 2, "part")],
        people_of={2: {21: "An", 22: "Bình"}},
        moves=[(21, "An", "moi"), (22, "Bình", "ba")],
    )
    values.update(changes)
    return ReorganisationPlan(**values)


def test_a_split_that_adds_up_has_no_problem():
    assert reorganisation_problems(plan()) == []


def test_someone_of_a_split_unit_left_behind_is_named():
    problems = reorganisation_problems(plan(moves=[(21, "An", "moi")]))
    assert problems == ["1 cá nhân của “Phường Hai” chưa được phân về đơn vị mới: Bình."]


def test_someone_reassigned_twice_is_refused():
    moves = [(21, "An", "moi"), (21, "An", "ba"), (22, "Bình", "ba")]
    assert reorganisation_problems(plan(moves=moves)) == [
        "“An” được phân về hai lần (Phường Mới và Phường Ba)."
    ]


def test_a_person_sent_to_a_unit_that_is_not_a_successor_of_theirs_is_refused():
    sources = [("moi", 1, "whole"), ("moi", 2, "part"), ("ba", 1, "part")]
    problems = reorganisation_problems(plan(sources=sources))
    assert any("không phải đơn vị kế thừa của “Phường Hai”" in p for p in problems)


def test_a_person_of_no_split_unit_is_refused():
    moves = [(21, "An", "moi"), (22, "Bình", "ba"), (99, "Chi", "moi")]
    assert reorganisation_problems(plan(moves=moves)) == [
        "“Chi” không thuộc đơn vị nào bị chia tách hay giải thể trong đợt này."
    ]


def test_acting_on_a_unit_after_its_end_date_is_refused():
    units = {1: UnitFacts("Phường Một", valid_to=datetime.date(2024, 1, 1)),
             2: UnitFacts("Phường Hai"), 3: UnitFacts("Phường Ba")}  # fmt: skip
    problems = reorganisation_problems(plan(units=units))
    assert problems == [
        "“Phường Một” đã chấm dứt hoạt động từ ngày 01/01/2024, không thể sắp xếp lại "
        "từ ngày 01/07/2025."
    ]


def test_dates_out_of_order_are_refused():
    units = {1: UnitFacts("Phường Một", valid_from=datetime.date(2025, 8, 1)),
             2: UnitFacts("Phường Hai"), 3: UnitFacts("Phường Ba")}  # fmt: skip
    problems = reorganisation_problems(plan(units=units))
    assert problems == [
        "Ngày hiệu lực 01/07/2025 phải sau ngày “Phường Một” bắt đầu hoạt động (01/08/2025)."
    ]


def test_an_ended_successor_a_whole_unit_given_twice_and_orphaned_sub_units_are_refused():
    units = {1: UnitFacts("Phường Một"), 2: UnitFacts("Phường Hai", open_children=("Tổ 5",)),
             3: UnitFacts("Phường Ba", valid_to=REFORM)}  # fmt: skip
    sources = [("moi", 1, "whole"), ("ba", 1, "whole"), ("moi", 2, "part"), ("ba", 2, "part")]
    problems = reorganisation_problems(plan(units=units, sources=sources))
    assert "Đơn vị kế thừa “Phường Ba” đã chấm dứt hoạt động từ ngày 01/07/2025." in problems
    assert any("“Phường Một” được sáp nhập toàn bộ" in p for p in problems)
    assert "“Phường Hai” còn đơn vị trực thuộc “Tổ 5” đang hoạt động." in problems


def test_an_empty_reorganisation_and_a_taken_code_are_refused():
    empty = ReorganisationPlan(effective_on=REFORM, units={}, successors={}, sources=[])
    assert reorganisation_problems(empty) == [
        "Đợt sắp xếp chưa có đơn vị kế thừa hay đơn vị giải thể nào."
    ]
    problems = reorganisation_problems(plan(taken_codes={"moi"}))
    assert problems == ["Mã đơn vị “moi” của “Phường Mới” đã được dùng cho một đơn vị khác."]


def test_the_people_of_a_dissolved_unit_must_all_go_somewhere():
    dissolved = plan(
        units={**plan().units, 4: UnitFacts("Quận Hoàng Mai")},
        dissolved={4},
        people_of={2: {21: "An", 22: "Bình"}, 4: {41: "Dũng"}},
    )
    assert reorganisation_problems(dissolved) == [
        "1 cá nhân của “Quận Hoàng Mai” chưa được phân về đơn vị mới: Dũng."
    ]
    dissolved.moves.append((41, "Dũng", "ba"))
    assert reorganisation_problems(dissolved) == []


def test_a_new_unit_under_a_unit_that_ends_is_refused():
    units = {**plan().units, 4: UnitFacts("Quận Hoàng Mai")}
    problems = reorganisation_problems(
        plan(
            units=units,
            dissolved={4},
            new_parents={"moi": 4},
            people_of={2: {21: "An", 22: "Bình"}},
        )
    )
    assert problems == [
        "Đơn vị cấp trên “Quận Hoàng Mai” của “Phường Mới” không còn hoạt động từ ngày 01/07/2025."
    ]
