"""Read-only REST API of the clusters' ranking results and proposals, within scope."""

from rest_framework import serializers, viewsets

from vinhdanh.accounts import access
from vinhdanh.scoring.models import ClusterProposal


class ProposalSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = ClusterProposal
        fields = [
            "id",
            "cluster",
            "year",
            "unit",
            "unit_name",
            "title_code",
            "title_name",
            "rank",
            "votes",
        ]


class ProposalViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProposalSerializer
    filterset_fields = ["year", "cluster", "unit"]

    def get_queryset(self):
        return access.scope_queryset(
            self.request.user, ClusterProposal.objects.select_related("unit")
        )
