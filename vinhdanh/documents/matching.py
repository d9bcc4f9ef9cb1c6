"""Matching a unit name as written in a plan to the units the system knows.

Names are compared by a key without case, accents or punctuation, with the usual
abbreviations spelt out, so "Phòng LĐTB&XH" and "phòng Lao động - Thương binh và Xã hội"
meet. Group phrases ("Các đơn vị liên quan") and the directing bodies ("Hội đồng TĐKT
Quận") are recognised before any unit is looked for: they are never one unit.
"""

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .textutil import clean_line, fold_aligned


class PhraseKind(StrEnum):
    UNIT = "unit"
    GROUP = "group"
    DIRECTING_BODY = "directing_body"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class UnitCandidate:
    id: object
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    unit: UnitCandidate
    score: float


@dataclass(frozen=True)
class UnitMatch:
    text: str
    kind: PhraseKind
    unit: UnitCandidate | None = None
    suggestions: list[Suggestion] = field(default_factory=list)


# Multi-letter abbreviations, applied on the folded text with "&" already read as "va".
_PHRASES = [
    (r"ld\s*tb\s*va\s*xh|ldtbxh|ld\s*tb\s*xh", "lao dong thuong binh va xa hoi"),
    (r"gd\s*va\s*dt|gddt", "giao duc va dao tao"),
    (r"vh\s*va\s*tt|vhtt", "van hoa va thong tin"),
    (r"tn\s*va\s*mt|tnmt", "tai nguyen va moi truong"),
    (r"tc\s*kh|tckh", "tai chinh ke hoach"),
    (r"hd\s*tdkt|hdtdkt", "hoi dong thi dua khen thuong"),
    (r"ld\s*ld|ldld", "lien doan lao dong"),
    (r"hlh\s*pn|hlhpn", "hoi lien hiep phu nu"),
]
_WORDS = {
    "tdkt": "thi dua khen thuong",
    "hdnd": "hoi dong nhan dan",
    "ubnd": "uy ban nhan dan",
    "mttq": "mat tran to quoc",
    "tb": "thuong binh",
    "xh": "xa hoi",
    "ldtb": "lao dong thuong binh",
    "qldt": "quan ly do thi",
    "vp": "van phong",
    "bch": "ban chi huy",
    "qs": "quan su",
    "tncs": "thanh nien cong san",
    "ccb": "cuu chien binh",
    "bhxh": "bao hiem xa hoi",
    "tw": "trung uong",
    "tp": "thanh pho",
    "uy": "uy",
}
# Words that carry no identity: "và" is written or left out, "-" and "," too.
_NOISE = {"va", "voi"}
_GROUP = re.compile(
    r"^(?:cac|tat ca|toan the|toan bo|nhung|moi)\b|\bcac (?:don vi|phong|phuong|cum|khoi|co quan)\b"
    r"|\bdon vi lien quan\b|^don vi thuoc\b"
)
_DIRECTING = re.compile(
    r"^(?:hoi dong thi dua khen thuong|uy ban nhan dan(?: (?:quan|huyen|thanh pho|tinh|thi xa))?"
    r"|chu tich|pho chu tich|thuong truc|ban thuong vu|lanh dao|(?:quan|huyen|thanh|tinh|dang) uy)"
    r"(?: (?:quan|huyen|thanh pho|tinh|thi xa|uy ban nhan dan|thi dua khen thuong"
    r"|hoi dong nhan dan)(?: [a-z]+)*)?$"
)
_UNIT_HEADS = re.compile(
    r"^(?:phong|van phong|uy ban|hoi|ban|trung tam|cong an|doi|chi cuc|chi nhanh|truong|doan"
    r"|lien doan|mat tran|kho bac|benh vien|bao hiem|vien kiem sat|toa an|thanh tra|tram|dai"
    r"|phuong|xa|thi tran|cum thi dua|khoi thi dua|cong ty)\b"
)


def unit_key(text: str) -> str:
    """Comparison key of a unit name: folded, abbreviations spelt out, no punctuation."""
    key = fold_aligned(clean_line(text or "")).replace("&", " va ")
    key = re.sub(r"[^a-z0-9 ]+", " ", key)
    key = " ".join(key.split())
    for pattern, expansion in _PHRASES:
        key = re.sub(rf"\b(?:{pattern})\b", expansion, key)
    words = [_WORDS.get(word, word) for word in key.split()]
    return " ".join(word for word in " ".join(words).split() if word not in _NOISE)


def _relaxed(key: str) -> str:
    # "Phòng Nội vụ" and "Phòng Nội vụ Quận" name the same department of the district.
    return re.sub(r" (?:quan|huyen)$", "", key)


def classify_phrase(text: str) -> PhraseKind:
    """What a phrase names, without looking at any list of units."""
    key = unit_key(text)
    if not key:
        return PhraseKind.UNKNOWN
    if _GROUP.search(key):
        return PhraseKind.GROUP
    parts = [unit_key(part) for part in re.split(r"[/]", clean_line(text))]
    if all(part and _DIRECTING.match(part) for part in parts):
        return PhraseKind.DIRECTING_BODY
    if _UNIT_HEADS.match(key):
        return PhraseKind.UNIT
    return PhraseKind.UNKNOWN


def _keys(candidate: UnitCandidate) -> set[str]:
    keys = {unit_key(name) for name in (candidate.name, *candidate.aliases)}
    return {key for key in keys if key}


def match_unit(
    text: str, candidates: Iterable[UnitCandidate], *, limit: int = 5, cutoff: float = 0.3
) -> UnitMatch:
    """The unit a name stands for, or the closest candidates ranked by similarity."""
    candidates = list(candidates)
    kind = classify_phrase(text)
    if kind in (PhraseKind.GROUP, PhraseKind.DIRECTING_BODY):
        return UnitMatch(text, kind)
    key = unit_key(text)
    exact = [c for c in candidates if key in _keys(c)]
    if not exact:
        exact = [c for c in candidates if _relaxed(key) in {_relaxed(k) for k in _keys(c)}]
    if len(exact) == 1:
        return UnitMatch(text, PhraseKind.UNIT, unit=exact[0])
    pool = exact or candidates
    return UnitMatch(text, PhraseKind.UNKNOWN, suggestions=suggest(key, pool, limit, cutoff))


def _score(key: str, candidate_keys: Sequence[str]) -> float:
    best = 0.0
    words = set(key.split())
    for other in candidate_keys:
        ratio = difflib.SequenceMatcher(None, key, other).ratio()
        other_words = set(other.split())
        overlap = len(words & other_words) / max(len(words | other_words), 1)
        best = max(best, (ratio + overlap) / 2)
    return best


def suggest(
    key: str, candidates: Sequence[UnitCandidate], limit: int = 5, cutoff: float = 0.3
) -> list[Suggestion]:
    scored = [Suggestion(c, round(_score(key, sorted(_keys(c))), 3)) for c in candidates]
    scored = [s for s in scored if s.score >= cutoff]
    scored.sort(key=lambda s: (-s.score, s.unit.name))
    return scored[:limit]
