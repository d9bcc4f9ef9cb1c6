"""The catalogue of titles and forms, levels, laws and vocabularies, read from JSON.

The JSON file (``vinhdanh/rules/data/catalogue.json``) is the single source: the engine
reads it here, and the Django side may load the same file into its tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from .text import name_key

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "catalogue.json"

EMULATION_TITLE = "emulation_title"
COMMENDATION_FORM = "commendation_form"
SUBJECT_KINDS = ("person", "collective", "household")


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _in_range(on: date, start: date | None, end: date | None) -> bool:
    return (start is None or start <= on) and (end is None or on <= end)


@dataclass(frozen=True, slots=True)
class Conferral:
    """One row of the authority table: who may confer a title, and when."""

    title: str
    level: str
    conferrer: str
    valid_from: date | None
    valid_to: date | None
    basis: str
    unconfirmed: bool

    def in_force(self, on: date) -> bool:
        return _in_range(on, self.valid_from, self.valid_to)


@dataclass(frozen=True, slots=True)
class Title:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    group: str | None
    subjects: tuple[str, ...]
    state_level: bool
    recurrence: str
    valid_from: date | None
    valid_to: date | None
    conferred_by: tuple[Conferral, ...]
    basis: tuple[dict, ...]
    award_bases: tuple[str, ...]
    dossier: tuple[dict, ...]
    equivalent_of: str | None
    raw: dict

    def in_force(self, on: date) -> bool:
        return _in_range(on, self.valid_from, self.valid_to)

    def basis_on(self, on: date) -> str:
        """The legal basis text in force on a date (the latest one if none matches)."""
        for item in self.basis:
            if _in_range(on, _date(item.get("from")), _date(item.get("to"))):
                return item["text"]
        return self.basis[0]["text"] if self.basis else ""


@dataclass(frozen=True, slots=True)
class Law:
    """A legal regime: the law and decree in force together over a period."""

    id: str
    name: str
    instruments: tuple[str, ...]
    valid_from: date | None
    valid_to: date | None

    def in_force(self, on: date) -> bool:
        return _in_range(on, self.valid_from, self.valid_to)


@dataclass(frozen=True, slots=True)
class Term:
    """An entry of a small vocabulary (rating, initiative scope, discipline form, basis)."""

    id: str
    rank: int
    name: str
    raw: dict


class Vocabulary:
    """Names to terms, matched on name keys.

    ``rank_by_text`` maps raw strings already seen (and ranks given as integers) to
    ranks, so bulk loaders resolve a repeated string with one dictionary lookup.
    """

    _CACHE_LIMIT = 10_000

    def __init__(self, label: str, entries: list[dict]):
        self.label = label
        self.terms: dict[str, Term] = {}
        self._by_key: dict[str, Term] = {}
        self._by_raw: dict[str, Term | None] = {}
        self.rank_by_text: dict[str | int, int] = {}
        for entry in entries:
            term = Term(entry["id"], entry.get("rank", 0), entry["name"], entry)
            self.terms[term.id] = term
            self.rank_by_text[term.rank] = term.rank
            for name in (term.id, term.name, *entry.get("aliases", ())):
                self._by_key.setdefault(name_key(name), term)
                self.rank_by_text.setdefault(name, term.rank)
                self._by_raw.setdefault(name, term)

    def lookup(self, text: str) -> Term | None:
        try:
            return self._by_raw[text]
        except KeyError:
            term = self._by_key.get(name_key(text)) if isinstance(text, str) else None
            if len(self._by_raw) < self._CACHE_LIMIT:
                self._by_raw[text] = term
                if term is not None:
                    self.rank_by_text[text] = term.rank
            return term
        except TypeError:  # unhashable input
            return None


class Catalogue:
    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.version: str = data["version"]
        self.titles: dict[str, Title] = {}
        self.laws: tuple[Law, ...] = tuple(
            Law(
                item["id"],
                item["name"],
                tuple(item["instruments"]),
                _date(item["from"]),
                _date(item["to"]),
            )
            for item in data["laws"]
        )
        self.levels = {item["id"]: item for item in data["levels"]}
        self.level_names = Vocabulary("level", data["levels"])
        self.ratings = Vocabulary("rating", data["ratings"])
        self.scopes = Vocabulary("initiative_scope", data["initiative_scopes"])
        self.discipline_forms = Vocabulary("discipline_form", data["discipline_forms"])
        self.award_bases = Vocabulary("award_basis", data["award_bases"])
        self.dossier_components = {item["code"]: item for item in data["dossier_components"]}
        for item in data["titles"]:
            conferrals = tuple(
                Conferral(
                    item["id"],
                    row["level"],
                    row["conferrer"],
                    _date(row["from"]),
                    _date(row["to"]),
                    row["basis"],
                    bool(row.get("unconfirmed")),
                )
                for row in item["conferred_by"]
            )
            self.titles[item["id"]] = Title(
                id=item["id"],
                name=item["name"],
                aliases=tuple(item["aliases"]),
                kind=item["kind"],
                group=item.get("group"),
                subjects=tuple(item["subjects"]),
                state_level=bool(item.get("state_level")),
                recurrence=item["recurrence"],
                valid_from=_date(item.get("valid_from")),
                valid_to=_date(item.get("valid_to")),
                conferred_by=conferrals,
                basis=tuple(item["basis"]),
                award_bases=tuple(item["award_bases"]),
                dossier=tuple(item["dossier"]),
                equivalent_of=item.get("equivalent_of"),
                raw=item,
            )
        self._title_keys: dict[str, str] = {}
        for title in self.titles.values():
            for name in (title.id, title.name, *title.aliases):
                key = name_key(name)
                other = self._title_keys.setdefault(key, title.id)
                if other != title.id:
                    raise ValueError(f"Tên '{name}' trùng giữa {other} và {title.id}")
        self._title_raw: dict[str, str | None] = {}
        # Raw strings already resolved to ids: the bulk loaders' one-lookup path.
        self.title_id_by_text: dict[str, str] = {}
        for title in self.titles.values():
            for name in (title.id, title.name, *title.aliases):
                self.title_id_by_text.setdefault(name, title.id)
        self.state_level_ids = frozenset(t.id for t in self.titles.values() if t.state_level)
        # Armed-forces titles count as their civilian twins in chains (law.md §3).
        self.equivalents = {t.id: t.equivalent_of for t in self.titles.values() if t.equivalent_of}

    # -- titles ----------------------------------------------------------------------------
    def resolve(self, name: str) -> str | None:
        """Catalogue id of a title or form written in any accepted way, or None."""
        try:
            return self._title_raw[name]
        except KeyError:
            found = self._title_keys.get(name_key(name)) if isinstance(name, str) else None
            if len(self._title_raw) < 10_000:
                self._title_raw[name] = found
                if found is not None:
                    self.title_id_by_text[name] = found
            return found
        except TypeError:  # unhashable input
            return None

    def title(self, name_or_id: str) -> Title:
        title_id = name_or_id if name_or_id in self.titles else self.resolve(name_or_id)
        if title_id is None:
            raise KeyError(name_or_id)
        return self.titles[title_id]

    # -- laws ------------------------------------------------------------------------------
    def law_on(self, on: date) -> Law:
        for law in self.laws:
            if law.in_force(on):
                return law
        raise LookupError(f"Không có văn bản pháp luật nào được cấu hình cho ngày {on:%d/%m/%Y}")

    def law_for_year(self, year: int) -> Law:
        """The law a year's achievements are judged by.

        The annual review of year N is held at its end, so the regime in force on
        31 December decides (2025 falls under Nghị định 152/2025, 2023 under the old law).
        """
        return self.law_on(date(year, 12, 31))

    def law(self, law_id: str) -> Law:
        for law in self.laws:
            if law.id == law_id:
                return law
        raise KeyError(law_id)

    # -- authority -------------------------------------------------------------------------
    def conferrals(self, title_id: str, on: date) -> list[Conferral]:
        """Who may confer a title or form on a date (law.md §6)."""
        return [row for row in self.titles[title_id].conferred_by if row.in_force(on)]

    def titles_conferred_by(self, level_id: str, on: date) -> list[str]:
        return [
            title.id
            for title in self.titles.values()
            if any(row.level == level_id and row.in_force(on) for row in title.conferred_by)
        ]

    def level_in_force(self, level_id: str, on: date) -> bool:
        level = self.levels[level_id]
        return _in_range(on, _date(level.get("from")), _date(level.get("to")))


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read a catalogue file; the bundled one is cached, see :func:`default_catalogue`."""
    with open(path or DEFAULT_PATH, encoding="utf-8") as handle:
        return Catalogue(json.load(handle))


@cache
def default_catalogue() -> Catalogue:
    return load_catalogue(DEFAULT_PATH)
