"""The dated law register: which instrument answers which question on which day.

Every legal instrument of the catalogue (``instruments``: laws, decrees, circulars, a
province's regulations) carries its in-force and repeal dates, the questions it
governs (``criteria``, ``chain``, ``procedure``, ``authority``) and, where law.md gives
one, its transitional rule. A province adds its own general regulation through the
``provincial_regulation`` setting.

A question is answered by the instruments in force on the date that question depends
on: the decision date (the signing date of the award decision) for criteria, chain
counting and procedure, or the filing date when a transitional article says a dossier
filed under the old instrument finishes under it; authority always on the signing day.
law.md does not confirm the transitional articles of the 2022 Law or of Nghị định
152/2025, so following the filing date is the setting ``transitional_by_filing_date``
(unconfirmed: a case whose filing and decision dates straddle a change is flagged for
review).

Pure Python, no Django import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .catalogue import Catalogue, Law
from .config import RulesConfig
from .text import name_key

QUESTIONS: dict[str, str] = {
    "criteria": "Tiêu chuẩn xét tặng",
    "chain": "Cách tính thành tích liên tục (chuỗi)",
    "procedure": "Trình tự, thủ tục, tỷ lệ phiếu",
    "authority": "Thẩm quyền quyết định",
}
KIND_NAMES = {
    "luat": "Luật",
    "nghi_dinh": "Nghị định",
    "thong_tu": "Thông tư",
    "quy_dinh_tinh": "Quy định của tỉnh",
}


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    name: str
    number: str
    kind: str
    valid_from: date | None
    valid_to: date | None
    questions: tuple[str, ...]
    applies_to: tuple[str, ...]  # title ids, when the instrument governs only some titles
    province: str | None
    repealed_by: str | None
    transitional: str
    unconfirmed: tuple[str, ...]
    note: str

    def in_force(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )

    def period(self) -> str:
        start = f"{self.valid_from:%d/%m/%Y}" if self.valid_from else "…"
        end = f"{self.valid_to:%d/%m/%Y}" if self.valid_to else "nay"
        return f"{start}–{end}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "number": self.number,
            "kind": self.kind,
            "from": self.valid_from.isoformat() if self.valid_from else None,
            "to": self.valid_to.isoformat() if self.valid_to else None,
            "questions": list(self.questions),
            "applies_to": list(self.applies_to),
            "province": self.province,
            "repealed_by": self.repealed_by,
            "transitional": self.transitional,
            "unconfirmed": list(self.unconfirmed),
            "note": self.note,
        }


def _instrument(item: dict) -> Instrument:
    return Instrument(
        id=item["id"],
        name=item["name"],
        number=item.get("number", ""),
        kind=item.get("kind", ""),
        valid_from=_date(item.get("from")),
        valid_to=_date(item.get("to")),
        questions=tuple(item.get("questions", ())),
        applies_to=tuple(item.get("applies_to", ())),
        province=item.get("province"),
        repealed_by=item.get("repealed_by"),
        transitional=item.get("transitional", ""),
        unconfirmed=tuple(item.get("unconfirmed", ())),
        note=item.get("note", ""),
    )


def same_province(a: str | None, b: str | None) -> bool:
    """Province codes compared loosely: "ha_noi", "ha-noi" and "Hà Nội" are one."""
    if a is None or b is None:
        return False
    return name_key(a.replace("_", " ").replace("-", " ")) == name_key(
        b.replace("_", " ").replace("-", " ")
    )


class Register:
    """The instruments of a catalogue, plus a province's own regulation when set."""

    def __init__(self, catalogue: Catalogue, config: RulesConfig | None = None):
        self.catalogue = catalogue
        items = [_instrument(item) for item in catalogue.data.get("instruments", ())]
        own = config.get("provincial_regulation") if config is not None else None
        if own:
            items.append(
                _instrument(
                    {
                        "kind": "quy_dinh_tinh",
                        "questions": ["criteria", "procedure"],
                        "province": config.province,
                        "id": "quy_dinh_cua_tinh",
                        **dict(own),
                    }
                )
            )
        self.instruments: dict[str, Instrument] = {item.id: item for item in items}
        self.province = config.province if config is not None else None

    def __getitem__(self, instrument_id: str) -> Instrument:
        return self.instruments[instrument_id]

    def in_force(
        self, on: date, question: str | None = None, title_id: str | None = None
    ) -> list[Instrument]:
        """Instruments in force on a day, for a question and a title when given.

        Instruments restricted to some titles (``applies_to``) count only for those; a
        province's instrument counts only for that province's titles or configuration.
        """
        out = []
        for item in self.instruments.values():
            if not item.in_force(on):
                continue
            if question is not None and question not in item.questions:
                continue
            if item.applies_to and title_id not in item.applies_to:
                continue
            if (
                item.province
                and not item.applies_to
                and not same_province(item.province, self.province)
            ):
                continue
            out.append(item)
        return out

    def describe(self) -> list[dict]:
        return [item.as_dict() for item in self.instruments.values()]


@dataclass(frozen=True, slots=True)
class Answer:
    """Which instruments answer one question, on which day, and why that day."""

    question: str
    on: date
    why: str
    instruments: tuple[str, ...]  # instrument names
    unconfirmed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "question_name": QUESTIONS[self.question],
            "date": self.on.isoformat(),
            "why": self.why,
            "instruments": list(self.instruments),
            "unconfirmed": self.unconfirmed,
        }


@dataclass(frozen=True, slots=True)
class Choice:
    """The regime (law + decree) the rules are compiled for, and the answers per question."""

    law: Law
    on: date
    why: str
    answers: tuple[Answer, ...]
    # Set when the filing date and the decision date fall under different regimes.
    straddle: str = ""
    straddle_unconfirmed: bool = False
    straddle_basis: str = ""  # the transitional articles of the newer instruments


def _day(on: date) -> str:
    return f"{on:%d/%m/%Y}"


def choose(
    catalogue: Catalogue,
    config: RulesConfig,
    *,
    year: int,
    title_id: str,
    decision_date: date | None = None,
    filing_date: date | None = None,
    law_id: str | None = None,
    register: Register | None = None,
) -> Choice:
    """The instruments for a case: by its decision date (31/12 of the year when none)."""
    register = register or Register(catalogue, config)
    if decision_date is not None:
        on, why = decision_date, f"ngày ký quyết định khen thưởng {_day(decision_date)}"
    else:
        on = date(year, 12, 31)
        why = (
            f"chưa có ngày quyết định: lấy ngày {_day(on)}, kết thúc năm {year} (bình xét cuối năm)"
        )
    straddle, straddle_unconfirmed, straddle_basis = "", False, ""
    procedure_on, procedure_why = on, why
    if law_id is not None:
        law = catalogue.law(law_id)
        why = f"hồ sơ chỉ định văn bản áp dụng “{law.name}”"
    else:
        law = catalogue.law_on(on)
        if filing_date is not None:
            filed_law = catalogue.law_on(filing_date)
            if filed_law.id != law.id:
                newer = (
                    law
                    if (law.valid_from or date.min) > (filed_law.valid_from or date.min)
                    else filed_law
                )
                older = filed_law if newer is law else law
                straddle_basis = "; ".join(
                    f"Quy định chuyển tiếp của {register[item].name} (chưa đối chiếu, law.md §0)"
                    for item in newer.instruments
                    if item not in older.instruments
                    and item in register.instruments
                    and register[item].transitional
                )
                follow = bool(config.get("transitional_by_filing_date"))
                straddle_unconfirmed = config.unconfirmed("transitional_by_filing_date")
                if follow:
                    straddle = (
                        f"Hồ sơ trình ngày {_day(filing_date)} khi “{filed_law.name}” đang có "
                        f"hiệu lực; theo quy định chuyển tiếp, xét theo văn bản tại ngày trình "
                        f"(ngày quyết định {_day(on)} thuộc “{law.name}”)."
                    )
                    law = filed_law
                    on = procedure_on = filing_date
                    why = procedure_why = (
                        f"ngày trình hồ sơ {_day(filing_date)} (quy định chuyển tiếp)"
                    )
                else:
                    straddle = (
                        f"Hồ sơ trình ngày {_day(filing_date)} khi “{filed_law.name}” đang có "
                        f"hiệu lực, quyết định ngày {_day(on)} thuộc “{law.name}”; xét theo văn "
                        "bản tại ngày quyết định."
                    )
                if straddle_unconfirmed:
                    straddle += (
                        " Quy định chuyển tiếp chưa được xác nhận (law.md §0): cần thẩm định "
                        "văn bản áp dụng."
                    )
    answers = []
    for question in QUESTIONS:
        day = procedure_on if question == "procedure" else on
        day_why = procedure_why if question == "procedure" else why
        regime = law
        if question == "authority" and decision_date is not None:
            # Authority is always the signing day's: the signer must be competent then.
            day, day_why = decision_date, f"ngày ký quyết định {_day(decision_date)}"
            regime = law if law_id is not None else catalogue.law_on(day)
        in_regime = set(regime.instruments)
        found = [
            item
            for item in register.in_force(day, question, title_id)
            if item.id in in_regime or item.applies_to or item.kind == "quy_dinh_tinh"
        ]
        names = tuple(item.name for item in found) or (regime.name,)
        unconfirmed = any(item.unconfirmed for item in found if item.applies_to)
        answers.append(Answer(question, day, day_why, names, unconfirmed))
    return Choice(law, on, why, tuple(answers), straddle, straddle_unconfirmed, straddle_basis)
