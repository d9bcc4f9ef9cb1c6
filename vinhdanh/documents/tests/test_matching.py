import pytest

from vinhdanh.documents.matching import (
    PhraseKind,
    UnitCandidate,
    classify_phrase,
    match_unit,
    unit_key,
)

UNITS = [
    UnitCandidate(1, "Phòng Lao động - Thương binh và Xã hội", ("Phòng LĐTB&XH",)),
    UnitCandidate(2, "Phòng Văn hóa và Thông tin"),
    UnitCandidate(3, "Văn phòng HĐND và UBND quận"),
    UnitCandidate(4, "Phòng Nội vụ"),
    UnitCandidate(5, "Ủy ban Mặt trận Tổ quốc Việt Nam quận Hoàng Mai", ("Ủy ban MTTQ Quận",)),
    UnitCandidate(6, "Phòng Giáo dục và Đào tạo"),
    UnitCandidate(7, "Phòng Kinh tế"),
    UnitCandidate(8, "Phòng Y tế"),
    UnitCandidate(9, "Phòng Tư pháp"),
]


@pytest.mark.parametrize(
    ("text", "unit_id"),
    [
        ("phong lao dong tb va xh", 1),
        ("Phòng Lao động TB và XH", 1),
        ("Phòng LĐTB&XH", 1),
        ("PHÒNG VĂN HÓA - THÔNG TIN", 2),
        ("Phòng VH&TT", 2),
        ("Văn phòng HĐND và UBND Quận", 3),
        ("phòng Nội vụ Quận", 4),
        ("Ủy ban MTTQ Quận", 5),
        ("Phòng GD&ĐT", 6),
        ("phòng Kinh tế", 7),
    ],
)
def test_names_as_written_find_their_unit(text, unit_id):
    match = match_unit(text, UNITS)
    assert match.kind == PhraseKind.UNIT
    assert match.unit.id == unit_id


@pytest.mark.parametrize(
    "text",
    [
        "Các đơn vị thuộc Quận",
        "Các đơn vị liên quan",
        "Các Cụm thi đua thuộc Quận",
        "Các phòng, ban, đơn vị",
        "UBND các phường",
    ],
)
def test_group_phrases(text):
    assert classify_phrase(text) == PhraseKind.GROUP
    assert match_unit(text, UNITS).kind == PhraseKind.GROUP


@pytest.mark.parametrize(
    "text",
    [
        "Hội đồng TĐKT Quận",
        "UBND/Hội đồng TĐKT Quận",
        "UBND Quận",
        "Hội đồng Thi đua - Khen thưởng quận Hoàng Mai",
    ],
)
def test_directing_bodies(text):
    assert classify_phrase(text) == PhraseKind.DIRECTING_BODY
    assert match_unit(text, UNITS).unit is None


def test_unknown_name_gets_ranked_suggestions():
    match = match_unit("Phòng Tư Pháp Quận Hoàng Mai", UNITS)
    assert match.kind == PhraseKind.UNKNOWN
    assert match.unit is None
    assert match.suggestions[0].unit.id == 9
    scores = [suggestion.score for suggestion in match.suggestions]
    assert scores == sorted(scores, reverse=True)


def test_unknown_name_without_candidates():
    assert match_unit("Phòng Tư pháp", []).kind == PhraseKind.UNKNOWN
    assert classify_phrase("Phòng Tư pháp") == PhraseKind.UNIT
    assert classify_phrase("xyz") == PhraseKind.UNKNOWN


def test_unit_key_spells_out_abbreviations():
    assert unit_key("Hội đồng TĐKT") == "hoi dong thi dua khen thuong"
    assert unit_key("Phòng LĐTB&XH") == unit_key("Phòng Lao động - Thương binh và Xã hội")
