from django.contrib import admin

from vinhdanh.audit.admin_audit import AuditedModelAdmin
from vinhdanh.records.models import DisciplineRecord, Initiative, PastAward, Rating

for model in (Rating, PastAward, Initiative, DisciplineRecord):
    admin.site.register(
        model,
        AuditedModelAdmin,
        list_display=["__str__", "year"],
        raw_id_fields=["person", "unit"],
    )
