"""The form behind each setting of the settings page, by the kind of its value: a
percentage, a number of years or times, yes or no, one of a few choices, a list of titles,
or a percentage per title. Each form writes the value the service stores (as JSON text,
read again by `parse_setting_value`), so staff never type JSON."""

import json
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.rules.engine import SETTINGS, default_catalogue
from vinhdanh.rules.setting_values import SettingValueError, parse_setting_value
from vinhdanh.rules.setting_words import (
    CHOICE,
    CHOICES,
    NUMBER,
    RATIO,
    THRESHOLDS,
    TITLES,
    YES_NO,
    kind_of,
    may_be_unlimited,
    title_name,
)

SELECT = {"class": "form-select form-select-sm"}
NUMBER_INPUT = {"class": "form-control form-control-sm w-7rem"}


def _percent_field(label, required=True):
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal("0.1"),
        max_value=Decimal(100),
        decimal_places=1,
        localize=True,
        error_messages={
            "required": _("Nhập tỷ lệ phần trăm."),
            "invalid": _("Tỷ lệ là một số, ví dụ 70 hoặc 66,7."),
            "min_value": _("Tỷ lệ phải lớn hơn 0%%."),
            "max_value": _("Tỷ lệ không quá 100%%."),
            "max_decimal_places": _("Tỷ lệ lấy tối đa một chữ số thập phân."),
        },
        widget=forms.TextInput(attrs={**NUMBER_INPUT, "inputmode": "decimal"}),
    )


def _share(percent: Decimal) -> float:
    return float(percent / 100)


def _percent(share) -> Decimal:
    return (Decimal(str(share)) * 100).quantize(Decimal("0.1")).normalize()


class SettingForm(forms.Form):
    """One setting's value; "reset" (the second button) goes back to the default."""

    reset = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, name: str, current=None, **kwargs):
        kwargs.setdefault("auto_id", f"id_{name}_%s")
        super().__init__(*args, **kwargs)
        self.name = name
        self.kind = kind_of(name)
        value = current  # the value applied now: a form opens on it
        label = _("Giá trị")
        if self.kind == RATIO:
            self.fields["percent"] = _percent_field(_("Tỷ lệ (%)"), required=False)
            if value is not None:
                self.fields["percent"].initial = _percent(value)
            if may_be_unlimited(name):
                self.fields["unlimited"] = forms.BooleanField(
                    label=_("Không giới hạn"), required=False, initial=value is None
                )
        elif self.kind == NUMBER:
            self.fields["number"] = forms.IntegerField(
                label=label,
                min_value=1,
                max_value=100,
                initial=value,
                error_messages={
                    "required": _("Nhập một số nguyên dương."),
                    "invalid": _("Nhập một số nguyên dương."),
                    "min_value": _("Số phải từ 1 trở lên."),
                    "max_value": _("Số không quá 100."),
                },
                widget=forms.NumberInput(attrs=NUMBER_INPUT),
            )
        elif self.kind == YES_NO:
            self.fields["answer"] = forms.TypedChoiceField(
                label=label,
                choices=[("1", _("Có")), ("0", _("Không"))],
                coerce=lambda v: v == "1",
                initial="1" if value else "0",
                error_messages={"required": _("Chọn có hoặc không.")},
                widget=forms.Select(attrs=SELECT),
            )
        elif self.kind == CHOICE:
            self.fields["choice"] = forms.ChoiceField(
                label=label,
                choices=CHOICES[name],
                initial=value,
                error_messages={"invalid_choice": _("Chọn một giá trị trong danh sách.")},
                widget=forms.Select(attrs=SELECT),
            )
        elif self.kind == TITLES:
            titles = default_catalogue().titles
            self.fields["titles"] = forms.MultipleChoiceField(
                label=_("Danh hiệu phải đăng ký"),
                required=False,
                choices=[(code, title.name) for code, title in titles.items()],
                initial=list(value or ()),
                error_messages={"invalid_choice": _("Có danh hiệu không có trong danh mục.")},
                widget=forms.CheckboxSelectMultiple,
            )
        else:
            for code, share in dict(SETTINGS[name].default).items():
                field = _percent_field(title_name(code))
                field.initial = _percent(dict(value or {}).get(code, share))
                self.fields[f"share_{code}"] = field

    def value_fields(self):
        return [self[name] for name in self.fields if name != "reset"]

    def clean(self):
        data = super().clean()
        if data.get("reset") or self.errors:
            return data
        try:
            value = self._value(data)
            text = json.dumps(value, ensure_ascii=False)
            parse_setting_value(self.name, text)
        except SettingValueError as error:
            raise forms.ValidationError(str(error)) from error
        data["value"] = text
        return data

    def _value(self, data):
        if self.kind == RATIO:
            if data.get("unlimited"):
                return None
            if data.get("percent") is None:
                raise forms.ValidationError(
                    _("Nhập tỷ lệ phần trăm.")
                    if not may_be_unlimited(self.name)
                    else _("Nhập tỷ lệ phần trăm, hoặc chọn “Không giới hạn”.")
                )
            return _share(data["percent"])
        if self.kind == NUMBER:
            return data["number"]
        if self.kind == YES_NO:
            return data["answer"]
        if self.kind == CHOICE:
            return data["choice"]
        if self.kind == TITLES:
            return list(data["titles"])
        assert self.kind == THRESHOLDS
        return {
            name.removeprefix("share_"): _share(data[name])
            for name in self.fields
            if name.startswith("share_")
        }
