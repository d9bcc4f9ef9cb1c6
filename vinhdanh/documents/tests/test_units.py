import pytest

from vinhdanh.documents.units import merge_names, split_lead_phrase, split_unit_list


@pytest.mark.parametrize(
    ("text", "lead", "coordinating"),
    [
        ("Phòng Y tế chủ trì phối hợp phòng Kinh tế", ["Phòng Y tế"], ["phòng Kinh tế"]),
        (
            "Phòng Kinh tế chủ trì phối hợp các đơn vị liên quan",
            ["Phòng Kinh tế"],
            ["các đơn vị liên quan"],
        ),
        (
            "Phòng Lao động TB và XH chủ trì phối hợp với Ủy ban MTTQ Quận",
            ["Phòng Lao động TB và XH"],
            ["Ủy ban MTTQ Quận"],
        ),
        ("Phòng Văn hóa và Thông tin", ["Phòng Văn hóa và Thông tin"], []),
        ("Văn phòng HĐND và UBND Quận", ["Văn phòng HĐND và UBND Quận"], []),
        (
            "Phòng Nội vụ (chủ trì); Phòng Tài chính - Kế hoạch",
            ["Phòng Nội vụ"],
            ["Phòng Tài chính - Kế hoạch"],
        ),
        ("", [], []),
    ],
)
def test_lead_phrases(text, lead, coordinating):
    assert split_lead_phrase(text) == (lead, coordinating)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Phòng Văn hóa và Thông tin; Các đơn vị liên quan",
            ["Phòng Văn hóa và Thông tin", "Các đơn vị liên quan"],
        ),
        (
            "Văn phòng HĐND và UBND Quận; Các đơn vị liên quan",
            ["Văn phòng HĐND và UBND Quận", "Các đơn vị liên quan"],
        ),
        (
            "Phòng Lao động, Thương binh và Xã hội, Phòng Nội vụ",
            ["Phòng Lao động, Thương binh và Xã hội", "Phòng Nội vụ"],
        ),
        ("Hội đồng Thi đua, khen thưởng Quận", ["Hội đồng Thi đua, khen thưởng Quận"]),
        ("Phòng Nội vụ\n- Phòng Tư pháp", ["Phòng Nội vụ", "Phòng Tư pháp"]),
        ("Phòng Tư pháp và các đơn vị liên quan", ["Phòng Tư pháp", "các đơn vị liên quan"]),
        ("Phòng Tài nguyên và Môi trường", ["Phòng Tài nguyên và Môi trường"]),
        ("Các phòng, ban, đơn vị", ["Các phòng, ban, đơn vị"]),
    ],
)
def test_unit_lists(text, names):
    assert split_unit_list(text) == names


def test_merge_names_ignores_case_and_accents():
    merged = merge_names(["các đơn vị liên quan"], ["Các đơn vị liên quan", "Phòng Nội vụ"])
    assert merged == ["các đơn vị liên quan", "Phòng Nội vụ"]
