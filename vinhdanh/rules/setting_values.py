"""Reading a setting's value as typed by staff; pure, no database."""

import json
from datetime import date

from vinhdanh.rules.engine import SETTINGS, default_catalogue, make_config
from vinhdanh.rules.engine.bonus import validate_setting as validate_bonus_setting
from vinhdanh.rules.engine.bonus_settings import BONUS_SETTINGS


class SettingValueError(ValueError):
    pass


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _years_or_null(value) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise SettingValueError("Tham số này nhận một số năm nguyên dương, hoặc null.")


def _regulation(value) -> None:
    if value is None:
        return
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not value["name"]:
        raise SettingValueError(
            'Tham số này nhận {"name": "Quyết định …/QĐ-UBND", "number": "…", "from": '
            '"YYYY-MM-DD", "to": null}, hoặc null.'
        )
    for key in ("from", "to"):
        if value.get(key) is not None:
            try:
                date.fromisoformat(str(value[key]))
            except ValueError:
                raise SettingValueError(f"Ngày “{key}” phải có dạng YYYY-MM-DD.") from None


_SPECIAL = {
    "co_thi_dua_movement_min_years": _years_or_null,
    "provincial_regulation": _regulation,
}


def parse_setting_value(name: str, text: str):
    """The value of `name` written as JSON (0.7, 3, true, "xuat_sac", {"...": 0.8}, null)."""
    if name not in SETTINGS:
        raise SettingValueError(f"Không có tham số “{name}”.")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise SettingValueError(
            "Giá trị không đọc được: dùng số (0.7), true/false, null hoặc chuỗi trong ngoặc kép."
        ) from error
    default = SETTINGS[name].default
    if name in BONUS_SETTINGS:
        try:
            return validate_bonus_setting(name, value)
        except ValueError as error:
            raise SettingValueError(str(error)) from error
    if name in _SPECIAL:
        _SPECIAL[name](value)
    elif isinstance(default, bool):
        if not isinstance(value, bool):
            raise SettingValueError("Tham số này nhận true hoặc false.")
    elif isinstance(default, int):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise SettingValueError("Tham số này nhận một số nguyên dương.")
    elif default is None or isinstance(default, float):
        if value is not None and not (_is_number(value) and 0 < value <= 1):
            raise SettingValueError("Tham số này là một tỷ lệ từ 0 đến 1 (ví dụ 0.15), hoặc null.")
    elif isinstance(default, str):
        if not isinstance(value, str) or not value:
            raise SettingValueError("Tham số này nhận một chuỗi trong ngoặc kép.")
    elif isinstance(default, tuple):
        titles = default_catalogue().titles
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SettingValueError(
                'Tham số này nhận một danh sách mã danh hiệu, ví dụ ["lao_dong_tien_tien"].'
            )
        unknown = [v for v in value if v not in titles]
        if unknown:
            raise SettingValueError("Không có danh hiệu mã: " + ", ".join(unknown) + ".")
    elif isinstance(value, dict):
        if not all(_is_number(v) and 0 < v <= 1 for v in value.values()):
            raise SettingValueError("Mỗi ngưỡng là một tỷ lệ từ 0 đến 1.")
    else:
        raise SettingValueError("Tham số này nhận một bảng {tên: tỷ lệ}.")
    try:
        make_config({name: value})
    except (KeyError, TypeError, ValueError) as error:
        raise SettingValueError(f"Giá trị không hợp lệ: {error}") from error
    return value
