from django.urls import path

from vinhdanh.org import reorganisation_views, views

app_name = "org"
urlpatterns = [
    path("units/", views.unit_tree, name="unit_tree"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:pk>/merge/", views.unit_merge, name="unit_merge"),
    path("people/", views.person_list, name="person_list"),
    path("people/new/", views.person_edit, name="person_create"),
    path("people/import/", views.people_import, name="people_import"),
    path("people/import/template.xlsx", views.people_template, name="people_template"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("clusters/", views.cluster_list, name="cluster_list"),
    path("clusters/<int:pk>/", views.cluster_detail, name="cluster_detail"),
    path("council/", views.council, name="council"),
]

_R = "reorganisations/<int:pk>/"
urlpatterns += [
    path("reorganisations/", reorganisation_views.reorganisation_list, name="reorganisation_list"),
    path("reorganisations/new/", reorganisation_views.reorganisation_create,
         name="reorganisation_create"),
    path("reorganisations/template.xlsx", reorganisation_views.reorganisation_moves_template,
         name="reorganisation_moves_template"),
    path(_R, reorganisation_views.reorganisation_detail, name="reorganisation_detail"),
    path(_R + "successors/", reorganisation_views.reorganisation_add_successor,
         name="reorganisation_add_successor"),
    path(_R + "successors/remove/", reorganisation_views.reorganisation_remove_successor,
         name="reorganisation_remove_successor"),
    path(_R + "dissolved/", reorganisation_views.reorganisation_dissolved,
         name="reorganisation_dissolved"),
    path(_R + "people/", reorganisation_views.reorganisation_assign, name="reorganisation_assign"),
    path(_R + "people/remove/", reorganisation_views.reorganisation_unassign,
         name="reorganisation_unassign"),
    path(_R + "people/import/", reorganisation_views.reorganisation_import,
         name="reorganisation_import"),
    path(_R + "apply/", reorganisation_views.reorganisation_apply, name="reorganisation_apply"),
    path(_R + "cancel/", reorganisation_views.reorganisation_cancel, name="reorganisation_cancel"),
]  # fmt: skip
