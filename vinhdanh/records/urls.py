from django.urls import path

from vinhdanh.records import views

app_name = "records"
urlpatterns = [
    path("screening/", views.screening, name="screening"),
    path(
        "screening/<int:person_pk>/<slug:title_id>/",
        views.screening_detail,
        name="screening_detail",
    ),
]
