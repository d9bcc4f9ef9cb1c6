from django.urls import path

from vinhdanh.awards.views import batches, decisions, nominations, public

app_name = "awards"
urlpatterns = [
    path("", nominations.nomination_list, name="nomination_list"),
    path("titles/", nominations.title_list, name="title_list"),
    path("new/", nominations.nomination_create, name="nomination_create"),
    path("<int:pk>/", nominations.nomination_detail, name="nomination_detail"),
    path("<int:pk>/edit/", nominations.nomination_edit, name="nomination_edit"),
    path("votes/", nominations.vote_list, name="vote_list"),
    path("export.zip", nominations.dossier_export, name="dossier_export"),
    path("<int:pk>/attachments/", nominations.attachment_upload, name="attachment_upload"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        nominations.attachment_download,
        name="attachment_download",
    ),
    path("<int:pk>/report-template.docx", nominations.report_template, name="report_template"),
    path("<int:pk>/step/<slug:action>/", nominations.nomination_step, name="nomination_step"),
    path("<int:pk>/ballot/", nominations.ballot_cast, name="ballot_cast"),
    path(
        "<int:pk>/objections/<int:objection_id>/answer/",
        nominations.objection_answer,
        name="objection_answer",
    ),
    path("<int:pk>/dossier.zip", nominations.dossier_download, name="dossier_zip"),
    path("history/person/<int:pk>/", nominations.person_history, name="person_history"),
    path("history/unit/<int:pk>/", nominations.unit_history, name="unit_history"),
    path("batches/", batches.batch_list, name="batch_list"),
    path("batches/new/", batches.batch_create, name="batch_create"),
    path("batches/<int:pk>/", batches.batch_detail, name="batch_detail"),
    path("batches/<int:pk>/submit/", batches.batch_submit, name="batch_submit"),
    path("batches/<int:pk>/letter.docx", batches.batch_letter, name="batch_letter"),
    path("decisions/", decisions.decision_list, name="decision_list"),
    path("decisions/new/", decisions.decision_create, name="decision_create"),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path(
        "decisions/<int:pk>/document.<slug:fmt>",
        decisions.decision_document,
        name="decision_document",
    ),
    path("decisions/<int:pk>/revoke/", decisions.decision_revoke, name="decision_revoke"),
    path("decisions/<int:pk>/print/", decisions.print_start, name="print_start"),
    path("print/<int:pk>/", decisions.print_job, name="print_job"),
    path("print/<int:pk>/download/", decisions.print_download, name="print_download"),
    path("printers/<int:pk>/test-page.pdf", decisions.printer_test, name="printer_test"),
    path("certificates/<int:pk>/pdf/", decisions.certificate_pdf, name="certificate_pdf"),
    path("certificates/<int:pk>/revoke/", decisions.certificate_revoke, name="certificate_revoke"),
    path("verify/<str:token>/", public.verify, name="verify"),
    path("public/", public.public_list, name="public_list"),
    path("public/<int:pk>/objection/", public.public_objection, name="public_objection"),
]
