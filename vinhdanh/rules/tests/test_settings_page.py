"""The rule settings page: one labelled form per setting, the legal basis in words, values
as staff read them; no JSON to type, no file reference."""

import re

import pytest
from django.urls import reverse

from vinhdanh.rules.engine import SETTINGS
from vinhdanh.rules.forms import SettingForm
from vinhdanh.rules.models import RuleSetting
from vinhdanh.rules.provincial import config_for
from vinhdanh.rules.setting_words import WORDS, value_text

# What a reader must never meet on the page: a file reference, a JSON value, a code.
RAW = re.compile(r"law\.md|§|\{\"|\[\"|\btrue\b|\bfalse\b|\bnull\b|[a-z]+_[a-z_]+")


def test_every_setting_has_words_and_a_basis_without_a_file_reference():
    assert set(WORDS) == set(SETTINGS)
    for name, (label, basis) in WORDS.items():
        assert label and basis, name
        assert not RAW.search(label) and not RAW.search(basis), name


def test_values_read_as_words():
    assert value_text("ttldtt_min_share", 0.7) == "70%"
    assert value_text("cstdcs_quota", None) == "Không giới hạn"
    assert value_text("one_state_form_per_year", True) == "Có"
    assert value_text("giay_khen_min_rating", "tot") == "Hoàn thành tốt nhiệm vụ"
    assert value_text("registration_required", ["lao_dong_tien_tien"]) == "Lao động tiên tiến"
    thresholds = value_text("vote_thresholds", dict(SETTINGS["vote_thresholds"].default))
    assert "Chiến sĩ thi đua cơ sở: 80%" in thresholds
    for name, setting in SETTINGS.items():
        default = setting.default
        text = value_text(name, dict(default) if hasattr(default, "items") else default)
        assert not RAW.search(text), (name, text)


@pytest.mark.parametrize(
    ("name", "data", "stored"),
    [
        ("ttldtt_min_share", {"percent": "75"}, 0.75),
        ("ttldtt_min_share", {"percent": "66,7"}, 0.667),
        ("cstdcs_quota", {"unlimited": "on"}, None),
        ("cstdcs_quota", {"percent": "20"}, 0.2),
        ("chain_window_years", {"number": "4"}, 4),
        ("one_state_form_per_year", {"answer": "0"}, False),
        ("hcld3_higher_distinction", {"choice": "chien_si_thi_dua_tinh"}, "chien_si_thi_dua_tinh"),
        ("registration_required", {"titles": ["lao_dong_tien_tien"]}, ["lao_dong_tien_tien"]),
    ],
)
def test_each_kind_of_form_writes_the_value_the_engine_reads(name, data, stored):
    import json

    form = SettingForm(data, name=name)
    assert form.is_valid(), form.errors
    assert json.loads(form.cleaned_data["value"]) == stored


def test_the_thresholds_form_has_one_percentage_per_title():
    default = dict(SETTINGS["vote_thresholds"].default)
    data = {f"share_{code}": "90" for code in default}
    form = SettingForm(data, name="vote_thresholds")
    assert form.is_valid(), form.errors
    assert form.fields["share_chien_si_thi_dua_co_so"].label == "Chiến sĩ thi đua cơ sở"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("ttldtt_min_share", {"percent": "120"}, "Tỷ lệ không quá 100%."),
        ("ttldtt_min_share", {"percent": "bảy mươi"}, "Tỷ lệ là một số, ví dụ 70 hoặc 66,7."),
        ("ttldtt_min_share", {}, "Nhập tỷ lệ phần trăm."),
        ("cstdcs_quota", {}, "Nhập tỷ lệ phần trăm, hoặc chọn “Không giới hạn”."),
        ("chain_window_years", {"number": "0"}, "Số phải từ 1 trở lên."),
        ("giay_khen_min_rating", {"choice": "khong_co"}, "Chọn một giá trị trong danh sách."),
    ],
)
def test_bad_input_says_why_in_vietnamese(name, data, message):
    form = SettingForm(data, name=name)
    assert not form.is_valid()
    assert message in str(form.errors)


@pytest.mark.django_db
def test_the_page_shows_forms_words_and_bases_not_json(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    html = client.get(reverse("rules:settings")).content.decode()
    text = re.sub(r"<[^>]*>", " ", html)
    assert "Tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến" in text
    assert "Điều 28 khoản 1 Luật Thi đua, khen thưởng năm 2022" in text
    assert "law.md" not in html and "§" not in html
    assert 'name="percent"' in html and 'name="answer"' in html and 'name="titles"' in html


@pytest.mark.django_db
def test_saving_and_resetting_through_the_page(client, demo_user):
    office = demo_user("thuongtruc")
    client.force_login(office)
    url = reverse("rules:change_setting", args=["ttldtt_min_share"])
    response = client.post(url, {"percent": "80"}, follow=True)
    assert "Đã lưu tham số “Tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến" in (
        response.content.decode()
    )
    assert config_for(office.unit).get("ttldtt_min_share") == 0.8
    page = client.get(reverse("rules:settings")).content.decode()
    assert "80%" in page and "Về mặc định" in page
    client.post(url, {"reset": "1"}, follow=True)
    assert not RuleSetting.objects.filter(name="ttldtt_min_share").exists()
    assert config_for(office.unit).get("ttldtt_min_share") == 0.7


@pytest.mark.django_db
def test_a_refused_value_saves_nothing(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    url = reverse("rules:change_setting", args=["chain_window_years"])
    response = client.post(url, {"number": "-3"}, follow=True)
    assert "Không lưu được “Số năm liên tục" in response.content.decode()
    assert not RuleSetting.objects.filter(name="chain_window_years").exists()


def test_settings_of_the_law_register_and_the_bonus_have_their_own_shape():
    from vinhdanh.rules.setting_words import kind_of

    assert kind_of("provincial_regulation") == "regulation"
    assert kind_of("co_thi_dua_movement_min_years") == "years"
    assert kind_of("bonus_base_salary") == "salary_table"
    assert kind_of("bonus_coefficients") == "coefficients"
    assert kind_of("bonus_household_multiplier") == "multiplier"
    assert kind_of("bonus_collective_multiplier") == "multiplier"
    assert kind_of("bonus_rounding_step") == "money"
    assert kind_of("bonus_rounding_mode") == "choice"
    assert kind_of("cong_dan_thu_do_uu_tu_max") == "number"
    assert kind_of("transitional_by_filing_date") == "yes_no"
    assert kind_of("chain_restart_before_nd152") == "yes_no"


def test_new_values_read_as_words():
    assert value_text("provincial_regulation", None) == "Chưa nhập quy định của tỉnh"
    regulation = {
        "name": "Quyết định ban hành Quy định về công tác thi đua, khen thưởng",
        "number": "32/2024/QĐ-UBND",
        "from": "2024-05-16",
        "to": None,
    }
    assert value_text("provincial_regulation", regulation) == (
        "Quyết định ban hành Quy định về công tác thi đua, khen thưởng, số 32/2024/QĐ-UBND, "
        "áp dụng từ ngày 16/05/2024"
    )
    assert value_text("co_thi_dua_movement_min_years", None) == "Không đặt thời gian tối thiểu"
    assert value_text("co_thi_dua_movement_min_years", 3) == "3 năm"
    salary = value_text("bonus_base_salary", {"2024-07-01": 2_340_000, "2023-07-01": 1_800_000})
    assert salary == "từ ngày 01/07/2023: 1.800.000 đ; từ ngày 01/07/2024: 2.340.000 đ"
    assert value_text("bonus_coefficients", {}) == "Theo bảng hệ số mặc định"
    assert value_text("bonus_coefficients", {"giay_khen": 0.5}) == (
        "Giấy khen: 0,5 lần lương cơ sở"
    )
    assert value_text("bonus_household_multiplier", 1.5) == "Gấp 1,5 lần"
    assert value_text("bonus_rounding_step", 10_000) == "10.000 đ"
    assert value_text("bonus_rounding_mode", "nearest") == "Làm tròn đến số gần nhất"
    assert value_text("transitional_by_filing_date", False) == "Không"


@pytest.mark.parametrize(
    ("name", "data", "stored"),
    [
        ("transitional_by_filing_date", {"answer": "1"}, True),
        ("chain_restart_before_nd152", {"answer": "1"}, True),
        ("cong_dan_thu_do_uu_tu_max", {"number": "12"}, 12),
        ("co_thi_dua_movement_min_years", {"years": "3"}, 3),
        ("co_thi_dua_movement_min_years", {"no_minimum": "on"}, None),
        (
            "provincial_regulation",
            {
                "reg_name": "Quy định về công tác thi đua, khen thưởng",
                "reg_number": "32/2024/QĐ-UBND",
                "reg_from": "16/05/2024",
                "reg_to": "",
            },
            {
                "name": "Quy định về công tác thi đua, khen thưởng",
                "number": "32/2024/QĐ-UBND",
                "from": "2024-05-16",
                "to": None,
            },
        ),
        (
            "bonus_base_salary",
            {
                "salary_day_0": "2024-07-01",
                "salary_amount_0": "2.340.000",
                "salary_day_1": "01/07/2026",
                "salary_amount_1": "2 530 000 đ",
                "salary_day_2": "",
                "salary_amount_2": "",
            },
            {"2024-07-01": 2_340_000, "2026-07-01": 2_530_000},
        ),
        (
            "bonus_coefficients",
            {"coef_giay_khen": "0,5", "coef_bang_khen_tinh": "1"},
            {"bang_khen_tinh": 1, "giay_khen": 0.5},
        ),
        ("bonus_coefficients", {}, {}),
        ("bonus_household_multiplier", {"times": "1,5"}, 1.5),
        ("bonus_collective_multiplier", {"times": "2"}, 2),
        ("bonus_rounding_step", {"amount": "10.000"}, 10_000),
        ("bonus_rounding_mode", {"choice": "down"}, "down"),
    ],
)
def test_each_new_form_writes_the_value_the_engine_reads(name, data, stored):
    import json

    from vinhdanh.rules.setting_values import parse_setting_value

    form = SettingForm(data, name=name)
    assert form.is_valid(), form.errors
    value = json.loads(form.cleaned_data["value"])
    assert value == stored
    assert parse_setting_value(name, form.cleaned_data["value"]) == value


def test_the_coefficients_form_has_one_labelled_field_per_title_showing_the_default():
    form = SettingForm(name="bonus_coefficients", current={"giay_khen": 0.5})
    field = form.fields["coef_chien_si_thi_dua_co_so"]
    assert field.label == "Chiến sĩ thi đua cơ sở"
    assert field.widget.attrs["placeholder"] == "mặc định 1,0"
    assert "coef_chien_si_tien_tien" not in form.fields  # shares Lao động tiên tiến's
    assert 'value="0,5"' in str(form["coef_giay_khen"])


def test_the_salary_form_opens_on_the_dated_rows_with_room_for_new_ones():
    form = SettingForm(name="bonus_base_salary", current={"2024-07-01": 2_340_000})
    rows = form.salary_rows()
    assert len(rows) == 3
    assert 'value="2024-07-01"' in str(rows[0][0]) and 'value="2.340.000"' in str(rows[0][1])


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("co_thi_dua_movement_min_years", {}, "Nhập số năm, hoặc chọn “Không đặt thời gian"),
        ("provincial_regulation", {"reg_from": "2024-05-16"}, "Nhập tên văn bản quy định"),
        ("provincial_regulation", {"reg_name": "Quy định"}, "Nhập ngày văn bản bắt đầu"),
        (
            "provincial_regulation",
            {"reg_name": "Quy định", "reg_from": "2024-05-16", "reg_to": "2024-01-01"},
            "Ngày hết áp dụng phải sau ngày bắt đầu áp dụng.",
        ),
        ("provincial_regulation", {"reg_name": "Q", "reg_from": "32/13/2024"}, "ngày/tháng/năm"),
        ("bonus_base_salary", {"salary_day_0": "2024-07-01"}, "Dòng 1: nhập cả ngày áp dụng"),
        ("bonus_base_salary", {"salary_day_0": ""}, "Nhập ít nhất một mức lương cơ sở"),
        (
            "bonus_base_salary",
            {"salary_day_0": "2024-07-01", "salary_amount_0": "hai triệu"},
            "Số đồng là số nguyên, ví dụ 2.340.000.",
        ),
        (
            "bonus_base_salary",
            {
                "salary_day_0": "2024-07-01",
                "salary_amount_0": "1",
                "salary_day_1": "01/07/2024",
                "salary_amount_1": "2",
            },
            "Ngày 01/07/2024 có hai mức lương cơ sở",
        ),
        ("bonus_coefficients", {"coef_giay_khen": "-1"}, "Số lần phải lớn hơn 0."),
        ("bonus_household_multiplier", {"times": "150%"}, "không phải phần trăm"),
        ("bonus_household_multiplier", {}, "Nhập số lần, ví dụ 1,5."),
        ("bonus_rounding_step", {"amount": "0"}, "Số đồng phải lớn hơn 0."),
        ("bonus_rounding_mode", {"choice": "len"}, "Chọn một giá trị trong danh sách."),
    ],
)
def test_bad_input_of_the_new_forms_says_why_in_vietnamese(name, data, message):
    form = SettingForm(data, name=name)
    assert not form.is_valid()
    assert message in str(form.errors)


@pytest.mark.django_db
def test_the_page_saves_a_dated_salary_table_and_a_multiplier(client, demo_user):
    office = demo_user("thuongtruc")
    client.force_login(office)
    page = client.get(reverse("rules:settings")).content.decode()
    assert 'name="salary_day_0"' in page and 'name="coef_giay_khen"' in page
    assert 'name="reg_name"' in page and 'name="times"' in page
    url = reverse("rules:change_setting", args=["bonus_base_salary"])
    data = {"salary_day_0": "2024-07-01", "salary_amount_0": "2.340.000"}
    data |= {"salary_day_1": "2026-07-01", "salary_amount_1": "2.530.000"}
    response = client.post(url, data, follow=True)
    assert "Đã lưu tham số “Mức lương cơ sở theo ngày áp dụng" in response.content.decode()
    assert dict(config_for(office.unit).get("bonus_base_salary")) == {
        "2024-07-01": 2_340_000,
        "2026-07-01": 2_530_000,
    }
    url = reverse("rules:change_setting", args=["bonus_household_multiplier"])
    response = client.post(url, {"times": "150%"}, follow=True)
    assert "Không lưu được “Hộ gia đình được thưởng gấp" in response.content.decode()
    assert not RuleSetting.objects.filter(name="bonus_household_multiplier").exists()
    page = client.get(reverse("rules:settings")).content.decode()
    assert "từ ngày 01/07/2026: 2.530.000 đ" in page
