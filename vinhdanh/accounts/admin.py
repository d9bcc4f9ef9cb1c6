from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from vinhdanh.accounts.models import Membership, User
from vinhdanh.audit.admin_audit import AuditedModelAdmin, AuditedUserAdmin


@admin.register(User)
class VinhDanhUserAdmin(AuditedUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = [*UserAdmin.fieldsets, ("Vinh Danh", {"fields": ["role", "unit", "council"]})]


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin):
    """A second seat (another council, role or unit) is added here; the account's own fields
    are its default seat (`accounts.councils`)."""

    list_display = ["user", "council", "role", "unit", "valid_from", "valid_to"]
    list_filter = ["council", "role"]
    raw_id_fields = ["user", "unit"]
