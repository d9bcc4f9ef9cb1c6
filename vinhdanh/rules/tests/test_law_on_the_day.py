"""The law on the day, written from /work/shared/domain/law.md (sections cited per table).

Pure tests: no database. Each table states the rule of law.md it encodes; the dates on
both sides of 01/01/2024 (Law 2022, ND 98/2023) and 01/07/2025 (ND 152/2025, ND
129/2025) are the boundaries of §0 and §6.2.
"""

from datetime import date

import pytest

from vinhdanh.rules.engine import (
    CaseError,
    Context,
    Engine,
    Members,
    Vote,
    build_history,
    default_catalogue,
    evaluate,
    make_config,
    parse_case,
)
from vinhdanh.rules.engine.instruments import Register
from vinhdanh.rules.engine.rules import RULES

from .helpers import HTT, HTXS, case, held, members, rated

ELIGIBLE, INELIGIBLE, REVIEW = "eligible", "ineligible", "needs_review"
CATALOGUE = default_catalogue()
L22 = "Luật Thi đua, khen thưởng 2022"
L13 = "Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung năm 2013)"
ND91, ND98, ND152 = "Nghị định 91/2017/NĐ-CP", "Nghị định 98/2023/NĐ-CP", "Nghị định 152/2025/NĐ-CP"
ND129 = "Nghị định 129/2025/NĐ-CP"


def judge(data: dict, **overrides):
    return evaluate(parse_case(data), make_config(overrides) if overrides else None)


def check(verdict, rule: str):
    found = [item for item in verdict.checks if item.rule == rule]
    assert found, f"no check {rule} in {[c.rule for c in verdict.checks]}"
    return found[0]


def answer(verdict, question: str):
    return next(item for item in verdict.instruments if item.question == question)


# -- 1. The law register: the instrument in force on the decision date (law.md §0) -------

DECISION_DATES = [
    # (decision date, regime) — Law 2022 and ND 98 from 01/01/2024; ND 152 from 01/07/2025.
    ("2023-12-31", "luat_2013"),
    ("2024-01-01", "luat_2022_nd98"),
    ("2025-03-15", "luat_2022_nd98"),
    ("2025-06-30", "luat_2022_nd98"),
    ("2025-07-01", "luat_2022_nd152"),
]


@pytest.mark.parametrize(("day", "law"), DECISION_DATES)
def test_regime_follows_the_decision_date(day, law):
    year = int(day[:4])
    verdict = judge(case(year, "Lao động tiên tiến", ratings=rated(year, year), decision_date=day))
    assert verdict.law == law
    assert f"{date.fromisoformat(day):%d/%m/%Y}" in verdict.law_reason


def test_a_march_2025_decision_is_not_judged_under_nd152():
    # ND 152/2025 is in force from 01/07/2025 (law.md §0): a decision of 15/03/2025 on a
    # 2025 achievement (e.g. ad hoc) falls under ND 98/2023.
    verdict = judge(
        case(
            2025,
            "Lao động tiên tiến",
            ratings=rated(2025, 2025),
            discipline=[{"year": 2025, "form": "khiển trách"}],
            decision_date="2025-03-15",
        )
    )
    assert verdict.law == "luat_2022_nd98"
    basis = check(verdict, "khong_bi_ky_luat").basis
    assert "152" not in basis
    assert all(ND152 not in name for name in answer(verdict, "criteria").instruments)
    # ND 152 Đ4 k4 is not in force: the bar is the unconfirmed older rule (law.md §1.3).
    assert check(verdict, "khong_bi_ky_luat").unconfirmed is True
    assert verdict.verdict == REVIEW


def test_without_a_decision_date_the_year_end_decides_and_says_so():
    verdict = judge(case(2025, "Lao động tiên tiến", ratings=rated(2025, 2025)))
    assert verdict.law == "luat_2022_nd152"
    assert "31/12/2025" in verdict.law_reason
    assert "chưa có ngày quyết định" in verdict.law_reason


QUESTION_INSTRUMENTS = [
    # (decision date, question, instrument that must be listed, instrument that must not)
    ("2025-06-30", "procedure", ND98, ND152),
    ("2025-07-01", "procedure", ND152, ND98),
    ("2025-08-10", "procedure", "Thông tư 15/2025/TT-BNV", "Thông tư 01/2024/TT-BNV"),
    ("2025-03-15", "procedure", "Thông tư 01/2024/TT-BNV", "Thông tư 15/2025/TT-BNV"),
    ("2025-07-01", "authority", ND129, ND98),
    ("2025-06-30", "authority", L22, ND129),
    ("2023-12-31", "criteria", L13, L22),
    ("2024-01-01", "criteria", L22, L13),
    ("2023-12-31", "procedure", ND91, ND98),
]


@pytest.mark.parametrize(("day", "question", "present", "absent"), QUESTION_INSTRUMENTS)
def test_each_question_lists_the_instruments_in_force(day, question, present, absent):
    year = int(day[:4])
    verdict = judge(case(year, "Lao động tiên tiến", ratings=rated(year, year), decision_date=day))
    names = answer(verdict, question).instruments
    assert any(present in name for name in names), names
    assert not any(absent in name for name in names), names
    assert answer(verdict, question).on == date.fromisoformat(day)


def test_register_has_dates_and_repeals():
    register = Register(CATALOGUE)
    assert register["nd_98_2023"].valid_to == date(2025, 6, 30)
    assert register["nd_98_2023"].repealed_by == "nd_152_2025"
    assert register["nd_152_2025"].valid_from == date(2025, 7, 1)
    assert register["luat_2022"].valid_from == date(2024, 1, 1)
    assert register["luat_2003"].valid_to == date(2023, 12, 31)
    assert register["nd_86_2023"].valid_from == date(2024, 1, 30)
    assert register["nd_122_2018"].repealed_by == "nd_86_2023"
    assert register["nd_129_2025"].valid_from == date(2025, 7, 1)
    # ND 65/2014 was replaced by ND 91/2017 (31/07/2017): never in force for a 2021 case.
    assert not register["nd_65_2014"].in_force(date(2021, 12, 31))


def test_province_regulation_is_a_setting_and_listed():
    config = make_config(
        {
            "provincial_regulation": {
                "name": "Quyết định 86/2025/QĐ-UBND của UBND tỉnh Bắc Ninh",
                "from": "2025-12-03",
            }
        },
        province="bac_ninh",
    )
    data = case(2026, "Lao động tiên tiến", ratings=rated(2026, 2026), decision_date="2026-01-10")
    verdict = evaluate(parse_case(data), config)
    assert (
        "Quyết định 86/2025/QĐ-UBND của UBND tỉnh Bắc Ninh"
        in answer(verdict, "criteria").instruments
    )
    before = dict(data, decision_date="2025-12-01", year=2025, ratings=rated(2025, 2025))
    verdict = evaluate(parse_case(before), config)
    assert not any("86/2025" in name for name in answer(verdict, "criteria").instruments)


# Filing before 01/07/2025, decision after: the transitional rule is unconfirmed (§0).
STRADDLE = case(
    2025,
    "Lao động tiên tiến",
    ratings=rated(2025, 2025),
    filing_date="2025-06-20",
    decision_date="2025-07-10",
)


def test_straddling_dossier_defaults_to_decision_date_and_is_flagged():
    verdict = judge(STRADDLE)
    assert verdict.law == "luat_2022_nd152"
    note = check(verdict, "van_ban_ap_dung")
    assert note.unconfirmed is True
    assert "20/06/2025" in note.message and "chưa được xác nhận" in note.message
    assert "Nghị định 152/2025" in note.basis  # the newer decree's transitional rule
    assert verdict.verdict == REVIEW


def test_straddling_dossier_follows_filing_date_when_the_province_says_so():
    verdict = judge(STRADDLE, transitional_by_filing_date=True)
    assert verdict.law == "luat_2022_nd98"
    note = check(verdict, "van_ban_ap_dung")
    assert note.unconfirmed is False and note.passed is True
    assert verdict.verdict == ELIGIBLE
    # Authority is still judged on the signing day: the commune after 01/07/2025.
    assert answer(verdict, "authority").on == date(2025, 7, 10)


def test_no_straddle_no_note():
    data = dict(STRADDLE, filing_date="2025-07-02")
    verdict = judge(data)
    assert "van_ban_ap_dung" not in [c.rule for c in verdict.checks]


def test_filing_after_decision_is_an_input_error():
    with pytest.raises(CaseError, match="Ngày trình hồ sơ"):
        parse_case(dict(STRADDLE, filing_date="2025-07-20"))


# -- 2. Penalties and pending procedures (ND 152 Đ4 k4; law.md §1.3, §11, §13.1 mục 4) ----

PENDING = [
    "đang bị xem xét kỷ luật",
    "đang bị điều tra",
    "đang thanh tra",
    "đang kiểm tra",
    "đang xác minh khiếu nại, tố cáo",
]


@pytest.mark.parametrize("form", PENDING)
def test_pending_procedure_bars_a_proposal_under_nd152(form):
    verdict = judge(
        case(
            2025,
            "Lao động tiên tiến",
            ratings=rated(2025, 2025),
            discipline=[{"year": 2025, "form": form, "pending": True}],
        )
    )
    result = check(verdict, "khong_bi_ky_luat")
    assert result.passed is False and result.unconfirmed is False
    assert result.basis == f"Điều 4 khoản 4 {ND152}"
    assert verdict.verdict == INELIGIBLE


@pytest.mark.parametrize("form", PENDING)
def test_pending_procedure_before_nd152_is_review_not_refusal(form):
    verdict = judge(
        case(
            2024,
            "Lao động tiên tiến",
            ratings=rated(2024, 2024),
            discipline=[{"year": 2024, "form": form, "pending": True}],
        )
    )
    result = check(verdict, "khong_bi_ky_luat")
    assert result.passed is False and result.unconfirmed is True
    assert "152" not in result.basis
    assert verdict.verdict == REVIEW


def _cstd_tinh(penalty: dict | None, law: str | None = None):
    data = case(
        2027,
        "Chiến sĩ thi đua cấp tỉnh",
        ratings=rated(2023, 2027, HTXS),
        awards=held("Chiến sĩ thi đua cơ sở", 2025, 2026, 2027),
        initiatives=[{"year": 2027, "scope": "tỉnh"}],
        discipline=[penalty] if penalty else [],
    )
    if law:
        data["law"] = law
    return judge(data)


PENALTY_PERIODS = [
    # (penalty start, end, counts) — achievements count from the end of the penalty.
    (2023, 2024, True),  # ended the year before the run: the run 2025–2027 counts
    (2025, 2025, False),  # 2025 inside the penalty: the run is broken
    (2024, 2025, False),  # started before, ended inside the run
]


@pytest.mark.parametrize(("start", "end", "counts"), PENALTY_PERIODS)
def test_achievements_inside_a_penalty_period_do_not_count_under_nd152(start, end, counts):
    verdict = _cstd_tinh({"year": start, "until": end, "form": "khiển trách"})
    result = check(verdict, "ba_lan_chien_si_thi_dua_co_so")
    assert result.passed is counts


def test_chain_count_restarts_after_penalty_for_bang_khen_thu_tuong():
    # Law 2022 Đ73 k1 b: prior Bằng khen tỉnh, 5 good years, 3 CSTĐCS in the period; the
    # CSTĐCS of 2025 lies inside a 2025 penalty, so only 2 count (ND 152 Đ4).
    base = case(
        2030,
        "Bằng khen Thủ tướng",
        ratings=rated(2024, 2030),
        awards=held("Bằng khen cấp tỉnh", 2023) + held("Chiến sĩ thi đua cơ sở", 2025, 2027, 2029),
        discipline=[{"year": 2025, "form": "khiển trách"}],
    )
    result = check(judge(base), "ba_lan_chien_si_thi_dua_co_so")
    assert result.passed is False
    assert "2025" in result.message
    clean = dict(base, discipline=[{"year": 2024, "form": "khiển trách"}])
    assert check(judge(clean), "ba_lan_chien_si_thi_dua_co_so").passed is True


def test_old_law_chain_does_not_restart_unless_the_province_says_so():
    # Before ND 152 no restart rule is confirmed (law.md §1.3): a setting, default off.
    penalty = {"year": 2025, "until": 2025, "form": "khiển trách"}
    verdict = _cstd_tinh(penalty, law="luat_2022_nd98")
    assert check(verdict, "ba_lan_chien_si_thi_dua_co_so").passed is True
    data = case(
        2027,
        "Chiến sĩ thi đua cấp tỉnh",
        ratings=rated(2023, 2027, HTXS),
        awards=held("Chiến sĩ thi đua cơ sở", 2025, 2026, 2027),
        initiatives=[{"year": 2027, "scope": "tỉnh"}],
        discipline=[penalty],
        law="luat_2022_nd98",
    )
    verdict = judge(data, chain_restart_before_nd152=True)
    assert check(verdict, "ba_lan_chien_si_thi_dua_co_so").passed is False


# -- 3. Old-law chain: TTLĐXS chosen among the year's TTLĐTT (law.md §3.2, §10) -----------

OLD_TTLDXS = [
    # (awards held, rating of 2021, passed)
    (held("Tập thể lao động tiên tiến", 2021), HTXS, True),
    ([], HTXS, None),  # may be conferred in the same review: to be checked
    (held("Tập thể lao động tiên tiến", 2020), HTXS, None),  # another year does not count
]


@pytest.mark.parametrize(("awards", "rating", "passed"), OLD_TTLDXS)
def test_old_law_ttldxs_is_chosen_among_ttldtt_of_the_same_year(awards, rating, passed):
    verdict = judge(
        case(
            2021,
            "Tập thể lao động xuất sắc",
            "collective",
            ratings={"2021": rating},
            awards=awards,
            members=members(20, ldtt=16),
        )
    )
    result = check(verdict, "chon_tu_tap_the_lao_dong_tien_tien")
    assert result.passed is passed
    assert result.basis == f"Điều 27 {L13}"


def test_new_law_ttldxs_has_no_ttldtt_prerequisite():
    verdict = judge(
        case(
            2024,
            "Tập thể lao động xuất sắc",
            "collective",
            ratings={"2024": HTXS},
            members=members(20, ldtt=16),
        )
    )
    assert "chon_tu_tap_the_lao_dong_tien_tien" not in [c.rule for c in verdict.checks]


# -- 4. Missing grounds and titles ------------------------------------------------------

FLAG_CASES = [
    # Law 2022 Đ26: cluster leader, or leader of a thematic movement the province launched.
    ({"cluster_leader": True}, {}, True, False),
    ({"cluster_leader": False, "movement_leader": True}, {}, True, True),  # duration unconfirmed
    (
        {"cluster_leader": False, "movement_leader": True, "movement_years": 5},
        {"co_thi_dua_movement_min_years": 3},
        True,
        False,
    ),
    (
        {"cluster_leader": False, "movement_leader": True, "movement_years": 2},
        {"co_thi_dua_movement_min_years": 3},
        False,
        False,
    ),
    ({"cluster_leader": False, "movement_leader": False}, {}, False, False),
]


@pytest.mark.parametrize(("fields", "config", "passed", "unconfirmed"), FLAG_CASES)
def test_province_flag_for_leading_a_thematic_movement(fields, config, passed, unconfirmed):
    verdict = judge(case(2024, "Cờ thi đua cấp tỉnh", "collective", **fields), **config)
    result = check(verdict, "dan_dau_cum_khoi")
    assert result.passed is passed
    assert result.unconfirmed is unconfirmed
    assert result.basis == f"Điều 26 {L22}"
    if passed:
        assert verdict.verdict != INELIGIBLE


def test_old_law_flag_is_for_cluster_leaders_only():
    verdict = judge(
        case(2021, "Cờ thi đua cấp tỉnh", "collective", cluster_leader=False, movement_leader=True)
    )
    result = check(verdict, "dan_dau_cum_khoi")
    assert result.passed is False and result.basis == f"Điều 12 {ND91}"


@pytest.mark.parametrize("occupation", ["nông dân", "công nhân"])
def test_labour_order_for_workers_and_farmers_needs_no_pm_certificate(occupation):
    data = case(2025, "Huân chương Lao động hạng Ba", ratings=rated(2021, 2025))
    data["subject"]["occupation"] = occupation
    verdict = judge(data)
    rules = [c.rule for c in verdict.checks]
    assert "da_co_bang_khen_thu_tuong" not in rules
    assert check(verdict, "can_cu_cong_nhan_nong_dan").basis == f"Điều 44 khoản 2 {L22}"
    assert verdict.verdict == REVIEW


def test_labour_order_for_a_civil_servant_still_needs_the_pm_certificate():
    verdict = judge(case(2025, "Huân chương Lao động hạng Ba", ratings=rated(2021, 2025)))
    result = check(verdict, "da_co_bang_khen_thu_tuong")
    assert result.passed is False and result.basis == f"Điều 44 khoản 1 điểm e {L22}"
    assert verdict.verdict == INELIGIBLE


CULTURAL = [
    # (title, year, authority, basis must contain) — ND 122/2018 before 30/01/2024,
    # ND 86/2023 after; commune and district Chairmen (law.md §3.3, §6).
    ("Gia đình văn hóa", 2021, "xã", "122/2018"),
    ("Gia đình văn hóa", 2025, "xã", "Điều 80 khoản 3"),
    ("Thôn văn hóa", 2021, "huyện", "122/2018"),
    ("Thôn văn hóa", 2021, "xã", "122/2018"),
    ("Thôn văn hóa", 2024, "huyện", "Điều 80 khoản 2"),
    ("Thôn văn hóa", 2025, "xã", "129/2025"),
    ("Phường đạt chuẩn văn minh đô thị", 2022, "huyện", "122/2018"),
]


@pytest.mark.parametrize(("title", "year", "level", "basis"), CULTURAL)
def test_cultural_titles_have_authorities_before_and_after_2024(title, year, level, basis):
    kind = "household" if title == "Gia đình văn hóa" else "collective"
    verdict = judge(case(year, title, kind, authority=level))
    result = check(verdict, "tham_quyen")
    assert result.passed is True
    assert basis in result.basis
    assert verdict.verdict != INELIGIBLE


@pytest.mark.parametrize("year", [2019, 2021, 2023, 2024, 2025])
def test_competent_authorities_are_never_listed_empty(year):
    engine = Engine()
    for title in ("gia_dinh_van_hoa", "thon_to_dan_pho_van_hoa"):
        conferrers = engine.requirements(title, CATALOGUE.titles[title].subjects[0], year)
        assert conferrers["conferred_by"], (title, year)


def test_urban_ward_title_gives_way_to_its_successor_under_nd86():
    assert CATALOGUE.titles["phuong_dat_chuan_van_minh_do_thi"].raw["successor"] == "xa_tieu_bieu"
    verdict = judge(case(2025, "Phường đạt chuẩn văn minh đô thị", "collective"))
    assert check(verdict, "hieu_luc").passed is False
    assert "Xã, phường, đặc khu tiêu biểu" in check(verdict, "hieu_luc").message
    earlier = judge(case(2022, "Xã, phường, thị trấn tiêu biểu", "collective"))
    assert "Phường, thị trấn đạt chuẩn văn minh đô thị" in check(earlier, "hieu_luc").message
    assert judge(case(2025, "Xã, phường, thị trấn tiêu biểu", "collective")).verdict == REVIEW


CAPITAL = [
    # Hà Nội QĐ 71/2025: at most 10 a year, nobody disciplined at khiển trách or above,
    # at least 90% of the council (law.md §13.1 mục 7).
    ({}, "tieu_chuan_qd71", None),
    (
        {"discipline": [{"year": 2025, "form": "khiển trách"}]},
        "khong_bi_ky_luat_tu_khien_trach",
        False,
    ),
    ({"quota": {"base": 0, "nominated": 11}}, "toi_da_moi_nam", False),
    ({"quota": {"base": 0, "nominated": 10}}, "toi_da_moi_nam", True),
    ({"vote": {"members": 20, "approve": 18}}, "ty_le_phieu", True),
    ({"vote": {"members": 20, "approve": 17}}, "ty_le_phieu", False),
]


@pytest.mark.parametrize(("fields", "rule", "passed"), CAPITAL)
def test_cong_dan_thu_do_uu_tu(fields, rule, passed):
    verdict = judge(case(2025, "Công dân Thủ đô ưu tú", **fields))
    result = check(verdict, rule)
    assert result.passed is passed
    assert "71/2025/QĐ-UBND" in result.basis
    assert verdict.verdict == (INELIGIBLE if passed is False else REVIEW)


@pytest.mark.parametrize(("province", "refused"), [("ha-noi", False), ("bac-ninh", True)])
def test_cong_dan_thu_do_uu_tu_is_a_ha_noi_title(province, refused):
    data = parse_case(case(2025, "Công dân Thủ đô ưu tú"))
    verdict = evaluate(data, make_config({}, province=province))
    rules = [c.rule for c in verdict.checks]
    assert ("pham_vi_tinh" in rules) is refused
    assert (verdict.verdict == INELIGIBLE) is refused


def test_cong_dan_thu_do_uu_tu_is_conferred_by_the_city():
    verdict = judge(case(2025, "Công dân Thủ đô ưu tú", authority="tỉnh"))
    assert check(verdict, "tham_quyen").passed is True


@pytest.mark.parametrize(
    "name",
    [
        "Kỷ niệm chương Vì sự nghiệp giáo dục",
        "Kỷ niệm chương Vì sức khỏe nhân dân",
        "Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức nhà nước",
    ],
)
def test_ministries_commemorative_medals_are_named_items(name):
    title = CATALOGUE.title(name)
    assert title.id != "ky_niem_chuong" and title.group == "ky_niem_chuong"
    verdict = judge(case(2025, name, authority="Bộ"))
    assert verdict.verdict == REVIEW
    assert "Điều 9 khoản 5" in check(verdict, "tieu_chuan_chua_ma_hoa").basis


UNENCODED = [
    tid
    for tid, title in CATALOGUE.titles.items()
    if tid not in RULES and (title.equivalent_of or tid) not in RULES
]


@pytest.mark.parametrize("year", [2021, 2025])
def test_titles_without_encoded_criteria_are_never_refused(year):
    on = date(year, 12, 31)
    for tid in UNENCODED:
        title = CATALOGUE.titles[tid]
        if not title.in_force(on) or "thuong_xuyen" not in title.award_bases:
            continue
        verdict = judge({"year": year, "title": title.name, "subject": {"kind": title.subjects[0]}})
        assert verdict.verdict == REVIEW, (tid, year, [c.as_dict() for c in verdict.failed()])


# -- 5. Citations: the article of the instrument in force for the case ------------------

STATE_ONCE = [
    (2021, ND91),
    (2024, ND98),
    (2025, ND152),
]


@pytest.mark.parametrize(("year", "decree"), STATE_ONCE)
def test_one_state_form_a_year_cites_the_decree_in_force(year, decree):
    verdict = judge(case(year, "Bằng khen Thủ tướng", ratings=rated(year - 5, year)))
    basis = check(verdict, "mot_hinh_thuc_cap_nha_nuoc_moi_nam").basis
    assert decree in basis
    assert "65/2014" not in basis


AUTHORITY_CITATIONS = [
    # (title, year, level, decision date, must cite, must not cite)
    ("Lao động tiên tiến", 2021, "huyện", None, L13, "2022"),
    ("Huân chương Lao động hạng Ba", 2021, "Nhà nước", None, L13, "2022"),
    ("Chiến sĩ thi đua cơ sở", 2021, "huyện", None, L13, "129/2025"),
    ("Chiến sĩ thi đua cơ sở", 2025, "huyện", "2025-06-30", "Điều 80 khoản 2", "129/2025"),
    ("Chiến sĩ thi đua cơ sở", 2025, "xã", "2025-07-01", "Điều 59 Nghị định 129/2025", "2003"),
]


@pytest.mark.parametrize(("title", "year", "level", "day", "cite", "not_cite"), AUTHORITY_CITATIONS)
def test_authority_cites_the_instrument_in_force(title, year, level, day, cite, not_cite):
    data = case(year, title, authority=level)
    if day:
        data["decision_date"] = day
    result = check(judge(data), "tham_quyen")
    assert cite in result.basis
    assert not_cite not in result.basis


def test_engine_authority_on_its_own_cites_the_day():
    engine = Engine()
    old = engine.authority("lao_dong_tien_tien", "district", date(2021, 12, 31))
    assert old.passed is True and "2022" not in old.basis
    new = engine.authority("chien_si_thi_dua_co_so", "commune", date(2025, 7, 1))
    assert new.passed is True and "129/2025" in new.basis
    before = engine.authority("chien_si_thi_dua_co_so", "commune", date(2025, 6, 30))
    assert before.passed is False and "cấp huyện" in before.message


NEW_INSTRUMENTS = ("2022", "98/2023", "152/2025", "129/2025", "65/2014")


@pytest.mark.parametrize("tid", sorted(RULES))
def test_2021_cases_cite_only_the_old_law(tid):
    title = CATALOGUE.titles[tid]
    if not title.in_force(date(2021, 12, 31)):
        return
    level = title.conferred_by[-1].level if title.conferred_by else None
    data = {"year": 2021, "title": title.name, "subject": {"kind": title.subjects[0]}}
    if level:
        data["authority"] = level
    for item in judge(data).checks:
        for text in NEW_INSTRUMENTS:
            assert text not in item.basis, (tid, item.rule, item.basis)


# -- 6. Data errors are input errors -----------------------------------------------------


def test_more_members_with_a_title_than_members_is_refused_when_parsed():
    with pytest.raises(CaseError, match="lớn hơn tổng số thành viên"):
        parse_case(
            case(2024, "Tập thể lao động tiên tiến", "collective", members=members(10, ldtt=12))
        )


def test_more_members_with_a_title_than_members_is_refused_by_the_engine():
    history = build_history(CATALOGUE, "collective", {2024: 2})
    context = Context(members=Members(total=10, completed_tasks=10, lao_dong_tien_tien=12))
    from vinhdanh.rules.engine import Case

    bad = Case(2024, "tap_the_lao_dong_tien_tien", history, context)
    engine = Engine()
    with pytest.raises(CaseError, match=r"members\.lao_dong_tien_tien \(12\)"):
        engine.evaluate(bad)
    with pytest.raises(CaseError):
        engine.verdict(history, 2024, "tap_the_lao_dong_tien_tien", context)
    assert isinstance(CaseError("x"), ValueError)


def test_more_approvals_than_council_members_is_refused_by_the_engine():
    history = build_history(CATALOGUE, "person", {2024: 3})
    from vinhdanh.rules.engine import Case

    bad = Case(2024, "chien_si_thi_dua_co_so", history, Context(vote=Vote(10, 11)))
    with pytest.raises(CaseError, match=r"vote\.approve"):
        Engine().evaluate(bad)


# -- 7. The command shows the instrument used and why -------------------------------------


def test_cli_prints_the_instruments_and_refuses_input_errors(tmp_path):
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    path = tmp_path / "case.json"
    import json

    path.write_text(
        json.dumps(
            case(2025, "Lao động tiên tiến", ratings={"2025": HTT}, decision_date="2025-03-15")
        ),
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("check_eligibility", str(path), stdout=out)
    text = out.getvalue()
    assert "Nghị định 98/2023/NĐ-CP" in text
    assert "ngày ký quyết định khen thưởng 15/03/2025" in text
    assert "Thẩm quyền quyết định" in text
    out = io.StringIO()
    call_command("check_eligibility", str(path), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["law_id"] == "luat_2022_nd98"
    assert {item["question"] for item in data["instruments"]} == {
        "criteria",
        "chain",
        "procedure",
        "authority",
    }
    path.write_text(
        json.dumps(
            case(2024, "Tập thể lao động tiên tiến", "collective", members=members(10, ldtt=12))
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="lớn hơn tổng số thành viên"):
        call_command("check_eligibility", str(path))


# -- Boundaries of the questions themselves -----------------------------------------------

CHAIN_BOUNDARY = [
    # ND 152 Đ4: ad-hoc awards do not count in merit chains, from 01/07/2025 only.
    ("2025-06-30", True),
    ("2025-07-01", False),
]


@pytest.mark.parametrize(("day", "counts"), CHAIN_BOUNDARY)
def test_ad_hoc_awards_leave_chains_from_the_day_nd152_is_in_force(day, counts):
    awards = (
        held("Bằng khen cấp tỉnh", 2019)
        + held("Chiến sĩ thi đua cơ sở", 2021, 2023)
        + held("Chiến sĩ thi đua cơ sở", 2025, basis="đột xuất")
    )
    data = case(
        2025, "Bằng khen Thủ tướng", ratings=rated(2020, 2025), awards=awards, decision_date=day
    )
    assert check(judge(data), "ba_lan_chien_si_thi_dua_co_so").passed is counts


CRITERIA_BOUNDARY = [
    # CSTĐCS: an initiative is needed under the 2003 Law, not under the 2022 Law (§3.1, §10).
    ("2023-12-31", INELIGIBLE, f"Điều 23 {L13}"),
    ("2024-01-01", ELIGIBLE, f"Điều 23 khoản 1 {L22}"),
]


@pytest.mark.parametrize(("day", "expected", "basis"), CRITERIA_BOUNDARY)
def test_cstdcs_initiative_rule_follows_the_decision_date(day, expected, basis):
    data = case(2023, "Chiến sĩ thi đua cơ sở", ratings={"2023": HTXS}, decision_date=day)
    verdict = judge(data)
    assert verdict.verdict == expected
    assert check(verdict, "tieu_chuan_lao_dong_tien_tien").basis == basis


def test_thematic_flag_is_reviewed_not_refused():
    verdict = judge(case(2025, "Cờ thi đua cấp tỉnh", "collective", basis="chuyên đề"))
    assert verdict.verdict == REVIEW
    assert all("Điều 26" in c.basis for c in verdict.checks if c.rule == "tieu_chuan_chua_ma_hoa")


def test_pending_may_name_the_procedure_and_occupation_may_be_a_group():
    data = case(
        2025,
        "Lao động tiên tiến",
        ratings=rated(2025, 2025),
        discipline=[{"year": 2025, "pending": "điều tra"}],
    )
    result = check(judge(data), "khong_bi_ky_luat")
    assert result.passed is False and "Đang bị điều tra" in result.message
    hcld = case(2025, "Huân chương Lao động hạng Ba", ratings=rated(2021, 2025))
    hcld["subject"]["group"] = "nông dân"
    assert "can_cu_cong_nhan_nong_dan" in [c.rule for c in judge(hcld).checks]


VOTE_CITATIONS = [
    # ND 98 Đ30 k7 until 30/06/2025; ND 152 from 01/07/2025 (its article unconfirmed, §7.3).
    ("2025-06-30", ND98, ND152, False),
    ("2025-07-01", ND152, ND98, True),
]


@pytest.mark.parametrize(("day", "cite", "not_cite", "unconfirmed"), VOTE_CITATIONS)
def test_council_vote_cites_the_decree_in_force(day, cite, not_cite, unconfirmed):
    data = case(
        2025,
        "Chiến sĩ thi đua cơ sở",
        ratings={"2025": HTXS},
        decision_date=day,
        vote={"members": 10, "approve": 8},
    )
    result = check(judge(data), "ty_le_phieu")
    assert result.passed is True
    assert cite in result.basis and not_cite not in result.basis
    assert result.unconfirmed is unconfirmed


def test_an_investigation_opened_before_the_decision_day_bars_the_proposal():
    # 2025 achievements, decision signed 10/01/2026 while an investigation opened in 2026
    # is pending: no award (ND 152 Đ4 k4).
    data = case(
        2025,
        "Lao động tiên tiến",
        ratings=rated(2025, 2025),
        decision_date="2026-01-10",
        discipline=[{"year": 2026, "form": "đang bị điều tra"}],
    )
    result = check(judge(data), "khong_bi_ky_luat")
    assert result.passed is False and "Đang bị điều tra (năm 2026)" in result.message
    # Serving a penalty on the decision day: achievements count only from its end.
    later = dict(data, discipline=[{"year": 2026, "form": "khiển trách"}])
    assert check(judge(later), "khong_bi_ky_luat").passed is False
    # A penalty between the achievement and the decision: the 2025 achievement lies before
    # its end and no longer counts.
    ended = dict(data, decision_date="2027-01-10")
    ended["discipline"] = [{"year": 2026, "form": "khiển trách"}]
    assert check(judge(ended), "khong_bi_ky_luat").passed is False
    # A penalty that ended before the achievement year does not.
    before = dict(data, discipline=[{"year": 2024, "form": "khiển trách"}])
    assert check(judge(before), "khong_bi_ky_luat").passed is True


def test_list_titles_lists_the_register_with_dates():
    import io
    import json

    from django.core.management import call_command

    out = io.StringIO()
    call_command("list_titles", "--instruments", stdout=out)
    text = out.getvalue()
    assert "Nghị định 98/2023/NĐ-CP [Nghị định; 01/01/2024–30/06/2025]" in text
    assert "Nghị định 152/2025/NĐ-CP [Nghị định; 01/07/2025–nay]" in text
    out = io.StringIO()
    call_command("list_titles", "--instruments", "--json", stdout=out)
    ids = {item["id"] for item in json.loads(out.getvalue())["instruments"]}
    assert {"luat_2003", "nd_91_2017", "nd_122_2018", "nd_86_2023", "nd_129_2025"} <= ids


def test_ha_noi_regulation_is_listed_for_ha_noi_only():
    data = parse_case(case(2024, "Lao động tiên tiến", ratings=rated(2024, 2024)))
    listed = answer(evaluate(data, make_config({}, province="ha-noi")), "criteria").instruments
    assert any("32/2024/QĐ-UBND" in name for name in listed)
    other = answer(evaluate(data, make_config({}, province="bac-ninh")), "criteria").instruments
    assert not any("32/2024/QĐ-UBND" in name for name in other)
