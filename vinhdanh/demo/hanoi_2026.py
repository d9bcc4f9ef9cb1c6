"""The Hà Nội 2026 chapter of the demo: the city and the seven wards that replaced Hoàng Mai.

Since 01/07/2025 local government has two levels. Resolution 1656/NQ-UBTVQH15 (16/06/2025)
rearranged Hà Nội's commune-level units; the 14 wards of the district Hoàng Mai became the
7 wards below, directly under the city, and the district was dissolved.

What is confirmed and what is not. The seven names, the dissolution of the district and the
date are those of the resolution. The exact composition of each new ward (which old wards
went in whole, which in part, and which parts of wards of neighbouring districts — Thanh
Xuân, Hai Bà Trưng, Thanh Trì — joined them) could not be checked against the text of the
resolution when this chapter was written: the shares below are plausible, not quoted, and
parts coming from outside Hoàng Mai are left out because the demo holds no such units. The
same note is the note of the reorganisation's "applied" step, shown on its page (and
its name and basis say "minh họa").
The district's departments and mass organisations end with it and their staff go to the
new wards in turn (illustrative too); its schools stay, under the ward they lie in. Every
person of a split ward is reassigned one by one and keeps a dated history of units.
Everything about people, councils, plans and dossiers is illustrative.
"""

import datetime

EFFECTIVE_ON = datetime.date(2025, 7, 1)
YEAR = 2026

NOTE = (
    "Dữ liệu mẫu: tên 7 phường mới, ngày hiệu lực 01/7/2025 và việc giải thể quận Hoàng Mai "
    "theo Nghị quyết 1656/NQ-UBTVQH15; thành phần từng phường (toàn bộ hay một phần của các "
    "phường cũ) chưa được đối chiếu với văn bản gốc, chỉ mang tính minh họa; phần diện tích "
    "nhận từ các quận, huyện khác (Thanh Xuân, Hai Bà Trưng, Thanh Trì) không được thể hiện."
)
REORGANISATION_NAME = "Sắp xếp đơn vị hành chính cấp xã quận Hoàng Mai (minh họa)"
REORGANISATION_BASIS = (
    "Nghị quyết 1656/NQ-UBTVQH15 ngày 16/06/2025 (thành phần các phường: minh họa)"
)

CITY = {
    "unit": "ha-noi",
    "name": "Hội đồng Thi đua - Khen thưởng thành phố Hà Nội",
    "standing_office": (
        "so-noi-vu-ha-noi",
        "Sở Nội vụ thành phố Hà Nội",
        "Sở Nội vụ",
    ),
    "chairman": ("Trần Quốc Hưng", "Chủ tịch Ủy ban nhân dân Thành phố", "male"),
    # (role, title in council, name, gender)
    "members": [
        ("vice_chairman", "Giám đốc Sở Nội vụ, Phó Chủ tịch thường trực", "Lê Thu Hà", "female"),
        ("member", "Chủ tịch Ủy ban MTTQ Việt Nam Thành phố", "Phạm Đức Long", "male"),
        ("secretary", "Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ", "Vũ Thị Hạnh", "female"),
    ],
}

# New ward -> (slug for codes and usernames, old wards in whole, old wards in part).
# Illustrative composition (see the module docstring).
NEW_WARDS = [
    ("Định Công", "dinhcong", [], ["Định Công", "Đại Kim", "Hoàng Liệt"]),
    ("Hoàng Liệt", "hoangliet", [], ["Hoàng Liệt", "Đại Kim", "Thịnh Liệt"]),
    ("Tương Mai", "tuongmai", ["Giáp Bát"], ["Tương Mai", "Hoàng Văn Thụ", "Tân Mai"]),
    (
        "Hoàng Mai",
        "hoangmai",
        [],
        ["Hoàng Văn Thụ", "Tân Mai", "Tương Mai", "Mai Động", "Định Công", "Thịnh Liệt"],
    ),
    ("Yên Sở", "yenso", [], ["Yên Sở", "Thịnh Liệt", "Hoàng Liệt", "Trần Phú"]),
    ("Vĩnh Hưng", "vinhhung", ["Vĩnh Hưng"], ["Mai Động", "Thanh Trì", "Lĩnh Nam"]),
    ("Lĩnh Nam", "linhnam", [], ["Lĩnh Nam", "Thanh Trì", "Trần Phú", "Yên Sở"]),
]

# The district's schools are kept (the ward's People's Committee runs them since the reform).
SCHOOLS = {"thcs-hoang-liet": "hoangliet", "th-dinh-cong": "dinhcong", "mn-hoa-sen": "tuongmai"}

# Chairmen of the new wards' People's Committees (synthetic names).
WARD_CHAIRMEN = {
    "dinhcong": ("Nguyễn Văn Bình", "male"),
    "hoangliet": ("Đỗ Thị Lan", "female"),
    "tuongmai": ("Bùi Quang Sơn", "male"),
    "hoangmai": ("Hoàng Minh Tuấn", "male"),
    "yenso": ("Ngô Thị Thảo", "female"),
    "vinhhung": ("Dương Văn Khánh", "male"),
    "linhnam": ("Lý Thị Ngân", "female"),
}

# username, role, unit (code), council unit (code), full name — the city's accounts; the
# wards' are made from NEW_WARDS (see `ward_accounts`).
CITY_ACCOUNTS = [
    ("thuongtruc.hanoi", "standing_office", "so-noi-vu-ha-noi", "ha-noi", "Cán bộ Sở Nội vụ"),
    ("chutich.hanoi", "leader", "ha-noi", "ha-noi", "Trần Quốc Hưng"),
    ("uyvien.hanoi", "council_member", "so-noi-vu-ha-noi", "ha-noi", "Ủy viên Hội đồng Thành phố"),
]


def ward_code(slug: str) -> str:
    return f"hn-phuong-{slug}"


def office_code(slug: str) -> str:
    return f"hn-vp-phuong-{slug}"


def ward_accounts() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for name, slug, _wholes, _parts in NEW_WARDS:
        unit = ward_code(slug)
        rows += [
            (f"thuongtruc.{slug}", "standing_office", office_code(slug), unit,
             f"Cán bộ Văn phòng HĐND và UBND phường {name}"),
            (f"chutich.{slug}", "leader", unit, unit, WARD_CHAIRMEN[slug][0]),
            (f"canbo.phuong.{slug}", "unit_officer", unit, unit, f"Cán bộ phường {name}"),
        ]  # fmt: skip
    return rows


ACCOUNTS = CITY_ACCOUNTS + ward_accounts()

# 2026 plans: (number suffix, task content, deadline)
CITY_TASKS = [
    ("Ban hành Kế hoạch thi đua, khen thưởng năm 2026 của Thành phố", datetime.date(2026, 1, 31)),
    ("Hướng dẫn các phường, xã xét khen thưởng theo thẩm quyền mới", datetime.date(2026, 3, 31)),
    ("Tiếp nhận, thẩm định hồ sơ đề nghị Bằng khen của Chủ tịch UBND Thành phố",
     datetime.date(2026, 11, 30)),
    ("Tổng kết công tác thi đua, khen thưởng năm 2026", datetime.date(2026, 12, 31)),
]  # fmt: skip
WARD_TASKS = [
    ("Ban hành Kế hoạch thi đua, khen thưởng năm 2026 của phường", datetime.date(2026, 2, 15)),
    ("Phát động phong trào thi đua “Phường văn minh, hiện đại”", datetime.date(2026, 3, 26)),
    (
        "Xét tặng Giấy khen của Chủ tịch UBND phường, trình Thành phố khen thưởng",
        datetime.date(2026, 11, 15),
    ),
]

# The 2026 dossiers, ward by ward: (ward slug, stage). Stages: draft, submitted,
# forwarded (voted at the ward, in the city's inbox), sent_back (returned by the city with
# reasons), decided (the city's decision came back to the ward).
DOSSIERS = [
    ("hoangliet", "draft"),
    ("hoangliet", "forwarded"),
    ("hoangliet", "decided"),
    ("dinhcong", "submitted"),
    ("dinhcong", "sent_back"),
    ("tuongmai", "forwarded"),
    ("vinhhung", "draft"),
]
SENT_BACK_REASONS = "Bổ sung xác nhận hoàn thành nghĩa vụ thuế và bản nhận xét của chi bộ."
