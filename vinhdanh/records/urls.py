from django.urls import path

from vinhdanh.records import views

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
