from django.urls import path

from vinhdanh.contests import public, views

app_name = "contests"
urlpatterns = [
    path("", views.contest_list, name="contest_list"),
    path("new/", views.contest_edit, name="contest_create"),
    path("<int:pk>/", views.contest_detail, name="contest_detail"),
    path("<int:pk>/edit/", views.contest_edit, name="contest_edit"),
    path("<int:pk>/judges/", views.contest_judges, name="contest_judges"),
    path("<int:pk>/step/<str:action>/", views.contest_step, name="contest_step"),
    path("<int:pk>/rounds/add/", views.round_add, name="round_add"),
    path("<int:pk>/accept-waiting/", views.accept_waiting, name="accept_waiting"),
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/quyet-dinh.docx", views.decision_docx, name="decision_docx"),
    path("entries/<int:pk>/", views.entry_detail, name="entry_detail"),
    path("entries/<int:pk>/step/<str:action>/", views.entry_step, name="entry_step"),
    path("entries/<int:pk>/file/", views.entry_file, name="entry_file"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/step/<str:action>/", views.round_step, name="round_step"),
    path("rounds/<int:pk>/assign/", views.round_assign, name="round_assign"),
    path("rounds/<int:pk>/delete/", views.round_delete, name="round_delete"),
    path("rounds/<int:pk>/assign-one/", views.round_assign_one, name="round_assign_one"),
    path("sheets/", views.my_sheets, name="my_sheets"),
    path("sheets/<int:pk>/", views.sheet_detail, name="sheet_detail"),
    path("sheets/<int:pk>/scores/", views.sheet_scores, name="sheet_scores"),
    path("sheets/<int:pk>/step/<str:action>/", views.sheet_step, name="sheet_step"),
    path("sheets/<int:pk>/file/", views.sheet_file, name="sheet_file"),
    path("sheets/<int:pk>/replace/", views.sheet_replace, name="sheet_replace"),
    # The public's pages.
    path("public/", public.public_list, name="public_list"),
    path("public/<int:pk>/", public.public_detail, name="public_detail"),
    path("public/<int:pk>/enter/", public.public_enter, name="public_enter"),
    path("public/status/", public.public_status, name="public_status"),
]
