from django import template

from vinhdanh.records.selectors import predecessor_awards, record_by_year

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.inclusion_tag("records/_record_by_year.html")
def record_by_year_panel(*, person=None, unit=None):
    """A person's or a unit's record by year, for the pages of the registry (org).

    org is below records (records' models point at org's), so org's views do not
    import records: its templates load this tag instead.
    """
    return {"record_rows": record_by_year(person=person, unit=unit)}


@register.inclusion_tag("records/_predecessor_awards.html")
def predecessor_awards_panel(*, unit):
    """A successor unit's predecessors' titles, with the province's rule on counting them."""
    return predecessor_awards(unit)
