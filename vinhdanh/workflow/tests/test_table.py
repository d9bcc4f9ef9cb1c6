"""The transition table on its own: no database."""

import pytest

from vinhdanh.workflow.table import Action, ActionRefused
from vinhdanh.workflow.testing.workflows import ERRANDS


def test_an_action_from_its_source_goes_to_its_only_target():
    action, target = ERRANDS.check("send", "open")
    assert (action.name, target) == ("send", "sent")


def test_an_action_from_another_state_is_refused_in_vietnamese_naming_the_state():
    with pytest.raises(ActionRefused) as refusal:
        ERRANDS.check("send", "done")
    assert "“gửi”" in str(refusal.value) and "“Xong”" in str(refusal.value)


def test_a_target_the_table_does_not_name_is_refused():
    with pytest.raises(ValueError, match="cannot move to 'open'"):
        ERRANDS.check("close", "sent", to="open")


def test_an_action_with_several_targets_must_be_told_which():
    with pytest.raises(ValueError, match="several targets"):
        ERRANDS.check("close", "sent")
    assert ERRANDS.check("close", "sent", to="dropped")[1] == "dropped"


def test_an_unknown_action_is_refused():
    with pytest.raises(ActionRefused):
        ERRANDS.check("explode", "open")


def test_an_action_must_name_a_target():
    with pytest.raises(ValueError):
        Action("x", frozenset({"a"}), (), "p", "X")


def test_actions_from_a_state_are_those_whose_sources_hold_it():
    assert [a.name for a in ERRANDS.actions_from("done")] == ["reopen"]
    assert [a.name for a in ERRANDS.actions_from("open")] == ["send"]
