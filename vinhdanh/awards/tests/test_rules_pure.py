"""The workflow table and the vote arithmetic, without a database."""

from decimal import Decimal

import pytest

from vinhdanh.awards import workflow


def test_majority_must_be_exceeded_but_legal_shares_reached():
    assert not workflow.vote_passes(5, 10, Decimal("0.5"), strictly_above=True)
    assert workflow.vote_passes(6, 10, Decimal("0.5"), strictly_above=True)
    assert workflow.vote_passes(8, 10, Decimal("0.8"))
    assert not workflow.vote_passes(7, 10, Decimal("0.8"))
    assert not workflow.vote_passes(0, 0, Decimal("0.5"))


def test_steps_depend_on_state_and_role():
    assert workflow.available_steps("draft", "unit_officer") == ["submit"]
    assert set(workflow.available_steps("submitted", "standing_office")) == {"return", "appraise"}
    assert workflow.available_steps("submitted", "unit_officer") == []
    assert set(workflow.available_steps("voted", "leader")) == {"decide", "forward"}
    assert workflow.available_steps("draft", None) == []


def test_a_step_from_the_wrong_state_is_refused_in_vietnamese():
    with pytest.raises(workflow.StepRefused) as error:
        workflow.check_step("decide", "draft")
    assert "Dự thảo" in str(error.value)


def test_missing_components_keep_the_catalogue_order():
    required = [("bao_cao", "Báo cáo thành tích"), ("bien_ban", "Biên bản bình xét")]
    assert workflow.missing_components(required, {"bien_ban"}) == ["Báo cáo thành tích"]
    assert workflow.missing_components(required, {"bao_cao", "bien_ban"}) == []
