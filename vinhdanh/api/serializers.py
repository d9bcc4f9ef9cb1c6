from rest_framework import serializers

from vinhdanh.org.models import Cluster, Person, Unit


class UnitSerializer(serializers.ModelSerializer):
    level = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "level", "parent", "is_active"]


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = [
            "id", "code", "full_name", "unit", "position", "gender", "birth_year",
            "is_direct_worker", "is_manager",
        ]  # fmt: skip


class ClusterSerializer(serializers.ModelSerializer):
    class Meta:
        model = Cluster
        fields = ["id", "code", "name", "year", "head", "deputy", "members"]
