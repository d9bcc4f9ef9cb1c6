"""Check outcomes, compiled checks and verdicts.

A check returns a small integer outcome. ``*_U`` outcomes mean the result rests on a
value law.md marks unconfirmed (a default no province has taken over). ``SKIP`` means
the check does not apply to this case (e.g. no ballot was given) and is not reported.

Verdict: any confirmed failure -> ineligible; otherwise any unknown or unconfirmed
outcome -> needs_review; otherwise eligible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

FAIL, PASS, UNKNOWN, PASS_U, FAIL_U, SKIP = 0, 1, 2, 3, 4, 5

ELIGIBLE, NEEDS_REVIEW, INELIGIBLE = "eligible", "needs_review", "ineligible"

_PASSED = {PASS: True, PASS_U: True, FAIL: False, FAIL_U: False, UNKNOWN: None}


def verdict_of(outcomes) -> str:
    worst = ELIGIBLE
    for outcome in outcomes:
        if outcome == FAIL:
            return INELIGIBLE
        if outcome != PASS and outcome != SKIP:
            worst = NEEDS_REVIEW
    return worst


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """One compiled check: a rule id, a test, its legal basis and its messages.

    ``test(history, year, context)`` returns an outcome code. ``messages`` maps a
    passed value (True, False, None) to a Vietnamese template; templates are
    formatted with ``params``, ``year`` and, when given, ``detail(history, year,
    context)``: the formatting happens only when a full verdict is asked for.
    """

    rule: str
    test: Callable[..., int]
    basis: str
    messages: dict
    params: dict = field(default_factory=dict)
    detail: Callable[..., dict] | None = None
    # When the article depends on the case (e.g. the authority row in force that day).
    basis_of: Callable[..., str] | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    rule: str
    passed: bool | None
    message: str
    basis: str
    unconfirmed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "passed": self.passed,
            "message": self.message,
            "basis": self.basis,
            "unconfirmed": self.unconfirmed,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str
    law: str
    law_name: str
    title: str
    title_name: str
    year: int
    checks: tuple[CheckResult, ...]
    law_reason: str = ""
    # Per question (criteria, chain, procedure, authority): instruments, date and why.
    instruments: tuple = ()

    @property
    def eligible(self) -> bool:
        return self.verdict == ELIGIBLE

    def failed(self) -> list[CheckResult]:
        return [check for check in self.checks if check.passed is False]

    def as_dict(self) -> dict[str, Any]:
        """The CLI and API shape: ``law`` is the human-readable name of the law applied."""
        return {
            "verdict": self.verdict,
            "law": self.law_name,
            "law_id": self.law,
            "title": self.title,
            "title_name": self.title_name,
            "year": self.year,
            "law_reason": self.law_reason,
            "instruments": [answer.as_dict() for answer in self.instruments],
            "checks": [check.as_dict() for check in self.checks],
        }


class _Defaults(dict):
    def __missing__(self, key):
        return "?"


def materialise(spec: CheckSpec, outcome: int, history, year: int, context) -> CheckResult:
    passed = _PASSED[outcome]
    values = _Defaults(spec.params)
    values["year"] = year
    values["prev"] = year - 1
    if spec.detail is not None:
        values.update(spec.detail(history, year, context))
    template = spec.messages.get(passed) or spec.messages.get("any", "")
    return CheckResult(
        spec.rule,
        passed,
        template.format_map(values),
        spec.basis if spec.basis_of is None else spec.basis_of(history, year, context),
        outcome in (PASS_U, FAIL_U),
    )
