from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts.councils import acting_council
from vinhdanh.rules.forms import SettingForm
from vinhdanh.rules.provincial import config_for, province_of, set_rule_setting
from vinhdanh.rules.setting_words import WORDS, value_text
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service


def _own_unit(user):
    """The unit whose province's settings the page shows: the user's, else the acting
    council's (an administrator without a unit)."""
    if user.unit_id:
        return user.unit
    council = acting_council(user)
    return council.unit if council is not None else None


@login_required
def settings_page(request):
    unit = _own_unit(request.user)
    province = province_of(unit)
    rows = config_for(unit).describe()
    can_change = allows(request.user, "rules.change_setting")
    for row in rows:
        row["label"], row["basis"] = WORDS[row["name"]]
        row["value_words"] = value_text(row["name"], row["value"])
        row["default_words"] = value_text(row["name"], row["default"])
        if can_change:
            row["form"] = SettingForm(name=row["name"], current=row["value"])
    return render(
        request,
        "rules/settings.html",
        {"province": province, "rows": rows, "can_change": can_change},
    )


@login_required
@require_POST
def change_setting(request, name: str):
    if name not in WORDS:
        raise Http404
    province = province_of(_own_unit(request.user))
    form = SettingForm(request.POST, name=name)
    label = WORDS[name][0]

    def save():
        text = "" if form.cleaned_data.get("reset") else form.cleaned_data["value"]
        try:
            return set_rule_setting(actor=request.user, province=province, name=name, text=text)
        except ValueError as error:
            # The service says why in Vietnamese (a reset of a default, a value it refuses).
            raise ValidationError(str(error)) from error

    if run_service(form, save) is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(
                    request,
                    _("Không lưu được “%(name)s”: %(error)s") % {"name": label, "error": error},
                )
    else:
        messages.success(request, _("Đã lưu tham số “%(name)s”.") % {"name": label})
    return redirect("rules:settings")
