"""The Hoàng Mai 2021 organisation, as named in the council's plan 01/KH-HĐTĐKT.

Units, the council's chairman and the wards come from the seed document; the
composition of clusters and the other council members are illustrative, since
the document does not list them.
"""

LEVELS = [
    # code, name, rank, active_until
    ("central", "Trung ương", 1, None),
    ("province", "Tỉnh, thành phố trực thuộc Trung ương", 2, None),
    ("district", "Quận, huyện (đến 30/6/2025)", 3, "2025-06-30"),
    ("commune", "Phường, xã, thị trấn", 4, None),
]

# code, name, short name, kind, level, parent code
UNITS = [
    (
        "ha-noi",
        "Ủy ban nhân dân thành phố Hà Nội",
        "UBND Thành phố",
        "government",
        "province",
        None,
    ),
    (
        "ban-tdkt-ha-noi",
        "Ban Thi đua - Khen thưởng Thành phố",
        "Ban TĐKT Thành phố",
        "department",
        "province",
        "ha-noi",
    ),
    (
        "hoang-mai",
        "Ủy ban nhân dân quận Hoàng Mai",
        "UBND Quận",
        "government",
        "district",
        "ha-noi",
    ),
    ("phong-noi-vu", "Phòng Nội vụ", "", "department", "district", "hoang-mai"),
    (
        "van-phong-hdnd-ubnd",
        "Văn phòng HĐND và UBND Quận",
        "VP HĐND-UBND",
        "department",
        "district",
        "hoang-mai",
    ),
    ("phong-y-te", "Phòng Y tế", "", "department", "district", "hoang-mai"),
    ("phong-kinh-te", "Phòng Kinh tế", "", "department", "district", "hoang-mai"),
    (
        "phong-ldtbxh",
        "Phòng Lao động - Thương binh và Xã hội",
        "Phòng LĐTB&XH",
        "department",
        "district",
        "hoang-mai",
    ),
    (
        "phong-vhtt",
        "Phòng Văn hóa và Thông tin",
        "Phòng VH&TT",
        "department",
        "district",
        "hoang-mai",
    ),
    ("phong-qldt", "Phòng Quản lý đô thị", "Phòng QLĐT", "department", "district", "hoang-mai"),
    (
        "phong-gddt",
        "Phòng Giáo dục và Đào tạo",
        "Phòng GD&ĐT",
        "department",
        "district",
        "hoang-mai",
    ),
    (
        "phong-tckh",
        "Phòng Tài chính - Kế hoạch",
        "Phòng TC-KH",
        "department",
        "district",
        "hoang-mai",
    ),
    ("phong-tu-phap", "Phòng Tư pháp", "", "department", "district", "hoang-mai"),
    (
        "phong-tnmt",
        "Phòng Tài nguyên và Môi trường",
        "Phòng TN&MT",
        "department",
        "district",
        "hoang-mai",
    ),
    ("thanh-tra-quan", "Thanh tra Quận", "", "department", "district", "hoang-mai"),
    (
        "uy-ban-mttq",
        "Ủy ban Mặt trận Tổ quốc Việt Nam quận Hoàng Mai",
        "Ủy ban MTTQ Quận",
        "mass_organisation",
        "district",
        "hoang-mai",
    ),
    ("quan-doan", "Quận đoàn Hoàng Mai", "Quận đoàn", "mass_organisation", "district", "hoang-mai"),
    (
        "hoi-lhpn",
        "Hội Liên hiệp Phụ nữ quận Hoàng Mai",
        "Hội LHPN Quận",
        "mass_organisation",
        "district",
        "hoang-mai",
    ),
    (
        "hoi-ccb",
        "Hội Cựu chiến binh quận Hoàng Mai",
        "Hội CCB Quận",
        "mass_organisation",
        "district",
        "hoang-mai",
    ),
    (
        "ldld-quan",
        "Liên đoàn Lao động quận Hoàng Mai",
        "LĐLĐ Quận",
        "mass_organisation",
        "district",
        "hoang-mai",
    ),
    ("thcs-hoang-liet", "Trường THCS Hoàng Liệt", "", "school", "district", "phong-gddt"),
    ("th-dinh-cong", "Trường Tiểu học Định Công", "", "school", "district", "phong-gddt"),
    ("mn-hoa-sen", "Trường Mầm non Hoa Sen", "", "school", "district", "phong-gddt"),
]

WARDS = [
    "Đại Kim", "Định Công", "Giáp Bát", "Hoàng Liệt", "Hoàng Văn Thụ", "Lĩnh Nam", "Mai Động",
    "Tân Mai", "Thanh Trì", "Thịnh Liệt", "Trần Phú", "Tương Mai", "Vĩnh Hưng", "Yên Sở",
]  # fmt: skip

COUNCIL = {
    "unit": "hoang-mai",
    "name": "Hội đồng Thi đua - Khen thưởng quận Hoàng Mai",
    "standing_office": "phong-noi-vu",
    "chairman": ("Nguyễn Minh Tâm", "Chủ tịch Ủy ban nhân dân Quận", "male"),
}

# (code, name, head ward, deputy ward, members); wards by name, others by unit code.
CLUSTERS_2021 = [
    ("cum-1", "Cụm thi đua số 1 (các phường)",
     ["Đại Kim", "Định Công", "Giáp Bát", "Hoàng Liệt", "Hoàng Văn Thụ", "Lĩnh Nam", "Mai Động"]),
    ("cum-2", "Cụm thi đua số 2 (các phường)",
     ["Tân Mai", "Thanh Trì", "Thịnh Liệt", "Trần Phú", "Tương Mai", "Vĩnh Hưng", "Yên Sở"]),
    ("cum-3", "Cụm thi đua số 3 (các phòng, ban thuộc Quận)",
     ["phong-noi-vu", "van-phong-hdnd-ubnd", "phong-y-te", "phong-kinh-te", "phong-ldtbxh",
      "phong-vhtt", "phong-qldt", "phong-gddt", "phong-tckh", "phong-tu-phap", "phong-tnmt",
      "thanh-tra-quan"]),
    ("cum-4", "Cụm thi đua số 4 (Mặt trận và các đoàn thể)",
     ["uy-ban-mttq", "quan-doan", "hoi-lhpn", "hoi-ccb", "ldld-quan"]),
]  # fmt: skip

# Synthetic names for demo people; any likeness to real persons is chance.
FAMILY_NAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Ngô",
    "Dương",
    "Lý",
]
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Xuân", "Anh"]
FEMALE_MIDDLE = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim"]
MALE_GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hùng", "Khánh", "Long",
              "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Vinh"]  # fmt: skip
FEMALE_GIVEN = ["Anh", "Ánh", "Châu", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh",
                "Mai", "Ngân", "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Yến"]  # fmt: skip
POSITIONS = [
    ("Chuyên viên", False, False),
    ("Cán sự", False, False),
    ("Nhân viên", True, False),
    ("Giáo viên", True, False),
    ("Công nhân vệ sinh môi trường", True, False),
    ("Phó Trưởng phòng", False, True),
    ("Trưởng phòng", False, True),
]

DEMO_PASSWORD = "vinhdanh2021"
# username, role, unit code (or ward name), full name
ACCOUNTS = [
    ("admin", "admin", None, "Quản trị hệ thống"),
    ("thuongtruc", "standing_office", "phong-noi-vu", "Cán bộ Phòng Nội vụ"),
    ("uyvien", "council_member", "phong-vhtt", "Ủy viên Hội đồng"),
    ("chutich", "leader", "hoang-mai", "Nguyễn Minh Tâm"),
    ("canbo.hoangliet", "unit_officer", "Hoàng Liệt", "Cán bộ phường Hoàng Liệt"),
    ("canbo.dinhcong", "unit_officer", "Định Công", "Cán bộ phường Định Công"),
    ("cumtruong", "cluster_head", "Đại Kim", "Cụm trưởng Cụm thi đua số 1"),
]
