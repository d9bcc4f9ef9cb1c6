from django.urls import path

from vinhdanh.rules import views

app_name = "rules"
urlpatterns = [
    path("settings/", views.settings_page, name="settings"),
    path("settings/<slug:name>/", views.change_setting, name="change_setting"),
]
