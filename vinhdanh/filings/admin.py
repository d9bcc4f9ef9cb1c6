"""The administrator keeps the kinds of filings and the one-stop systems' credentials.

A new API client's secret is made on the server and shown once, in the message after
saving; only its hash is kept. "Tạo mã bí mật mới" replaces it the same way.
"""

import secrets

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.audit.admin_audit import AuditedModelAdmin
from vinhdanh.filings.models import ApiClient, FilingKind
from vinhdanh.filings.services import secret_digest


@admin.register(FilingKind)
class FilingKindAdmin(AuditedModelAdmin):
    list_display = ["name", "code", "answer_working_days", "active", "order"]
    list_editable = ["active", "order"]


@admin.register(ApiClient)
class ApiClientAdmin(AuditedModelAdmin):
    list_display = ["name", "client_id", "council", "enabled", "last_used_at"]
    list_filter = ["enabled"]
    fields = ["name", "client_id", "council", "enabled", "callback_url", "last_used_at"]
    readonly_fields = ["last_used_at"]
    actions = ["new_secret"]

    def save_model(self, request, obj, form, change):
        secret = None
        if not change:
            secret = secrets.token_urlsafe(32)
            obj.secret_hash = secret_digest(secret)
        super().save_model(request, obj, form, change)
        if secret:
            self._show_secret(request, obj, secret)

    def _show_secret(self, request, obj, secret: str) -> None:
        messages.warning(
            request,
            _(
                "Mã bí mật của %(client)s: %(secret)s — chỉ hiện một lần này; hãy chuyển cho "
                "đơn vị vận hành hệ thống một cửa qua kênh an toàn."
            )
            % {"client": obj.client_id, "secret": secret},
        )

    @admin.action(description=gettext_lazy("Tạo mã bí mật mới"))
    def new_secret(self, request, queryset):
        for client in queryset:
            secret = secrets.token_urlsafe(32)
            before = {"client_id": client.client_id}
            client.secret_hash = secret_digest(secret)
            client.save(update_fields=["secret_hash"])
            from vinhdanh.audit.services import record

            record(
                actor=request.user,
                action="filings.api_client.new_secret",
                instance=client,
                before=before,
                after={"client_id": client.client_id, "secret": "đã thay"},
            )
            self._show_secret(request, client, secret)
