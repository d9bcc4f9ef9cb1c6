from django.utils import timezone
from rest_framework import serializers

from vinhdanh.awards.models import Decision, Nomination
from vinhdanh.org.models import Cluster, Person, Unit
from vinhdanh.plans.models import Task


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


class TaskSerializer(serializers.ModelSerializer):
    plan = serializers.CharField(source="plan.number", read_only=True)
    status = serializers.SerializerMethodField()
    deadline = serializers.SerializerMethodField()

    class Meta:
        model = Task
        fields = [
            "id", "plan", "number", "section", "content", "directing", "lead_units",
            "coordinating_units", "lead_groups", "coordinating_groups", "deadline", "status",
            "done_on",
        ]  # fmt: skip

    def get_status(self, task) -> str:
        return str(task.status_on(timezone.localdate()))

    def get_deadline(self, task) -> dict:
        return {
            "kind": task.deadline_kind,
            "date": task.deadline_date.isoformat() if task.deadline_date else None,
            "text": task.deadline_text,
        }


class NominationSerializer(serializers.ModelSerializer):
    title = serializers.SlugRelatedField(slug_field="code", read_only=True)
    basis = serializers.SlugRelatedField(slug_field="code", read_only=True)
    subject_name = serializers.CharField(read_only=True)
    decision = serializers.StringRelatedField(read_only=True)

    class Meta:
        model = Nomination
        fields = [
            "id", "unit", "person", "collective", "subject_name", "title", "basis", "year",
            "event", "state", "decision",
        ]  # fmt: skip


class DecisionSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "reference", "issuer", "year", "number", "signed_on", "subject", "signer"]
