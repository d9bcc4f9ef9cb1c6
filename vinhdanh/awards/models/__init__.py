"""Awards: the catalogue, nominations and their workflow, decisions and certificates."""

from vinhdanh.awards.models.catalogue import (
    AwardBasis,
    DossierComponent,
    Title,
    TitleComponent,
    TitleKind,
)
from vinhdanh.awards.models.certificate import Certificate, PrinterProfile, PrintJob
from vinhdanh.awards.models.decision import (
    Decision,
    DecisionCounter,
    DecisionState,
    DecisionTransition,
)
from vinhdanh.awards.models.fund import (
    FundEntry,
    FundEntryKind,
    FundPlan,
    Revocation,
    RevocationGround,
)
from vinhdanh.awards.models.meetings import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingState,
    MeetingTransition,
)
from vinhdanh.awards.models.nomination import (
    Appraisal,
    Attachment,
    Batch,
    Nomination,
    State,
    Submission,
    Transition,
)
from vinhdanh.awards.models.review import Ballot, Choice, CouncilVote, Objection, PublicNotice

__all__ = [
    "AgendaItem",
    "Appraisal",
    "Attachment",
    "Attendance",
    "AttendanceStatus",
    "AwardBasis",
    "Ballot",
    "Batch",
    "Certificate",
    "Choice",
    "CouncilVote",
    "Decision",
    "DecisionCounter",
    "DecisionState",
    "DecisionTransition",
    "DossierComponent",
    "FundEntry",
    "FundEntryKind",
    "FundPlan",
    "Meeting",
    "MeetingState",
    "MeetingTransition",
    "Nomination",
    "Objection",
    "PrintJob",
    "PrinterProfile",
    "PublicNotice",
    "Revocation",
    "RevocationGround",
    "State",
    "Submission",
    "Title",
    "TitleComponent",
    "TitleKind",
    "Transition",
]
