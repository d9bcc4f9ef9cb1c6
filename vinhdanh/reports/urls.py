from django.urls import path

from vinhdanh.reports import views

app_name = "reports"
urlpatterns = [
    path("awards/", views.award_statistics_page, name="award_statistics"),
    path("form-0601/", views.form_0601, name="form_0601"),
]
