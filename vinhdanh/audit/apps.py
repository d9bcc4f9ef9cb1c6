from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "vinhdanh.audit"
    label = "audit"
    verbose_name = "Nhật ký"
