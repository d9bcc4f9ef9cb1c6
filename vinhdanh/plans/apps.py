from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "vinhdanh.plans"
    label = "plans"
    verbose_name = _("Kế hoạch")
    menu_items = [
        ("plans:plan_list", _("Kế hoạch"), "bi-calendar2-check", None),
        (
            "plans:my_tasks",
            _("Nhiệm vụ của đơn vị"),
            "bi-list-check",
            "plans.follow_unit_tasks",
        ),
        ("plans:dashboard", _("Theo dõi tiến độ"), "bi-speedometer", None),
    ]

    def ready(self) -> None:
        from vinhdanh.plans.scopes import register_plan_scopes

        register_plan_scopes()
