from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "vinhdanh.awards"
    label = "awards"
    verbose_name = _("Khen thưởng")
    menu_items = [
        ("awards:nomination_list", _("Hồ sơ khen thưởng"), "bi-award", None),
        ("awards:vote_list", _("Biểu quyết"), "bi-check2-square", "awards.follow_votes"),
        ("awards:meeting_list", _("Phiên họp Hội đồng"), "bi-people", "awards.view_meetings"),
        ("awards:inbox", _("Hồ sơ cấp dưới trình"), "bi-inbox", "awards.view_inbox"),
        ("awards:decision_list", _("Quyết định"), "bi-file-earmark-text", None),
        ("awards:fund_ledger", _("Quỹ thi đua, khen thưởng"), "bi-cash-coin", "awards.view_fund"),
        ("awards:title_list", _("Danh mục khen thưởng"), "bi-list-stars", None),
    ]

    def ready(self) -> None:
        from vinhdanh.awards.scopes import register_award_scopes

        register_award_scopes()

        from vinhdanh.awards.models import Certificate, Decision, Nomination
        from vinhdanh.core import kept

        # The statistics and the chart page keep their counts until one of these changes.
        kept.watch(Nomination, Decision, Certificate)

        from vinhdanh.awards.history_source import decided_award_rows, decided_awards
        from vinhdanh.records.history import register_award_rows_source, register_award_source

        register_award_source(decided_awards)
        register_award_rows_source(decided_award_rows)
