from django.apps import apps
from django.utils.translation import gettext_lazy as _

from vinhdanh.accounts.access import ORGANISATION_WIDE_EDITORS, role_of

_ORGANISATION = [
    ("home:index", _("Tổng quan"), "bi-speedometer2", None),
    ("org:unit_tree", _("Đơn vị"), "bi-diagram-3", None),
    ("org:person_list", _("Cá nhân"), "bi-people", None),
    ("org:cluster_list", _("Cụm thi đua"), "bi-grid-3x3-gap", None),
    ("org:council", _("Hội đồng"), "bi-bank", None),
]
_ADMINISTRATION = [
    ("home:audit_log", _("Nhật ký thay đổi"), "bi-journal-text", ORGANISATION_WIDE_EDITORS),
]


def _visible(items, role) -> list[dict]:
    return [
        {"url_name": url_name, "label": label, "icon": icon}
        for url_name, label, icon, roles in items
        if roles is None or role in roles
    ]


def navigation(request):
    """The sidebar: the organisation, then one group per app, then administration.

    Apps add their entries through `menu_items` on their AppConfig; the group takes
    the app's verbose name.
    """
    role = role_of(getattr(request, "user", None))
    if role is None:
        return {"menu_groups": [], "current_role": None}
    groups = [{"label": _("Tổ chức"), "items": _visible(_ORGANISATION, role)}]
    for config in apps.get_app_configs():
        items = _visible(getattr(config, "menu_items", []), role)
        if items:
            groups.append({"label": config.verbose_name, "items": items})
    groups.append({"label": _("Quản trị"), "items": _visible(_ADMINISTRATION, role)})
    return {"menu_groups": [group for group in groups if group["items"]], "current_role": role}
