"""The settings of the bonus amounts (tiền thưởng), merged into the engine's SETTINGS.

Kept apart from ``config.py`` so the bonus rules stay in their own modules; see
``bonus.py`` for how each value is used.
"""

from types import MappingProxyType

from .config import Setting

BONUS_SETTINGS: dict[str, Setting] = {
    "bonus_base_salary": Setting(
        MappingProxyType(
            {"2019-07-01": 1_490_000, "2023-07-01": 1_800_000, "2024-07-01": 2_340_000}
        ),
        False,
        "Mức lương cơ sở theo ngày áp dụng {ngày (YYYY-MM-DD): số đồng}; tiền thưởng tính theo "
        "mức đang áp dụng vào ngày ký quyết định",
        "Nghị định 38/2019/NĐ-CP (từ 01/7/2019), 24/2023/NĐ-CP (từ 01/7/2023), 73/2024/NĐ-CP "
        "(từ 01/7/2024); law.md (LCS 2.340.000 đ từ 01/7/2024)",
    ),
    "bonus_coefficients": Setting(
        MappingProxyType({}),
        False,
        "Hệ số tiền thưởng của tỉnh thay cho bảng mặc định {mã danh hiệu: hệ số × lương cơ sở}; "
        "giá trị tỉnh đặt được coi là đã xác nhận",
        "law.md §3, §4.1 (Điều 54, 55 Nghị định 98/2023; Điều 50–52 Nghị định 152/2025)",
    ),
    "bonus_household_multiplier": Setting(
        1.5,
        False,
        "Hộ gia đình được thưởng gấp bao nhiêu lần mức của cá nhân (hình thức khen thưởng)",
        "law.md §4.1 (Giấy khen của Chủ tịch UBND cấp xã: hộ gia đình 1,5 lần, Nghị định "
        "152/2025; các hình thức khác chưa xác nhận)",
    ),
    "bonus_collective_multiplier": Setting(
        2.0,
        True,
        "Tập thể được thưởng gấp bao nhiêu lần mức của cá nhân (hình thức khen thưởng: Huân "
        "chương, Bằng khen, Giấy khen)",
        "Chưa xác nhận trong law.md (thông lệ Nghị định 91/2017, 98/2023: gấp 02 lần)",
    ),
    "bonus_rounding_step": Setting(
        1000,
        True,
        "Làm tròn tiền thưởng đến bội số của bao nhiêu đồng (1000 = hàng nghìn, 10000 = hàng "
        "chục nghìn)",
        "Chưa xác nhận trong law.md; tỉnh đặt theo quy chế (nghị định cũ làm tròn lên hàng chục "
        "nghìn đồng)",
    ),
    "bonus_rounding_mode": Setting(
        "up",
        True,
        "Cách làm tròn tiền thưởng: 'up' (lên), 'nearest' (gần nhất), 'down' (xuống)",
        "Chưa xác nhận trong law.md; tỉnh đặt theo quy chế",
    ),
}
