"""Read-only REST API; every queryset passes through the same scope as the pages."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from vinhdanh.accounts import access
from vinhdanh.api.pagination import CappedPagination
from vinhdanh.api.serializers import (
    ClusterSerializer,
    DecisionSerializer,
    NominationSerializer,
    PersonSerializer,
    TaskSerializer,
    UnitSerializer,
)
from vinhdanh.awards.eligibility import judgement_for
from vinhdanh.awards.models import Decision
from vinhdanh.awards.selectors import nominations_for
from vinhdanh.org import selectors
from vinhdanh.org.models import Cluster
from vinhdanh.plans.selectors import tasks_for
from vinhdanh.rules.engine import CaseError
from vinhdanh.rules.engine.judge import judge_data
from vinhdanh.rules.provincial import config_for


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = UnitSerializer
    filterset_fields = ["kind", "parent"]
    pagination_class = CappedPagination

    def get_queryset(self):
        return selectors.units_for(self.request.user, self.request.query_params.get("q", ""))


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PersonSerializer
    filterset_fields = ["unit", "gender", "is_direct_worker", "is_manager"]
    pagination_class = CappedPagination

    def get_queryset(self):
        return selectors.people_for(self.request.user, self.request.query_params.get("q", ""))


class ClusterViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClusterSerializer
    filterset_fields = ["year"]

    def get_queryset(self):
        return access.scope_queryset(self.request.user, Cluster.objects.prefetch_related("members"))


class TaskViewSet(viewsets.ReadOnlyModelViewSet):
    """The plans' tasks the user may see, with their derived status."""

    serializer_class = TaskSerializer
    filterset_fields = ["plan", "deadline_kind"]

    def get_queryset(self):
        return tasks_for(self.request.user)


class NominationCursor(CursorPagination):
    """Pages by the id after the last one returned (`next` and `previous` carry the cursor):
    a page deep into a province's nominations costs what the first one costs, where an
    OFFSET page reads every row before it."""

    ordering = "id"
    page_size = 50


class NominationViewSet(viewsets.ReadOnlyModelViewSet):
    """Nominations the caller may see, oldest first, in pages of 50 followed by cursor."""

    serializer_class = NominationSerializer
    filterset_fields = ["state", "year", "unit"]
    pagination_class = NominationCursor

    def get_queryset(self):
        return nominations_for(self.request.user).select_related("decision")

    @extend_schema(responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT})
    @action(detail=True)
    def verdict(self, request, pk=None):
        """The rules' verdict and bonus on the nomination: the page's and the CLI's function.
        Facts the engine refuses give 400 with its Vietnamese message."""
        nomination = self.get_object()
        try:
            judgement = judgement_for(nomination)
        except CaseError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        if judgement is None:
            return Response({"verdict": None, "bonus": None})
        return Response(judgement.as_dict())


class DecisionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DecisionSerializer
    filterset_fields = ["year", "issuer"]

    def get_queryset(self):
        return access.scope_queryset(self.request.user, Decision.objects.all()).order_by("pk")


class EligibilityViewSet(viewsets.ViewSet):
    """POST a case in the JSON shape of `manage.py check_eligibility` (vinhdanh/rules/README.md):
    the answer is the CLI's `--json` output (verdict, checks, bonus) under the caller's
    province's settings; an input error is 400 with the CLI's message."""

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def list(self, request):
        return Response(
            {
                "detail": "Gửi (POST) hồ sơ xét dạng JSON như lệnh check_eligibility để nhận "
                "kết luận, các tiêu chí và tiền thưởng."
            }
        )

    @extend_schema(
        request=OpenApiTypes.OBJECT,
        responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
    )
    def create(self, request):
        try:
            judgement = judge_data(request.data, config_for(getattr(request.user, "unit", None)))
        except CaseError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(judgement.as_dict())
