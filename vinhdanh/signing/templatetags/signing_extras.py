"""What the awards pages show of signing, without awards importing this app: the link to a
decision's signing page, and a certificate's signature on the public verification page."""

from django import template

from vinhdanh.signing import pades, selectors

register = template.Library()


@register.inclusion_tag("signing/_decision_link.html", takes_context=True)
def signing_link(context, decision):
    """On a decision's page: whether it is signed, and the way to its signing page."""
    return {"decision": decision, "current": selectors.current_for_decision(decision)}


@register.inclusion_tag("signing/_certificate_signature.html", takes_context=True)
def certificate_signature(context, certificate):
    """On the public page of a certificate: its signed PDF's check, else its decision's."""
    document = selectors.current_for_certificate(certificate) or selectors.current_for_decision(
        certificate.decision
    )
    if document is None:
        return {"document": None}
    return {"document": document, "verdict": selectors.check(document)}


@register.filter
def readable_name(rfc4514: str) -> str:
    """'CN=Ủy ban nhân dân …,O=Tổ chức,C=VN' as a person reads it: 'Ủy ban nhân dân … (Tổ chức)'."""
    return pades.readable_name(rfc4514)
