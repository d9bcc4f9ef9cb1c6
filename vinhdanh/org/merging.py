"""Merging units, as the 2025 reform merged wards: people, sub-units and accounts move;
the absorbed units stay, inactive, so their history keeps its name and its records."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.accounts.models import User
from vinhdanh.audit.services import record, snapshot
from vinhdanh.org import reshaping
from vinhdanh.org.dating import inactive_reason
from vinhdanh.org.models import Person, Share, Unit
from vinhdanh.workflow.permissions import require


def _check(sources: list[Unit], target: Unit, day: datetime.date) -> None:
    if not sources:
        raise ValidationError(_("Chọn ít nhất một đơn vị được sáp nhập."))
    if not target.is_active:
        raise ValidationError(
            _("Đơn vị nhận sáp nhập “%(name)s” không còn hoạt động.") % {"name": target}
        )
    if reason := inactive_reason(target, day):
        raise ValidationError(reason)
    for source in sources:
        if source.pk == target.pk:
            raise ValidationError(_("Một đơn vị không thể sáp nhập vào chính nó."))
        if target.path.startswith(source.path):
            raise ValidationError(
                _(
                    "“%(source)s” là cấp trên của “%(target)s”, "
                    "không thể sáp nhập vào đơn vị cấp dưới."
                )
                % {"source": source, "target": target}
            )
        if not source.is_active:
            raise ValidationError(
                _("“%(name)s” đã ngừng hoạt động hoặc đã được sáp nhập.") % {"name": source}
            )
        if reason := inactive_reason(source, day):
            raise ValidationError(reason)


@transaction.atomic
def merge_units(*, actor, sources: list[Unit], target: Unit, effective_on: datetime.date) -> Unit:
    require(actor, "org.merge_units", target)
    _check(sources, target, effective_on)
    for source in sources:
        before = snapshot(source)
        # A whole-unit merge is the simplest reorganisation: the same writer dates it.
        people = list(Person.objects.filter(unit=source))
        for person in people:
            reshaping.move_person(person, target, effective_on)
        moved_people = [person.pk for person in people]
        moved_accounts = list(User.objects.filter(unit=source).values_list("pk", flat=True))
        User.objects.filter(pk__in=moved_accounts).update(unit=target)
        for child in source.children.all():
            child.parent = target
            child.save()
        reshaping.end_unit(source, effective_on, merged_into=target)
        reshaping.link(source, target, effective_on, Share.WHOLE)
        record(
            actor=actor,
            action="org.unit.merge",
            instance=source,
            before=before,
            after={
                **snapshot(source),
                "moved_people": moved_people,
                "moved_accounts": moved_accounts,
            },
            note=_("Sáp nhập vào %(target)s từ ngày %(date)s")
            % {"target": target, "date": effective_on.strftime("%d/%m/%Y")},
        )
    return target
