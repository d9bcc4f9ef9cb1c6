"""Bulk screening, quotas, configuration and checklist helpers."""

import random

import pytest

from vinhdanh.rules.engine import (
    SETTINGS,
    Engine,
    evaluate,
    get_engine,
    history_from_rows,
    make_config,
    parse_case,
    screen,
)

RATINGS = ["hoàn thành xuất sắc nhiệm vụ", "hoàn thành tốt nhiệm vụ", "hoàn thành nhiệm vụ"]
TITLES = [
    "Lao động tiên tiến",
    "Chiến sĩ thi đua cơ sở",
    "Bằng khen cấp tỉnh",
    "Bằng khen Thủ tướng",
]


def random_people(count, seed=7):
    rng = random.Random(seed)
    people = []
    for _ in range(count):
        ratings = {str(y): rng.choices(RATINGS, [3, 6, 1])[0] for y in range(2015, 2026)}
        awards = [
            {"year": y, "title": rng.choice(TITLES)}
            for y in range(2015, 2026)
            if rng.random() < 0.5
        ]
        initiatives = [
            {"year": y, "scope": "cơ sở"} for y in range(2015, 2026) if rng.random() < 0.2
        ]
        people.append({"ratings": ratings, "awards": awards, "initiatives": initiatives})
    return people


@pytest.mark.parametrize("year", [2021, 2024, 2025])
def test_screen_agrees_with_evaluate(year):
    people = random_people(150)
    histories = [parse_case({"year": year, "title": "LĐTT", **person}).history for person in people]
    results = list(screen(histories, year))
    assert len(results) == len(people)
    for person, result in zip(people, results, strict=True):
        assert "lao_dong_tien_tien" in result and "tap_the_lao_dong_xuat_sac" not in result
        for title_id, verdict in result.items():
            full = evaluate(parse_case({"year": year, "title": title_id, **person}))
            assert full.verdict == verdict, (title_id, person)


def test_screen_selected_titles_and_rows_loader():
    history = history_from_rows(
        "person",
        ratings=[(2023, "HTXSNV"), (2024, "HTXSNV")],
        awards=[(2023, "CSTĐCS"), (2024, "CSTĐCS")],
    )
    (result,) = screen([history], 2024, titles=["Bằng khen cấp tỉnh", "LĐTT"])
    assert result == {"bang_khen_tinh": "eligible", "lao_dong_tien_tien": "eligible"}


def test_verdict_shortcut_matches_evaluate():
    engine = get_engine()
    data = {"year": 2024, "title": "CSTĐCS", "ratings": {"2024": "HTT"}}
    parsed = parse_case(data)
    assert engine.verdict(parsed.history, 2024, parsed.title) == evaluate(parsed).verdict


@pytest.mark.parametrize(
    ("title", "year", "base", "nominated", "overrides", "passed"),
    [
        ("CSTĐCS", 2021, 20, 3, None, True),  # ND 91 Đ9 k3: exactly 15%
        ("CSTĐCS", 2021, 20, 4, None, False),
        ("CSTĐCS", 2024, 20, 20, None, True),  # no national cap from 2024 (§13.1)
        ("CSTĐCS", 2024, 20, 4, {"cstdcs_quota": 0.15}, False),
        ("Chiến sĩ thi đua cấp tỉnh", 2024, 10, 1, {"cstd_tinh_quota": 0.1}, True),
        ("Chiến sĩ thi đua cấp tỉnh", 2024, 10, 2, {"cstd_tinh_quota": 0.1}, False),
    ],
)
def test_quota_is_a_function_of_counts(title, year, base, nominated, overrides, passed):
    engine = Engine(make_config(overrides))
    result = engine.quota_check(title, year, base, nominated)
    assert result.passed is passed
    assert result.message and result.basis


def test_quota_absent_for_titles_without_one():
    assert get_engine().quota_check("Bằng khen Thủ tướng", 2024, 10, 5) is None


def test_overriding_an_unconfirmed_value_confirms_it():
    default = make_config()
    assert default.unconfirmed("vote_thresholds")
    province = make_config(
        {"vote_thresholds": {"chien_si_thi_dua_co_so": 0.75}}, province="Bắc Ninh"
    )
    assert not province.unconfirmed("vote_thresholds")
    assert province.vote_threshold("chien_si_thi_dua_co_so") == pytest.approx(0.75)
    assert province.vote_threshold("chien_si_thi_dua_tinh") == pytest.approx(0.9)
    data = {
        "year": 2025,
        "title": "CSTĐCS",
        "ratings": {"2025": "HTXSNV"},
        "vote": {"members": 20, "approve": 15},
    }
    assert evaluate(parse_case(data)).verdict == "needs_review"
    assert evaluate(parse_case(data), province).verdict == "eligible"


def test_unknown_setting_is_refused():
    with pytest.raises(KeyError):
        make_config({"no_such_setting": 1})


def test_settings_are_described_with_their_source():
    rows = make_config().describe()
    assert {row["name"] for row in rows} == set(SETTINGS)
    assert all(row["description"] and row["source"] for row in rows)


def test_requirements_for_an_appraisal_checklist():
    info = get_engine().requirements("Chiến sĩ thi đua cơ sở", "person", 2025)
    assert info["law"] == "luat_2022_nd152"
    assert "xuat_sac_hoac_sang_kien" in [c["rule"] for c in info["checks"]]
    assert {"commune", "unit"} <= {row["level"] for row in info["conferred_by"]}
    assert "district" not in {row["level"] for row in info["conferred_by"]}
    assert info["dossier"][0]["name"].startswith("Tờ trình")
