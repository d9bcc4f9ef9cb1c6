"""Builders for case dictionaries in the CLI's JSON shape."""

HTXS = "hoàn thành xuất sắc nhiệm vụ"
HTT = "hoàn thành tốt nhiệm vụ"
HTNV = "hoàn thành nhiệm vụ"
KHT = "không hoàn thành nhiệm vụ"


def rated(first: int, last: int, rating: str = HTT, **exceptions: str) -> dict:
    """Ratings for a run of years; ``y2022=HTXS`` sets one year differently."""
    out = {str(year): rating for year in range(first, last + 1)}
    for key, value in exceptions.items():
        out[key.lstrip("y")] = value
    return out


def held(title: str, *years: int, basis: str | None = None) -> list[dict]:
    return [{"year": year, "title": title, **({"basis": basis} if basis else {})} for year in years]


def case(year: int, title: str, kind: str = "person", **fields) -> dict:
    return {"year": year, "title": title, "subject": {"kind": kind}, **fields}


def members(total=20, completed=None, ldtt=14, cstdcs=1, **extra) -> dict:
    return {
        "total": total,
        "completed_tasks": total if completed is None else completed,
        "lao_dong_tien_tien": ldtt,
        "chien_si_thi_dua_co_so": cstdcs,
        **extra,
    }
