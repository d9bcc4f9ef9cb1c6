import pytest

from vinhdanh.documents.matching import UnitCandidate
from vinhdanh.plans.resolution import (
    KEEP_AS_TEXT,
    apply_choices,
    names_in,
    resolve_names,
    unmatched,
)

UNITS = [
    UnitCandidate(1, "Phòng Y tế"),
    UnitCandidate(2, "Phòng Kinh tế"),
    UnitCandidate(3, "Phòng Lao động - Thương binh và Xã hội", ("Phòng LĐTB&XH",)),
    UnitCandidate(4, "Ủy ban Mặt trận Tổ quốc Việt Nam quận Hoàng Mai", ("Ủy ban MTTQ Quận",)),
]
PARSED = {
    "tasks": [
        {"lead_units": ["Phòng Y tế"], "coordinating_units": ["phòng Kinh tế", "Phòng Nội vụ"]},
        {"lead_units": ["Phòng Lao động TB và XH"], "coordinating_units": ["Ủy ban MTTQ Quận"]},
        {"lead_units": ["Các đơn vị thuộc Quận"], "coordinating_units": ["Phòng Y tế"]},
    ]
}


def test_names_are_listed_once_in_order():
    assert names_in(PARSED) == [
        "Phòng Y tế",
        "phòng Kinh tế",
        "Phòng Nội vụ",
        "Phòng Lao động TB và XH",
        "Ủy ban MTTQ Quận",
        "Các đơn vị thuộc Quận",
    ]


def test_names_match_units_groups_or_wait_for_a_choice():
    resolved = resolve_names(names_in(PARSED), UNITS)
    assert resolved["phòng Kinh tế"]["unit_id"] == 2
    assert resolved["Phòng Lao động TB và XH"]["unit_id"] == 3
    assert resolved["Ủy ban MTTQ Quận"]["unit_id"] == 4
    assert resolved["Các đơn vị thuộc Quận"]["kind"] == "group"
    assert unmatched(resolved) == ["Phòng Nội vụ"]
    assert resolved["Phòng Nội vụ"]["suggestions"]  # the closest units, to choose from


def test_every_unmatched_name_needs_an_explicit_choice():
    resolved = resolve_names(names_in(PARSED), UNITS)
    with pytest.raises(KeyError) as error:
        apply_choices(resolved, {})
    assert error.value.args[0] == ["Phòng Nội vụ"]
    assert apply_choices(resolved, {"Phòng Nội vụ": KEEP_AS_TEXT})["Phòng Nội vụ"] is None
    chosen = apply_choices(resolved, {"Phòng Nội vụ": "2"})
    assert chosen["Phòng Nội vụ"] == 2
    assert chosen["Các đơn vị thuộc Quận"] is None
    assert chosen["Phòng Y tế"] == 1
