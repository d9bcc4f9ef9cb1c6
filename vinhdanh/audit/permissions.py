"""Who reads the audit log: the standing office and admin (the log names people and changes)."""

from vinhdanh.accounts.predicates import is_standing_office
from vinhdanh.workflow.permissions import define

define("audit.view_log", is_standing_office)
