from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "vinhdanh.reports"
    label = "reports"
    verbose_name = _("Thống kê, báo cáo")
    menu_items = [
        ("reports:award_statistics", _("Thống kê khen thưởng"), "bi-bar-chart", None),
        ("reports:form_0601", _("Biểu 0601: số phong trào"), "bi-table", None),
    ]
