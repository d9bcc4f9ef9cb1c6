from django.urls import include, path
from rest_framework.routers import DefaultRouter

from vinhdanh.movements import api, views
from vinhdanh.movements import registration_views as reg

app_name = "movements"
router = DefaultRouter()
router.register("movements", api.MovementViewSet, basename="api-movement")
router.register("registrations", api.RegistrationViewSet, basename="api-registration")
urlpatterns = [
    path("api/", include(router.urls)),
    path("", views.movement_list, name="movement_list"),
    path("new/", views.movement_edit, name="movement_create"),
    path("<int:pk>/", views.movement_detail, name="movement_detail"),
    path("<int:pk>/edit/", views.movement_edit, name="movement_edit"),
    path("<int:pk>/launch/", views.movement_launch, name="movement_launch"),
    path("<int:pk>/attach/", views.movement_attach, name="movement_attach"),
    path("<int:pk>/documents/<int:document_id>/file/", views.document_file, name="document_file"),
    path("<int:pk>/ke-hoach.docx", views.launch_docx, name="launch_docx"),
    path("<int:pk>/register/", views.registration_start, name="registration_start"),
    path(
        "<int:pk>/registrations.<str:fmt>",
        views.registrations_export,
        name="registrations_export",
    ),
    path("registrations/", reg.registration_list, name="registration_list"),
    path(
        "registrations/<int:year>.<str:fmt>",
        views.registrations_year_export,
        name="registrations_year_export",
    ),
    path("registrations/template.xlsx", reg.registration_template, name="registration_template"),
    path("registrations/<int:pk>/", reg.registration_detail, name="registration_detail"),
    path("registrations/<int:pk>/submit/", reg.registration_submit, name="registration_submit"),
    path("registrations/<int:pk>/return/", reg.registration_return, name="registration_return"),
    path("registrations/<int:pk>/approve/", reg.registration_approve, name="registration_approve"),
    path(
        "registrations/<int:pk>/import/", reg.registration_import_view, name="registration_import"
    ),
]
