"""The catalogue file (law.md §3, §4, §5, §6, §7.2) and name matching."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from vinhdanh.rules.engine import default_catalogue, name_key

CATALOGUE = default_catalogue()
DATA = Path(__file__).resolve().parent.parent / "data" / "catalogue.json"

ALIASES = [
    ("Chiến sĩ thi đua cấp tỉnh", "chien_si_thi_dua_tinh"),
    ("Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", "chien_si_thi_dua_tinh"),
    ("Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", "bang_khen_tinh"),
    ("Bằng khen của Chủ tịch UBND cấp tỉnh", "bang_khen_tinh"),
    ("Bằng khen cấp tỉnh", "bang_khen_tinh"),
    ("Bằng khen của Thủ tướng Chính phủ", "bang_khen_thu_tuong"),
    ("Bằng khen Thủ tướng", "bang_khen_thu_tuong"),
    ("Bằng khen Chính phủ", "bang_khen_thu_tuong"),
    ("Tập thể lao động xuất sắc", "tap_the_lao_dong_xuat_sac"),
    ("Lao động tiên tiến", "lao_dong_tien_tien"),
    ("Chiến sĩ thi đua cơ sở", "chien_si_thi_dua_co_so"),
    ("chiến sỹ thi đua cơ sở", "chien_si_thi_dua_co_so"),
    ("CSTĐCS", "chien_si_thi_dua_co_so"),
    ("Giấy khen", "giay_khen"),
    ("Huân chương Lao động hạng Ba", "huan_chuong_lao_dong_hang_3"),
    ("Huân chương Lao động hạng III", "huan_chuong_lao_dong_hang_3"),
    ("huan chuong lao dong hang 3", "huan_chuong_lao_dong_hang_3"),
    ("Cờ thi đua của UBND cấp tỉnh", "co_thi_dua_tinh"),
    ("Cờ thi đua cấp tỉnh", "co_thi_dua_tinh"),
    ("CỜ THI ĐUA CỦA ỦY BAN NHÂN DÂN TỈNH", "co_thi_dua_tinh"),
    ("Xã, phường, thị trấn tiêu biểu", "xa_tieu_bieu"),
]


@pytest.mark.parametrize(("name", "expected"), ALIASES, ids=[a for a, _ in ALIASES])
def test_aliases_resolve_ignoring_case_and_diacritics(name, expected):
    assert CATALOGUE.resolve(name) == expected
    assert CATALOGUE.resolve(name.upper()) == expected


def test_name_key_folds_d_and_punctuation():
    assert name_key("Đơn vị  quyết-thắng") == "don vi quyet thang"
    assert CATALOGUE.resolve("Danh hiệu không tồn tại") is None


def test_file_is_versioned_and_complete():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert data["version"]
    components = {item["code"] for item in data["dossier_components"]}
    bases = {item["id"] for item in data["award_bases"]}
    levels = {item["id"] for item in data["levels"]}
    assert {"thuong_xuyen", "theo_dot", "dot_xuat", "cong_hien", "nien_han", "doi_ngoai"} == bases
    for title in data["titles"]:
        assert title["kind"] in ("emulation_title", "commendation_form")
        assert set(title["subjects"]) <= {"person", "collective", "household"}
        assert title["basis"] and title["conferred_by"], title["id"]
        assert set(title["award_bases"]) <= bases, title["id"]
        assert {row["code"] for row in title["dossier"]} <= components, title["id"]
        assert {row["level"] for row in title["conferred_by"]} <= levels, title["id"]


def test_every_title_and_form_of_law_md_is_listed():
    """§3 titles and §4 forms."""
    for name in [
        "Chiến sĩ thi đua toàn quốc",
        "Chiến sĩ tiên tiến",
        "Tập thể lao động tiên tiến",
        "Đơn vị tiên tiến",
        "Đơn vị quyết thắng",
        "Cờ thi đua của Chính phủ",
        "Thôn, tổ dân phố văn hóa",
        "Gia đình văn hóa",
        "Huân chương Sao vàng",
        "Huân chương Hồ Chí Minh",
        "Huân chương Độc lập hạng Nhất",
        "Huân chương Quân công hạng Nhì",
        "Huân chương Chiến công hạng Ba",
        "Huân chương Bảo vệ Tổ quốc hạng Ba",
        "Huân chương Dũng cảm",
        "Huân chương Đại đoàn kết dân tộc",
        "Huân chương Hữu nghị",
        "Huy chương Chiến sĩ vẻ vang",
        "Anh hùng Lao động",
        "Bà mẹ Việt Nam anh hùng",
        "Nhà giáo Ưu tú",
        "Giải thưởng Hồ Chí Minh",
        "Giải thưởng Nhà nước",
        "Kỷ niệm chương",
    ]:
        assert CATALOGUE.resolve(name), name
    kinds = {t.kind for t in CATALOGUE.titles.values()}
    assert kinds == {"emulation_title", "commendation_form"}


def test_cstdcs_dossier_lists_initiative_and_ballot():
    """§7.2: Đ84 k1 a–d and ND 98 Đ34."""
    codes = [row["code"] for row in CATALOGUE.titles["chien_si_thi_dua_co_so"].dossier]
    assert codes[:3] == ["to_trinh", "bao_cao_thanh_tich", "bien_ban_binh_xet"]
    assert {"xac_nhan_sang_kien", "ket_qua_bo_phieu"} <= set(codes)


@pytest.mark.parametrize(
    ("level", "title", "on", "expected"),
    [
        ("commune", "chien_si_thi_dua_co_so", date(2025, 6, 30), False),
        ("commune", "chien_si_thi_dua_co_so", date(2025, 7, 1), True),
        ("district", "chien_si_thi_dua_co_so", date(2025, 6, 30), True),
        ("district", "chien_si_thi_dua_co_so", date(2025, 7, 1), False),
        ("commune", "lao_dong_tien_tien", date(2024, 5, 1), True),
        ("commune", "tap_the_lao_dong_tien_tien", date(2024, 5, 1), False),
        ("commune", "tap_the_lao_dong_tien_tien", date(2025, 8, 1), True),
        ("province", "bang_khen_tinh", date(2025, 8, 1), True),
        ("government", "bang_khen_thu_tuong", date(2025, 8, 1), True),
        ("state", "huan_chuong_lao_dong_hang_3", date(2025, 8, 1), True),
    ],
    ids=lambda v: str(v),
)
def test_authority_by_date(level, title, on, expected):
    """§6.1 Law 2022 Đ80; §6.2 ND 129/2025 Đ59 from 2025-07-01."""
    assert (title in CATALOGUE.titles_conferred_by(level, on)) is expected


def test_levels_are_data_and_districts_end_in_2025():
    assert CATALOGUE.level_in_force("district", date(2025, 6, 30))
    assert not CATALOGUE.level_in_force("district", date(2025, 7, 1))
    assert CATALOGUE.level_names.lookup("Chủ tịch UBND phường").id == "commune"


def test_laws_have_validity_dates():
    assert CATALOGUE.law_on(date(2023, 12, 31)).id == "luat_2013"
    assert CATALOGUE.law_on(date(2024, 1, 1)).id == "luat_2022_nd98"
    assert CATALOGUE.law_on(date(2025, 6, 30)).id == "luat_2022_nd98"
    assert CATALOGUE.law_on(date(2025, 7, 1)).id == "luat_2022_nd152"


def test_engine_core_imports_no_django():
    code = (
        "import sys, vinhdanh.rules.engine; print(any(m.startswith('django') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.stdout.strip() == "False"
