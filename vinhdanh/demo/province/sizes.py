"""How big the synthetic province is: the flags given, the rest scaled from them (pure)."""

from dataclasses import dataclass, fields

# The sizes of the default province (a province of about 300,000 public servants).
DEFAULTS = {
    "councils": 126,
    "units": 1000,
    "people": 300_000,
    "nominations": 1_000_000,
    "ratings": 3_000_000,
    "audit": 250_000,
}
# Which given flag sets the scale when several are given: the first of these.
SCALE_ORDER = ("nominations", "people", "ratings", "units", "councils", "audit")
DEFAULT_YEARS = 10
DEFAULT_LAST_YEAR = 2025
# Two ward councils at least: the benchmark accounts sit in two wards.
MIN_COUNCILS = 2

RULE_HELP = (
    "Quy tắc tỷ lệ: kích thước mặc định là 126 hội đồng cấp xã, 1.000 đơn vị, 300.000 cá "
    "nhân, 1.000.000 hồ sơ đề nghị, 3.000.000 lượt xếp loại và 250.000 mục nhật ký. Cờ kích "
    "thước đầu tiên được đặt theo thứ tự --nominations, --people, --ratings, --units, "
    "--councils, --audit cho hệ số k = giá trị / mặc định; mọi kích thước không đặt là mặc "
    "định × k (làm tròn), tức là cá nhân = hồ sơ × 0,3, xếp loại = hồ sơ × 3, đơn vị = hồ sơ "
    "× 0,001, hội đồng = hồ sơ × 0,000126, nhật ký = hồ sơ × 0,25; tối thiểu 2 hội đồng và "
    "2 + 2 × số hội đồng đơn vị. Cờ đã đặt luôn được giữ nguyên. Quyết định, giấy chứng nhận, "
    "đăng ký thi đua và kế hoạch suy ra từ hồ sơ, đơn vị và số năm."
)


class SizeError(ValueError):
    """Sizes that cannot make a province; the message is shown as is."""


@dataclass(frozen=True)
class Sizes:
    councils: int
    units: int
    people: int
    nominations: int
    ratings: int
    audit: int
    years: int
    last_year: int

    @property
    def first_year(self) -> int:
        return self.last_year - self.years + 1

    @property
    def year_range(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def as_dict(self) -> dict:
        return {field.name: getattr(self, field.name) for field in fields(self)}


def min_units(councils: int) -> int:
    # The city's standing office and one department, and two units in every ward
    # (a school for the ward's unit officer, and one more).
    return 2 + 2 * councils


def plan_sizes(
    given: dict[str, int | None],
    *,
    years: int = DEFAULT_YEARS,
    last_year: int = DEFAULT_LAST_YEAR,
) -> Sizes:
    """The sizes of every table from the flags given (None: not given)."""
    given = {name: value for name, value in given.items() if value is not None}
    for name, value in given.items():
        if name not in DEFAULTS:
            raise SizeError(f"Không có kích thước tên {name}.")
        if value < 0:
            raise SizeError(f"Kích thước --{name} phải là số không âm (đã nhập {value}).")
    if years < 1:
        raise SizeError(f"Số năm --years phải từ 1 trở lên (đã nhập {years}).")
    anchor = next((name for name in SCALE_ORDER if name in given), None)
    factor = given[anchor] / DEFAULTS[anchor] if anchor else 1.0
    sizes = {name: given.get(name, round(default * factor)) for name, default in DEFAULTS.items()}
    if "councils" not in given:
        sizes["councils"] = max(MIN_COUNCILS, sizes["councils"])
    if sizes["councils"] < MIN_COUNCILS:
        raise SizeError(
            f"Cần ít nhất {MIN_COUNCILS} hội đồng cấp xã (đã nhập {sizes['councils']}): "
            "tài khoản đo hiệu năng ngồi ở hai phường."
        )
    if "units" not in given:
        sizes["units"] = max(min_units(sizes["councils"]), sizes["units"])
    if sizes["units"] < min_units(sizes["councils"]):
        raise SizeError(
            f"Với {sizes['councils']} hội đồng cần ít nhất {min_units(sizes['councils'])} đơn vị "
            f"(đã nhập {sizes['units']})."
        )
    if sizes["nominations"] and not sizes["people"]:
        raise SizeError("Không thể có hồ sơ đề nghị khi không có cá nhân nào (--people 0).")
    # Ratings are one per subject per year: people first, then units.
    subjects = sizes["people"] + sizes["units"] + sizes["councils"] + 1
    if sizes["ratings"] > subjects * years:
        raise SizeError(
            f"Tối đa {subjects * years} lượt xếp loại (mỗi cá nhân, đơn vị một lượt mỗi năm "
            f"trong {years} năm); đã yêu cầu {sizes['ratings']}."
        )
    if "audit" not in given:
        sizes["audit"] = min(sizes["audit"], sizes["nominations"])
    if sizes["audit"] > sizes["nominations"]:
        raise SizeError(
            f"Mỗi mục nhật ký ghi một bước của một hồ sơ: tối đa {sizes['nominations']} mục "
            f"(đã yêu cầu {sizes['audit']})."
        )
    return Sizes(**sizes, years=years, last_year=last_year)
