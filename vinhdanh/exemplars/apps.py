from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarsConfig(AppConfig):
    name = "vinhdanh.exemplars"
    label = "exemplars"
    verbose_name = _("Gương điển hình, người tốt việc tốt")
    # (url name, label, Bootstrap icon, roles or None for every signed-in role)
    menu_items = [
        ("exemplars:exemplar_list", _("Gương điển hình"), "bi-star", None),
    ]

    def ready(self) -> None:
        from vinhdanh.exemplars.scopes import register_exemplar_scopes

        register_exemplar_scopes()
