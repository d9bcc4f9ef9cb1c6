"""The form behind each row of the settings page: one province value, typed as JSON."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.rules.setting_values import SettingValueError, parse_setting_value


class SettingForm(forms.Form):
    value = forms.CharField(
        label=_("Giá trị"),
        required=False,
        strip=True,
        max_length=2000,
        error_messages={"max_length": _("Giá trị quá dài.")},
        widget=forms.TextInput(
            attrs={"class": "form-control form-control-sm", "placeholder": _("để trống = mặc định")}
        ),
    )

    def __init__(self, *args, name: str, **kwargs):
        kwargs.setdefault("auto_id", f"id_%s_{name}")
        super().__init__(*args, **kwargs)
        self.name = name
        self.fields["value"].widget.attrs["aria-label"] = name

    def clean_value(self) -> str:
        # Empty resets the province's value to the default; anything else must read as JSON.
        text = self.cleaned_data["value"]
        if text:
            try:
                parse_setting_value(self.name, text)
            except SettingValueError as error:
                raise forms.ValidationError(str(error)) from error
        return text
