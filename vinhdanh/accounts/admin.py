from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from vinhdanh.accounts.models import User
from vinhdanh.audit.admin_audit import AuditedUserAdmin


@admin.register(User)
class VinhDanhUserAdmin(AuditedUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = [*UserAdmin.fieldsets, ("Vinh Danh", {"fields": ["role", "unit", "council"]})]
