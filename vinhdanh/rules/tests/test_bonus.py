"""Bonus amounts, written from /work/shared/domain/law.md (§0, §3.1, §3.2, §4.1).

Titles: ND 98 Đ54 → ND 152 Đ50, same amounts. Orders: ND 98 Đ55 → ND 152 Đ51. Base
salary (lương cơ sở): 1.490.000 đ from 01/07/2019, 1.800.000 đ from 01/07/2023,
2.340.000 đ from 01/07/2024. Commune Chairman's Giấy khen: 0,3 × LCS, households 1,5 ×.
No database: the engine is pure.
"""

import datetime
from fractions import Fraction

import pytest

from vinhdanh.rules.engine import make_config
from vinhdanh.rules.engine.bonus import base_salary_on, bonus_for, round_amount, validate_setting

D = datetime.date
ND152_DAY = D(2025, 8, 1)  # after ND 152 came into force, LCS 2.340.000 đ
LCS_2024 = 2_340_000


# law.md §3.1, §3.2 (bonus column) and §4.1 (orders): coefficient × LCS.
TITLES = [
    ("lao_dong_tien_tien", "person", "0.3"),
    ("chien_si_thi_dua_co_so", "person", "1.0"),
    ("chien_si_thi_dua_tinh", "person", "3.0"),
    ("chien_si_thi_dua_toan_quoc", "person", "4.5"),
    ("tap_the_lao_dong_tien_tien", "collective", "0.8"),
    ("tap_the_lao_dong_xuat_sac", "collective", "1.5"),
    ("co_thi_dua_tinh", "collective", "8.0"),
    ("co_thi_dua_chinh_phu", "collective", "12.0"),
    ("thon_to_dan_pho_van_hoa", "collective", "1.5"),
    ("xa_tieu_bieu", "collective", "2.0"),
]
ORDERS = [
    ("huan_chuong_sao_vang", "46.0"),
    ("huan_chuong_ho_chi_minh", "30.5"),
    ("huan_chuong_doc_lap_hang_1", "15.0"),
    ("huan_chuong_doc_lap_hang_2", "12.5"),
    ("huan_chuong_doc_lap_hang_3", "10.5"),
    ("huan_chuong_quan_cong_hang_1", "15.0"),
    ("huan_chuong_lao_dong_hang_1", "9.0"),
    ("huan_chuong_lao_dong_hang_2", "7.5"),
    ("huan_chuong_lao_dong_hang_3", "4.5"),
    ("huan_chuong_chien_cong_hang_3", "4.5"),
    ("huan_chuong_bao_ve_to_quoc_hang_2", "7.5"),
    ("huan_chuong_dung_cam", "4.5"),
    ("huan_chuong_dai_doan_ket_dan_toc", "7.5"),
]


@pytest.mark.parametrize(("title", "subject", "coefficient"), TITLES)
def test_each_titles_coefficient_under_nd152_article_50(title, subject, coefficient):
    bonus = bonus_for(title, subject, ND152_DAY)
    assert bonus.coefficient == Fraction(coefficient)
    assert bonus.amount == Fraction(coefficient) * LCS_2024
    assert bonus.article == "Điều 50 Nghị định 152/2025/NĐ-CP"
    assert (bonus.base_salary, bonus.base_salary_from) == (LCS_2024, D(2024, 7, 1))
    assert not bonus.unconfirmed


@pytest.mark.parametrize(("title", "subject", "coefficient"), TITLES)
def test_nd98_article_54_has_the_same_amounts(title, subject, coefficient):
    bonus = bonus_for(title, subject, D(2025, 6, 30))  # last day of ND 98
    assert bonus.article == "Điều 54 Nghị định 98/2023/NĐ-CP"
    assert bonus.amount == bonus_for(title, subject, D(2025, 7, 1)).amount


@pytest.mark.parametrize(("title", "coefficient"), ORDERS)
def test_orders_under_nd98_article_55_and_nd152_article_51(title, coefficient):
    before, after = bonus_for(title, "person", D(2024, 8, 1)), bonus_for(title, "person", ND152_DAY)
    assert before.article == "Điều 55 Nghị định 98/2023/NĐ-CP"
    assert after.article == "Điều 51 Nghị định 152/2025/NĐ-CP"
    assert before.amount == after.amount == Fraction(coefficient) * LCS_2024


@pytest.mark.parametrize(
    ("day", "salary", "since"),
    [
        (D(2019, 7, 1), 1_490_000, D(2019, 7, 1)),
        (D(2023, 6, 30), 1_490_000, D(2019, 7, 1)),
        (D(2023, 7, 1), 1_800_000, D(2023, 7, 1)),
        (D(2024, 6, 30), 1_800_000, D(2023, 7, 1)),
        (D(2024, 7, 1), 2_340_000, D(2024, 7, 1)),
        (D(2026, 1, 15), 2_340_000, D(2024, 7, 1)),
    ],
)
def test_the_base_salary_in_force_on_the_decision_date(day, salary, since):
    assert base_salary_on(day) == (salary, since)
    bonus = bonus_for("chien_si_thi_dua_co_so", "person", day)  # 1,0 × LCS
    assert (bonus.amount, bonus.base_salary_from) == (salary, since)


def test_before_the_first_base_salary_there_is_no_amount():
    assert base_salary_on(D(2019, 6, 30)) is None
    bonus = bonus_for("lao_dong_tien_tien", "person", D(2019, 6, 30))
    assert bonus.amount is None and "lương cơ sở" in bonus.note


def test_ldtt_in_the_three_base_salary_periods():
    # 0,3 × 1.490.000 = 447.000; 0,3 × 1.800.000 = 540.000; 0,3 × 2.340.000 = 702.000.
    assert bonus_for("lao_dong_tien_tien", "person", D(2021, 12, 31)).amount == 447_000
    assert bonus_for("lao_dong_tien_tien", "person", D(2023, 12, 31)).amount == 540_000
    assert bonus_for("lao_dong_tien_tien", "person", D(2024, 12, 31)).amount == 702_000


def test_old_law_amounts_are_flagged_unconfirmed_with_a_visible_note():
    bonus = bonus_for("chien_si_thi_dua_co_so", "person", D(2023, 12, 31))
    assert bonus.instrument == "Nghị định 91/2017/NĐ-CP"
    assert bonus.unconfirmed and "chưa xác nhận" in bonus.basis_text


def test_instrument_changes_on_01_01_2024_and_01_07_2025():
    assert bonus_for("giay_khen", "person", D(2023, 12, 31)).instrument.startswith("Nghị định 91")
    assert bonus_for("giay_khen", "person", D(2024, 1, 1)).instrument.startswith("Nghị định 98")
    assert bonus_for("giay_khen", "person", D(2025, 6, 30)).instrument.startswith("Nghị định 98")
    assert bonus_for("giay_khen", "person", D(2025, 7, 1)).instrument.startswith("Nghị định 152")


def test_households_receive_one_and_a_half_times_the_giay_khen():
    person = bonus_for("giay_khen", "person", ND152_DAY)
    household = bonus_for("giay_khen", "household", ND152_DAY)
    assert person.amount == 702_000  # 0,3 × 2.340.000
    assert household.amount == 1_053_000  # × 1,5
    assert household.multiplier == Fraction(3, 2) and not household.unconfirmed
    assert "× 1,5" in household.basis_text


def test_a_collectives_form_multiplier_is_an_unconfirmed_setting():
    collective = bonus_for("giay_khen", "collective", ND152_DAY)
    assert collective.amount == 1_404_000 and collective.unconfirmed
    confirmed = bonus_for(
        "giay_khen", "collective", ND152_DAY, make_config({"bonus_collective_multiplier": 2})
    )
    assert confirmed.amount == 1_404_000 and not confirmed.unconfirmed


def test_bang_khen_thu_tuong_is_unconfirmed_until_the_province_sets_it():
    default = bonus_for("bang_khen_thu_tuong", "person", ND152_DAY)
    assert default.amount == 8_190_000 and default.unconfirmed  # ≈ 3,5 × LCS (law.md §4.1)
    own = bonus_for(
        "bang_khen_thu_tuong",
        "person",
        ND152_DAY,
        make_config({"bonus_coefficients": {"bang_khen_thu_tuong": 1.0}}),
    )
    assert own.amount == LCS_2024 and not own.unconfirmed
    assert own.article.startswith("Mức của tỉnh")


def test_a_title_without_a_known_coefficient_gives_no_amount_but_a_note():
    bonus = bonus_for("gia_dinh_van_hoa", "household", ND152_DAY)
    assert bonus.amount is None and "Gia đình văn hóa" in bonus.note


def test_armed_forces_titles_take_their_civilian_twins_amount():
    assert bonus_for("chien_si_tien_tien", "person", ND152_DAY).amount == 702_000


@pytest.mark.parametrize(
    ("value", "step", "mode", "rounded"),
    [
        (Fraction(670_500), 1000, "up", 671_000),
        (Fraction(670_500), 1000, "down", 670_000),
        (Fraction(670_500), 1000, "nearest", 671_000),
        (Fraction(670_400), 1000, "nearest", 670_000),
        (Fraction(670_500), 10_000, "up", 680_000),
        (Fraction(702_000), 10_000, "nearest", 700_000),
        (Fraction(702_000), 1000, "up", 702_000),
    ],
)
def test_rounding_step_and_mode(value, step, mode, rounded):
    assert round_amount(value, step, mode) == rounded


def test_rounding_is_a_setting_applied_to_the_amount():
    # 1,5 × 0,3 × 1.490.000 = 670.500 đ: a household's Giấy khen under the 2019 salary.
    default = bonus_for("giay_khen", "household", D(2021, 6, 1))
    assert default.amount == 671_000 and "lên đến 1.000 đ" in default.rounding
    assert "cách làm tròn chưa xác nhận" in default.note
    tens = make_config({"bonus_rounding_step": 10_000, "bonus_rounding_mode": "down"})
    assert bonus_for("giay_khen", "household", D(2021, 6, 1), tens).amount == 670_000


def test_the_basis_names_coefficient_salary_date_and_article():
    shape = bonus_for("lao_dong_tien_tien", "person", D(2024, 12, 20)).as_dict()
    assert shape["amount"] == 702_000
    assert shape["basis"] == {
        "title": "lao_dong_tien_tien",
        "subject": "person",
        "decision_date": "2024-12-20",
        "coefficient": 0.3,
        "multiplier": 1.0,
        "base_salary": 2_340_000,
        "base_salary_from": "2024-07-01",
        "instrument": "Nghị định 98/2023/NĐ-CP",
        "article": "Điều 54 Nghị định 98/2023/NĐ-CP",
        "rounding": "làm tròn lên đến 1.000 đ",
        "text": "0,3 × 2.340.000 đ (lương cơ sở từ 01/07/2024); Điều 54 Nghị định 98/2023/NĐ-CP",
    }


def test_a_province_may_add_a_new_base_salary():
    config = make_config({"bonus_base_salary": {"2019-07-01": 1_490_000, "2026-07-01": 2_530_000}})
    assert base_salary_on(D(2026, 7, 1), config) == (2_530_000, D(2026, 7, 1))
    assert base_salary_on(D(2026, 6, 30), config) == (1_490_000, D(2019, 7, 1))


@pytest.mark.parametrize(
    ("name", "value", "needle"),
    [
        ("bonus_base_salary", {"01/07/2024": 2_340_000}, "Ngày không hợp lệ"),
        ("bonus_base_salary", {"2024-07-01": -1}, "số đồng nguyên dương"),
        ("bonus_coefficients", {"khong_co": 1.0}, "Không có danh hiệu mã"),
        ("bonus_household_multiplier", 0, "số dương"),
        ("bonus_rounding_step", 0.5, "nguyên dương"),
        ("bonus_rounding_mode", "len", "Cách làm tròn"),
    ],
)
def test_bad_bonus_settings_are_refused_in_vietnamese(name, value, needle):
    with pytest.raises(ValueError, match=needle):
        validate_setting(name, value)


def test_staff_type_bonus_settings_as_json():
    from vinhdanh.rules.setting_values import SettingValueError, parse_setting_value

    assert parse_setting_value("bonus_base_salary", '{"2026-07-01": 2530000}') == {
        "2026-07-01": 2_530_000
    }
    assert parse_setting_value("bonus_household_multiplier", "1.5") == 1.5
    assert parse_setting_value("bonus_rounding_mode", '"nearest"') == "nearest"
    with pytest.raises(SettingValueError, match="Cách làm tròn"):
        parse_setting_value("bonus_rounding_mode", '"lên"')


def test_the_bonus_settings_are_listed_with_their_provenance():
    described = {row["name"]: row for row in make_config().describe()}
    assert described["bonus_base_salary"]["value"]["2024-07-01"] == 2_340_000
    assert described["bonus_rounding_step"]["unconfirmed"] is True
    assert described["bonus_household_multiplier"]["unconfirmed"] is False
