from django.urls import path

from vinhdanh.signing import views

app_name = "signing"
urlpatterns = [
    path("certificates/", views.certificate_list, name="certificate_list"),
    path("certificates/upload/", views.certificate_upload, name="certificate_upload"),
    path("certificates/<int:pk>/retire/", views.certificate_retire, name="certificate_retire"),
    path("certificates/<int:pk>/file/", views.certificate_file, name="certificate_file"),
    path("roots/upload/", views.trust_root_upload, name="trust_root_upload"),
    path("roots/<int:pk>/remove/", views.trust_root_remove, name="trust_root_remove"),
    path("decisions/<int:pk>/", views.decision_signing, name="decision_signing"),
    path("decisions/<int:pk>/sign/", views.sign_decision, name="sign_decision"),
    path("decisions/<int:pk>/prepare/", views.prepare, name="prepare"),
    path("decisions/<int:pk>/upload/", views.upload_signed, name="upload_signed"),
    path("award-certificates/<int:pk>/sign/", views.sign_certificate, name="sign_certificate"),
    path("documents/<int:pk>/file/", views.document_file, name="document_file"),
    path("verify/<str:token>/", views.verify, name="verify"),
]
