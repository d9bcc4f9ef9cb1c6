"""Compiling rules per (title, subject, law) once, and judging one case or many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from . import checks as ck
from .case import EMPTY_CONTEXT, Case, Context, History, QuotaCounts
from .catalogue import Catalogue, default_catalogue
from .config import DEFAULT_CONFIG, SETTINGS, RulesConfig
from .instruments import Register, choose
from .parse import CaseError
from .rules import RULES, WORKERS_FARMERS, Build, declarations_for, unencoded
from .verdict import (
    ELIGIBLE,
    FAIL,
    INELIGIBLE,
    NEEDS_REVIEW,
    PASS,
    PASS_U,
    SKIP,
    CheckResult,
    CheckSpec,
    Verdict,
    materialise,
    verdict_of,
)

_SUBJECT_BASIS = "Điều 19, Điều 20 Luật Thi đua, khen thưởng 2022"


AUTHORITY_BASIS = "Điều 80 Luật Thi đua, khen thưởng 2022; Điều 59 Nghị định 129/2025/NĐ-CP"
_L2022_IN_FORCE = date(2024, 1, 1)
_ND129_IN_FORCE = date(2025, 7, 1)


def authority_basis_on(on: date) -> str:
    """The authority articles in force on a day, when no catalogue row names one."""
    if on < _L2022_IN_FORCE:
        return "Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung năm 2013)"
    if on < _ND129_IN_FORCE:
        return "Điều 80 Luật Thi đua, khen thưởng 2022"
    return AUTHORITY_BASIS


def _authority_spec(catalogue: Catalogue, title) -> CheckSpec:
    rows_by_level: dict[str, list] = {}
    for row in title.conferred_by:
        rows_by_level.setdefault(row.level, []).append(row)
    return ck.authority(
        "tham_quyen",
        rows_by_level,
        title.name,
        AUTHORITY_BASIS,
        catalogue.levels,
        fallback=authority_basis_on,
    )


def _group(context: Context) -> str | None:
    return WORKERS_FARMERS if context.occupation in ("cong_nhan", "nong_dan") else None


def validate(case: Case) -> None:
    """Refuse data errors as input errors (:class:`CaseError`), not as verdicts.

    The same checks as :func:`parse_case`, for cases an application builds itself.
    """
    context = case.context
    members = context.members
    if members is not None:
        for key in ("total", "completed_tasks", "lao_dong_tien_tien", "chien_si_thi_dua_co_so"):
            value = getattr(members, key)
            if value is not None and value < 0:
                raise CaseError(f"members.{key} phải là số nguyên không âm (nhận được {value}).")
        if members.total is not None:
            for key in ("completed_tasks", "lao_dong_tien_tien", "chien_si_thi_dua_co_so"):
                value = getattr(members, key)
                if value is not None and value > members.total:
                    raise CaseError(
                        f"members.{key} ({value}) lớn hơn tổng số thành viên ({members.total})."
                    )
            if members.disciplined is not None and members.disciplined > members.total:
                raise CaseError(
                    f"members.disciplined ({members.disciplined}) lớn hơn tổng số thành viên "
                    f"({members.total})."
                )
    if context.vote is not None and context.vote.approve > context.vote.members:
        raise CaseError("vote.approve lớn hơn tổng số thành viên Hội đồng (vote.members).")
    if (
        context.filing_date is not None
        and context.decision_date is not None
        and context.filing_date > context.decision_date
    ):
        raise CaseError(
            f"Ngày trình hồ sơ ({context.filing_date:%d/%m/%Y}) sau ngày quyết định "
            f"({context.decision_date:%d/%m/%Y})."
        )
    if context.movement_years is not None and context.movement_years < 0:
        raise CaseError("movement_years phải là số năm không âm.")


class Engine:
    """Rules of one configuration, compiled lazily and kept for the life of the engine."""

    def __init__(self, config: RulesConfig | None = None, catalogue: Catalogue | None = None):
        self.config = config or DEFAULT_CONFIG
        self.catalogue = catalogue or default_catalogue()
        self._compiled: dict[tuple, tuple[CheckSpec, ...]] = {}
        self.register = Register(self.catalogue, self.config)

    # -- compiling ------------------------------------------------------------------------
    def rules_for(
        self,
        title_id: str,
        subject: str,
        law_id: str,
        basis: str = "thuong_xuyen",
        group: str | None = None,
    ) -> tuple[CheckSpec, ...]:
        key = (title_id, subject, law_id, basis, group)
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = self._compile(title_id, subject, law_id, basis, group)
        return found

    def _compile(self, title_id, subject, law_id, basis, group=None) -> tuple[CheckSpec, ...]:
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
            group=group,
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
    def choose(self, case: Case):
        """Which instruments answer each question of the case, and why (instruments.py)."""
        context = case.context
        return choose(
            self.catalogue,
            self.config,
            year=case.year,
            title_id=case.title,
            decision_date=context.decision_date,
            filing_date=context.filing_date,
            law_id=case.law,
            register=self.register,
        )

    def evaluate(self, case: Case) -> Verdict:
        """The verdict of one case; :class:`CaseError` for data that cannot be judged."""
        validate(case)
        catalogue = self.catalogue
        title = catalogue.titles[case.title]
        choice = self.choose(case)
        law = choice.law
        history, year, context = case.history, case.year, case.context
        reference = context.decision_date or date(year, 12, 31)
        if not title.in_force(reference):
            other = title.raw.get(
                "successor" if title.valid_to and reference > title.valid_to else "predecessor"
            )
            specs: tuple[CheckSpec, ...] = (
                ck.not_in_force(
                    "hieu_luc",
                    title.basis_on(reference),
                    title.name,
                    catalogue.titles[other].name if other in catalogue.titles else "",
                ),
            )
        else:
            specs = self.rules_for(case.title, history.kind, law.id, context.basis, _group(context))
        if choice.straddle:
            specs = (_transitional_spec(choice), *specs)
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
            f"Văn bản áp dụng theo {choice.why}.",
            choice.answers,
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
        validate(Case(year, title_id, history, context))
        if law_id is None and context.decision_date is not None:
            law_id = self.catalogue.law_on(context.decision_date).id
        specs = self.rules_for(
            title_id, history.kind, law_id or self.law_id_for(year), "thuong_xuyen", _group(context)
        )
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

    def requirements(
        self, title: str, subject: str, year: int, decision_date: date | None = None
    ) -> dict:
        """What an appraisal checklist for a title needs: checks, criteria, dossier, conferrers,
        and the instruments that answer each question on the decision date."""
        catalogue = self.catalogue
        item = catalogue.title(title)
        reference = decision_date or date(year, 12, 31)
        choice = choose(
            catalogue,
            self.config,
            year=year,
            title_id=item.id,
            decision_date=decision_date,
            register=self.register,
        )
        law = choice.law
        specs = self.rules_for(item.id, subject, law.id)
        return {
            "law_reason": f"Văn bản áp dụng theo {choice.why}.",
            "instruments": [answer.as_dict() for answer in choice.answers],
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


def _transitional_spec(choice) -> CheckSpec:
    outcome = PASS_U if choice.straddle_unconfirmed else PASS
    return CheckSpec(
        "van_ban_ap_dung",
        lambda h, y, c: outcome,
        choice.straddle_basis or SETTINGS["transitional_by_filing_date"].source,
        {True: choice.straddle},
    )


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
