"""Read-only REST API; every queryset passes through the same scope as the pages."""

from rest_framework import viewsets

from vinhdanh.accounts import access
from vinhdanh.api.serializers import ClusterSerializer, PersonSerializer, UnitSerializer
from vinhdanh.org import selectors
from vinhdanh.org.models import Cluster


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = UnitSerializer
    filterset_fields = ["kind", "parent"]

    def get_queryset(self):
        return selectors.units_for(self.request.user, self.request.query_params.get("q", ""))


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PersonSerializer
    filterset_fields = ["unit", "gender", "is_direct_worker", "is_manager"]

    def get_queryset(self):
        return selectors.people_for(self.request.user, self.request.query_params.get("q", ""))


class ClusterViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClusterSerializer
    filterset_fields = ["year"]

    def get_queryset(self):
        return access.scope_queryset(self.request.user, Cluster.objects.prefetch_related("members"))
