"""Forms 0602 and 0603 and the categories, counted from hand-built facts by the forms' rules."""

from vinhdanh.reports import form_0602, form_0603
from vinhdanh.reports.categories import Category, category_of, default_category
from vinhdanh.reports.categories import is_small_collective as small
from vinhdanh.reports.form_0602 import AwardItem

GROUP_OF = {
    "huan_chuong_lao_dong_hang_3": "huan_chuong",
    "bang_khen_thu_tuong": "bang_khen",
    "chien_si_thi_dua_toan_quoc": None,
    "nghe_nhan_uu_tu": "danh_hieu_vinh_du_nha_nuoc",
    "ky_niem_chuong_vi_the_he_tre": "ky_niem_chuong",
    "bang_khen_tinh": "bang_khen",
    "co_thi_dua_tinh": None,
}


def column_0602(code):
    return form_0602.group_index(code, GROUP_OF.get(code), form_0602.GROUPS_0602)


def column_0603(code):
    return form_0602.group_index(code, GROUP_OF.get(code), form_0603.GROUPS_0603)


def person(title, category, basis="thuong_xuyen"):
    return AwardItem("person", title, basis, category=category)


def test_a_person_is_in_exactly_one_category_and_a_manager_leads():
    assert default_category(is_manager=True, is_direct_worker=True) == Category.LEADER_OTHER
    assert default_category(is_manager=False, is_direct_worker=True) == Category.DIRECT_WORKER
    assert default_category(is_manager=False, is_direct_worker=False) == Category.OTHER


def test_the_category_is_the_one_of_the_year_else_the_flags():
    entries = {2021: Category.OTHER.value, 2024: Category.LEADER_OTHER.value}
    assert category_of(entries, 2021, "direct_worker") == "other"
    assert category_of(entries, 2024, "direct_worker") == "leader_other"
    assert category_of(entries, 2023, "direct_worker") == "direct_worker"


def test_0602_columns_rows_and_totals():
    items = [
        person("huan_chuong_lao_dong_hang_3", Category.LEADER_HIGH),
        person("bang_khen_thu_tuong", Category.DIRECT_WORKER, "theo_dot"),
        person("bang_khen_thu_tuong", Category.OTHER, "dot_xuat"),
        AwardItem("unit", "bang_khen_thu_tuong", "thuong_xuyen", enterprise=True),
        AwardItem("unit", "nghe_nhan_uu_tu", "cong_hien"),
        person("chien_si_thi_dua_toan_quoc", Category.ENTREPRENEUR, "nien_han"),
    ]
    table = form_0602.tally(items, column_0602, form_0602.FORM_0602.figures)
    assert table["1"] == [6, 1, 0, 0, 1, 0, 3, 1, 0]
    assert table["3"] == table["1"] and table["2"] == [0] * 9  # proposed by the province
    assert table["6"][0] == 2 and table["7"][0] == 1 and table["8"][0] == 0
    assert table["9"][0] == 4
    # exclusive categories: the clerk ("other") is an individual in no sub-row
    sub_rows = [table[code][0] for code in ("10", "11", "12", "13", "14")]
    assert sub_rows == [1, 0, 1, 0, 1]
    assert table["1"][0] == table["6"][0] + table["8"][0] + table["9"][0]
    kinds = [table[str(code)][0] for code in range(15, 22)]
    assert kinds == [2, 1, 1, 0, 1, 1, 0]


def test_0603_counts_only_its_four_columns():
    items = [
        person("bang_khen_tinh", Category.LEADER_OTHER),
        AwardItem("unit", "co_thi_dua_tinh", "thuong_xuyen"),
        person("ky_niem_chuong_vi_the_he_tre", Category.DIRECT_WORKER, "cong_hien"),
        person("giay_khen", Category.DIRECT_WORKER),  # not a province-level award
    ]
    table = form_0603.tally(items, column_0603)
    assert table["01"] == [3, 1, 0, 1, 1]
    assert table["02"][0] == 1 and table["05"][0] == 2
    assert table["09"][0] == 1 and table["10"][0] == 1
    assert table["11"][0] == 2 and table["15"][0] == 1


def test_0702_has_one_column_per_award_form_and_padded_codes():
    spec = form_0602.form_0702(["Bằng khen của Thủ tướng Chính phủ", "Huân chương Lao động"])
    assert spec.number == "0702.N/BNV-TĐKT" and spec.number_row == ["A", "B", "C", "1", "2", "3"]
    index = {"bang_khen_thu_tuong": 1, "huan_chuong_lao_dong_hang_3": 2}
    items = [person("bang_khen_thu_tuong", Category.DIRECT_WORKER)]
    table = form_0602.tally(items, index.get, spec.figures, padded=True)
    assert table["01"] == [1, 1, 0] and table["14"] == [1, 1, 0] and table["15"] == [1, 1, 0]


def test_small_collective_as_the_form_defines_it():
    assert small("small_collective", "ward")  # tổ, đội, lớp recorded as such
    assert small("department", "school")  # a school's section
    assert small("other", "ward")  # a residential group of a ward
    assert small("department", "enterprise")  # an enterprise's workshop
    assert not small("department", "government")  # a People's Committee's department
    assert not small("school", "department")  # a school is a unit in its own right
    assert not small("ward", "government")
    assert not small("government", None)
