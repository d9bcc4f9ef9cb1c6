"""Role and scope checks shared by the awards services."""

from vinhdanh.accounts import access
from vinhdanh.awards import workflow


def require_step_role(user, action: str) -> None:
    access.require_role(user, *workflow.STEPS[action].roles)


def require_proposer_of(user, nomination) -> None:
    access.require_role(user, *workflow.PROPOSERS)
    access.require(user, access.CHANGE, nomination)
