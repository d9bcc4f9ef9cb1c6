"""Unit phrases of a plan's table cells, split into names as written.

Names keep their own words: "Phòng Văn hóa và Thông tin" and "Văn phòng HĐND và
UBND Quận" are one unit each, so "và" only separates names in a few safe cases and a
comma only where the next piece starts like a unit name of its own.
"""

import re

from .textutil import clean_cell, fold_aligned, one_line

# Words a unit name starts with; folded, matched at the start of a comma piece.
_NAME_HEADS = (
    "phong ", "van phong ", "uy ban ", "ubnd ", "hdnd ", "ban ", "trung tam ", "hoi ",
    "cong an ", "doi ", "chi cuc ", "chi nhanh ", "truong ", "cac ", "doan thanh nien ",
    "doan tncs ", "quan doan ", "lien doan ", "quan uy", "dang uy ", "mat tran ", "kho bac ",
    "benh vien ", "bao hiem ", "bhxh ", "vien kiem sat ", "toa an ", "thanh tra ",
    "cum thi dua", "khoi thi dua", "tram ", "dai ", "bao ", "so ", "cuc ", "vp ", "ct ",
    "mttq ", "phuong ", "xa ", "thi tran ", "to ", "nganh ", "thuong truc ",
)  # fmt: skip
# After "và", only these start a second name; "UBND" is left out for "HĐND và UBND".
_AND_HEADS = ("cac ", "phong ", "trung tam ", "ban chi huy ", "cong an ", "uy ban mat tran ",
              "uy ban mttq ", "ubnd cac phuong", "ubnd phuong", "doan thanh nien ")  # fmt: skip
_LEAD_MARK = re.compile(r"\(\s*chu tri\s*\)")
_COORD_MARK = re.compile(r"\(\s*phoi hop\s*\)")
_LEADS_WITH = re.compile(
    r"^(?P<lead>.+?)\s*[,(]?\s*chu tri\s*\)?\s*[,;:]?\s*(?:va\s+)?"
    r"(?:phoi hop\s*(?:voi|cung)?\s*[,:]?\s*(?P<coord>.*))?$"
)
_WORKS_WITH = re.compile(r"^(?P<lead>.+?)\s+phoi hop\s*(?:voi|cung)?\s+(?P<coord>.+)$")
_BULLET = re.compile(r"^(?:[-+•*–]\s*|\d+[.)]\s+)")


def _tidy(name: str) -> str:
    name = _BULLET.sub("", name.strip())
    return name.strip(" .;:,-–").strip()


def _split_on_commas(chunk: str) -> list[str]:
    pieces = chunk.split(",")
    names = [pieces[0]]
    for piece in pieces[1:]:
        folded = fold_aligned(piece.strip()) + " "
        starts_name = folded.startswith(_NAME_HEADS) and len(piece.split()) >= 2
        if starts_name:
            names.append(piece)
        else:
            names[-1] = names[-1] + "," + piece
    return names


def _split_on_and(name: str) -> list[str]:
    name = name.strip()
    folded = fold_aligned(name)
    for match in re.finditer(r"\s+va\s+", folded):
        right = folded[match.end() :] + " "
        if right.startswith(_AND_HEADS) and folded.startswith(_NAME_HEADS):
            return [name[: match.start()], *_split_on_and(name[match.end() :])]
    return [name]


def split_unit_list(text: str) -> list[str]:
    """Names in a cell listing units, as written, in their order."""
    names: list[str] = []
    for line in clean_cell(text or "").split("\n"):
        for chunk in re.split(r"[;]", line):
            for piece in _split_on_commas(chunk):
                for name in _split_on_and(piece):
                    name = _tidy(name)
                    if name and name not in names:
                        names.append(name)
    return names


def split_lead_phrase(text: str) -> tuple[list[str], list[str]]:
    """Lead and coordinating names of a "who does it" cell.

    "Phòng Y tế chủ trì phối hợp phòng Kinh tế" gives (["Phòng Y tế"], ["phòng Kinh tế"]);
    names marked "(chủ trì)" lead and the others of that cell coordinate.
    """
    flat = one_line(clean_cell(text or "").replace("\n", "; "))
    if not flat:
        return [], []
    folded = fold_aligned(flat)
    if _LEAD_MARK.search(folded) or _COORD_MARK.search(folded):
        return _split_marked(flat)
    match = _LEADS_WITH.match(folded) or _WORKS_WITH.match(folded)
    if not match:
        return split_unit_list(flat), []
    lead = split_unit_list(flat[match.start("lead") : match.end("lead")])
    coord_start = match.start("coord")
    coord = split_unit_list(flat[coord_start:]) if coord_start >= 0 else []
    return lead, coord


def _split_marked(flat: str) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    coord: list[str] = []
    for name in split_unit_list(flat):
        folded = fold_aligned(name)
        if mark := _LEAD_MARK.search(folded):
            lead.append(_tidy(name[: mark.start()] + name[mark.end() :]))
        elif mark := _COORD_MARK.search(folded):
            coord.append(_tidy(name[: mark.start()] + name[mark.end() :]))
        else:
            coord.append(name)
    return lead, coord


def merge_names(*groups: list[str]) -> list[str]:
    """Names of several cells in order, each once (compared without case and accents)."""
    seen: set[str] = set()
    merged: list[str] = []
    for group in groups:
        for name in group:
            key = fold_aligned(name)
            if key not in seen:
                seen.add(key)
                merged.append(name)
    return merged
