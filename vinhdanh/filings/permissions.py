"""Who may do what with online filings: every check of the app is named here.

The standing office of the council a filing went to works on it (the scope registry says
which filings: `scopes.py`); the filer, proven by code and second factor or by the one-stop
system, supplements the one filing they were proven for (`actors.Filer`).
"""

import rules

from vinhdanh.accounts.predicates import is_admin, is_standing_office, may_change, may_view
from vinhdanh.workflow.permissions import define


def _sample_filing():
    from vinhdanh.filings.demo import sample_filing

    return sample_filing()


@rules.predicate
def is_filer_of(user, filing) -> bool:
    from vinhdanh.filings.actors import Filer

    return isinstance(user, Filer) and filing is not None and user.filing_id == filing.pk


VIEW_FILINGS = define("filings.view_filings", is_standing_office, reads=True)
VIEW_FILING = define(
    "filings.view_filing", is_standing_office & may_view, sample=_sample_filing, reads=True
)
HANDLE_FILING = define(
    "filings.handle_filing", is_standing_office & may_change, sample=_sample_filing
)
ACT_AS_FILER = define("filings.act_as_filer", is_filer_of, sample=_sample_filing)
# The one-stop systems' credentials: the instance administrator's (the admin site, the demo).
MANAGE_API_CLIENTS = define("filings.manage_api_clients", is_admin)
