"""Vietnamese names for the synthetic province, deterministic for a seed (pure).

A person is a pure function of (seed, ordinal): the generator never keeps people in
memory, and a certificate written long after the person finds the same name again.
"""

from dataclasses import dataclass
from functools import lru_cache

from vinhdanh.core.text import fold, person_sort_key

FAMILY_NAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đào", "Mai", "Lương", "Tạ",
]  # fmt: skip
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Xuân", "Anh", "Công", "Đình",
               "Mạnh", "Quốc", "Trọng", "Tiến"]  # fmt: skip
FEMALE_MIDDLE = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim", "Thùy",
                 "Bích", "Diệu", "Hải", "Khánh", "Mỹ"]  # fmt: skip
MALE_GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hùng", "Khánh", "Long",
              "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Vinh", "Hiếu", "Kiên",
              "Lâm", "Nghĩa", "Phong", "Tài", "Trung", "Tùng", "Huy", "Toàn"]  # fmt: skip
FEMALE_GIVEN = [
    "Anh", "Ánh", "Châu", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân",
    "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Yến", "Vân", "Huyền", "Loan", "Ngọc", "Quyên",
    "Tâm", "Thủy", "Uyên", "Xuân", "Giang",
]  # fmt: skip
# position, direct worker, manager; managers are rarer, so they appear once.
POSITIONS = [
    ("Chuyên viên", False, False),
    ("Chuyên viên", False, False),
    ("Chuyên viên chính", False, False),
    ("Cán sự", False, False),
    ("Nhân viên", True, False),
    ("Giáo viên", True, False),
    ("Giáo viên", True, False),
    ("Công chức", False, False),
    ("Viên chức", True, False),
    ("Phó Trưởng phòng", False, True),
    ("Trưởng phòng", False, True),
]
PLACE_WORDS = [
    "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Phước", "Mỹ", "Đông", "Tây",
    "Hưng", "Thịnh", "Vĩnh", "Quang", "Trung", "Hiệp", "Thuận", "Lộc", "Thành", "Sơn",
    "Hải", "Xuân", "Nghĩa", "Định", "Khánh", "Lạc", "Đức",
]  # fmt: skip
CITY_DEPARTMENTS = [
    "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Xây dựng", "Sở Tư pháp",
    "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo", "Thanh tra Thành phố",
    "Văn phòng Ủy ban nhân dân Thành phố", "Ban Quản lý các khu công nghiệp",
    "Liên đoàn Lao động Thành phố", "Thành đoàn", "Hội Liên hiệp Phụ nữ Thành phố",
    "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", "Hội Nông dân Thành phố",
]  # fmt: skip
SCHOOL_KINDS = ["Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở"]

_MASK = (1 << 64) - 1


def mix(*values: int) -> int:
    """A well-spread 64-bit number from integers (splitmix64 steps): cheap and stable."""
    state = 0x9E3779B97F4A7C15
    for value in values:
        state = (state ^ (value & _MASK)) * 0xBF58476D1CE4E5B9 & _MASK
        state = (state ^ (state >> 27)) * 0x94D049BB133111EB & _MASK
        state ^= state >> 31
    return state


@dataclass(frozen=True)
class PersonFacts:
    full_name: str
    gender: str
    birth_year: int
    position: str
    is_direct_worker: bool
    is_manager: bool


def person_facts(seed: int, ordinal: int) -> PersonFacts:
    """The ordinal-th person of the province made with `seed`."""
    bits = mix(seed, ordinal)
    female = bits & 1
    middles, givens = (FEMALE_MIDDLE, FEMALE_GIVEN) if female else (MALE_MIDDLE, MALE_GIVEN)
    family = FAMILY_NAMES[(bits >> 1) % len(FAMILY_NAMES)]
    middle = middles[(bits >> 9) % len(middles)]
    given = givens[(bits >> 17) % len(givens)]
    position, direct, manager = POSITIONS[(bits >> 25) % len(POSITIONS)]
    return PersonFacts(
        full_name=f"{family} {middle} {given}",
        gender="female" if female else "male",
        birth_year=1962 + (bits >> 33) % 40,
        position=position,
        is_direct_worker=direct,
        is_manager=manager,
    )


@lru_cache(maxsize=20_000)
def folded_name(full_name: str) -> str:
    return fold(full_name)


@lru_cache(maxsize=20_000)
def name_sort_key(full_name: str) -> str:
    return person_sort_key(full_name)


def person_search_text(full_name: str, code: str) -> str:
    """What `core.text.search_text(full_name, code)` gives, the name's folding cached;
    codes are already lower-case ASCII, so folding leaves them as they are."""
    return f" {folded_name(full_name)} | {code} "


def ward_names(seed: int, count: int) -> list[str]:
    """`count` distinct commune-level names, wards and communes alternating."""
    pairs = [(a, b) for a in PLACE_WORDS for b in PLACE_WORDS if a != b]
    pairs.sort(key=lambda pair: mix(seed, PLACE_WORDS.index(pair[0]), PLACE_WORDS.index(pair[1])))
    names = []
    for index in range(count):
        first, second = pairs[index % len(pairs)]
        lap = index // len(pairs)
        prefix = "Phường" if index % 3 else "Xã"
        names.append(f"{prefix} {first} {second}" + (f" {lap + 1}" if lap else ""))
    return names
