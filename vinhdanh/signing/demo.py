"""The demo's signing: a demo CA and signer made at load time (never for real use), the
council's certificate and trust root uploaded through the services, one decision signed.

Called twice by the demo loader: after the 2021 history (the district council signs one of
its decisions) and after the Hà Nội 2026 chapter (the city council does). Idempotent: a
council that already has a certificate is left as it is.
"""

from vinhdanh.accounts.models import Role, User
from vinhdanh.awards.models import Decision, DecisionState
from vinhdanh.org.models import Council
from vinhdanh.signing import made_ca, services
from vinhdanh.signing.models import SigningCertificate

DEMO_PASSWORD = "vinhdanh-demo-khong-dung-that"
CITY = "ha-noi"
DISTRICT = "hoang-mai"


def _admin() -> User | None:
    return (
        User.objects.filter(role=Role.ADMIN).order_by("pk").first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
    )


def _office(council) -> User | None:
    return (
        User.objects.filter(role=Role.STANDING_OFFICE, council=council, is_active=True)
        .order_by("pk")
        .first()
    )


def _council() -> Council | None:
    for code in (CITY, DISTRICT):
        council = Council.objects.filter(unit__code=code).select_related("unit").first()
        if council is not None:
            return council
    return None


def equip(council, admin, office) -> None:
    """A demo certificate and trust root for `council`, and its first decision signed."""
    authority = made_ca.make_authority()
    signer = made_ca.make_signer(authority, council.unit.name)
    services.add_trust_root(admin, council, filename="ca-vinh-danh-demo.pem", content=authority.pem)
    services.upload_certificate(
        admin,
        council,
        filename="chung-thu-demo.p12",
        content=made_ca.pkcs12_of(signer, authority, DEMO_PASSWORD),
        password=DEMO_PASSWORD,
    )
    decision = (
        Decision.objects.filter(
            issuer=council.unit, state=DecisionState.ISSUED, number__isnull=False
        )
        .order_by("pk")
        .first()
    )
    if decision is not None and office is not None:
        services.sign_decision(office, decision)


def load() -> None:
    council = _council()
    admin = _admin()
    if council is None or admin is None:
        return
    if SigningCertificate.objects.filter(council=council).exists():
        return
    equip(council, admin, _office(council))
