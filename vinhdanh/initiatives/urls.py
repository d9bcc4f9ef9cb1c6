from django.urls import path

from vinhdanh.initiatives import views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="initiative_list"),
    path("new/", views.initiative_create, name="initiative_create"),
    path("<int:pk>/", views.initiative_detail, name="initiative_detail"),
    path("<int:pk>/edit/", views.initiative_edit, name="initiative_edit"),
    path("<int:pk>/score/", views.initiative_score, name="initiative_score"),
    path("<int:pk>/vote/", views.initiative_vote, name="initiative_vote"),
    path("<int:pk>/recognise/", views.initiative_recognise, name="initiative_recognise"),
    path("<int:pk>/result-above/", views.initiative_result_above, name="initiative_result_above"),
    path("<int:pk>/do/<slug:action>/", views.initiative_action, name="initiative_action"),
    path("<int:pk>/evidence/<int:evidence_id>/", views.evidence_file, name="evidence_file"),
    path("<int:pk>/quyet-dinh.docx", views.decision_docx, name="decision_docx"),
    path("councils/", views.council_list, name="council_list"),
    path("councils/<int:pk>/", views.council_detail, name="council_detail"),
    path("councils/<int:pk>/members/", views.council_add_member, name="council_add_member"),
    path(
        "councils/<int:pk>/members/<int:member_id>/end/",
        views.council_end_member,
        name="council_end_member",
    ),
]
