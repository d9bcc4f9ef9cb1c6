from django.apps import apps
from django.utils.translation import gettext_lazy as _

from vinhdanh.accounts.access import role_of
from vinhdanh.workflow.permissions import allows

# Each entry: (url name, label, icon, who sees it). Who: None for every signed-in user, or
# the name of a permission (e.g. "home.view_audit_log").
_ORGANISATION = [
    ("home:index", _("Tổng quan"), "bi-speedometer2", None),
    ("org:unit_tree", _("Đơn vị"), "bi-diagram-3", None),
    ("org:person_list", _("Cá nhân"), "bi-people", None),
    ("org:cluster_list", _("Cụm thi đua"), "bi-grid-3x3-gap", None),
    ("org:council", _("Hội đồng"), "bi-bank", None),
]
_ADMINISTRATION = [
    ("home:audit_log", _("Nhật ký thay đổi"), "bi-journal-text", "home.view_audit_log"),
]


def _shown(user, who) -> bool:
    return who is None or allows(user, who)


def _visible(items, user) -> list[dict]:
    return [
        {"url_name": url_name, "label": label, "icon": icon}
        for url_name, label, icon, who in items
        if _shown(user, who)
    ]


def navigation(request):
    """The sidebar: the organisation, then one group per app, then administration.

    Apps add their entries through `menu_items` on their AppConfig; the group takes
    the app's verbose name.
    """
    user = getattr(request, "user", None)
    role = role_of(user)
    if role is None:
        return {"menu_groups": [], "current_role": None}
    groups = [{"label": _("Tổ chức"), "items": _visible(_ORGANISATION, user)}]
    for config in apps.get_app_configs():
        items = _visible(getattr(config, "menu_items", []), user)
        if items:
            groups.append({"label": config.verbose_name, "items": items})
    groups.append({"label": _("Quản trị"), "items": _visible(_ADMINISTRATION, user)})
    return {"menu_groups": [group for group in groups if group["items"]], "current_role": role}
