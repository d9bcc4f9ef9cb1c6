"""Read-only REST API of movements and registrations, within the user's scope."""

from rest_framework import serializers, viewsets

from vinhdanh.movements import selectors
from vinhdanh.movements.models import Movement, Registration, RegistrationEntry


class MovementSerializer(serializers.ModelSerializer):
    launched_by_name = serializers.CharField(source="launched_by.name", read_only=True)

    class Meta:
        model = Movement
        fields = [
            "id",
            "name",
            "kind",
            "year",
            "status",
            "launched_by",
            "launched_by_name",
            "parent",
            "starts_on",
            "ends_on",
            "registration_deadline",
            "goals",
            "criteria",
            "target_units",
        ]


class EntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = RegistrationEntry
        fields = ["person", "title"]


class RegistrationSerializer(serializers.ModelSerializer):
    entries = EntrySerializer(many=True, read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "movement", "unit", "state", "submitted_at", "return_reason", "entries"]


class MovementViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MovementSerializer
    filterset_fields = ["year", "kind", "status", "parent"]

    def get_queryset(self):
        return selectors.movements_for(self.request.user).prefetch_related("target_units")


class RegistrationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RegistrationSerializer
    filterset_fields = ["movement", "unit", "state"]

    def get_queryset(self):
        return selectors.registrations_for(self.request.user).prefetch_related("entries")
