from django.contrib import admin

from vinhdanh.audit.admin_audit import AuditedModelAdmin
from vinhdanh.org.models import (
    Cluster,
    Council,
    CouncilMember,
    Level,
    Person,
    PersonUnitHistory,
    PublicHoliday,
    Unit,
    UnitSuccession,
)


@admin.register(Level)
class LevelAdmin(AuditedModelAdmin):
    list_display = ["name", "code", "rank", "active_from", "active_until"]


@admin.register(Unit)
class UnitAdmin(AuditedModelAdmin):
    list_display = [
        "name",
        "code",
        "kind",
        "level",
        "parent",
        "is_active",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["kind", "level", "is_active"]
    search_fields = ["search_text"]


@admin.register(Person)
class PersonAdmin(AuditedModelAdmin):
    list_display = ["full_name", "code", "unit", "position", "gender", "is_direct_worker"]
    list_filter = ["gender", "is_direct_worker", "is_manager"]
    search_fields = ["search_text"]
    raw_id_fields = ["unit"]


class CouncilMemberInline(admin.TabularInline):
    model = CouncilMember
    raw_id_fields = ["person", "user"]


@admin.register(Council)
class CouncilAdmin(AuditedModelAdmin):
    inlines = [CouncilMemberInline]


@admin.register(Cluster)
class ClusterAdmin(AuditedModelAdmin):
    list_display = ["name", "year", "head", "deputy"]
    list_filter = ["year"]
    filter_horizontal = ["members", "followers"]


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(AuditedModelAdmin):
    list_display = ["predecessor", "successor", "share", "effective_on", "reorganisation"]
    raw_id_fields = ["predecessor", "successor", "reorganisation"]


@admin.register(PersonUnitHistory)
class PersonUnitHistoryAdmin(AuditedModelAdmin):
    list_display = ["person", "unit", "valid_from", "valid_to"]
    raw_id_fields = ["person", "unit"]


@admin.register(PublicHoliday)
class PublicHolidayAdmin(AuditedModelAdmin):
    """The holiday calendar the working-day counts read (public notice of nominations)."""

    list_display = ["day", "name", "kind"]
    list_filter = ["kind"]
    date_hierarchy = "day"
    search_fields = ["name"]
