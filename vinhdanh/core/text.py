"""Vietnamese text helpers: diacritic-free search keys and the Vietnamese sort order.

Both produce plain ASCII strings stored beside the data, so that search and sort
behave the same on SQLite and PostgreSQL whatever the database collation is.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Vietnamese alphabet order; letters outside it (f, j, w, z, digits) follow their Latin place.
_ALPHABET = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
_LETTER_RANK = {letter: index + 1 for index, letter in enumerate(_ALPHABET)}
# Tone order used by Vietnamese dictionaries: level, grave, hook, tilde, acute, dot.
_TONE_RANK = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def fold(text: str) -> str:
    """Lower-case text without diacritics, with đ as d and spaces collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()


def search_text(*parts: str) -> str:
    """Folded parts framed by spaces, so a query can match at word starts (" van a")."""
    return " " + " | ".join(fold(part) for part in parts if part) + " "


def _letter_and_tone(char: str) -> tuple[str, str]:
    decomposed = unicodedata.normalize("NFD", char.lower())
    base, marks = decomposed[0], decomposed[1:]
    tone = ""
    letter_marks = ""
    for mark in marks:
        if mark in _VOWEL_MARKS:
            letter_marks += mark
        elif mark in _TONE_RANK:
            tone = mark
    return unicodedata.normalize("NFC", base + letter_marks), tone


def word_sort_key(text: str) -> tuple[str, str]:
    """Primary (letters) and secondary (tones) keys of a text, as fixed-width digits."""
    primary: list[str] = []
    secondary: list[str] = []
    for word in _SPACES.split(text.strip()):
        if not word:
            continue
        for char in word:
            letter, tone = _letter_and_tone(char)
            rank = _LETTER_RANK.get(letter)
            if rank is None:
                continue
            primary.append(f"{rank:02d}")
            secondary.append(str(_TONE_RANK[tone]))
        primary.append("00")
    return "".join(primary), "".join(secondary)


def split_full_name(full_name: str) -> tuple[str, str, str]:
    """Family, middle and given name of a Vietnamese full name ("Nguyễn Văn An")."""
    parts = _SPACES.split(full_name.strip())
    if not parts or parts == [""]:
        return "", "", ""
    if len(parts) == 1:
        return "", "", parts[0]
    return parts[0], " ".join(parts[1:-1]), parts[-1]


def person_sort_key(full_name: str) -> str:
    """Sort key ordering people by given name, then middle name, then family name."""
    family, middle, given = split_full_name(full_name)
    # Each part is compared whole (letters, then tones) before the next part counts:
    # "Anh" comes before "Ánh" whatever their middle names are.
    return "".join(
        letters + tones for letters, tones in map(word_sort_key, (given, middle, family))
    )


def text_sort_key(text: str) -> str:
    primary, secondary = word_sort_key(text)
    return primary + "9" + secondary
