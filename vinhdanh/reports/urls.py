from django.urls import path

from vinhdanh.reports import views

app_name = "reports"
urlpatterns = [
    path("awards/", views.award_statistics_page, name="award_statistics"),
    path("form-0601/", views.form_0601, name="form_0601"),
    path("form-0602/", views.form_0602, name="form_0602"),
    path("form-0603/", views.form_0603, name="form_0603"),
    path("form-0604/", views.form_0604, name="form_0604"),
    path("form-0605/", views.form_0605, name="form_0605"),
    path("work-staff/", views.work_staff, name="work_staff"),
    path("work-staff/<int:pk>/delete/", views.work_staff_delete, name="work_staff_delete"),
    path("work-bodies/<int:pk>/delete/", views.work_body_delete, name="work_body_delete"),
    path("person-categories/", views.person_categories, name="person_categories"),
]
