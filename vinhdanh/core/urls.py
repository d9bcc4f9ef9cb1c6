from django.urls import path

from vinhdanh.core import views

app_name = "core"
urlpatterns = [
    path("verify/", views.verify_lookup, name="verify_lookup"),
]
