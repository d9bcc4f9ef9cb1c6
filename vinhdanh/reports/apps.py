from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "vinhdanh.reports"
    label = "reports"
    verbose_name = _("Thống kê, báo cáo")
    menu_items = [
        ("reports:award_statistics", _("Thống kê khen thưởng"), "bi-bar-chart", None),
        ("reports:form_0601", _("Biểu thống kê (Bộ Nội vụ)"), "bi-table", None),
        ("reports:person_categories", _("Phân loại cá nhân theo năm"), "bi-person-vcard", None),
        (
            "reports:work_staff",
            _("Công chức làm công tác thi đua"),
            "bi-person-badge",
            "reports.view_work_staff",
        ),
    ]

    def ready(self) -> None:
        from vinhdanh.core import kept
        from vinhdanh.movements.models import Movement
        from vinhdanh.org.models import Cluster, Person
        from vinhdanh.reports.models import PersonCategory, WorkBody, WorkStaff
        from vinhdanh.reports.scopes import register_report_scopes

        register_report_scopes()
        # The forms count these: a change counts them again.
        kept.watch(Movement, Cluster, Person, PersonCategory, WorkBody, WorkStaff)
