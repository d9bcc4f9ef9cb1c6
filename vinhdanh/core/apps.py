from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "vinhdanh.core"
    label = "core"
    verbose_name = _("Chung")

    def ready(self) -> None:
        from vinhdanh.core import checks  # noqa: F401 - registers the deploy checks
