import pytest

from vinhdanh.core.text import fold, person_sort_key, split_full_name, text_sort_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn A", "nguyen van a"),
        ("Phòng Nội vụ", "phong noi vu"),
        ("ĐẶNG  Đức   Đạt", "dang duc dat"),
        ("Phường Hoàng Liệt", "phuong hoang liet"),
        ("", ""),
    ],
)
def test_fold_removes_diacritics_case_and_extra_spaces(text, expected):
    assert fold(text) == expected


def test_split_full_name_takes_family_first_and_given_last():
    assert split_full_name("Nguyễn Thị Minh Khai") == ("Nguyễn", "Thị Minh", "Khai")
    assert split_full_name("Lan") == ("", "", "Lan")


def test_letters_follow_the_vietnamese_alphabet():
    words = ["đào", "dung", "ân", "ăn", "an", "bình", "ơn", "ôn", "on", "ưu", "uy"]
    assert sorted(words, key=text_sort_key) == [
        "an", "ăn", "ân", "bình", "dung", "đào", "on", "ôn", "ơn", "uy", "ưu",
    ]  # fmt: skip


def test_tones_only_break_ties_in_dictionary_order():
    words = ["má", "mà", "ma", "mạ", "mã", "mả", "mai"]
    assert sorted(words, key=text_sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ", "mai"]


def test_people_sort_by_given_name_then_middle_then_family():
    names = [
        "Trần Văn Bình",
        "Nguyễn Thị Anh",
        "Lê Văn An",
        "Bùi Thị An",
        "Đỗ Văn Ánh",
        "Nguyễn Văn An",
    ]
    assert sorted(names, key=person_sort_key) == [
        "Bùi Thị An",
        "Lê Văn An",
        "Nguyễn Văn An",
        "Nguyễn Thị Anh",
        "Đỗ Văn Ánh",
        "Trần Văn Bình",
    ]


def test_a_given_name_is_compared_whole_before_the_middle_name():
    assert sorted(["Lê Anh Ánh", "Lê Yến Anh"], key=person_sort_key) == ["Lê Yến Anh", "Lê Anh Ánh"]
