"""Compiling rules per (title, subject, law) once, and judging one case or many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from . import checks as ck
from .case import EMPTY_CONTEXT, Case, Context, History, QuotaCounts
from .catalogue import Catalogue, default_catalogue
from .config import DEFAULT_CONFIG, SETTINGS, RulesConfig
from .rules import RULES, Build, declarations_for, unencoded
from .verdict import (
    ELIGIBLE,
    FAIL,
    INELIGIBLE,
    NEEDS_REVIEW,
    PASS,
    SKIP,
    CheckResult,
    CheckSpec,
    Verdict,
    materialise,
    verdict_of,
)

_SUBJECT_BASIS = "Điều 19, Điều 20 Luật Thi đua, khen thưởng 2022"


AUTHORITY_BASIS = "Điều 80 Luật Thi đua, khen thưởng 2022; Điều 59 Nghị định 129/2025/NĐ-CP"


def _authority_spec(catalogue: Catalogue, title) -> CheckSpec:
    rows_by_level: dict[str, list] = {}
    for row in title.conferred_by:
        rows_by_level.setdefault(row.level, []).append(row)
    return ck.authority("tham_quyen", rows_by_level, title.name, AUTHORITY_BASIS, catalogue.levels)


class Engine:
    """Rules of one configuration, compiled lazily and kept for the life of the engine."""

    def __init__(self, config: RulesConfig | None = None, catalogue: Catalogue | None = None):
        self.config = config or DEFAULT_CONFIG
        self.catalogue = catalogue or default_catalogue()
        self._compiled: dict[tuple, tuple[CheckSpec, ...]] = {}

    # -- compiling ------------------------------------------------------------------------
    def rules_for(
        self, title_id: str, subject: str, law_id: str, basis: str = "thuong_xuyen"
    ) -> tuple[CheckSpec, ...]:
        key = (title_id, subject, law_id, basis)
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = self._compile(title_id, subject, law_id, basis)
        return found

    def _compile(self, title_id, subject, law_id, basis) -> tuple[CheckSpec, ...]:
        catalogue = self.catalogue
        title = catalogue.titles[title_id]
        if subject not in title.subjects:
            return (ck.wrong_subject("doi_tuong", _SUBJECT_BASIS, title.subjects),)
        build = Build(
            law=law_id,
            config=self.config,
            catalogue=catalogue,
            title=title,
            canonical=title.equivalent_of or title.id,
            subject=subject,
        )
        specs: list[CheckSpec] = []
        if basis not in title.award_bases:
            term = catalogue.award_bases.terms[basis]
            specs.append(
                CheckSpec(
                    "loai_hinh_khen_thuong",
                    lambda h, y, c: FAIL,
                    term.raw.get("basis", ""),
                    {False: "{name} không xét theo loại hình “{basis}”."},
                    {"name": title.name, "basis": term.name.lower()},
                )
            )
        elif basis != "thuong_xuyen":
            # Ad-hoc and thematic awards have their own criteria, judged by people (law.md §5).
            specs.extend(unencoded(build))
        else:
            specs.extend(declarations_for(build))
        if build.canonical in self.config.get("registration_required"):
            # Only a province's own list puts titles here, so the check is never unconfirmed.
            specs.append(ck.registered("dang_ky_thi_dua", SETTINGS["registration_required"].source))
        specs.append(_authority_spec(catalogue, title))
        return tuple(specs)

    def authority(self, title_id: str, level_id: str, on: date) -> CheckResult:
        """Whether a body of `level_id` may confer the title on the day, with the article.

        The same check the full verdict carries (rule "tham_quyen"), asked on its own when
        a decision is signed: the signing date decides, not the year of the achievements.
        """
        title = self.catalogue.titles[title_id]
        spec = _authority_spec(self.catalogue, title)
        context = Context(authority=level_id, decision_date=on)
        outcome = spec.test(None, on.year, context)
        return materialise(spec, outcome, None, on.year, context)

    def law_id_for(self, year: int) -> str:
        return self.catalogue.law_for_year(year).id

    # -- one case -------------------------------------------------------------------------
    def evaluate(self, case: Case) -> Verdict:
        catalogue = self.catalogue
        title = catalogue.titles[case.title]
        law = catalogue.law(case.law) if case.law else catalogue.law_for_year(case.year)
        history, year, context = case.history, case.year, case.context
        reference = context.decision_date or date(year, 12, 31)
        if not title.in_force(reference):
            specs: tuple[CheckSpec, ...] = (
                ck.not_in_force("hieu_luc", title.basis_on(reference), title.name),
            )
        else:
            specs = self.rules_for(case.title, history.kind, law.id, context.basis)
        outcomes = [spec.test(history, year, context) for spec in specs]
        results = tuple(
            materialise(spec, outcome, history, year, context)
            for spec, outcome in zip(specs, outcomes, strict=True)
            if outcome != SKIP
        )
        return Verdict(
            verdict_of(outcomes),
            law.id,
            law.name,
            title.id,
            title.name,
            year,
            results,
        )

    def verdict(
        self,
        history: History,
        year: int,
        title_id: str,
        context: Context = EMPTY_CONTEXT,
        law_id: str | None = None,
    ) -> str:
        """The verdict alone, stopping at the first confirmed failure (no messages built)."""
        specs = self.rules_for(title_id, history.kind, law_id or self.law_id_for(year))
        result = ELIGIBLE
        for spec in specs:
            outcome = spec.test(history, year, context)
            if outcome == FAIL:
                return INELIGIBLE
            if outcome != PASS and outcome != SKIP:
                result = NEEDS_REVIEW
        return result

    # -- many cases -----------------------------------------------------------------------
    def screen(
        self,
        subjects: Iterable[History | tuple[History, Context]],
        year: int,
        titles: Iterable[str] | None = None,
        law_id: str | None = None,
    ) -> Iterator[dict[str, str]]:
        """Verdicts of every given title for each subject, in the order given.

        ``subjects`` yields histories (or (history, context) pairs); ``titles`` are names
        or ids, by default every title with declared rules (armed-forces twins left out).
        Yields one ``{title_id: verdict}`` dict per subject, holding only the titles that
        apply to the subject's kind.
        """
        law = law_id or self.law_id_for(year)
        reference = date(year, 12, 31)
        catalogue = self.catalogue
        if titles is None:
            ids = [tid for tid in RULES if catalogue.titles[tid].in_force(reference)]
        else:
            ids = [tid if tid in catalogue.titles else catalogue.title(tid).id for tid in titles]
        plans: dict[str, tuple[tuple[str, tuple], ...]] = {}
        for kind in ("person", "collective", "household"):
            plans[kind] = tuple(
                (tid, self.rules_for(tid, kind, law))
                for tid in ids
                if kind in catalogue.titles[tid].subjects
                and catalogue.titles[tid].in_force(reference)
            )
        empty = EMPTY_CONTEXT
        for item in subjects:
            if isinstance(item, History):
                history, context = item, empty
            else:
                history, context = item
            out = {}
            for tid, specs in plans[history.kind]:
                result = ELIGIBLE
                for spec in specs:
                    outcome = spec.test(history, year, context)
                    if outcome == FAIL:
                        result = INELIGIBLE
                        break
                    if outcome != PASS and outcome != SKIP:
                        result = NEEDS_REVIEW
                out[tid] = result
            yield out

    # -- helpers for forms and checklists -------------------------------------------------
    def quota_check(
        self, title: str, year: int, base: int, nominated: int, law_id: str | None = None
    ) -> CheckResult | None:
        """Whether a unit may propose ``nominated`` of a title against ``base`` (law.md §3.1).

        ``base`` is what the quota is a share of: Lao động tiên tiến holders for Chiến sĩ
        thi đua cơ sở, Chiến sĩ thi đua cơ sở holders for the provincial title, headcount
        for Lao động tiên tiến. None when the title has no quota rule.
        """
        title_id = title if title in self.catalogue.titles else self.catalogue.title(title).id
        law = law_id or self.law_id_for(year)
        context = Context(quota=QuotaCounts(base, nominated))
        history = History("person")
        for spec in self.rules_for(title_id, "person", law):
            if spec.rule == "ty_le":
                outcome = spec.test(history, year, context)
                return materialise(spec, outcome, history, year, context)
        return None

    def requirements(self, title: str, subject: str, year: int) -> dict:
        """What an appraisal checklist for a title needs: checks, criteria, dossier, conferrers."""
        catalogue = self.catalogue
        item = catalogue.title(title)
        law = catalogue.law_for_year(year)
        reference = date(year, 12, 31)
        specs = self.rules_for(item.id, subject, law.id)
        return {
            "title": item.id,
            "title_name": item.name,
            "law": law.id,
            "law_name": law.name,
            "basis": item.basis_on(reference),
            "checks": [{"rule": spec.rule, "basis": spec.basis} for spec in specs],
            "criteria": list(item.raw.get("criteria", ())),
            "dossier": [
                {**catalogue.dossier_components[row["code"]], **row} for row in item.dossier
            ],
            "conferred_by": [
                {
                    "level": row.level,
                    "conferrer": row.conferrer,
                    "basis": row.basis,
                    "unconfirmed": row.unconfirmed,
                }
                for row in catalogue.conferrals(item.id, reference)
            ],
        }


_ENGINES: dict[tuple, Engine] = {}


def get_engine(config: RulesConfig | None = None) -> Engine:
    """A shared engine per configuration, so compiled rules are reused across calls."""
    config = config or DEFAULT_CONFIG
    key = (config.key, config.province)
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _ENGINES[key] = Engine(config)
    return engine


def evaluate(case: Case, config: RulesConfig | None = None) -> Verdict:
    return get_engine(config).evaluate(case)


def screen(
    subjects: Iterable[History | tuple[History, Context]],
    year: int,
    titles: Iterable[str] | None = None,
    config: RulesConfig | None = None,
) -> Iterator[dict[str, str]]:
    return get_engine(config).screen(subjects, year, titles)
