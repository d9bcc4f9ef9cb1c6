from django import template
from django.urls import reverse
from django.utils.html import format_html

from vinhdanh.records.screening import VERDICT_LABELS
from vinhdanh.records.selectors import predecessor_awards, record_by_year

register = template.Library()


@register.filter
def verdict_label(verdict) -> str:
    """The engine's verdict in words ("Đủ điều kiện"), never its code ("eligible")."""
    return str(VERDICT_LABELS.get(verdict, "—"))


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.inclusion_tag("records/_record_by_year.html")
def record_by_year_panel(*, person=None, unit=None):
    """A person's or a unit's record by year, for the pages of the registry (org).

    org is below records (records' models point at org's), so org's views do not
    import records: its templates load this tag instead.
    """
    subject_query = f"person={person.pk}" if person is not None else f"unit={unit.pk}"
    return {
        "record_rows": record_by_year(person=person, unit=unit),
        "subject_query": subject_query,
    }


@register.inclusion_tag("records/_predecessor_awards.html")
def predecessor_awards_panel(*, unit):
    """A successor unit's predecessors' titles, with the province's rule on counting them."""
    return predecessor_awards(unit)


_VERDICT_CLASSES = {"eligible": "btn-success", "needs_review": "btn-warning"}


@register.simple_tag
def verdict_cell(row, title_id: str, year: int, labels):
    """One cell of the screening table, written without template whitespace: a page of
    100 people holds 800 of them."""
    verdict = row.verdicts.get(title_id)
    if not verdict:
        return format_html("<td>—</td>")
    url = reverse("records:screening_detail", args=[row.person.pk, title_id])
    return format_html(
        '<td><button type="button" class="btn btn-sm {}" hx-get="{}?year={}">{}</button></td>',
        _VERDICT_CLASSES.get(verdict, "btn-outline-secondary"),
        url,
        year,
        labels.get(verdict, verdict),
    )
