from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MovementsConfig(AppConfig):
    name = "vinhdanh.movements"
    label = "movements"
    verbose_name = _("Phong trào thi đua")
    # (url name, label, Bootstrap icon, roles or None for every signed-in role)
    menu_items = [
        ("movements:movement_list", _("Phong trào"), "bi-flag", None),
        ("movements:registration_list", _("Đăng ký thi đua"), "bi-card-checklist", None),
    ]

    def ready(self) -> None:
        from vinhdanh.movements.scopes import register_movement_scopes

        register_movement_scopes()
