"""Business actions of the awards app: one function per action, each in a transaction."""

from vinhdanh.awards.services.batches import create_batch, submit_batch
from vinhdanh.awards.services.decisions import (
    hand_over,
    issue_decision,
    next_decision_number,
    record_higher_decision,
    revoke_certificate,
    revoke_decision,
)
from vinhdanh.awards.services.nominations import (
    add_attachment,
    create_nomination,
    resubmit_nomination,
    submit_nomination,
    update_nomination,
)
from vinhdanh.awards.services.proposals import draft_nominations_from_proposals
from vinhdanh.awards.services.review import (
    announce_nomination,
    answer_objection,
    appraise_nomination,
    cast_ballot,
    close_vote,
    file_objection,
    forget_old_objection_contacts,
    open_vote,
    record_ballot,
    return_nomination,
)
from vinhdanh.awards.services.upward import (
    council_above,
    councils_above,
    forward_nominations,
    forward_to_higher_level,
    send_back,
)
from vinhdanh.workflow.engine import ConflictError

__all__ = [
    "ConflictError",
    "add_attachment",
    "announce_nomination",
    "answer_objection",
    "appraise_nomination",
    "cast_ballot",
    "close_vote",
    "council_above",
    "councils_above",
    "create_batch",
    "create_nomination",
    "draft_nominations_from_proposals",
    "file_objection",
    "forget_old_objection_contacts",
    "forward_nominations",
    "forward_to_higher_level",
    "hand_over",
    "issue_decision",
    "next_decision_number",
    "open_vote",
    "record_ballot",
    "record_higher_decision",
    "resubmit_nomination",
    "return_nomination",
    "revoke_certificate",
    "revoke_decision",
    "send_back",
    "submit_batch",
    "submit_nomination",
    "update_nomination",
]
