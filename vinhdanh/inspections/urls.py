from django.urls import path

from vinhdanh.inspections import views

app_name = "inspections"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("new/", views.plan_edit, name="plan_create"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/step/<slug:action>/", views.plan_step, name="plan_step"),
    path("<int:pk>/teams/", views.team_add, name="team_add"),
    path("<int:pk>/visits/", views.visit_add, name="visit_add"),
    path("<int:pk>/bao-cao.docx", views.summary_docx, name="summary_docx"),
    path("visits/<int:pk>/", views.visit_detail, name="visit_detail"),
    path("visits/<int:pk>/findings/", views.findings_save, name="findings_save"),
    path("visits/<int:pk>/step/<slug:action>/", views.visit_step, name="visit_step"),
    path("visits/<int:pk>/follow-ups/", views.follow_up_add, name="follow_up_add"),
    path("visits/<int:pk>/bien-ban.docx", views.minutes_docx, name="minutes_docx"),
    path("findings/<int:pk>/file/", views.evidence_file, name="evidence_file"),
    path("follow-ups/", views.follow_up_list, name="follow_up_list"),
    path(
        "follow-ups/<int:follow_up_id>/step/<slug:action>/",
        views.follow_up_step,
        name="follow_up_step",
    ),
]
