"""Eligibility and quota rules for emulation titles and commendation forms.

Pure Python: nothing here imports Django, so the web, the CLI, the API and bulk
screening share one implementation. Typical use::

    from vinhdanh.rules.engine import parse_case, evaluate
    verdict = evaluate(parse_case({"year": 2024, "title": "Chiến sĩ thi đua cơ sở", ...}))
    verdict.verdict, verdict.as_dict()
"""

from .case import (
    EMPTY_CONTEXT,
    Award,
    Case,
    Context,
    Discipline,
    History,
    Initiative,
    Members,
    QuotaCounts,
    Vote,
    build_history,
)
from .catalogue import Catalogue, Conferral, Law, Title, default_catalogue, load_catalogue
from .config import DEFAULT_CONFIG, SETTINGS, RulesConfig, make_config
from .evaluate import Engine, evaluate, get_engine, screen
from .parse import CaseError, history_from_rows, parse_case, parse_history
from .text import fold, name_key
from .verdict import ELIGIBLE, INELIGIBLE, NEEDS_REVIEW, CheckResult, Verdict

__all__ = [
    "DEFAULT_CONFIG",
    "ELIGIBLE",
    "EMPTY_CONTEXT",
    "INELIGIBLE",
    "NEEDS_REVIEW",
    "SETTINGS",
    "Award",
    "Case",
    "CaseError",
    "Catalogue",
    "CheckResult",
    "Conferral",
    "Context",
    "Discipline",
    "Engine",
    "History",
    "Initiative",
    "Law",
    "Members",
    "QuotaCounts",
    "RulesConfig",
    "Title",
    "Verdict",
    "Vote",
    "build_history",
    "default_catalogue",
    "evaluate",
    "fold",
    "get_engine",
    "history_from_rows",
    "load_catalogue",
    "make_config",
    "name_key",
    "parse_case",
    "parse_history",
    "screen",
]
