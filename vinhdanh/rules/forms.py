"""The form behind each setting of the settings page, by the kind of its value: a
percentage, a number of years or times, yes or no, one of a few choices, a list of titles,
a percentage per title, the province's regulation (four fields), a number of years or none,
a dated table of base salaries (rows of date + amount), a coefficient per title, a
multiplier, or an amount in đồng. Each form writes the value the service stores (as JSON text,
read again by `parse_setting_value`), so staff never type JSON."""

import json
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.documents.numbers import vn_number
from vinhdanh.rules.engine import SETTINGS, default_catalogue
from vinhdanh.rules.engine.bonus import default_coefficient
from vinhdanh.rules.setting_values import SettingValueError, parse_setting_value
from vinhdanh.rules.setting_words import (
    CHOICE,
    CHOICES,
    COEFFICIENTS,
    MONEY,
    MULTIPLIER,
    NUMBER,
    RATIO,
    REGULATION,
    SALARY_TABLE,
    THRESHOLDS,
    TITLES,
    YEARS,
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


class MoneyField(forms.IntegerField):
    """A whole number of đồng, typed as staff write it: "2.340.000", "2 340 000 đ"."""

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s.]|đồng$|đ$", "", value.strip().lower().replace("đồng", "đ"))
        return super().to_python(value)


def _money_field(label, required=True, max_value=1_000_000_000):
    return MoneyField(
        label=label,
        required=required,
        min_value=1,
        max_value=max_value,
        error_messages={
            "required": _("Nhập số đồng."),
            "invalid": _("Số đồng là số nguyên, ví dụ 2.340.000."),
            "min_value": _("Số đồng phải lớn hơn 0."),
            "max_value": _("Số đồng quá lớn."),
        },
        widget=forms.TextInput(attrs={**NUMBER_INPUT, "inputmode": "numeric"}),
    )


def _money_text(amount) -> str | None:
    """2340000 -> "2.340.000", as staff write it (and as `MoneyField` reads it back)."""
    return None if amount is None else vn_number(int(amount), 0)


def _times_field(label, required=True, placeholder=""):
    """A multiplier or a coefficient (how many times): 1,5 or 0,3, never a percentage."""
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal("0.01"),
        max_value=Decimal(1000),
        decimal_places=2,
        localize=True,
        error_messages={
            "required": _("Nhập số lần, ví dụ 1,5."),
            "invalid": _("Số lần là một số, ví dụ 1,5 hoặc 0,3 (không phải phần trăm)."),
            "min_value": _("Số lần phải lớn hơn 0."),
            "max_value": _("Số lần không quá 1.000."),
            "max_decimal_places": _("Số lần lấy tối đa hai chữ số thập phân."),
        },
        widget=forms.TextInput(
            attrs={**NUMBER_INPUT, "inputmode": "decimal"}
            | ({"placeholder": placeholder} if placeholder else {})
        ),
    )


DATE_INPUT = forms.DateInput(
    attrs={"type": "date", "class": "form-control form-control-sm"}, format="%Y-%m-%d"
)


def _date_field(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={
            "required": _("Nhập ngày."),
            "invalid": _("Ngày có dạng ngày/tháng/năm, ví dụ 01/07/2024."),
        },
        widget=DATE_INPUT,
    )


def _number(value: Decimal):
    """A Decimal as the JSON number the engine reads: 2 stays 2, 1.5 stays 1.5."""
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else float(value)


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value)).normalize()
    except (InvalidOperation, TypeError, ValueError):
        return None


def coefficient_titles() -> list[tuple[str, str]]:
    """The titles a coefficient can be set for (one per title; equivalents share theirs)."""
    return [
        (code, title.name)
        for code, title in default_catalogue().titles.items()
        if not title.equivalent_of
    ]


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
        elif self.kind == YEARS:
            self.fields["years"] = forms.IntegerField(
                label=_("Số năm"),
                required=False,
                min_value=1,
                max_value=100,
                initial=value,
                error_messages={
                    "invalid": _("Nhập một số nguyên dương."),
                    "min_value": _("Số phải từ 1 trở lên."),
                    "max_value": _("Số không quá 100."),
                },
                widget=forms.NumberInput(attrs=NUMBER_INPUT),
            )
            self.fields["no_minimum"] = forms.BooleanField(
                label=_("Không đặt thời gian tối thiểu"), required=False, initial=value is None
            )
        elif self.kind == REGULATION:
            value = value or {}
            self.fields["reg_name"] = forms.CharField(
                label=_("Tên văn bản"),
                max_length=300,
                required=False,
                initial=value.get("name", ""),
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm w-100"}),
            )
            self.fields["reg_number"] = forms.CharField(
                label=_("Số, ký hiệu"),
                max_length=60,
                required=False,
                initial=value.get("number", ""),
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            )
            self.fields["reg_from"] = _date_field(_("Áp dụng từ ngày"), required=False)
            self.fields["reg_from"].initial = value.get("from")
            self.fields["reg_to"] = _date_field(_("Đến ngày (để trống nếu còn hiệu lực)"), False)
            self.fields["reg_to"].initial = value.get("to")
        elif self.kind == SALARY_TABLE:
            rows = sorted(dict(value or SETTINGS[name].default).items())
            count = len(rows) + 2
            if self.is_bound:
                indexes = [
                    int(match.group(1))
                    for key in self.data
                    if (match := re.fullmatch(r"salary_day_(\d+)", key))
                ]
                count = min(max(indexes, default=-1) + 1, 50)
            self.salary_count = count
            for index in range(count):
                day, amount = rows[index] if index < len(rows) else (None, None)
                self.fields[f"salary_day_{index}"] = _date_field(_("Từ ngày"), required=False)
                self.fields[f"salary_day_{index}"].initial = day
                self.fields[f"salary_amount_{index}"] = _money_field(
                    _("Mức lương cơ sở (đồng)"), required=False
                )
                self.fields[f"salary_amount_{index}"].initial = _money_text(amount)
        elif self.kind == COEFFICIENTS:
            own = dict(value or {})
            for code, title in coefficient_titles():
                default = default_coefficient(code)
                placeholder = (
                    _("mặc định %(value)s") % {"value": default.replace(".", ",")}
                    if default
                    else _("chưa có")
                )
                field = _times_field(title, required=False, placeholder=placeholder)
                if code in own:
                    field.initial = _decimal(own[code])
                self.fields[f"coef_{code}"] = field
        elif self.kind == MULTIPLIER:
            self.fields["times"] = _times_field(_("Số lần (ví dụ 1,5; không phải phần trăm)"))
            self.fields["times"].initial = _decimal(value)
        elif self.kind == MONEY:
            self.fields["amount"] = _money_field(_("Số đồng"), max_value=10_000_000)
            self.fields["amount"].initial = _money_text(value)
        else:
            for code, share in dict(SETTINGS[name].default).items():
                field = _percent_field(title_name(code))
                field.initial = _percent(dict(value or {}).get(code, share))
                self.fields[f"share_{code}"] = field

    def value_fields(self):
        return [self[name] for name in self.fields if name != "reset"]

    def salary_rows(self):
        """(date, amount) bound fields, one pair per row of the base salary table."""
        return [
            (self[f"salary_day_{index}"], self[f"salary_amount_{index}"])
            for index in range(getattr(self, "salary_count", 0))
        ]

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
        if self.kind == YEARS:
            if data.get("no_minimum"):
                return None
            if data.get("years") is None:
                raise forms.ValidationError(
                    _("Nhập số năm, hoặc chọn “Không đặt thời gian tối thiểu”.")
                )
            return data["years"]
        if self.kind == REGULATION:
            return self._regulation(data)
        if self.kind == SALARY_TABLE:
            return self._salary_table(data)
        if self.kind == COEFFICIENTS:
            return {
                name.removeprefix("coef_"): _number(data[name])
                for name in self.fields
                if name.startswith("coef_") and data.get(name) is not None
            }
        if self.kind == MULTIPLIER:
            return _number(data["times"])
        if self.kind == MONEY:
            return data["amount"]
        assert self.kind == THRESHOLDS
        return {
            name.removeprefix("share_"): _share(data[name])
            for name in self.fields
            if name.startswith("share_")
        }

    def _regulation(self, data):
        name = (data.get("reg_name") or "").strip()
        number = (data.get("reg_number") or "").strip()
        start, end = data.get("reg_from"), data.get("reg_to")
        if not name:
            raise forms.ValidationError(
                _("Nhập tên văn bản quy định của tỉnh (để bỏ quy định, bấm “Về mặc định”).")
            )
        if start is None:
            raise forms.ValidationError(_("Nhập ngày văn bản bắt đầu áp dụng."))
        if end is not None and end < start:
            raise forms.ValidationError(_("Ngày hết áp dụng phải sau ngày bắt đầu áp dụng."))
        return {
            "name": name,
            "number": number,
            "from": start.isoformat(),
            "to": end.isoformat() if end else None,
        }

    def _salary_table(self, data):
        table = {}
        for index in range(self.salary_count):
            day, amount = data.get(f"salary_day_{index}"), data.get(f"salary_amount_{index}")
            if day is None and amount is None:
                continue
            if day is None or amount is None:
                raise forms.ValidationError(
                    _("Dòng %(row)s: nhập cả ngày áp dụng và mức lương cơ sở.") % {"row": index + 1}
                )
            if day.isoformat() in table:
                raise forms.ValidationError(
                    _("Ngày %(day)s có hai mức lương cơ sở; mỗi ngày chỉ một mức.")
                    % {"day": f"{day:%d/%m/%Y}"}
                )
            table[day.isoformat()] = amount
        if not table:
            raise forms.ValidationError(_("Nhập ít nhất một mức lương cơ sở và ngày áp dụng."))
        return dict(sorted(table.items()))
