from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RulesConfig(AppConfig):
    name = "vinhdanh.rules"
    label = "rules"
    verbose_name = _("Quy tắc xét khen")
    menu_items = [("rules:settings", _("Tham số quy tắc"), "bi-sliders", None)]
