"""Name keys: the same title written by different councils must land on one catalogue id.

Kept here rather than imported from ``vinhdanh.core`` so that the engine stays a
self-contained package with no dependency on the rest of the project.
"""

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")

# Abbreviations and spelling variants councils actually write, compared word by word.
_WORD_SUBSTITUTIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "ttg": "thu tuong",
    "tw": "trung uong",
    "sy": "si",  # "Chiến sỹ" is a common spelling of "Chiến sĩ"
}
# Order classes appear as words, digits or Roman numerals ("hạng Ba", "hạng 3", "hạng III").
_CLASS_WORDS = {"1": "nhat", "i": "nhat", "2": "nhi", "ii": "nhi", "3": "ba", "iii": "ba"}


def fold(text: str) -> str:
    """Lower-case text without diacritics, with đ as d and spaces collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def name_key(text: str) -> str:
    """Matching key for a title, form, level or vocabulary name.

    Punctuation is dropped and a few abbreviations expanded, so that
    "Bằng khen của Chủ tịch UBND cấp tỉnh" and "bang khen cua chu tich uy ban nhan dan
    cap tinh" give the same key.
    """
    words = _NON_WORD.sub(" ", fold(text)).split()
    out: list[str] = []
    for index, word in enumerate(words):
        word = _WORD_SUBSTITUTIONS.get(word, word)
        if index and words[index - 1] == "hang":
            word = _CLASS_WORDS.get(word, word)
        out.append(word)
    return " ".join(out)
