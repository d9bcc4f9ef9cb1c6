"""Which registry unit each name of a parsed plan stands for (pure, no database).

A name is a unit, a group ("Các đơn vị thuộc Quận"), a directing body, or unknown; an
unknown name comes with the closest units as suggestions and waits for the staff.
"""

from collections.abc import Iterable

from vinhdanh.documents.matching import PhraseKind, UnitCandidate, match_unit

KEEP_AS_TEXT = "text"


def names_in(parsed: dict) -> list[str]:
    """Every unit name of the tasks' lead and coordinating cells, once, in order."""
    names: dict[str, None] = {}
    for task in parsed.get("tasks", []):
        for name in [*task.get("lead_units", []), *task.get("coordinating_units", [])]:
            names.setdefault(name, None)
    return list(names)


def resolve_names(names: Iterable[str], candidates: list[UnitCandidate]) -> dict[str, dict]:
    resolved = {}
    for name in names:
        match = match_unit(name, candidates)
        resolved[name] = {
            "kind": str(match.kind),
            "unit_id": match.unit.id if match.unit else None,
            "unit_name": match.unit.name if match.unit else "",
            "suggestions": [
                {"id": s.unit.id, "name": s.unit.name, "score": s.score} for s in match.suggestions
            ],
        }
    return resolved


def unmatched(resolved: dict[str, dict]) -> list[str]:
    return [name for name, item in resolved.items() if item["kind"] == PhraseKind.UNKNOWN]


def apply_choices(resolved: dict[str, dict], choices: dict[str, str]) -> dict[str, int | None]:
    """Unit id (or None for text) of every name, after the staff's choices for unknown ones.

    Raises KeyError with the names still waiting for a choice.
    """
    result: dict[str, int | None] = {}
    missing = []
    for name, item in resolved.items():
        if item["kind"] == PhraseKind.UNIT:
            result[name] = item["unit_id"]
        elif item["kind"] != PhraseKind.UNKNOWN:
            result[name] = None
        else:
            choice = (choices.get(name) or "").strip()
            if choice == KEEP_AS_TEXT:
                result[name] = None
            elif choice.isdigit():
                result[name] = int(choice)
            else:
                missing.append(name)
    if missing:
        raise KeyError(missing)
    return result
