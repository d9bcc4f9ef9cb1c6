"""The councils in the admin site: their scoring sheet (criteria and maxima, a province's
setting) is edited here; initiatives move only through their workflow's pages."""

from django.contrib import admin

from vinhdanh.audit.admin_audit import AuditedModelAdmin
from vinhdanh.initiatives.models import InitiativeCouncil

admin.site.register(
    InitiativeCouncil,
    AuditedModelAdmin,
    list_display=["name", "unit", "level", "valid_from", "valid_to"],
    raw_id_fields=["unit"],
)
