from django.contrib import admin

from vinhdanh.audit.admin_audit import AuditedModelAdmin
from vinhdanh.rules.models import RuleSetting

admin.site.register(RuleSetting, AuditedModelAdmin, list_display=["province", "name", "value"])
