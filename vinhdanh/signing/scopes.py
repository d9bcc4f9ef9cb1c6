"""Scope rules of signing certificates, trust roots and signed PDFs, and their file views."""

from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.signing.models import SignedDocument, SigningCertificate, TrustRoot


def register_signing_scopes() -> None:
    # A council's certificate and roots belong to the council's unit; units never change them.
    for model in (SigningCertificate, TrustRoot):
        access.register(
            model,
            access.ScopeRule(unit_path="council__unit__path", editable_by_unit=False),
        )
    # A signed PDF is seen by whoever sees its decision.
    access.register(
        SignedDocument,
        access.ScopeRule(
            unit_path=("decision__nominations__unit__path", "decision__issuer__path"),
            extra_view=_issued_by_my_council,
            editable_by_unit=False,
        ),
    )
    register_serving_view(
        SigningCertificate,
        "file",
        lambda item: reverse("signing:certificate_file", args=[item.pk]),
    )
    register_serving_view(
        SignedDocument, "file", lambda item: reverse("signing:document_file", args=[item.pk])
    )


def _issued_by_my_council(user):
    from django.db.models import Q

    from vinhdanh.accounts.councils import acting_council

    council = acting_council(user)
    if council is None or access.role_of(user) not in access.ORGANISATION_WIDE_VIEWERS:
        return Q(pk__in=[])
    return Q(decision__issuer_id=council.unit_id)
