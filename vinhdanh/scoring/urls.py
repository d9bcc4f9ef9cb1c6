from django.urls import include, path
from rest_framework.routers import DefaultRouter

from vinhdanh.scoring import api, views

app_name = "scoring"
router = DefaultRouter()
router.register("proposals", api.ProposalViewSet, basename="api-proposal")
urlpatterns = [
    path("api/", include(router.urls)),
    path("", views.cluster_list, name="cluster_list"),
    path("clusters/<int:pk>/", views.cluster_year_view, name="cluster_year"),
    path("clusters/<int:pk>/ranking.xlsx", views.ranking_xlsx, name="ranking_xlsx"),
    path("clusters/<int:pk>/rotate/", views.cluster_rotate, name="cluster_rotate"),
    path("clusters/<int:pk>/head/", views.cluster_appoint_head, name="cluster_appoint_head"),
    path("clusters/<int:pk>/covenant/", views.covenant_set, name="covenant_set"),
    path("clusters/<int:pk>/covenant/confirm/", views.covenant_confirm, name="covenant_confirm"),
    path("clusters/<int:pk>/giao-uoc.docx", views.covenant_docx, name="covenant_docx"),
    path("clusters/<int:pk>/report-<str:period>.docx", views.report_docx, name="report_docx"),
    path("clusters/<int:pk>/sheet/import/", views.sheet_import_view, name="sheet_import"),
    path("clusters/<int:pk>/sheet/lock/", views.sheet_lock, name="sheet_lock"),
    path("clusters/<int:pk>/sheet/deadline/", views.sheet_deadline, name="sheet_deadline"),
    path("clusters/<int:pk>/ballots/open/", views.ballot_open, name="ballot_open"),
    path("sheet-template.xlsx", views.sheet_template, name="sheet_template"),
    path("cards/<int:pk>/", views.scorecard_view, name="scorecard"),
    path("cards/<int:pk>/evidence/", views.evidence_attach, name="evidence_attach"),
    path(
        "cards/<int:pk>/evidence/<int:evidence_id>/file/",
        views.evidence_file,
        name="evidence_file",
    ),
    path("cards/<int:pk>/submit/", views.scorecard_submit, name="scorecard_submit"),
    path("ballots/<int:pk>/cast/", views.ballot_cast, name="ballot_cast"),
    path("ballots/<int:pk>/count/", views.ballot_count, name="ballot_count"),
]
