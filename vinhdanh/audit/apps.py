from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

PROTECTING_MIGRATION = ("audit", "0004_entries_cannot_be_rewritten")


def _reinstall_triggers(sender, using, **kwargs) -> None:
    """SQLite drops a table's triggers when a migration rebuilds the table: put them back."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from vinhdanh.audit import triggers

    connection = connections[using]
    if PROTECTING_MIGRATION not in MigrationRecorder(connection).applied_migrations():
        return
    if triggers.missing(connection):
        triggers.install(connection)


class AuditConfig(AppConfig):
    name = "vinhdanh.audit"
    label = "audit"
    verbose_name = _("Nhật ký")

    def ready(self) -> None:
        from django.contrib import admin

        from vinhdanh.audit.admin_audit import audit_every_admin

        post_migrate.connect(_reinstall_triggers, sender=self)
        # The admin site has imported every app's admin module by now (it is listed first).
        audit_every_admin(admin.site)
