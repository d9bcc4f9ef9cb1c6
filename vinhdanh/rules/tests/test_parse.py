"""Parsing case JSON is a pure function raising CaseError with a Vietnamese message."""

import json

import pytest

from vinhdanh.rules.engine import CaseError, history_from_rows, parse_case

from .helpers import case


def test_names_and_ratings_ignore_case_and_diacritics():
    parsed = parse_case(
        {
            "year": 2024,
            "title": "CHIEN SI THI DUA CO SO",
            "ratings": {"2023": "Hoan Thanh Xuat Sac Nhiem Vu", "2024": "hoàn thành tốt nhiệm vụ"},
            "awards": [{"year": 2023, "title": "lao dong tien tien"}],
            "initiatives": [{"year": 2024, "scope": "Cơ Sở"}],
        }
    )
    assert parsed.title == "chien_si_thi_dua_co_so"
    assert parsed.history.ratings == {2023: 3, 2024: 2}
    assert parsed.history.held == {"lao_dong_tien_tien": {2023}}
    assert parsed.history.kind == "person"


def test_absent_lists_mean_none_and_subject_defaults_to_the_title():
    parsed = parse_case({"year": 2024, "title": "Tập thể lao động tiên tiến"})
    assert parsed.history.kind == "collective"
    assert parsed.history.awards == () and parsed.history.discipline == ()
    assert parsed.context.members is None


def test_json_text_is_accepted():
    assert parse_case(json.dumps(case(2024, "LĐTT"))).title == "lao_dong_tien_tien"


MALFORMED = [
    ("not-json", "{năm: 2024", "JSON"),
    ("not-an-object", "[1, 2]", "đối tượng JSON"),
    ("missing-year", {"title": "Lao động tiên tiến"}, "Thiếu năm"),
    ("year-not-a-number", {"year": "hai nghìn", "title": "Lao động tiên tiến"}, "năm không hợp lệ"),
    ("year-out-of-range", {"year": 1800, "title": "Lao động tiên tiến"}, "ngoài khoảng"),
    ("missing-title", {"year": 2024}, "Thiếu danh hiệu"),
    ("unknown-title", {"year": 2024, "title": "Chiến sĩ vũ trụ"}, "không có danh hiệu"),
    ("bad-rating", case(2024, "Lao động tiên tiến", ratings={"2024": "rất giỏi"}), "xếp loại"),
    ("bad-rating-year", case(2024, "Lao động tiên tiến", ratings={"năm ngoái": "tốt"}), "năm"),
    (
        "unknown-award",
        case(2024, "Lao động tiên tiến", awards=[{"year": 2023, "title": "Huy hiệu X"}]),
        "Khen thưởng đã có",
    ),
    (
        "bad-scope",
        case(2024, "CSTĐCS", initiatives=[{"year": 2024, "scope": "liên hành tinh"}]),
        "phạm vi",
    ),
    (
        "bad-discipline",
        case(2024, "LĐTT", discipline=[{"year": 2024, "form": "phạt tiền"}]),
        "kỷ luật",
    ),
    ("bad-subject", case(2024, "LĐTT", "robot"), "Loại đối tượng"),
    (
        "members-above-total",
        case(2024, "TTLĐTT", "collective", members={"total": 10, "lao_dong_tien_tien": 11}),
        "lớn hơn",
    ),
    ("negative-members", case(2024, "TTLĐTT", "collective", members={"total": -1}), "không âm"),
    ("awards-not-a-list", case(2024, "LĐTT", awards={"year": 2023}), "danh sách"),
    ("bad-authority", case(2024, "LĐTT", authority="liên hợp quốc"), "Cấp khen thưởng"),
    ("bad-law", case(2024, "LĐTT", law="luat_2099"), "Văn bản áp dụng"),
    ("vote-above-members", case(2024, "CSTĐCS", vote={"members": 5, "approve": 6}), "vote"),
]


@pytest.mark.parametrize(("data", "needle"), [pytest.param(d, n, id=i) for i, d, n in MALFORMED])
def test_malformed_cases_raise_one_error_class(data, needle):
    with pytest.raises(CaseError) as error:
        parse_case(data)
    assert needle.lower() in str(error.value).lower()


def test_rows_loader_resolves_names_once_and_checks_them():
    history = history_from_rows(
        "person",
        ratings=[(2023, "HTXSNV"), (2024, 2)],
        awards=[(2023, "CSTĐCS"), (2024, "chien_si_thi_dua_co_so", "đột xuất")],
        initiatives=[(2024, "tỉnh")],
        discipline=[(2022, "cảnh cáo")],
    )
    assert history.ratings == {2023: 3, 2024: 2}
    assert history.held == {"chien_si_thi_dua_co_so": {2023, 2024}}
    assert history.held_merit == {"chien_si_thi_dua_co_so": {2023}}
    assert history.initiative_years[1] == {2024: 1} and history.initiative_years[2] == {2024: 1}
    assert history.penalty_years == {2022}
    with pytest.raises(CaseError):
        history_from_rows("person", ratings=[(2024, "siêu sao")])
    with pytest.raises(CaseError):
        history_from_rows("person", awards=[(2024, "Danh hiệu lạ")])
