"""Calendar-feed addresses: listed for their owner, looked up by the feed.

The token is random (not signed with SECRET_KEY), so it cannot be forged from the key,
and only its SHA-256 is stored, so a copy of the database does not open any feed.
Tokens are made and revoked by `plans.services` (`create_feed_token`, `revoke_feed_token`).
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from vinhdanh.accounts import access
from vinhdanh.org.models import Unit
from vinhdanh.plans.models import FeedToken
from vinhdanh.workflow.permissions import allows

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
    if not allows(token.owner, "plans.subscribe_unit_feed", token.unit):
        return None
    # A usage stamp, not anybody's change: it is not audited (a calendar polls every hour).
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        FeedToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
