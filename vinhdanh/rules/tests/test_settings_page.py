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
