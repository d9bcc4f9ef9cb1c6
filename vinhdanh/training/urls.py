from django.urls import path

from vinhdanh.training import views

app_name = "training"
urlpatterns = [
    path("", views.session_list, name="session_list"),
    path("new/", views.session_edit, name="session_create"),
    path("<int:pk>/", views.session_detail, name="session_detail"),
    path("<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("<int:pk>/step/<slug:action>/", views.session_step, name="session_step"),
    path("<int:pk>/materials/", views.material_add, name="material_add"),
    path(
        "<int:pk>/materials/<int:material_id>/file/",
        views.material_file,
        name="material_file",
    ),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("attendees/<int:attendee_id>/withdraw/", views.withdraw, name="withdraw"),
    path("attendees/<int:attendee_id>/evaluation/", views.evaluation, name="evaluation"),
    path("<int:pk>/giay-moi.docx", views.invitation_docx, name="invitation_docx"),
    path("<int:pk>/bao-cao.docx", views.report_docx, name="report_docx"),
]
