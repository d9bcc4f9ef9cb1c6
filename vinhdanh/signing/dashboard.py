"""The home page's card: the council's issued decisions not yet signed digitally."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.accounts.councils import acting_council
from vinhdanh.awards.models import Decision, DecisionState
from vinhdanh.core.cards import Card
from vinhdanh.signing.models import SignedDocument
from vinhdanh.signing.permissions import SIGN_DECISION
from vinhdanh.workflow.permissions import allows


def unsigned_decisions(council):
    signed = SignedDocument.objects.filter(
        decision=OuterRef("pk"),
        certificate__isnull=True,
        status=SignedDocument.Status.SIGNED,
    )
    return Decision.objects.filter(
        issuer_id=council.unit_id, state=DecisionState.ISSUED, number__isnull=False
    ).exclude(Exists(signed))


def cards(user) -> list[Card]:
    council = acting_council(user)
    if council is None or not allows(user, SIGN_DECISION):
        return []
    count = unsigned_decisions(council).count()
    if not count:
        return []
    return [
        Card(
            _("Quyết định chưa ký số"),
            count,
            reverse("awards:decision_list"),
            "bi-pen",
            "warning",
        )
    ]
