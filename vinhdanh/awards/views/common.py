def parse_date(value: str):
    import datetime

    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
