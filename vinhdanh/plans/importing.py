"""Reading a plan document into the data its import saves: no writes here.

The preview, the confirmation and the `import_plan` command save through
`plans.services` (`preview_import`, `confirm_import`, `save_parsed_plan`), so a plan saved
from any of them is the same plan.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vinhdanh.accounts.councils import acting_council
from vinhdanh.documents.errors import PlanReadError
from vinhdanh.documents.matching import UnitCandidate
from vinhdanh.documents.reader import read_plan
from vinhdanh.documents.structure import closing_from_json, closing_to_json, to_json_dict
from vinhdanh.org.models import Council, Unit
from vinhdanh.plans import resolution
from vinhdanh.plans.models import Plan

UNREADABLE_PLAN = "Không đọc được nội dung kế hoạch: tệp có cấu trúc bất thường."
PLAN_FILE_KINDS = frozenset({"docx", "xlsx", "txt"})
UNIT_UNMATCHED = "unit_unmatched"
REMOVED_FROM_DOCUMENT = "removed_from_document"


def council_units(council: Council | None):
    """The active units a council's plan may name: those under the council's unit.

    Many wards have a "Trường Mầm non Hoa Sen"; a ward's plan must match its own.
    """
    units = Unit.objects.filter(is_active=True)
    if council is not None:
        units = units.filter(path__startswith=council.unit.path)
    return units


def unit_candidates(council: Council | None = None) -> list[UnitCandidate]:
    return [
        UnitCandidate(pk, name, (short,) if short else ())
        for pk, name, short in council_units(council).values_list("pk", "name", "short_name")
    ]


def parse_plan_bytes(data: bytes, filename: str, council: Council | None = None) -> dict:
    """The plan as JSON-ready data with every unit name resolved; ValidationError if unreadable."""
    try:
        parsed = to_json_dict(read_plan(data, filename))
    except PlanReadError as error:
        raise ValidationError(error.message) from error
    except (ValueError, KeyError, IndexError, TypeError, RecursionError) as error:
        # The reader's own checks give precise messages; an unforeseen shape still
        # gets a Vietnamese refusal rather than an error page.
        raise ValidationError(UNREADABLE_PLAN) from error
    if not parsed.get("number") or not parsed.get("year"):
        raise ValidationError(_("Không đọc được số hiệu hoặc năm của kế hoạch ở phần đầu văn bản."))
    candidates = unit_candidates(council)
    parsed["names"] = resolution.resolve_names(resolution.names_in(parsed), candidates)
    return parsed


def existing_plan(parsed: dict) -> Plan | None:
    return Plan.objects.filter(number=parsed["number"], year=parsed["year"]).first()


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def council_for(actor) -> Council | None:
    """The council whose plan this is: the one the importing user acts for."""
    return acting_council(actor)


def council_named(unit_code: str | None) -> Council:
    """The council of the unit `unit_code`, for a command run without a user.

    Without a code there must be exactly one council: with several, guessing one would file
    the plan under another council.
    """
    councils = Council.objects.select_related("unit")
    if unit_code:
        council = councils.filter(unit__code=unit_code).first()
        if council is None:
            raise ValidationError(
                _("Không có hội đồng thi đua - khen thưởng nào của đơn vị có mã “%(code)s”.")
                % {"code": unit_code}
            )
        return council
    found = list(councils[:2])
    if len(found) != 1:
        raise ValidationError(
            _("Hệ thống có %(count)s hội đồng: hãy chỉ rõ hội đồng bằng mã đơn vị (--council).")
            % {"count": councils.count()}
        )
    return found[0]


def unit_plan_deadline(parsed: dict) -> tuple[dt.date | None, str]:
    for item in parsed.get("body_deadlines", []):
        if "kế hoạch" in item.get("context", "").lower():
            return parse_date(item["date"]), item["context"][:500]
    items = parsed.get("body_deadlines", [])
    return (parse_date(items[0]["date"]), items[0]["context"][:500]) if items else (None, "")


def _split(names: list[str], unit_of_name: dict[str, int | None]) -> tuple[list[int], list[str]]:
    ids, texts = [], []
    for name in names:
        unit_id = unit_of_name.get(name)
        if unit_id is None:
            texts.append(name)
        elif unit_id not in ids:
            ids.append(unit_id)
    return ids, texts


def task_fields(item: dict, unit_of_name, names: dict) -> tuple[dict, list[int], list[int]]:
    lead_ids, lead_texts = _split(item["lead_units"], unit_of_name)
    coord_ids, coord_texts = _split(item["coordinating_units"], unit_of_name)
    flags = list(item.get("flags", []))
    kept_unknown = any(
        names.get(name, {}).get("kind") == "unknown" for name in [*lead_texts, *coord_texts]
    )
    if kept_unknown:
        flags.append(UNIT_UNMATCHED)
    deadline = item["deadline"]
    fields = {
        "position": item["position"],
        "number": item["number"][:20],
        "section": item["section"][:120],
        "content": item["content"],
        "directing": item["directing"][:255],
        "lead_names": item["lead_units"],
        "coordinating_names": item["coordinating_units"],
        "lead_groups": lead_texts,
        "coordinating_groups": coord_texts,
        "deadline_kind": deadline["kind"],
        "deadline_date": parse_date(deadline["date"]),
        "deadline_text": deadline["text"][:255],
        "deadline_period": deadline.get("period", "")[:4],
        "note": item.get("note", ""),
        "flags": flags,
    }
    return fields, lead_ids, coord_ids


def plan_header(parsed: dict) -> dict:
    """The plan's own fields as the document gives them."""
    deadline, deadline_text = unit_plan_deadline(parsed)
    return {
        "date": parse_date(parsed.get("date")),
        "place": (parsed.get("place") or "")[:120],
        "title": (parsed.get("title") or "")[:500] or _("(không rõ trích yếu)"),
        "issuer": (parsed.get("issuer") or "")[:255],
        "source_format": (parsed.get("format") or "")[:10],
        "unit_plan_deadline": deadline,
        "unit_plan_deadline_text": deadline_text,
    }


def body_text(parsed: dict) -> str:
    """The plan's own text (sections I to III) as the reader kept it."""
    return parsed.get("body") or ""


def closing(parsed: dict) -> dict:
    """ "Nơi nhận" and the signature block as the reader kept them (an older draft has none)."""
    return closing_to_json(closing_from_json(parsed.get("closing")))
