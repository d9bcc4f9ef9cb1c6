from django.apps import apps
from django.utils.translation import gettext_lazy as _

from vinhdanh.accounts.access import ORGANISATION_WIDE_EDITORS, role_of

_MENU = [
    ("core:home", _("Tổng quan"), "bi-speedometer2", None),
    ("org:unit_tree", _("Đơn vị"), "bi-diagram-3", None),
    ("org:person_list", _("Cá nhân"), "bi-people", None),
    ("org:cluster_list", _("Cụm thi đua"), "bi-grid-3x3-gap", None),
    ("org:council", _("Hội đồng"), "bi-bank", None),
    ("audit:entry_list", _("Nhật ký"), "bi-journal-text", ORGANISATION_WIDE_EDITORS),
]


def navigation(request):
    role = role_of(getattr(request, "user", None))
    if role is None:
        return {"menu": [], "current_role": None}
    # Apps add their own entries through `menu_items` on their AppConfig.
    extra = [
        item for config in apps.get_app_configs() for item in getattr(config, "menu_items", [])
    ]
    menu = [
        {"url_name": url_name, "label": label, "icon": icon}
        for url_name, label, icon, roles in [*_MENU[:-1], *extra, _MENU[-1]]
        if roles is None or role in roles
    ]
    return {"menu": menu, "current_role": role}
