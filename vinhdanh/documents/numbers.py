"""Numbers written the Vietnamese way: 1.234.567 (a dot between thousands), 43,9% (a
decimal comma), 1.234.567 đ. Pure functions, used by the document writers (a number in a
.docx table) and by pages (`core.numbers`, the `vn_numbers` filters) alike, so a figure
reads the same on screen and on paper."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

THOUSANDS = "."
DECIMAL = ","
EMPTY = "—"


def _decimal(value) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def vn_number(value, decimals: int | None = None) -> str:
    """`1234567` -> "1.234.567"; `1234.5, 1` -> "1.234,5"; None -> "—".

    Without `decimals`, a whole number has none and any other keeps what it has, with
    trailing zeros dropped (2.50 -> "2,5")."""
    number = _decimal(value)
    if number is None:
        return EMPTY
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = f"{abs(number):.{decimals}f}"
    else:
        text = f"{abs(number):f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = THOUSANDS.join(groups)
    if fraction:
        result += DECIMAL + fraction
    negative = number < 0 and any(ch not in "0.," for ch in result)
    return ("-" if negative else "") + result


def vn_percent(share, decimals: int = 1) -> str:
    """A share of 1 as a percentage: 0.439 -> "43,9%", 0.7 -> "70%", None -> "—".

    Whole percentages drop the decimal (70%, not 70,0%)."""
    number = _decimal(share)
    if number is None:
        return EMPTY
    percent = (number * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if percent == percent.to_integral_value():
        return vn_number(percent, 0) + "%"
    return vn_number(percent, decimals) + "%"


def vn_money(value) -> str:
    """An amount in đồng: 1234567 -> "1.234.567 đ" (đồng have no smaller unit)."""
    number = _decimal(value)
    if number is None:
        return EMPTY
    return vn_number(number, 0) + " đ"
