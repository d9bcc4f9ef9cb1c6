"""Calendar-feed addresses: made, listed and revoked by their owner; looked up by the feed.

The token is random (not signed with SECRET_KEY), so it cannot be forged from the key,
and only its SHA-256 is stored, so a copy of the database does not open any feed.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import record
from vinhdanh.org.models import Unit
from vinhdanh.plans.models import FeedToken

# A user subscribes a few calendars; more active addresses than this is a leak waiting.
MAX_ACTIVE_PER_USER = 20
# Writing "last used" on every poll of every calendar app is needless load.
LAST_USED_PRECISION = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class NewFeed:
    token: FeedToken
    secret: str  # shown once; only its hash is kept


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def feed_units(user) -> QuerySet:
    """Units whose feed the user may subscribe to: their unit and its direct sub-units,
    or for organisation-wide roles without a unit, every unit they may see."""
    units = access.scope_queryset(user, Unit.objects.filter(is_active=True))
    if user.unit_id:
        units = units.filter(pk=user.unit_id) | units.filter(parent_id=user.unit_id)
    return units.order_by("sort_key", "pk")


def tokens_of(user) -> QuerySet:
    return FeedToken.objects.filter(owner=user).select_related("unit")


@transaction.atomic
def create_feed_token(*, actor, unit: Unit, now: datetime.datetime | None = None) -> NewFeed:
    now = now or timezone.now()
    if not feed_units(actor).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("Bạn không thể tạo lịch hạn cho đơn vị này."))
    active = tokens_of(actor).filter(revoked_at__isnull=True, expires_at__gt=now)
    if active.count() >= MAX_ACTIVE_PER_USER:
        raise ValidationError(
            _("Bạn đã có %(count)s liên kết lịch hạn đang dùng; hãy thu hồi bớt trước khi tạo mới.")
            % {"count": MAX_ACTIVE_PER_USER}
        )
    secret = secrets.token_urlsafe(32)
    token = FeedToken.objects.create(
        owner=actor,
        unit=unit,
        token_hash=token_hash(secret),
        prefix=secret[:6],
        expires_at=now + datetime.timedelta(days=settings.FEED_TOKEN_DAYS),
    )
    # The hash stays out of the audit log: the log is read more widely than the table.
    record(
        actor=actor,
        action="plans.feed_token.create",
        instance=token,
        after={"unit": unit.pk, "prefix": token.prefix, "expires_at": token.expires_at.isoformat()},
    )
    return NewFeed(token=token, secret=secret)


@transaction.atomic
def revoke_feed_token(
    *, actor, token: FeedToken, now: datetime.datetime | None = None
) -> FeedToken:
    now = now or timezone.now()
    token = FeedToken.objects.select_for_update().get(pk=token.pk)
    if token.owner_id != actor.pk:
        raise PermissionDenied(_("Bạn chỉ thu hồi được liên kết lịch hạn của chính mình."))
    if token.revoked_at is not None:
        raise ValidationError(_("Liên kết này đã được thu hồi trước đó."))
    token.revoked_at = now
    token.save(update_fields=["revoked_at"])
    record(
        actor=actor,
        action="plans.feed_token.revoke",
        instance=token,
        before={"revoked_at": None},
        after={"revoked_at": now.isoformat()},
    )
    return token


def usable_token(secret: str, now: datetime.datetime | None = None) -> FeedToken | None:
    """The token behind a feed address, if it still opens the feed; else None."""
    now = now or timezone.now()
    if not secret or len(secret) > 100:
        return None
    token = (
        FeedToken.objects.select_related("unit", "owner", "owner__unit")
        .filter(token_hash=token_hash(secret))
        .first()
    )
    if token is None or not token.is_usable(now) or not token.owner.is_active:
        return None
    # An owner who moved to another unit, or lost the role, no longer reads its feed.
    if not feed_units(token.owner).filter(pk=token.unit_id).exists():
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        FeedToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
