from vinhdanh.accounts.predicates import is_standing_office, is_unit_editor
from vinhdanh.workflow.permissions import define

define("workflow_testing.close_errand", is_standing_office)
define("workflow_testing.send_errand", is_unit_editor | is_standing_office)
