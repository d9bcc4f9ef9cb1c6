"""Who reads the statistics: every signed-in user, each within their own scope.

The figures themselves are scoped by the rows the user may see (`accounts.access`).
"""

import rules

from vinhdanh.workflow.permissions import define

define("reports.view_statistics", rules.is_authenticated, reads=True)
