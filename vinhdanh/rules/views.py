import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts.councils import acting_council
from vinhdanh.rules.forms import SettingForm
from vinhdanh.rules.provincial import config_for, province_of, set_rule_setting
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
        row["value_text"] = json.dumps(row["value"], ensure_ascii=False)
        row["default_text"] = json.dumps(row["default"], ensure_ascii=False)
        if can_change:
            initial = {"value": row["value_text"] if row["overridden"] else ""}
            row["form"] = SettingForm(name=row["name"], initial=initial)
    return render(
        request,
        "rules/settings.html",
        {"province": province, "rows": rows, "can_change": can_change},
    )


@login_required
@require_POST
def change_setting(request, name: str):
    province = province_of(_own_unit(request.user))
    form = SettingForm(request.POST, name=name)

    def save():
        try:
            return set_rule_setting(
                actor=request.user, province=province, name=name, text=form.cleaned_data["value"]
            )
        except ValueError as error:
            # The service says why in Vietnamese (a reset of a default, a value it refuses).
            raise ValidationError(str(error)) from error

    if run_service(form, save) is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(
                    request,
                    _("Không lưu được “%(name)s”: %(error)s") % {"name": name, "error": error},
                )
    else:
        messages.success(request, _("Đã lưu tham số “%(name)s”.") % {"name": name})
    return redirect("rules:settings")
