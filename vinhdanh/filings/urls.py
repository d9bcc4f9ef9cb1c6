from django.urls import path

from vinhdanh.filings import public_views, views

app_name = "filings"
urlpatterns = [
    # open to anyone
    path("nop/", public_views.kind_list, name="public_kinds"),
    path("nop/<slug:code>/", public_views.public_form, name="public_form"),
    path("tra-cuu/", public_views.public_lookup, name="public_lookup"),
    path("tra-cuu/ho-so/", public_views.public_status, name="public_status"),
    path("tra-cuu/thoat/", public_views.public_forget, name="public_forget"),
    # the standing office
    path("", views.filing_list, name="filing_list"),
    path("<int:pk>/", views.filing_detail, name="filing_detail"),
    path("<int:pk>/request-more/", views.filing_request_more, name="filing_request_more"),
    path("<int:pk>/accept/", views.filing_accept, name="filing_accept"),
    path("<int:pk>/refuse/", views.filing_refuse, name="filing_refuse"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/file/",
        views.attachment_file,
        name="attachment_file",
    ),
]
