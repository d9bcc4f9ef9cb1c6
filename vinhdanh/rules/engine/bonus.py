"""Bonus amounts (tiền thưởng): coefficient × the base salary in force on the decision date.

Pure: no Django. The instrument that sets the coefficients is the one in force on the
decision date (law.md §0): Nghị định 91/2017 until 31/12/2023, Nghị định 98/2023 (Điều 54
titles, Điều 55 orders) until 30/06/2025, Nghị định 152/2025 (Điều 50 titles, Điều 51
orders, Điều 52 honorary titles) from 01/07/2025, which keeps ND 98's amounts. Values
law.md marks unconfirmed, or does not give, are flagged so the amount shows a note; a
province overrides any coefficient with the ``bonus_coefficients`` setting.

Amount = coefficient × base salary × multiplier (households and collectives receiving a
commendation form), rounded to the ``bonus_rounding_step`` in the ``bonus_rounding_mode``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from .catalogue import Catalogue, default_catalogue
from .config import DEFAULT_CONFIG, RulesConfig


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    name: str
    valid_from: date
    valid_to: date | None

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


INSTRUMENTS = (
    Instrument("nd_91_2017", "Nghị định 91/2017/NĐ-CP", date(2017, 9, 15), date(2023, 12, 31)),
    Instrument("nd_98_2023", "Nghị định 98/2023/NĐ-CP", date(2024, 1, 1), date(2025, 6, 30)),
    Instrument("nd_152_2025", "Nghị định 152/2025/NĐ-CP", date(2025, 7, 1), None),
)

# Articles per instrument and group of titles; None: the article is not confirmed.
_ARTICLES = {
    "nd_91_2017": {"title": None, "order": None, "merit": None},
    "nd_98_2023": {"title": "Điều 54", "order": "Điều 55", "merit": None},
    "nd_152_2025": {"title": "Điều 50", "order": "Điều 51", "merit": None},
}

# (coefficient × base salary, group, confirmed under ND 98 / ND 152). law.md §3.1, §3.2, §4.1.
_TABLE: dict[str, tuple[str, str, bool]] = {
    "lao_dong_tien_tien": ("0.3", "title", True),
    "chien_si_thi_dua_co_so": ("1.0", "title", True),
    "chien_si_thi_dua_tinh": ("3.0", "title", True),
    "chien_si_thi_dua_toan_quoc": ("4.5", "title", True),
    "tap_the_lao_dong_tien_tien": ("0.8", "title", True),
    "tap_the_lao_dong_xuat_sac": ("1.5", "title", True),
    "co_thi_dua_tinh": ("8.0", "title", True),
    "co_thi_dua_chinh_phu": ("12.0", "title", True),
    "thon_to_dan_pho_van_hoa": ("1.5", "title", True),
    "xa_tieu_bieu": ("2.0", "title", True),
    "huan_chuong_sao_vang": ("46.0", "order", True),
    "huan_chuong_ho_chi_minh": ("30.5", "order", True),
    "huan_chuong_doc_lap_hang_1": ("15.0", "order", True),
    "huan_chuong_doc_lap_hang_2": ("12.5", "order", True),
    "huan_chuong_doc_lap_hang_3": ("10.5", "order", True),
    "huan_chuong_quan_cong_hang_1": ("15.0", "order", True),
    "huan_chuong_quan_cong_hang_2": ("12.5", "order", True),
    "huan_chuong_quan_cong_hang_3": ("10.5", "order", True),
    "huan_chuong_lao_dong_hang_1": ("9.0", "order", True),
    "huan_chuong_lao_dong_hang_2": ("7.5", "order", True),
    "huan_chuong_lao_dong_hang_3": ("4.5", "order", True),
    "huan_chuong_chien_cong_hang_1": ("9.0", "order", True),
    "huan_chuong_chien_cong_hang_2": ("7.5", "order", True),
    "huan_chuong_chien_cong_hang_3": ("4.5", "order", True),
    "huan_chuong_bao_ve_to_quoc_hang_1": ("9.0", "order", True),
    "huan_chuong_bao_ve_to_quoc_hang_2": ("7.5", "order", True),
    "huan_chuong_bao_ve_to_quoc_hang_3": ("4.5", "order", True),
    "huan_chuong_dung_cam": ("4.5", "order", True),
    "huan_chuong_dai_doan_ket_dan_toc": ("7.5", "order", True),
    # Inferred from a news item (law.md §4.1): unconfirmed.
    "bang_khen_thu_tuong": ("3.5", "merit", False),
    # law.md: "amounts not seen"; the usual 1.0 is a default to be confirmed.
    "bang_khen_tinh": ("1.0", "merit", False),
    # Commune Chairman's Giấy khen, ND 152 (law.md §4.1, V13); other issuers presumably the same.
    "giay_khen": ("0.3", "merit", True),
}

# Under ND 91/2017 law.md gives no amounts: the same scale is used, every value unconfirmed.
_OLD_TABLE_OVERRIDES = {"bang_khen_thu_tuong": "1.0", "giay_khen": "0.3"}

ROUNDING_MODES = {"up": "làm tròn lên", "nearest": "làm tròn gần nhất", "down": "làm tròn xuống"}


def default_coefficient(title_id: str) -> str | None:
    """The coefficient (× base salary) of the default table in force now, as written there."""
    row = _TABLE.get(title_id)
    return row[0] if row else None


def instrument_on(on: date) -> Instrument | None:
    for instrument in INSTRUMENTS:
        if instrument.in_force(on):
            return instrument
    return None


def base_salary_on(on: date, config: RulesConfig = DEFAULT_CONFIG) -> tuple[int, date] | None:
    """The base salary in force on `on` and the day it took effect; None before the first."""
    rows = sorted(
        (date.fromisoformat(day), int(amount))
        for day, amount in dict(config.get("bonus_base_salary")).items()
    )
    found = None
    for since, amount in rows:
        if since <= on:
            found = (amount, since)
    return found


def round_amount(value: Fraction, step: int, mode: str) -> int:
    """`value` in đồng rounded to a multiple of `step` (1000: hàng nghìn) by `mode`."""
    units = value / step
    if mode == "down":
        whole = units.numerator // units.denominator
    elif mode == "nearest":  # halves go up, as money is counted
        whole = math.floor(units + Fraction(1, 2))
    else:
        whole = -((-units.numerator) // units.denominator)
    return whole * step


def _fmt(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"


def _coef_text(value: Fraction) -> str:
    text = f"{float(value):g}"
    return text.replace(".", ",")


@dataclass(frozen=True, slots=True)
class Bonus:
    """The amount and its basis; ``amount`` None when no coefficient or salary is known."""

    title: str
    title_name: str
    subject: str
    on: date
    amount: int | None
    coefficient: Fraction | None
    multiplier: Fraction
    base_salary: int | None
    base_salary_from: date | None
    instrument: str
    article: str
    rounding: str
    unconfirmed: bool
    note: str

    @property
    def amount_text(self) -> str:
        return _fmt(self.amount) if self.amount is not None else ""

    @property
    def basis_text(self) -> str:
        """One line for a page or an annex: "0,3 × 2.340.000 đ (LCS từ 01/07/2024); Điều 50 …"."""
        if self.amount is None:
            return self.note
        parts = [f"{_coef_text(self.coefficient)} × {_fmt(self.base_salary)}"]
        if self.multiplier != 1:
            parts.append(f"× {_coef_text(self.multiplier)}")
        text = " ".join(parts) + f" (lương cơ sở từ {self.base_salary_from:%d/%m/%Y})"
        text += f"; {self.article}"
        if self.unconfirmed:
            text += f" ({self.note})" if self.note else " (mức chưa xác nhận)"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "amount": self.amount,
            "amount_text": self.amount_text,
            "basis": {
                "title": self.title,
                "subject": self.subject,
                "decision_date": self.on.isoformat(),
                "coefficient": None if self.coefficient is None else float(self.coefficient),
                "multiplier": float(self.multiplier),
                "base_salary": self.base_salary,
                "base_salary_from": None
                if self.base_salary_from is None
                else self.base_salary_from.isoformat(),
                "instrument": self.instrument,
                "article": self.article,
                "rounding": self.rounding,
                "text": self.basis_text,
            },
            "unconfirmed": self.unconfirmed,
            "note": self.note,
        }


def _coefficient(title_id: str, instrument: Instrument, config: RulesConfig):
    """(coefficient, group, unconfirmed, from the province) for a title under an instrument."""
    own = dict(config.get("bonus_coefficients"))
    row = _TABLE.get(title_id)
    group = row[1] if row else "merit"
    if title_id in own:
        return Fraction(str(own[title_id])), group, False, True
    if row is None:
        return None, group, True, False
    text, group, confirmed = row
    if instrument.id == "nd_91_2017":
        return Fraction(_OLD_TABLE_OVERRIDES.get(title_id, text)), group, True, False
    return Fraction(text), group, not confirmed, False


def bonus_for(
    title_id: str,
    subject: str,
    on: date,
    config: RulesConfig | None = None,
    catalogue: Catalogue | None = None,
) -> Bonus:
    """The bonus of `title_id` for a `subject` (person, collective, household) decided `on`."""
    config = config or DEFAULT_CONFIG
    catalogue = catalogue or default_catalogue()
    title = catalogue.titles[title_id]
    canonical = title.equivalent_of or title.id
    step = int(config.get("bonus_rounding_step"))
    mode = str(config.get("bonus_rounding_mode"))
    rounding = f"{ROUNDING_MODES.get(mode, mode)} đến {_fmt(step)}"
    instrument = instrument_on(on)

    def empty(note: str, name: str = "", article: str = "") -> Bonus:
        return Bonus(
            title.id, title.name, subject, on, None, None, Fraction(1), None, None,
            name, article, rounding, True, note,
        )  # fmt: skip

    if instrument is None:
        return empty(
            f"Chưa có bảng tiền thưởng cho quyết định ký ngày {on:%d/%m/%Y} (trước Nghị định "
            "91/2017/NĐ-CP)."
        )
    coefficient, group, unconfirmed, own = _coefficient(canonical, instrument, config)
    article_no = _ARTICLES[instrument.id][group]
    if own:
        article = "Mức của tỉnh (hệ số tiền thưởng do tỉnh đặt)"
    elif article_no:
        article = f"{article_no} {instrument.name}"
    else:
        article = f"{instrument.name} (điều chưa xác nhận)"
    if coefficient is None:
        return empty(
            f"Chưa có hệ số tiền thưởng của “{title.name}” theo {instrument.name}; cần nhập "
            "mức của tỉnh.",
            instrument.name,
            article,
        )
    salary = base_salary_on(on, config)
    if salary is None:
        return empty(
            f"Chưa có mức lương cơ sở áp dụng vào ngày {on:%d/%m/%Y}.", instrument.name, article
        )
    multiplier = Fraction(1)
    notes = []
    if title.kind == "commendation_form" and subject == "household":
        multiplier = Fraction(str(config.get("bonus_household_multiplier")))
        unconfirmed = unconfirmed or config.unconfirmed("bonus_household_multiplier")
    elif title.kind == "commendation_form" and subject == "collective":
        multiplier = Fraction(str(config.get("bonus_collective_multiplier")))
        if config.unconfirmed("bonus_collective_multiplier"):
            unconfirmed = True
            notes.append("hệ số tập thể chưa xác nhận")
    if unconfirmed and not notes:
        notes.append("mức chưa xác nhận, cần đối chiếu văn bản")
    rounding_unconfirmed = config.unconfirmed("bonus_rounding_step") or config.unconfirmed(
        "bonus_rounding_mode"
    )
    amount = round_amount(coefficient * salary[0] * multiplier, step, mode)
    exact = coefficient * salary[0] * multiplier
    if rounding_unconfirmed and amount != exact:
        unconfirmed = True
        notes.append("cách làm tròn chưa xác nhận")
    return Bonus(
        title.id,
        title.name,
        subject,
        on,
        amount,
        coefficient,
        multiplier,
        salary[0],
        salary[1],
        instrument.name,
        article,
        rounding,
        unconfirmed,
        "; ".join(notes),
    )


def total(bonuses) -> int:
    """The sum of the known amounts."""
    return sum(b.amount for b in bonuses if b is not None and b.amount is not None)


def validate_setting(name: str, value: Any) -> Any:
    """A bonus setting's value as typed by staff, or ValueError with a Vietnamese message."""
    if name == "bonus_base_salary":
        if not isinstance(value, dict) or not value:
            raise ValueError('Nhập bảng {"YYYY-MM-DD": số đồng}, ví dụ {"2024-07-01": 2340000}.')
        for day, amount in value.items():
            try:
                date.fromisoformat(day)
            except ValueError:
                raise ValueError(f"Ngày không hợp lệ “{day}” (dạng YYYY-MM-DD).") from None
            if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
                raise ValueError(f"Mức lương cơ sở từ {day} phải là số đồng nguyên dương.")
        return value
    if name == "bonus_coefficients":
        if not isinstance(value, dict):
            raise ValueError('Nhập bảng {mã danh hiệu: hệ số}, ví dụ {"giay_khen": 0.3}.')
        titles = default_catalogue().titles
        for key, coef in value.items():
            if key not in titles:
                raise ValueError(f"Không có danh hiệu mã: {key}.")
            if not isinstance(coef, (int, float)) or isinstance(coef, bool) or coef <= 0:
                raise ValueError(f"Hệ số của {key} phải là số dương.")
        return value
    if name in ("bonus_household_multiplier", "bonus_collective_multiplier"):
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
            raise ValueError("Hệ số nhân phải là số dương, ví dụ 1.5.")
        return value
    if name == "bonus_rounding_step":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError("Bước làm tròn là số đồng nguyên dương, ví dụ 1000.")
        return value
    if name == "bonus_rounding_mode":
        if value not in ROUNDING_MODES:
            raise ValueError("Cách làm tròn là một trong: " + ", ".join(ROUNDING_MODES) + ".")
        return value
    raise ValueError(f"Không có tham số “{name}”.")
