"""The working year a user has chosen: it stays chosen from page to page.

`?year=2024` chooses it (and the session keeps it); a page opened without it shows the
year kept in the session, else the page's own default (the latest year that has data).
"""

YEAR_MIN, YEAR_MAX = 1945, 2100
SESSION_KEY = "working_year"


def parse_year(raw) -> int | None:
    raw = str(raw or "").strip()
    if raw.isdigit() and YEAR_MIN <= int(raw) <= YEAR_MAX:
        return int(raw)
    return None


def chosen_year(request, default):
    """The year asked for in the query, else the one kept in the session, else `default()`
    (a callable, so a page that has a chosen year does not count its data for nothing)."""
    asked = parse_year(request.GET.get("year"))
    session = getattr(request, "session", None)
    if asked is not None:
        if session is not None:
            session[SESSION_KEY] = asked
        return asked
    if session is not None:
        kept = parse_year(session.get(SESSION_KEY))
        if kept is not None:
            return kept
    return default()
