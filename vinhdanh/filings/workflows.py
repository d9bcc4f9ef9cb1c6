"""The workflow of an online filing, as data (see workflow.table).

received → accepted (a draft nomination is made from it) or refused with reasons;
received or supplemented → more requested (a reason and a deadline) → supplemented by the
filer → accepted or refused; a filing waiting for its supplement may also be refused.
"""

from django.utils.translation import gettext_lazy

from vinhdanh.filings import permissions
from vinhdanh.filings.models import FilingState
from vinhdanh.workflow.table import Action, Workflow

RECEIVED, MORE, SUPPLEMENTED = (
    FilingState.RECEIVED,
    FilingState.MORE_REQUESTED,
    FilingState.SUPPLEMENTED,
)

FILINGS = Workflow(
    name="filings.filing",
    states=FilingState,
    noun=gettext_lazy("hồ sơ trực tuyến"),
    history=("filings.FilingTransition", "filing"),
    actions={
        "request_more": Action(
            "request_more",
            frozenset({RECEIVED, SUPPLEMENTED}),
            (MORE,),
            permissions.HANDLE_FILING,
            gettext_lazy("Yêu cầu bổ sung"),
            note_required=True,
        ),
        "supplement": Action(
            "supplement",
            frozenset({MORE}),
            (SUPPLEMENTED,),
            permissions.ACT_AS_FILER,
            gettext_lazy("Bổ sung hồ sơ"),
        ),
        "accept": Action(
            "accept",
            frozenset({RECEIVED, SUPPLEMENTED}),
            (FilingState.ACCEPTED,),
            permissions.HANDLE_FILING,
            gettext_lazy("Chấp nhận, lập hồ sơ khen thưởng"),
        ),
        "refuse": Action(
            "refuse",
            frozenset({RECEIVED, MORE, SUPPLEMENTED}),
            (FilingState.REFUSED,),
            permissions.HANDLE_FILING,
            gettext_lazy("Từ chối"),
            note_required=True,
        ),
    },
)
