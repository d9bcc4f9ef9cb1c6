from django.urls import path

from vinhdanh.records import keeping_views, views

app_name = "records"
urlpatterns = [
    path("screening/", views.screening, name="screening"),
    path("screening/start/", views.screening_start, name="screening_start"),
    path("screening/jobs/<int:pk>/", views.screening_job, name="screening_job"),
    path("screening/jobs/<int:pk>/result/", views.screening_result, name="screening_result"),
    path("screening/jobs/<int:pk>/export/", views.screening_export, name="screening_export"),
    path(
        "screening/<int:person_pk>/<slug:title_id>/",
        views.screening_detail,
        name="screening_detail",
    ),
]

# The records units keep: <kind> is ratings, initiatives or discipline.
_K = "kept/<slug:kind>/"
urlpatterns += [
    path("kept/", keeping_views.record_list, {"kind": "ratings"}, name="kept"),
    path(_K, keeping_views.record_list, name="record_list"),
    path(_K + "new/", keeping_views.record_edit, name="record_create"),
    path(_K + "<int:pk>/edit/", keeping_views.record_edit, name="record_edit"),
    path(_K + "<int:pk>/delete/", keeping_views.record_delete, name="record_delete"),
    path(_K + "import/", keeping_views.record_import, name="record_import"),
    path(_K + "template.xlsx", keeping_views.record_template, name="record_template"),
    path("kept/imports/<int:pk>/", keeping_views.record_import_preview,
         name="record_import_preview"),
    path("kept/imports/<int:pk>/apply/", keeping_views.record_import_apply,
         name="record_import_apply"),
]  # fmt: skip
