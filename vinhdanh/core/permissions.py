"""What the home page shows per role, as named permissions."""

from vinhdanh.accounts.models import Role
from vinhdanh.accounts.predicates import has_role
from vinhdanh.workflow.permissions import define

# A council member's home lists the clusters they were given to follow.
define("core.see_followed_clusters", has_role(Role.COUNCIL_MEMBER))
