"""The one verdict: every caller (CLI, pages, appraisal checklist, screening, API,
decisions) asks :func:`judge` with a case and gets the same verdict and bonus.

Input errors are refused here, before any check runs, with one Vietnamese message per
error (:class:`CaseError`): a case the CLI refuses is refused on the page and in the API
with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .bonus import Bonus, bonus_for
from .case import Case, Members
from .config import RulesConfig
from .evaluate import get_engine
from .parse import CaseError, parse_case
from .verdict import Verdict

MEMBER_FIELDS = ("completed_tasks", "lao_dong_tien_tien", "chien_si_thi_dua_co_so", "disciplined")


def members_error(members: Members | None) -> str | None:
    """Why the head counts cannot be true (more of a kind than members), or None."""
    if members is None or members.total is None:
        return None
    for key in MEMBER_FIELDS:
        value = getattr(members, key)
        if value is not None and value > members.total:
            return f"members.{key} ({value}) lớn hơn tổng số thành viên ({members.total})."
    return None


def check_inputs(case: Case) -> None:
    """Raise :class:`CaseError` when the case's facts contradict each other."""
    message = members_error(case.context.members)
    if message:
        raise CaseError(message)
    vote = case.context.vote
    if vote is not None and vote.approve > vote.members:
        raise CaseError("vote.approve lớn hơn tổng số thành viên Hội đồng (vote.members).")


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    bonus: Bonus

    def as_dict(self) -> dict[str, Any]:
        return {**self.verdict.as_dict(), "bonus": self.bonus.as_dict()}


def decision_date(case: Case) -> date:
    return case.context.decision_date or date(case.year, 12, 31)


def judge(case: Case, config: RulesConfig | None = None) -> Judgement:
    """The verdict and the bonus of one case; :class:`CaseError` on an input error."""
    check_inputs(case)
    engine = get_engine(config)
    verdict = engine.evaluate(case)
    bonus = bonus_for(case.title, case.history.kind, decision_date(case), engine.config)
    return Judgement(verdict, bonus)


def judge_data(data: Any, config: RulesConfig | None = None) -> Judgement:
    """The CLI's and the API's entry: a case in the JSON shape (text or decoded)."""
    return judge(parse_case(data), config)
