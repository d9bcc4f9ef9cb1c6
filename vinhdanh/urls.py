from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("vinhdanh.home.urls")),
    path("", include("vinhdanh.core.urls")),
    path("accounts/", include("vinhdanh.accounts.urls")),
    path("org/", include("vinhdanh.org.urls")),
    path("plans/", include("vinhdanh.plans.urls")),
    path("records/", include("vinhdanh.records.urls")),
    path("rules/", include("vinhdanh.rules.urls")),
    path("reports/", include("vinhdanh.reports.urls")),
    path("movements/", include("vinhdanh.movements.urls")),
    path("scoring/", include("vinhdanh.scoring.urls")),
    path("awards/", include("vinhdanh.awards.urls")),
    path("training/", include("vinhdanh.training.urls")),
    path("inspections/", include("vinhdanh.inspections.urls")),
    path("ceremonies/", include("vinhdanh.ceremonies.urls")),
    path("signing/", include("vinhdanh.signing.urls")),
    path("exemplars/", include("vinhdanh.exemplars.urls")),
    path("contests/", include("vinhdanh.contests.urls")),
    path("initiatives/", include("vinhdanh.initiatives.urls")),
    path("filings/", include("vinhdanh.filings.urls")),
    path("api/", include("vinhdanh.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# Vietnamese error pages in the site's layout (core/errors.py).
handler400 = "vinhdanh.core.errors.bad_request"
handler403 = "vinhdanh.core.errors.permission_denied"
handler404 = "vinhdanh.core.errors.page_not_found"
handler500 = "vinhdanh.core.errors.server_error"

# Uploaded files are never served from a folder, not even with DEBUG on: only the views
# that check scope serve them (core/files.py).
