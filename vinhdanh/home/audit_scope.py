"""Which audit entries a council's office reads: those written by the council's people.

The log is one chain for the instance; its administrator reads all of it. A council's
standing office reads the entries of the accounts that hold a seat in its acting council,
not what another council's people did.
"""

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.accounts.models import User
from vinhdanh.audit.models import AuditEntry


def audit_entries_for(user):
    entries = AuditEntry.objects.select_related("actor")
    if access.role_of(user) in access.INSTANCE_WIDE:
        return entries
    council = acting_council(user)
    if council is None:
        return entries.none()
    return entries.filter(actor__in=User.objects.filter(memberships__council=council))
