from django.urls import path

from vinhdanh.ceremonies import views

app_name = "ceremonies"
urlpatterns = [
    path("", views.ceremony_list, name="ceremony_list"),
    path("new/", views.ceremony_edit, name="ceremony_create"),
    path("<int:pk>/", views.ceremony_detail, name="ceremony_detail"),
    path("<int:pk>/edit/", views.ceremony_edit, name="ceremony_edit"),
    path("<int:pk>/step/<slug:action>/", views.ceremony_step, name="ceremony_step"),
    path("<int:pk>/draw/", views.draw, name="draw"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/chuong-trinh.docx", views.programme_docx, name="programme_docx"),
    path("<int:pk>/kich-ban.docx", views.script_docx, name="script_docx"),
    path("<int:pk>/certificates.pdf", views.certificates_pdf, name="certificates_pdf"),
    path("honourees/<int:honouree_id>/move/", views.move, name="move"),
    path("receptions/new/", views.reception_new, name="reception_new"),
]
