"""The workflow table and the vote arithmetic, without a database."""

from decimal import Decimal

import pytest

from vinhdanh.awards import checks
from vinhdanh.awards.workflows import DECISIONS, NOMINATIONS
from vinhdanh.workflow.table import ActionRefused


def test_majority_must_be_exceeded_but_legal_shares_reached():
    assert not checks.vote_passes(5, 10, Decimal("0.5"), strictly_above=True)
    assert checks.vote_passes(6, 10, Decimal("0.5"), strictly_above=True)
    assert checks.vote_passes(8, 10, Decimal("0.8"))
    assert not checks.vote_passes(7, 10, Decimal("0.8"))
    assert not checks.vote_passes(0, 0, Decimal("0.5"))


def _names(state):
    return {action.name for action in NOMINATIONS.actions_from(state)}


def test_steps_depend_on_state():
    # Who may take them is the permissions' matter: see test_workflow_engine.py.
    assert _names("draft") == {"submit"}
    assert _names("submitted") == {"return", "appraise", "send_back"}
    assert _names("voted") == {"decide", "forward"}
    assert _names("decided") == {"hand_over", "revoke"}
    # The sender's original waits for the council above, which returns or decides it.
    assert _names("forwarded") == {"returned_above", "decided_above", "record_higher"}
    assert _names("returned_from_above") == {"forward"}
    assert _names("sent_back") == set()
    assert _names("revoked") == set()
    assert [a.name for a in DECISIONS.actions_from("issued")] == ["revoke"]


def test_every_action_names_where_it_leads():
    assert NOMINATIONS.check("appraise", "submitted", "rejected")[1] == "rejected"
    assert NOMINATIONS.check("close_vote", "voting", "not_approved")[1] == "not_approved"
    with pytest.raises(ValueError):  # two targets: the caller must name one
        NOMINATIONS.check("appraise", "submitted")
    with pytest.raises(ValueError):  # a target the table does not name
        NOMINATIONS.check("appraise", "submitted", "decided")
    assert NOMINATIONS.check("decide", "voted") == (NOMINATIONS.actions["decide"], "decided")


def test_a_step_from_the_wrong_state_is_refused_in_vietnamese():
    with pytest.raises(ActionRefused) as error:
        NOMINATIONS.check("decide", "draft")
    assert "Dự thảo" in str(error.value)


def test_missing_components_keep_the_catalogue_order():
    required = [("bao_cao", "Báo cáo thành tích"), ("bien_ban", "Biên bản bình xét")]
    assert checks.missing_components(required, {"bien_ban"}) == ["Báo cáo thành tích"]
    assert checks.missing_components(required, {"bao_cao", "bien_ban"}) == []
