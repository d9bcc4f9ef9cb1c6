from django.urls import path

from vinhdanh.home import views

app_name = "home"
urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    # audit keeps to the models and services every app writes through; its page is here
    path("audit/", views.audit_log, name="audit_log"),
]
