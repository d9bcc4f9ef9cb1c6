"""Turning case JSON (or rows read from a database) into the engine's structures.

Pure functions; every problem raises :class:`CaseError` with a Vietnamese message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from .case import (
    Award,
    Case,
    Context,
    Discipline,
    History,
    Initiative,
    Members,
    QuotaCounts,
    Vote,
)
from .catalogue import SUBJECT_KINDS, Catalogue, default_catalogue
from .text import name_key


class CaseError(ValueError):
    """A case that cannot be judged; the message is meant for the user, in Vietnamese."""


_SUBJECT_NAMES = {
    "person": "person",
    "ca nhan": "person",
    "collective": "collective",
    "tap the": "collective",
    "household": "household",
    "ho gia dinh": "household",
    "gia dinh": "household",
}
_OCCUPATIONS = {
    "cong nhan": "cong_nhan",
    "worker": "cong_nhan",
    "cong_nhan": "cong_nhan",
    "nong dan": "nong_dan",
    "farmer": "nong_dan",
    "nong_dan": "nong_dan",
    "can bo": "khac",
    "cong chuc": "khac",
    "vien chuc": "khac",
    "khac": "khac",
}


def _day(data: dict, key: str, label: str) -> date | None:
    if not data.get(key):
        return None
    try:
        return date.fromisoformat(str(data[key]))
    except ValueError:
        raise CaseError(f"{label} không hợp lệ {data[key]!r} (dạng YYYY-MM-DD).") from None


_MEMBER_FIELDS = ("total", "completed_tasks", "lao_dong_tien_tien", "chien_si_thi_dua_co_so")


def _year(value: Any, where: str) -> int:
    if isinstance(value, bool):
        raise CaseError(f"{where}: năm không hợp lệ ({value!r}).")
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise CaseError(f"{where}: năm không hợp lệ ({value!r}).") from None
    if isinstance(value, float) and value != year:
        raise CaseError(f"{where}: năm không hợp lệ ({value!r}).")
    if not 1945 <= year <= 2100:
        raise CaseError(f"{where}: năm {year} nằm ngoài khoảng cho phép (1945–2100).")
    return year


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CaseError(f"{where} phải là số nguyên không âm (nhận được {value!r}).")
    return value


def _list(data: dict, key: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise CaseError(f"Trường “{key}” phải là một danh sách.")
    return value


def _obj(item: Any, where: str) -> dict:
    if not isinstance(item, dict):
        raise CaseError(f"{where} phải là một đối tượng JSON.")
    return item


# -- vocabulary -----------------------------------------------------------------------------


def rating_rank(text: Any, catalogue: Catalogue, where: str = "Xếp loại") -> int:
    term = catalogue.ratings.lookup(text) if isinstance(text, str) else None
    if term is None:
        names = "; ".join(t.name.lower() for t in catalogue.ratings.terms.values())
        raise CaseError(f"{where}: mức xếp loại không hợp lệ {text!r} (dùng một trong: {names}).")
    return term.rank


def title_id(text: Any, catalogue: Catalogue, where: str = "Danh hiệu") -> str:
    found = catalogue.resolve(text) if isinstance(text, str) and text.strip() else None
    if found is None:
        raise CaseError(
            f"{where}: không có danh hiệu, hình thức khen thưởng “{text}” trong danh mục "
            "(xem lệnh list_titles)."
        )
    return found


def _scope(text: Any, catalogue: Catalogue, where: str) -> int:
    term = catalogue.scopes.lookup(text) if isinstance(text, str) else None
    if term is None:
        raise CaseError(
            f"{where}: phạm vi sáng kiến không hợp lệ {text!r} (cơ sở, tỉnh hoặc toàn quốc)."
        )
    return term.rank


def _basis(text: Any, catalogue: Catalogue, where: str) -> str | None:
    if text in (None, ""):
        return None
    term = catalogue.award_bases.lookup(text) if isinstance(text, str) else None
    if term is None:
        raise CaseError(f"{where}: loại hình khen thưởng không hợp lệ {text!r}.")
    return term.id


def _discipline(item: dict, catalogue: Catalogue, where: str) -> Discipline:
    year = _year(item.get("year"), where)
    until = _year(item["until"], f"{where} (until)") if item.get("until") is not None else year
    if until < year:
        raise CaseError(f"{where}: năm kết thúc kỷ luật ({until}) trước năm bắt đầu ({year}).")
    form_text = item.get("form")
    pending = item.get("pending")
    if isinstance(pending, str) and pending.strip() and form_text in (None, ""):
        # "pending": "điều tra" names the pending procedure itself.
        term = catalogue.discipline_forms.lookup(pending)
        if term is None or not term.raw.get("pending"):
            raise CaseError(f"{where}: thủ tục đang xem xét không hợp lệ {pending!r}.")
        return Discipline(year, until, 0, True, term.name)
    pending = bool(pending)
    if form_text in (None, "") and pending:
        return Discipline(year, until, 0, True, "đang xem xét kỷ luật")
    term = catalogue.discipline_forms.lookup(form_text) if isinstance(form_text, str) else None
    if term is None:
        raise CaseError(f"{where}: hình thức kỷ luật không hợp lệ {form_text!r}.")
    return Discipline(year, until, term.rank, pending or bool(term.raw.get("pending")), term.name)


# -- histories ------------------------------------------------------------------------------


def parse_history(data: dict, catalogue: Catalogue | None = None, kind: str = "person") -> History:
    """A history from the JSON shape of a case (ratings, awards, initiatives, discipline)."""
    catalogue = catalogue or default_catalogue()
    raw_ratings = data.get("ratings") or {}
    ratings: dict[int, int] = {}
    if isinstance(raw_ratings, dict):
        for key, text in raw_ratings.items():
            year = _year(key, "Xếp loại (ratings)")
            ratings[year] = rating_rank(text, catalogue, f"Xếp loại năm {year}")
    elif isinstance(raw_ratings, list):
        for index, item in enumerate(raw_ratings, 1):
            item = _obj(item, f"Xếp loại thứ {index}")
            year = _year(item.get("year"), f"Xếp loại thứ {index}")
            ratings[year] = rating_rank(item.get("rating"), catalogue, f"Xếp loại năm {year}")
    else:
        raise CaseError("Trường “ratings” phải là đối tượng {năm: mức xếp loại} hoặc danh sách.")
    awards = []
    for index, item in enumerate(_list(data, "awards"), 1):
        where = f"Khen thưởng đã có thứ {index}"
        item = _obj(item, where)
        achievement = item.get("achievement")
        awards.append(
            Award(
                _year(item.get("year"), where),
                title_id(item.get("title"), catalogue, where),
                _basis(item.get("basis"), catalogue, where),
                None if achievement is None else str(achievement),
            )
        )
    initiatives = []
    for index, item in enumerate(_list(data, "initiatives"), 1):
        where = f"Sáng kiến thứ {index}"
        item = _obj(item, where)
        initiatives.append(
            Initiative(
                _year(item.get("year"), where),
                _scope(item.get("scope", "cơ sở"), catalogue, where),
                str(item.get("kind") or "sang_kien"),
            )
        )
    discipline = [
        _discipline(_obj(item, f"Kỷ luật thứ {index}"), catalogue, f"Kỷ luật thứ {index}")
        for index, item in enumerate(_list(data, "discipline"), 1)
    ]
    return History(
        kind,
        ratings,
        awards,
        initiatives,
        discipline,
        equivalents=catalogue.equivalents,
        state_level=catalogue.state_level_ids,
    )


def history_from_rows(
    kind: str,
    ratings: Iterable[tuple[int, str]] = (),
    awards: Iterable[tuple] = (),
    initiatives: Iterable[tuple[int, str]] = (),
    discipline: Iterable[tuple] = (),
    catalogue: Catalogue | None = None,
) -> History:
    """A history from database rows, for bulk screening.

    ``ratings``: (year, rating text or rank); ``awards``: (year, title name or id[, basis
    [, achievement]]); ``initiatives``: (year, scope name or rank); ``discipline``:
    (year, form[, until]). Names are resolved through cached lookups, so a repeated
    string is folded once per process, not once per row.
    """
    catalogue = catalogue or default_catalogue()
    known = catalogue.ratings.rank_by_text
    if not isinstance(ratings, (list, tuple)):
        ratings = list(ratings)
    try:
        rank_of = {year: known[value] for year, value in ratings}
    except (KeyError, TypeError):
        rank_of = {}
        for year, value in ratings:
            rank = known.get(value) if isinstance(value, (str, int)) else None
            if rank is None:
                term = catalogue.ratings.lookup(value) if isinstance(value, str) else None
                if term is None:
                    raise CaseError(
                        f"Xếp loại năm {year}: mức xếp loại không hợp lệ {value!r}."
                    ) from None
                rank = term.rank
            rank_of[year] = rank
    ids = catalogue.title_id_by_text
    award_rows = []
    for row in awards:
        found = ids.get(row[1])
        if found is None:
            found = catalogue.resolve(row[1])
            if found is None:
                raise CaseError(f"Khen thưởng năm {row[0]}: không có “{row[1]}” trong danh mục.")
        if len(row) > 2 and row[2] is not None:
            basis = catalogue.award_bases.lookup(row[2])
            award_rows.append((row[0], found, basis.id if basis else None, *row[3:4]))
        else:
            award_rows.append((row[0], found))
    initiative_rows = []
    scopes = catalogue.scopes.rank_by_text
    for year, scope in initiatives:
        rank = scopes.get(scope)
        if rank is None:
            term = catalogue.scopes.lookup(scope) if isinstance(scope, str) else None
            if term is None:
                raise CaseError(f"Sáng kiến năm {year}: phạm vi không hợp lệ {scope!r}.")
            rank = term.rank
        initiative_rows.append((year, rank))
    discipline_rows = [
        _discipline(
            {"year": row[0], "form": row[1], "until": row[2] if len(row) > 2 else None},
            catalogue,
            "Kỷ luật",
        )
        for row in discipline
    ]
    return History(
        kind,
        rank_of,
        award_rows,
        initiative_rows,
        discipline_rows,
        equivalents=catalogue.equivalents,
        state_level=catalogue.state_level_ids,
    )


# -- cases ----------------------------------------------------------------------------------


def _members(value: Any) -> Members | None:
    if value is None:
        return None
    value = _obj(value, "Trường “members”")
    counts: dict[str, int | None] = {}
    for key in _MEMBER_FIELDS:
        counts[key] = None if value.get(key) is None else _count(value[key], f"members.{key}")
    disciplined = value.get("disciplined", 0)
    counts["disciplined"] = (
        None if disciplined is None else _count(disciplined, "members.disciplined")
    )
    total = counts["total"]
    if total is not None:
        for key in (*_MEMBER_FIELDS[1:], "disciplined"):
            if counts[key] is not None and counts[key] > total:
                raise CaseError(
                    f"members.{key} ({counts[key]}) lớn hơn tổng số thành viên ({total})."
                )
    return Members(**counts)


def parse_case(data: Any, catalogue: Catalogue | None = None) -> Case:
    """A :class:`Case` from the CLI's JSON shape (already decoded, or as a JSON string)."""
    catalogue = catalogue or default_catalogue()
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as error:
            raise CaseError(
                f"Hồ sơ xét không phải JSON hợp lệ (lỗi ở dòng {error.lineno}, cột {error.colno})."
            ) from None
        except (ValueError, UnicodeDecodeError):
            raise CaseError("Hồ sơ xét không phải JSON hợp lệ.") from None
    if not isinstance(data, dict):
        raise CaseError("Hồ sơ xét phải là một đối tượng JSON.")
    if data.get("year") is None:
        raise CaseError("Thiếu năm xét (trường “year”).")
    year = _year(data["year"], "Năm xét")
    if data.get("title") in (None, ""):
        raise CaseError("Thiếu danh hiệu, hình thức khen thưởng cần xét (trường “title”).")
    title = catalogue.titles[title_id(data["title"], catalogue, "Danh hiệu cần xét")]

    subject = data.get("subject") or {}
    if isinstance(subject, str):
        subject = {"kind": subject}
    subject = _obj(subject, "Trường “subject”")
    kind_text = subject.get("kind")
    if kind_text in (None, ""):
        kind = title.subjects[0]
    else:
        kind = _SUBJECT_NAMES.get(name_key(str(kind_text)))
        if kind not in SUBJECT_KINDS:
            raise CaseError(
                f"Loại đối tượng không hợp lệ {kind_text!r} (person, collective hoặc household)."
            )

    history = parse_history(data, catalogue, kind)

    vote = None
    if data.get("vote") is not None:
        raw = _obj(data["vote"], "Trường “vote”")
        vote = Vote(
            _count(raw.get("members"), "vote.members"), _count(raw.get("approve"), "vote.approve")
        )
        if vote.approve > vote.members:
            raise CaseError("vote.approve lớn hơn tổng số thành viên Hội đồng (vote.members).")
    quota = None
    if data.get("quota") is not None:
        raw = _obj(data["quota"], "Trường “quota”")
        quota = QuotaCounts(
            _count(raw.get("base"), "quota.base"), _count(raw.get("nominated"), "quota.nominated")
        )
    authority = None
    if data.get("authority") not in (None, ""):
        term = catalogue.level_names.lookup(str(data["authority"]))
        if term is None:
            raise CaseError(f"Cấp khen thưởng không hợp lệ {data['authority']!r}.")
        authority = term.id
    decision_date = _day(data, "decision_date", "Ngày quyết định")
    filing_date = _day(data, "filing_date", "Ngày trình hồ sơ")
    if filing_date and decision_date and filing_date > decision_date:
        raise CaseError(
            f"Ngày trình hồ sơ ({filing_date:%d/%m/%Y}) sau ngày quyết định "
            f"({decision_date:%d/%m/%Y})."
        )
    movement_leader = data.get("movement_leader")
    if movement_leader is not None and not isinstance(movement_leader, bool):
        raise CaseError("Trường “movement_leader” phải là true hoặc false.")
    movement_years = data.get("movement_years")
    if movement_years is not None:
        movement_years = _count(movement_years, "movement_years")
    occupation_text = next(
        (
            source[key]
            for source in (subject, data)
            for key in ("occupation", "group", "nghe_nghiep")
            if source.get(key) not in (None, "")
        ),
        None,
    )
    occupation = None
    if occupation_text not in (None, ""):
        occupation = _OCCUPATIONS.get(name_key(str(occupation_text)))
        if occupation is None:
            raise CaseError(
                f"Nghề nghiệp không hợp lệ {occupation_text!r} (công nhân, nông dân hoặc để trống)."
            )
        if occupation == "khac":
            occupation = None
    cluster_leader = data.get("cluster_leader")
    if cluster_leader is not None and not isinstance(cluster_leader, bool):
        raise CaseError("Trường “cluster_leader” phải là true hoặc false.")
    registered = data.get("registered")
    if registered is not None and not isinstance(registered, bool):
        raise CaseError("Trường “registered” phải là true hoặc false.")
    law = data.get("law")
    if law is not None:
        try:
            catalogue.law(str(law))
        except KeyError:
            ids = ", ".join(item.id for item in catalogue.laws)
            raise CaseError(
                f"Văn bản áp dụng không hợp lệ {law!r} (dùng một trong: {ids})."
            ) from None
    achievement = data.get("achievement")
    context = Context(
        members=_members(data.get("members")),
        vote=vote,
        quota=quota,
        authority=authority,
        achievement=None if achievement is None else str(achievement),
        cluster_leader=cluster_leader,
        registered=registered,
        decision_date=decision_date,
        basis=_basis(data.get("basis"), catalogue, "Loại hình khen thưởng") or "thuong_xuyen",
        filing_date=filing_date,
        movement_leader=movement_leader,
        movement_years=movement_years,
        occupation=occupation,
    )
    return Case(year, title.id, history, context, law, str(data["title"]))
