"""Configurable values, their defaults and whether the default is confirmed.

A value that law.md marks "(unconfirmed)" is a setting with a default here, flagged
``unconfirmed``. A province that sets the value itself takes responsibility for it,
so an overridden value counts as confirmed. Checks ask :meth:`RulesConfig.unconfirmed`
to decide whether their outcome may stand on its own (see verdict rules in README.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    default: Any
    unconfirmed: bool
    description: str
    source: str


SETTINGS: dict[str, Setting] = {
    # Shares of members (collective titles) and quotas, as fractions of 1.
    "ttldtt_min_share": Setting(
        0.70,
        False,
        "Tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến để xét Tập thể lao động tiên tiến",
        "law.md §3.2, §13.1 mục 4 (Điều 28 khoản 1 Luật 2022)",
    ),
    "ttldxs_min_share": Setting(
        0.70,
        False,
        "Tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến để xét Tập thể lao động xuất sắc",
        "law.md §3.2 (Điều 27 Luật 2022)",
    ),
    "cstdcs_quota": Setting(
        None,
        False,
        "Giới hạn số Chiến sĩ thi đua cơ sở so với số Lao động tiên tiến (không có từ năm 2024)",
        "law.md §3.1, §13.1 mục 1",
    ),
    "cstdcs_quota_old": Setting(
        0.15,
        False,
        "Giới hạn Chiến sĩ thi đua cơ sở so với số Lao động tiên tiến theo Nghị định 91/2017",
        "law.md §10 (Điều 9 khoản 3 Nghị định 91/2017/NĐ-CP)",
    ),
    "cstd_tinh_quota": Setting(
        None,
        False,
        "Giới hạn Chiến sĩ thi đua cấp tỉnh so với số Chiến sĩ thi đua cơ sở "
        "(không có quy định chung)",
        "law.md §3.1, §11",
    ),
    "lao_dong_tien_tien_quota": Setting(
        None,
        False,
        "Giới hạn Lao động tiên tiến so với tổng số người của đơn vị (không có quy định chung)",
        "law.md §3.1",
    ),
    # Council votes, as shares of the council's total membership (law.md §7.3).
    "vote_thresholds": Setting(
        MappingProxyType(
            {
                "chien_si_thi_dua_co_so": 0.80,
                "chien_si_thi_dua_tinh": 0.90,
                "chien_si_thi_dua_toan_quoc": 0.90,
                "co_thi_dua_tinh": 0.80,
                "co_thi_dua_chinh_phu": 0.80,
                "bang_khen_thu_tuong": 0.80,
                "cong_dan_thu_do_uu_tu": 0.90,
            }
        ),
        True,
        "Tỷ lệ phiếu đồng ý tối thiểu trên tổng số thành viên Hội đồng",
        "law.md §7.3 (Điều 30 khoản 7 Nghị định 98/2023; Nghị định 152/2025 chưa xác nhận)",
    ),
    # Council meetings (law.md §7.3): the share of the whole membership that must be present,
    # and the share of agree votes for titles and forms without a threshold of their own.
    # 0.667 is read as two thirds (awards.meeting_rules.as_share): 6 of 9 members.
    "meeting_quorum": Setting(
        0.667,
        True,
        "Tỷ lệ thành viên Hội đồng có mặt tối thiểu để phiên họp được tiến hành (trên tổng số "
        "thành viên; 0.667 là 2/3; ví dụ Bắc Ninh: 2/3, phiên xét khen thưởng 0.8)",
        "law.md §7.3 (quy định của tỉnh, ví dụ Bắc Ninh QĐ 86/2025 Điều 8; chưa có quy định chung)",
    ),
    "vote_default_threshold": Setting(
        0.5,
        True,
        "Tỷ lệ phiếu đồng ý phải vượt quá (trên tổng số thành viên Hội đồng) đối với danh hiệu, "
        "hình thức không có ngưỡng riêng trong vote_thresholds",
        "law.md §7.3 (Hội đồng làm việc theo đa số; quy định của tỉnh, chưa xác nhận)",
    ),
    # Chains of forms (law.md §4.2, §11).
    "chain_window_years": Setting(
        5,
        False,
        "Số năm liên tục hoàn thành tốt nhiệm vụ trở lên sau khen thưởng trước đó",
        "law.md §4.2 (Điều 73 khoản 1 điểm b, Điều 44 khoản 1 điểm e Luật 2022)",
    ),
    "chain_cstdcs_count": Setting(
        3,
        False,
        "Số lần Chiến sĩ thi đua cơ sở trong thời gian xét Bằng khen Thủ tướng, Huân chương",
        "law.md §4.2",
    ),
    "hcld3_higher_distinction": Setting(
        "xuat_sac",
        True,
        "Thành tích cao hơn cần có khi xét Huân chương Lao động hạng Ba: 'xuat_sac' (01 năm hoàn "
        "thành xuất sắc nhiệm vụ) hoặc 'chien_si_thi_dua_tinh' (01 lần CSTĐ cấp tỉnh)",
        "law.md §4.2 (Điều 44 khoản 1 điểm e, chưa xác nhận)",
    ),
    "bk_ttg_collective_ttldxs_count": Setting(
        3,
        True,
        "Số lần Tập thể lao động xuất sắc khi xét Bằng khen Thủ tướng cho tập thể",
        "law.md §4.2 (Điều 73 khoản 2, chưa xác nhận)",
    ),
    "bang_khen_tinh_collective_years": Setting(
        2,
        True,
        "Số năm liên tục hoàn thành xuất sắc nhiệm vụ hoặc Tập thể lao động xuất sắc khi xét Bằng "
        "khen cấp tỉnh cho tập thể",
        "law.md §4.2 (ví dụ Bắc Ninh QĐ 86/2025)",
    ),
    "bang_khen_tinh_other_grounds": Setting(
        True,
        False,
        "Còn các căn cứ khác của Điều 74 khoản 1 (thành tích xuất sắc, đột xuất…) nên chưa đạt "
        "điểm d thì cần thẩm định thay vì loại",
        "law.md §4.2",
    ),
    "giay_khen_min_rating": Setting(
        "tot",
        True,
        "Mức hoàn thành nhiệm vụ tối thiểu để xét Giấy khen",
        "law.md §4.2 (Điều 75 khoản 2: tỉnh quy định; ví dụ Bắc Ninh)",
    ),
    "cstd_tinh_term_years": Setting(
        3,
        False,
        "Số năm giữa hai lần Chiến sĩ thi đua cấp tỉnh liên tục (mỗi lần tính 03 năm)",
        "law.md §3.1 (Điều 21, Điều 22 Luật 2022)",
    ),
    # Principles (law.md §1.3).
    "one_state_form_per_year": Setting(
        True,
        True,
        "Mỗi năm chỉ đề nghị một hình thức khen thưởng cấp Nhà nước cho một cá nhân",
        "law.md §1.3 (quy định của nghị định trước năm 2017; chưa xác nhận trong Nghị định "
        "91/2017, 98/2023, 152/2025)",
    ),
    # Titles a unit or person must have registered for at the start of the year.
    "registration_required": Setting(
        (),
        True,
        "Danh hiệu chỉ được xét khi đã đăng ký thi đua từ đầu năm",
        "law.md §7.1 bước 1 (đăng ký thi đua); quy chế thi đua, khen thưởng của tỉnh",
    ),
    "discipline_bars_before_nd152": Setting(
        True,
        True,
        "Không khen thưởng khi đang bị kỷ luật, xem xét kỷ luật (trước ngày 01/7/2025)",
        "law.md §1.3, §11 (Điều 4 khoản 4 Nghị định 152/2025 chỉ áp dụng từ 01/7/2025)",
    ),
    "chain_restart_before_nd152": Setting(
        False,
        True,
        "Trước ngày 01/7/2025, thành tích trong thời hạn kỷ luật cũng không được tính vào chuỗi "
        "thành tích liên tục (như Điều 4 Nghị định 152/2025)",
        "law.md §1.3, §11 (Luật 2003, Nghị định 91/2017, Nghị định 98/2023 không có quy định "
        "tương ứng được xác nhận)",
    ),
    # The law register (engine/instruments.py).
    "transitional_by_filing_date": Setting(
        False,
        True,
        "Hồ sơ đã trình trước ngày văn bản mới có hiệu lực được xét theo văn bản tại ngày trình "
        "(quy định chuyển tiếp); mặc định xét theo văn bản tại ngày quyết định",
        "law.md §0 (điều khoản chuyển tiếp của Luật 2022 và Nghị định 152/2025 chưa được đối "
        "chiếu)",
    ),
    "provincial_regulation": Setting(
        None,
        False,
        "Quy định về công tác thi đua, khen thưởng của tỉnh: {name, number, from, to} (in "
        "trong danh sách văn bản áp dụng)",
        "Điều 24 khoản 4, Điều 26 khoản 3, Điều 27 khoản 3, Điều 28 khoản 3, Điều 74 khoản 6, "
        "Điều 75 khoản 2 Luật 2022 (law.md §13.1 mục 7)",
    ),
    "co_thi_dua_movement_min_years": Setting(
        None,
        True,
        "Thời gian tối thiểu (năm) của phong trào thi đua chuyên đề do Bộ, tỉnh phát động để xét "
        "Cờ thi đua cho tập thể dẫn đầu phong trào",
        "law.md §3.2 (Điều 26 Luật 2022; thời gian tối thiểu chưa xác nhận)",
    ),
    "cong_dan_thu_do_uu_tu_max": Setting(
        10,
        False,
        "Số người tối đa được tặng danh hiệu Công dân Thủ đô ưu tú mỗi năm",
        "law.md §13.1 mục 7 (Quyết định 71/2025/QĐ-UBND của UBND thành phố Hà Nội)",
    ),
    # Administrative reforms (the 2025 reform merged and split wards).
    "successor_counts_predecessor_titles": Setting(
        False,
        False,
        "Khi xét danh hiệu, hình thức khen thưởng cho tập thể kế thừa, tính cả danh hiệu của "
        "các đơn vị tiền thân (mặc định: chỉ hiển thị, không tính)",
        "Quy chế thi đua, khen thưởng của tỉnh (sắp xếp đơn vị hành chính năm 2025)",
    ),
}

# Bonus amounts have their own module (bonus.py) and settings.
from .bonus_settings import BONUS_SETTINGS  # noqa: E402

SETTINGS.update(BONUS_SETTINGS)


def _as_fraction(value: Any) -> Fraction | None:
    # Exact arithmetic so that 70% of 20 members is 14, not 13.999999.
    return None if value is None else Fraction(str(value)).limit_denominator(10_000)


@dataclass(frozen=True)
class RulesConfig:
    """Values the engine uses; build it with :func:`make_config`."""

    values: MappingProxyType
    overridden: frozenset[str]
    province: str | None = None
    key: tuple = field(default=(), compare=False)

    def get(self, name: str) -> Any:
        return self.values[name]

    def share(self, name: str) -> Fraction | None:
        return _as_fraction(self.values[name])

    def vote_threshold(self, title_id: str) -> Fraction | None:
        return _as_fraction(self.values["vote_thresholds"].get(title_id))

    def unconfirmed(self, name: str) -> bool:
        return SETTINGS[name].unconfirmed and name not in self.overridden

    def describe(self) -> list[dict]:
        """Every setting with its value and provenance, for an admin page or a report."""
        return [
            {
                "name": name,
                "value": dict(self.values[name])
                if isinstance(self.values[name], MappingProxyType)
                else self.values[name],
                "default": setting.default
                if not isinstance(setting.default, MappingProxyType)
                else dict(setting.default),
                "overridden": name in self.overridden,
                "unconfirmed": self.unconfirmed(name),
                "description": setting.description,
                "source": setting.source,
            }
            for name, setting in SETTINGS.items()
        ]


def make_config(
    overrides: dict[str, Any] | None = None, province: str | None = None
) -> RulesConfig:
    """A configuration from the defaults and a province's overrides.

    Unknown names raise ``KeyError`` so that a typo in a province's settings is not
    silently ignored. ``vote_thresholds`` overrides are merged into the defaults.
    """
    overrides = dict(overrides or {})
    values = {name: setting.default for name, setting in SETTINGS.items()}
    for name, value in overrides.items():
        if name not in SETTINGS:
            raise KeyError(f"Không có tham số cấu hình '{name}'")
        if isinstance(value, list):
            value = tuple(value)
        if name == "vote_thresholds":
            merged = dict(SETTINGS[name].default)
            merged.update(value or {})
            value = MappingProxyType(merged)
        values[name] = value
    key = tuple(
        sorted(
            (name, tuple(sorted(value.items())) if isinstance(value, Mapping) else value)
            for name, value in ((name, values[name]) for name in overrides)
        )
    )
    return RulesConfig(MappingProxyType(values), frozenset(overrides), province, key)


DEFAULT_CONFIG = make_config()
