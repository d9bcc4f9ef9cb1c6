"""Business actions of the statistics: the staff and bodies doing the emulation work (forms
0604, 0605) and the persons' categories per year. One function per action, each checked,
audited and whole."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.years import check_year
from vinhdanh.reports import permissions
from vinhdanh.reports.categories import Category
from vinhdanh.reports.models import PersonCategory, WorkBody, WorkStaff
from vinhdanh.workflow.permissions import require


def _check_council(actor, council) -> None:
    require(actor, permissions.KEEP_WORK_STAFF)
    if council is None:
        raise ValidationError(
            _("Tài khoản của bạn không thuộc Hội đồng Thi đua - Khen thưởng nào.")
        )


@transaction.atomic
def add_work_staff(actor, council, *, year: int, **fields) -> WorkStaff:
    _check_council(actor, council)
    check_year(year)
    if fields.get("birth_year") and fields["birth_year"] > year - 15:
        raise ValidationError({"birth_year": _("Năm sinh không hợp lệ với năm báo cáo.")})
    if fields.get("started_year") and fields["started_year"] > year:
        raise ValidationError(
            {"started_year": _("Năm bắt đầu làm công tác thi đua, khen thưởng sau năm báo cáo.")}
        )
    if fields.get("birth_year") and fields.get("started_year", 0) < fields["birth_year"] + 15:
        raise ValidationError(
            {"started_year": _("Năm bắt đầu làm công tác phải sau năm sinh ít nhất 15 năm.")}
        )
    staff = WorkStaff(council=council, year=year, **fields)
    staff.full_clean()
    staff.save()
    record(actor=actor, action="reports.work_staff.add", instance=staff, after=snapshot(staff))
    return staff


@transaction.atomic
def remove_work_staff(actor, council, staff: WorkStaff) -> None:
    _check_council(actor, council)
    if staff.council_id != council.pk:
        raise ValidationError(_("Người này không thuộc danh sách của Hội đồng của bạn."))
    before, pk = snapshot(staff), staff.pk
    record(actor=actor, action="reports.work_staff.remove", instance=staff, before=before,
           object_id=str(pk))  # fmt: skip
    staff.delete()


@transaction.atomic
def add_work_body(actor, council, *, year: int, kind: str, name: str) -> WorkBody:
    _check_council(actor, council)
    check_year(year)
    name = " ".join(name.split())
    if WorkBody.objects.filter(council=council, year=year, name__iexact=name).exists():
        raise ValidationError({"name": _("Tổ chức “%(name)s” đã có trong năm %(year)s.")
                               % {"name": name, "year": year}})  # fmt: skip
    body = WorkBody(council=council, year=year, kind=kind, name=name)
    body.full_clean()
    body.save()
    record(actor=actor, action="reports.work_body.add", instance=body, after=snapshot(body))
    return body


@transaction.atomic
def remove_work_body(actor, council, body: WorkBody) -> None:
    _check_council(actor, council)
    if body.council_id != council.pk:
        raise ValidationError(_("Tổ chức này không thuộc danh sách của Hội đồng của bạn."))
    before, pk = snapshot(body), body.pk
    record(actor=actor, action="reports.work_body.remove", instance=body, before=before,
           object_id=str(pk))  # fmt: skip
    body.delete()


@transaction.atomic
def set_person_category(actor, person, *, year: int, category: str) -> PersonCategory:
    """The person's category for `year` (one per person and year; set again, replaced)."""
    require(actor, permissions.SET_PERSON_CATEGORY, person)
    check_year(year)
    if category not in Category.values:
        raise ValidationError({"category": _("Phân loại không hợp lệ.")})
    entry = PersonCategory.objects.select_for_update().filter(person=person, year=year).first()
    before = snapshot(entry) if entry else None
    if entry is None:
        entry = PersonCategory(person=person, year=year)
    entry.category, entry.set_by = category, actor
    entry.save()
    record(
        actor=actor, action="reports.person_category.set", instance=entry, before=before,
        after=snapshot(entry),
    )  # fmt: skip
    return entry
