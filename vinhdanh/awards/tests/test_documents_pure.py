"""The documents' pure parts: amounts in words, numbers with their symbol, counts by title,
signature lines, the legal bases by date, the fund's amounts and balances.

The legal bases are asserted from /work/shared/domain/law.md §0: the 2003 Law (and its
Decree 91/2017) until 31/12/2023, Law 06/2022/QH15 of 15/06/2022 from 01/01/2024, Decree
98/2023/NĐ-CP of 31/12/2023 until 30/06/2025, Decree 152/2025/NĐ-CP of 14/06/2025 from
01/07/2025.
"""

import datetime
from types import SimpleNamespace

import pytest

from vinhdanh.awards.documents_out import (
    conferred_phrase,
    counted_sentence,
    head_of,
    letter_number,
    signature_lines,
)
from vinhdanh.awards.legal_bases import decision_bases, long_date
from vinhdanh.awards.money_words import money_in_words
from vinhdanh.awards.services.fund import balance_rows, parse_amount, planned_amount_refusal
from vinhdanh.rules.engine import default_catalogue
from vinhdanh.rules.engine.instruments import Register


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (105, "Một trăm linh năm đồng"),
        (447_000, "Bốn trăm bốn mươi bảy nghìn đồng"),
        (702_000, "Bảy trăm linh hai nghìn đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (3_042_000, "Ba triệu không trăm bốn mươi hai nghìn đồng"),
        (1_000_001, "Một triệu không trăm linh một đồng"),
        (25_000_000_000, "Hai mươi lăm tỷ đồng"),
    ],
)
def test_amounts_are_read_out_in_vietnamese(amount, words):
    assert money_in_words(amount) == words


def test_a_letter_number_carries_the_ttr_symbol():
    assert letter_number("5", "HĐTĐKT") == "05/TTr-HĐTĐKT"
    assert letter_number("12", "UBND") == "12/TTr-UBND"
    assert letter_number("07/TTr-NV", "UBND") == "07/TTr-NV"  # typed with its symbol
    assert letter_number("", "UBND") == "     /TTr-UBND"  # the văn thư writes the number


def _nomination(title_code, title_name, person=True):
    return SimpleNamespace(
        person_id=1 if person else None,
        title=SimpleNamespace(code=title_code, name=title_name),
    )


def test_proposals_are_counted_by_title_and_subject():
    rows = [
        _nomination("lao_dong_tien_tien", "Lao động tiên tiến"),
        _nomination("giay_khen", "Giấy khen", person=False),
        _nomination("lao_dong_tien_tien", "Lao động tiên tiến"),
        _nomination("giay_khen", "Giấy khen"),
    ]
    assert counted_sentence(rows) == (
        "“Lao động tiên tiến”: 02 cá nhân; “Giấy khen”: 01 tập thể; “Giấy khen”: 01 cá nhân"
    )
    assert (
        conferred_phrase(rows[:2])
        == "“Lao động tiên tiến” cho 01 cá nhân; “Giấy khen” cho 01 tập thể"
    )


def test_the_signature_follows_the_signers_role():
    assert signature_lines("Chủ tịch") == ("", "CHỦ TỊCH")
    assert signature_lines("Phó Chủ tịch") == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert signature_lines("") == ("", "CHỦ TỊCH")


def test_the_executing_office_is_named_by_its_head():
    assert head_of("Phòng Nội vụ") == "Trưởng Phòng Nội vụ"
    assert head_of("Sở Nội vụ thành phố Hà Nội") == "Giám đốc Sở Nội vụ thành phố Hà Nội"
    assert head_of("Văn phòng HĐND và UBND") == "Thủ trưởng Văn phòng HĐND và UBND"


def _bases(day):
    return decision_bases(Register(default_catalogue()), day)


def test_the_bases_of_a_2021_decision_cite_the_2003_law_and_decree_91():
    text = "\n".join(_bases(datetime.date(2021, 12, 20)))
    assert "Luật Thi đua, khen thưởng số 15/2003/QH11" in text
    assert "Nghị định số 91/2017/NĐ-CP" in text
    assert "06/2022/QH15" not in text and "98/2023" not in text


def test_the_bases_of_a_2024_decision_cite_the_2022_law_and_decree_98_with_dates():
    lines = _bases(datetime.date(2024, 12, 20))
    text = "\n".join(lines)
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in lines
    assert "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ" in text
    assert "152/2025" not in text and "15/2003" not in text
    # The law before the decree, every line a "Căn cứ …;".
    assert text.index("06/2022/QH15") < text.index("98/2023")
    assert all(line.startswith("Căn cứ ") and line.endswith(";") for line in lines)


def test_from_july_2025_the_bases_cite_decree_152():
    text = "\n".join(_bases(datetime.date(2025, 7, 1)))
    assert "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025" in text
    # Decree 98 itself is no longer cited (Circular 01/2024 that names it still is, until
    # the register ends it).
    assert "Căn cứ Nghị định số 98/2023/NĐ-CP" not in text


def test_the_last_day_of_decree_98_still_cites_it():
    text = "\n".join(_bases(datetime.date(2025, 6, 30)))
    assert "Nghị định số 98/2023/NĐ-CP" in text and "152/2025" not in text


def test_long_dates_write_january_and_february_with_a_zero():
    assert long_date(datetime.date(2024, 2, 4)) == "ngày 04 tháng 02 năm 2024"
    assert long_date(datetime.date(2022, 6, 15)) == "ngày 15 tháng 6 năm 2022"


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("150.000.000", 150_000_000), ("150 000 000", 150_000_000), ("5000000 đ", 5_000_000)],
)
def test_planned_amounts_are_read_as_typed(typed, amount):
    assert parse_amount(typed) == amount


@pytest.mark.parametrize("typed", ["abc", "1,5", "-100", "", "12.5tr"])
def test_what_is_not_an_amount_is_refused(typed):
    assert parse_amount(typed) is None


def test_a_negative_or_absurd_plan_is_refused_in_vietnamese():
    assert planned_amount_refusal(-1) == "Số tiền quỹ không được âm."
    assert "quá lớn" in planned_amount_refusal(10**13)
    assert planned_amount_refusal(0) is None


def test_the_balance_follows_each_movement():
    bonus = SimpleNamespace(signed_amount=-1_788_000)
    back = SimpleNamespace(signed_amount=447_000)
    rows = balance_rows(2_000_000, [bonus, back, bonus])
    assert [balance for _entry, balance in rows] == [212_000, 659_000, -1_129_000]
