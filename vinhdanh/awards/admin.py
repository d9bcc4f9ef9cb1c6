"""The catalogue and printer settings are adjusted here; workflow data only through services."""

from django.contrib import admin

from vinhdanh.audit.admin_audit import AuditedModelAdmin
from vinhdanh.awards.models import (
    AwardBasis,
    DossierComponent,
    PrinterProfile,
    Title,
    TitleComponent,
)


class TitleComponentInline(admin.TabularInline):
    model = TitleComponent
    extra = 0


@admin.register(Title)
class TitleAdmin(AuditedModelAdmin):
    list_display = ["name", "code", "kind", "group", "vote_threshold", "is_active"]
    list_filter = ["kind", "group", "is_active"]
    search_fields = ["name", "code"]
    filter_horizontal = ["award_bases"]
    inlines = [TitleComponentInline]


@admin.register(AwardBasis)
class AwardBasisAdmin(AuditedModelAdmin):
    list_display = ["name", "code", "legal_basis"]


@admin.register(DossierComponent)
class DossierComponentAdmin(AuditedModelAdmin):
    list_display = ["name", "code", "generated", "legal_basis"]


@admin.register(PrinterProfile)
class PrinterProfileAdmin(AuditedModelAdmin):
    list_display = ["name", "offset_x_mm", "offset_y_mm", "qr_corner"]
