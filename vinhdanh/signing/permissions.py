"""Who may do what with signing certificates and signed PDFs: every check of the app.

An administrator keeps each council's signing certificate and trust roots; the standing
office and the chairman of the council that issued a decision sign it (or bring back the
copy the chairman signed elsewhere). Reading the signed file follows the decision's scope.
"""

import rules

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.accounts.models import Role
from vinhdanh.accounts.predicates import is_admin, is_leader, is_standing_office, may_view
from vinhdanh.workflow.permissions import define


def _decision_of(obj):
    # A decision, or an award certificate (its decision), or a signed document (its decision).
    return getattr(obj, "decision", obj)


@rules.predicate
def issued_by_acting_council(user, obj) -> bool:
    """The decision was issued by the council the user acts for (administrators: any)."""
    if obj is None:
        return True
    if access.role_of(user) == Role.ADMIN:
        return True
    council = acting_council(user)
    return council is not None and council.unit_id == _decision_of(obj).issuer_id


def _sample_decision():
    from vinhdanh.awards.models import Decision, DecisionState

    return (
        Decision.objects.filter(state=DecisionState.ISSUED, number__isnull=False)
        .order_by("pk")
        .first()
    )


def _sample_certificate():
    decision = _sample_decision()
    return decision.certificates.order_by("pk").first() if decision else None


def _sample_council():
    from vinhdanh.org.models import Council

    return Council.objects.order_by("pk").first()


_SIGNERS = (is_standing_office | is_leader) & issued_by_acting_council & may_view

VIEW_CERTIFICATES = define(
    "signing.view_certificates", is_admin | is_standing_office | is_leader, reads=True
)
MANAGE_CERTIFICATES = define("signing.manage_certificates", is_admin, sample=_sample_council)
SIGN_DECISION = define("signing.sign_decision", _SIGNERS, sample=_sample_decision)
SIGN_CERTIFICATE = define("signing.sign_certificate", _SIGNERS, sample=_sample_certificate)
UPLOAD_SIGNED = define("signing.upload_signed", _SIGNERS, sample=_sample_decision)
DOWNLOAD_SIGNED = define("signing.download_signed", may_view, sample=_sample_decision, reads=True)
