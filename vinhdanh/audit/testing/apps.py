from django.apps import AppConfig


class AuditTestingConfig(AppConfig):
    name = "vinhdanh.audit.testing"
    label = "audit_testing"
