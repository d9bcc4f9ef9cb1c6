from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "vinhdanh.org"
    label = "org"
    verbose_name = "Tổ chức"

    def ready(self) -> None:
        from vinhdanh.org.scopes import register_org_scopes

        register_org_scopes()
