"""What the pages that read every app show, per role, as named permissions."""

from vinhdanh.accounts.models import Role
from vinhdanh.accounts.predicates import has_role, is_standing_office
from vinhdanh.workflow.permissions import define

# The audit log names people and what they changed: the standing office and admin read it.
define("home.view_audit_log", is_standing_office, reads=True)
# A council member's home lists the clusters they were given to follow.
define("home.see_followed_clusters", has_role(Role.COUNCIL_MEMBER), reads=True)
