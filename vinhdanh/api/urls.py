from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from vinhdanh.api import views

app_name = "api"
router = DefaultRouter()
router.register("units", views.UnitViewSet, basename="unit")
router.register("people", views.PersonViewSet, basename="person")
router.register("clusters", views.ClusterViewSet, basename="cluster")
router.register("tasks", views.TaskViewSet, basename="task")
router.register("nominations", views.NominationViewSet, basename="nomination")
router.register("decisions", views.DecisionViewSet, basename="decision")
router.register("eligibility", views.EligibilityViewSet, basename="eligibility")
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("filings/", include("vinhdanh.filings.api_urls")),
    *router.urls,
]
