import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Unit
from vinhdanh.rules.provincial import config_for, province_of, set_rule_setting
from vinhdanh.rules.setting_values import SettingValueError, parse_setting_value


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("ttldtt_min_share", "0.8", 0.8),
        ("cstdcs_quota", "null", None),
        ("chain_window_years", "6", 6),
        ("one_state_form_per_year", "false", False),
        ("vote_thresholds", '{"chien_si_thi_dua_co_so": 0.75}', {"chien_si_thi_dua_co_so": 0.75}),
    ],
)
def test_setting_values_are_read_by_their_type(name, text, value):
    assert parse_setting_value(name, text) == value


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("khong_co", "1", "Không có tham số"),
        ("ttldtt_min_share", "1.5", "tỷ lệ từ 0 đến 1"),
        ("ttldtt_min_share", "bảy mươi", "không đọc được"),
        ("chain_window_years", "0", "số nguyên dương"),
        ("one_state_form_per_year", "1", "true hoặc false"),
        ("vote_thresholds", '{"x": 2}', "tỷ lệ từ 0 đến 1"),
    ],
)
def test_bad_setting_values_are_refused_in_vietnamese(name, text, message):
    with pytest.raises(SettingValueError) as error:
        parse_setting_value(name, text)
    assert message in str(error.value)


@pytest.mark.django_db
def test_a_province_value_replaces_the_default_for_its_units(demo_user):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    assert province_of(ward).code == "ha-noi"
    assert config_for(ward).get("cstdcs_quota_old") == 0.15
    set_rule_setting(
        actor=demo_user("thuongtruc"),
        province=province_of(ward),
        name="cstdcs_quota_old",
        text="0.2",
    )
    config = config_for(ward)
    assert config.get("cstdcs_quota_old") == 0.2
    described = {row["name"]: row for row in config.describe()}
    assert described["cstdcs_quota_old"]["overridden"] is True
    assert AuditEntry.objects.filter(action="rules.setting.set").count() == 1
    set_rule_setting(
        actor=demo_user("thuongtruc"), province=province_of(ward), name="cstdcs_quota_old", text=""
    )
    assert config_for(ward).get("cstdcs_quota_old") == 0.15


@pytest.mark.django_db
def test_only_the_office_changes_settings_and_the_page_marks_unconfirmed_values(demo_user, client):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    with pytest.raises(PermissionDenied):
        set_rule_setting(
            actor=demo_user("canbo.hoangliet"),
            province=province_of(ward),
            name="cstdcs_quota_old",
            text="0.2",
        )
    client.force_login(demo_user("canbo.hoangliet"))
    page = client.get(reverse("rules:settings")).content.decode()
    assert "chưa xác nhận" in page and "Lưu" not in page
    client.force_login(demo_user("thuongtruc"))
    response = client.post(
        reverse("rules:change_setting", args=["ttldtt_min_share"]), {"percent": "200"}, follow=True
    )
    assert "Không lưu được" in response.content.decode()


def test_registration_required_takes_a_list_of_known_titles():
    assert parse_setting_value("registration_required", '["lao_dong_tien_tien"]') == [
        "lao_dong_tien_tien"
    ]
    with pytest.raises(SettingValueError) as error:
        parse_setting_value("registration_required", '["khong_co"]')
    assert "khong_co" in str(error.value)


def test_engine_fails_an_unregistered_title_only_where_the_province_requires_it():
    from vinhdanh.rules.engine import Case, Context, evaluate, history_from_rows, make_config

    history = history_from_rows("person", ratings=[(2024, "xuat_sac")])
    required = make_config({"registration_required": ["lao_dong_tien_tien"]})
    unregistered = Case(2024, "lao_dong_tien_tien", history, Context(registered=False))
    assert evaluate(unregistered, required).verdict == "ineligible"
    assert all(c.rule != "dang_ky_thi_dua" for c in evaluate(unregistered).checks)
    registered = Case(2024, "lao_dong_tien_tien", history, Context(registered=True))
    check = next(c for c in evaluate(registered, required).checks if c.rule == "dang_ky_thi_dua")
    assert check.passed is True


@pytest.mark.django_db
def test_a_unit_officer_posting_a_value_is_refused_and_nothing_is_saved(demo_user, client):
    from vinhdanh.rules.models import RuleSetting

    client.force_login(demo_user("canbo.hoangliet"))
    response = client.post(
        reverse("rules:change_setting", args=["ttldtt_min_share"]), {"percent": "90"}, follow=True
    )
    assert "Bạn không có quyền thực hiện thao tác này." in response.content.decode()
    assert not RuleSetting.objects.filter(name="ttldtt_min_share").exists()
