"""An amount of money read out in Vietnamese words, as a decision writes it in brackets.

1.404.000 -> "Một triệu bốn trăm linh bốn nghìn đồng". Pure Python.
"""

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
GROUPS = ["", "nghìn", "triệu", "tỷ"]


def _three(number: int, *, leading: bool) -> list[str]:
    """A group of three digits; `leading` for the first (highest) group, which drops
    "không trăm" and "linh"."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or not leading:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        elif units == 4 and tens >= 2:
            words.append("tư")
        else:
            words.append(DIGITS[units])
    return words


def number_in_words(number: int) -> str:
    if number < 0:
        return "âm " + number_in_words(-number)
    if number == 0:
        return "không"
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    top = len(groups) - 1
    for index in range(top, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        words += _three(group, leading=index == top)
        scale = GROUPS[index] if index < len(GROUPS) else ""  # bonuses stay below 1.000 tỷ
        if scale:
            words.append(scale)
    return " ".join(words)


def money_in_words(amount: int) -> str:
    """'Một triệu bốn trăm linh bốn nghìn đồng' (capitalised, with the currency)."""
    text = number_in_words(int(amount))
    return f"{text[0].upper()}{text[1:]} đồng"
