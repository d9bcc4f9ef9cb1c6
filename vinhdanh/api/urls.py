from rest_framework.routers import DefaultRouter

from vinhdanh.api import views

app_name = "api"
router = DefaultRouter()
router.register("units", views.UnitViewSet, basename="unit")
router.register("people", views.PersonViewSet, basename="person")
router.register("clusters", views.ClusterViewSet, basename="cluster")
urlpatterns = router.urls
