"""The one-stop systems' API, under /api/filings/ (see api.py)."""

from django.urls import path

from vinhdanh.filings import api

app_name = "filings"
urlpatterns = [
    path("token", api.TokenView.as_view(), name="token"),
    path("kinds", api.KindListView.as_view(), name="kinds"),
    path("filings", api.FilingCreateView.as_view(), name="file"),
    path("filings/<str:code>", api.FilingStatusView.as_view(), name="status"),
    path("filings/<str:code>/result", api.FilingResultView.as_view(), name="result"),
    path("filings/<str:code>/attachments", api.FilingAttachView.as_view(), name="attach"),
    path("filings/<str:code>/supplement", api.FilingSupplementView.as_view(), name="supplement"),
]
