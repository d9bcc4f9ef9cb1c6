"""Role and scope checks shared by the awards services."""

from vinhdanh.accounts import access
from vinhdanh.awards import workflow


def require_step_role(user, action: str) -> None:
    access.require_role(user, *workflow.STEPS[action].roles)


def require_proposer_of(user, nomination) -> None:
    access.require_role(user, *workflow.PROPOSERS)
    access.require(user, access.CHANGE, nomination)


# The name and contact of a person who objected serve only to verify and answer the
# objection, which is the standing office's work; everyone else reads the text alone.
OBJECTION_CONTACT_ROLES = frozenset({workflow.ADMIN, workflow.OFFICE})


def may_see_objection_contact(user) -> bool:
    return access.role_of(user) in OBJECTION_CONTACT_ROLES
