"""Who in a unit is eligible for what in a year: verdicts with their reasons."""

from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council, apply_membership
from vinhdanh.audit.services import record, snapshot
from vinhdanh.documents.admin_xlsx import list_workbook
from vinhdanh.documents.layout import Letterhead
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.history import person_histories
from vinhdanh.records.models import ScreeningJob, ScreeningResult
from vinhdanh.rules.engine import (
    ELIGIBLE,
    INELIGIBLE,
    NEEDS_REVIEW,
    Case,
    default_catalogue,
    get_engine,
)
from vinhdanh.rules.engine.judge import judge
from vinhdanh.rules.provincial import config_for

VERDICT_LABELS = {
    ELIGIBLE: _("Đủ điều kiện"),
    NEEDS_REVIEW: _("Cần xem xét"),
    INELIGIBLE: _("Chưa đủ điều kiện"),
}

# The individual titles a unit's screening covers; the engine knows the others too.
INDIVIDUAL_TITLES = [
    "lao_dong_tien_tien",
    "chien_si_thi_dua_co_so",
    "chien_si_thi_dua_tinh",
    "chien_si_thi_dua_toan_quoc",
    "bang_khen_tinh",
    "bang_khen_thu_tuong",
    "huan_chuong_lao_dong_hang_3",
    "giay_khen",
]


@dataclass
class ScreeningRow:
    person: Person
    verdicts: dict[str, str]
    position: int = 0


def screening_titles(year: int) -> list[tuple[str, str]]:
    """(title id, name) of the individual titles in force in `year`."""
    catalogue = default_catalogue()
    titles = []
    for title_id in INDIVIDUAL_TITLES:
        title = catalogue.titles.get(title_id)
        if title is not None and "person" in title.subjects:
            titles.append((title_id, title.name))
    return titles


def people_to_screen(user, unit: Unit):
    """The people of `unit` (and its sub-units) the user sees, in the list's order."""
    return access.scope_queryset(user, Person.objects.select_related("unit")).filter(
        unit__path__startswith=unit.path
    )


def screens_inline(user, unit: Unit) -> bool:
    """A unit small enough to screen while the page waits (counted no further than the limit)."""
    limit = settings.SCREENING_INLINE_LIMIT
    return people_to_screen(user, unit)[: limit + 1].count() <= limit


def screen_unit(user, unit: Unit, year: int) -> tuple[list[tuple[str, str]], list[ScreeningRow]]:
    """The verdict of every title for every person of `unit` (and its sub-units) the user sees."""
    people = list(people_to_screen(user, unit))
    titles = screening_titles(year)
    histories = person_histories([p.pk for p in people], year)
    engine = get_engine(config_for(unit))
    verdicts = engine.screen((histories[p.pk] for p in people), year, [t for t, _ in titles])
    rows = [ScreeningRow(person, verdict) for person, verdict in zip(people, verdicts, strict=True)]
    return titles, rows


def explain(person: Person, title_id: str, year: int):
    """The full verdict, with every check, its message and legal basis."""
    history = person_histories([person.pk], year)[person.pk]
    # The one function every entry point calls (CLI, API, nomination pages, decisions).
    return judge(Case(year, title_id, history), config_for(person.unit)).verdict


# People screened per step of a job: one history query set and one progress write per step.
JOB_CHUNK = 500


@transaction.atomic
def request_screening(actor, unit: Unit, year: int) -> ScreeningJob:
    """Queue the screening of a large unit; the page then follows the job's progress."""
    access.require(actor, access.VIEW, unit)
    job = new_screening_job(actor, unit, year)
    record(actor=actor, action="records.screening.request", instance=job, after=snapshot(job))
    from vinhdanh.records.tasks import screen_in_background

    transaction.on_commit(lambda: screen_in_background(job.pk))
    return job


def new_screening_job(actor, unit: Unit, year: int) -> ScreeningJob:
    """A pending job with the columns of the year and the seat the actor acts for."""
    return ScreeningJob.objects.create(
        unit=unit,
        year=year,
        requested_by=actor,
        acting_membership_id=getattr(actor, "acting_membership_id", None),
        titles=[[title_id, str(name)] for title_id, name in screening_titles(year)],
    )


def _acting_user(job: ScreeningJob):
    """The requester as they acted when asking (their chosen council's seat, if any)."""
    user = job.requested_by
    if job.acting_membership_id:
        apply_membership(user, job.acting_membership)
    return user


def run_screening_job(job_id: int) -> ScreeningJob:
    job = ScreeningJob.objects.select_related(
        "unit", "requested_by", "acting_membership__unit", "acting_membership__council"
    ).get(pk=job_id)
    user = _acting_user(job)
    ids = list(people_to_screen(user, job.unit).values_list("pk", flat=True))
    ScreeningJob.objects.filter(pk=job_id).update(
        status=ScreeningJob.Status.RUNNING, total=len(ids), done=0
    )
    job.results.all().delete()  # a retried job starts again from its first person
    engine = get_engine(config_for(job.unit))
    title_ids = [title_id for title_id, _name in job.titles]
    try:
        for start in range(0, len(ids), JOB_CHUNK):
            chunk = ids[start : start + JOB_CHUNK]
            histories = person_histories(chunk, job.year)
            verdicts = engine.screen((histories[pk] for pk in chunk), job.year, title_ids)
            ScreeningResult.objects.bulk_create(
                ScreeningResult(job=job, position=start + offset, person_id=pk, verdicts=verdict)
                for offset, (pk, verdict) in enumerate(zip(chunk, verdicts, strict=True))
            )
            ScreeningJob.objects.filter(pk=job_id).update(done=start + len(chunk))
        content = screening_workbook(
            job.unit, job.year, job.titles, _stored_rows(job), acting_council(user)
        )
    except Exception as error:  # the page must show that the job failed, not spin forever
        ScreeningJob.objects.filter(pk=job_id).update(
            status=ScreeningJob.Status.FAILED, error=str(error)
        )
        raise
    job.refresh_from_db()
    job.export.save(f"ra-soat-{job.unit.code}-{job.year}.xlsx", ContentFile(content), save=False)
    job.status = ScreeningJob.Status.DONE
    job.save(update_fields=["export", "status"])
    return job


def _stored_rows(job: ScreeningJob):
    results = job.results.select_related("person__unit").order_by("position").iterator(2000)
    return (ScreeningRow(r.person, r.verdicts, r.position) for r in results)


def screening_workbook(unit: Unit, year: int, titles, rows, council) -> bytes:
    """The screening's list in the administrative layout, through the safe writer."""
    letterhead = Letterhead(
        parent_body=council.unit.name if council else unit.name,
        issuer=council.name if council else unit.name,
        place="",
    )
    return list_workbook(
        letterhead,
        title=gettext("Kết quả rà soát điều kiện khen thưởng năm %(year)s — %(unit)s")
        % {"year": year, "unit": unit.name},
        date=timezone.localdate(),
        headers=[gettext("STT"), gettext("Họ và tên"), gettext("Đơn vị"), *[n for _t, n in titles]],
        rows=[
            [
                index,
                row.person.full_name,
                row.person.unit.name,
                *[str(VERDICT_LABELS.get(row.verdicts.get(tid), "—")) for tid, _n in titles],
            ]
            for index, row in enumerate(rows, start=1)
        ],
        sheet_title=gettext("Rà soát"),
    )


def job_rows(job: ScreeningJob, after: int, size: int) -> list[ScreeningRow]:
    """`size` rows of a job's result after position `after` (a keyset page: no OFFSET)."""
    results = (
        job.results.filter(position__gt=after)
        .select_related("person__unit")
        .order_by("position")[:size]
    )
    return [ScreeningRow(result.person, result.verdicts, result.position) for result in results]
