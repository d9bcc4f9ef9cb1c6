from django.urls import path

from vinhdanh.exemplars import views

app_name = "exemplars"
urlpatterns = [
    path("", views.exemplar_list, name="exemplar_list"),
    path("new/", views.exemplar_create, name="exemplar_create"),
    path("<int:pk>/", views.exemplar_detail, name="exemplar_detail"),
    path("<int:pk>/edit/", views.exemplar_edit, name="exemplar_edit"),
    path("<int:pk>/step/<slug:action>/", views.exemplar_step, name="exemplar_step"),
    path("<int:pk>/photos/", views.exemplar_photos, name="exemplar_photos"),
    path("<int:pk>/photos/<int:photo_id>/", views.photo_file, name="photo_file"),
    path("<int:pk>/photos/<int:photo_id>/remove/", views.photo_remove, name="photo_remove"),
    path("<int:pk>/evidence/", views.exemplar_evidence, name="exemplar_evidence"),
    path("<int:pk>/evidence/<int:item_id>/", views.evidence_file, name="evidence_file"),
    path("<int:pk>/consent/", views.exemplar_consent, name="exemplar_consent"),
    path("<int:pk>/commend/", views.exemplar_commend, name="exemplar_commend"),
    path("report/<int:year>.docx", views.report_docx, name="report_docx"),
    path("bang-vang/", views.board_index, name="board_index"),
    path("bang-vang/<int:council_id>/", views.board, name="board"),
    path("bang-vang/anh/<int:pk>/", views.board_photo, name="board_photo"),
]
