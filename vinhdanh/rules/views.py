import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.rules.provincial import config_for, province_of, set_rule_setting
from vinhdanh.rules.setting_values import SettingValueError


@login_required
def settings_page(request):
    province = province_of(request.user.unit)
    rows = config_for(request.user.unit).describe()
    for row in rows:
        row["value_text"] = json.dumps(row["value"], ensure_ascii=False)
        row["default_text"] = json.dumps(row["default"], ensure_ascii=False)
    can_change = access.role_of(request.user) in access.ORGANISATION_WIDE_EDITORS
    return render(
        request,
        "rules/settings.html",
        {"province": province, "rows": rows, "can_change": can_change},
    )


@login_required
@require_POST
def change_setting(request, name: str):
    province = province_of(request.user.unit)
    try:
        set_rule_setting(
            actor=request.user, province=province, name=name, text=request.POST.get("value", "")
        )
    except (SettingValueError, ValueError) as error:
        messages.error(
            request, _("Không lưu được “%(name)s”: %(error)s") % {"name": name, "error": error}
        )
    else:
        messages.success(request, _("Đã lưu tham số “%(name)s”.") % {"name": name})
    return redirect("rules:settings")
