"""Who sets a province's values of the configurable rules: the standing office and admin."""

from vinhdanh.accounts.predicates import is_standing_office
from vinhdanh.workflow.permissions import define

define("rules.change_setting", is_standing_office)
