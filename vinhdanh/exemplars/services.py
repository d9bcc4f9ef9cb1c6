"""Business actions on exemplars: propose, edit, attach photos and evidence, record consent,
the workflow's steps, and the one step from a verified exemplar to an ad-hoc commendation.

Every function runs in one transaction with its permission check and its audit entry; the
workflow's steps go through `workflow.engine.transition` (history row, audit entry, version).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import nearest_council
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.uploads import validate_upload
from vinhdanh.core.years import check_year
from vinhdanh.exemplars import permissions
from vinhdanh.exemplars.models import (
    ConsentMethod,
    Exemplar,
    ExemplarEvidence,
    ExemplarPhoto,
    ExemplarState,
    SubjectKind,
)
from vinhdanh.exemplars.workflows import EDITABLE_STATES, EXEMPLARS
from vinhdanh.workflow.engine import lock, save_versioned, transition
from vinhdanh.workflow.permissions import allows, require

IMAGE_KINDS = frozenset({"png", "jpeg"})
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 10
# The fields a unit writes; the rest is the workflow's.
EDITABLE_FIELDS = (
    "year",
    "category",
    "subject_kind",
    "subject_name",
    "person",
    "collective",
    "headline",
    "story",
    "happened_on",
    "place",
    "effect",
)
# Ad-hoc commendations one step away: the council's Giấy khen, or the city's Bằng khen.
COMMENDATION_TITLES = ("giay_khen", "bang_khen_tinh")
AD_HOC_BASIS = "dot_xuat"


def _check_subject(exemplar: Exemplar) -> None:
    errors = {}
    if exemplar.subject_kind == SubjectKind.PERSON and exemplar.collective_id:
        errors["collective"] = _("Gương cá nhân không gắn với một tập thể.")
    if exemplar.subject_kind == SubjectKind.COLLECTIVE and exemplar.person_id:
        errors["person"] = _("Gương tập thể không gắn với một cá nhân.")
    if not exemplar.subject_name.strip():
        if exemplar.person_id:
            exemplar.subject_name = exemplar.person.full_name
        elif exemplar.collective_id:
            exemplar.subject_name = exemplar.collective.name
        else:
            errors["subject_name"] = _("Vui lòng nhập tên cá nhân hoặc tập thể được nêu gương.")
    if not exemplar.headline.strip():
        errors["headline"] = _("Vui lòng nhập tiêu đề của gương.")
    if not exemplar.story.strip():
        errors["story"] = _(
            "Vui lòng kể lại việc tốt, thành tích: đã làm gì, khi nào, ở đâu, hiệu quả ra sao."
        )
    if exemplar.happened_on and exemplar.happened_on > timezone.localdate():
        errors["happened_on"] = _("Thời gian của việc tốt không thể ở tương lai.")
    if errors:
        raise ValidationError(errors)


def _check_linked(actor, exemplar: Exemplar) -> None:
    """A linked person or collective must be one the actor sees, inside the proposing unit."""
    for field, subject in (("person", exemplar.person), ("collective", exemplar.collective)):
        if subject is None:
            continue
        unit = subject.unit if field == "person" else subject
        if not access.can(actor, access.VIEW, subject) or not unit.path.startswith(
            exemplar.unit.path
        ):
            raise ValidationError({field: _("Đối tượng đã chọn không thuộc đơn vị đề xuất.")})


def _gate(files, *, allowed=None, what: str) -> list[tuple[str, bytes, str]]:
    """Every file through the upload gate before any is stored: all or none."""
    checked = []
    for filename, content in files:
        try:
            if allowed is None:
                kind = validate_upload(filename, content)
            else:
                kind = validate_upload(
                    filename, content, allowed=allowed, max_bytes=MAX_PHOTO_BYTES
                )
        except ValidationError as refused:
            raise ValidationError(
                _("%(what)s “%(name)s”: %(reason)s Chưa lưu tệp nào.")
                % {"what": what, "name": filename, "reason": " ".join(refused.messages)}
            ) from refused
        checked.append((filename, content, kind))
    return checked


def _store_photos(exemplar: Exemplar, files) -> list[ExemplarPhoto]:
    if exemplar.photos.count() + len(files) > MAX_PHOTOS:
        raise ValidationError(_("Mỗi gương có tối đa %(count)d ảnh.") % {"count": MAX_PHOTOS})
    stored = []
    for filename, content, kind in _gate(files, allowed=IMAGE_KINDS, what=_("Ảnh")):
        photo = ExemplarPhoto(exemplar=exemplar, original_name=filename[:255], kind=kind)
        photo.file.save(filename, ContentFile(content), save=False)
        photo.save()
        stored.append(photo)
    return stored


def _store_evidence(exemplar: Exemplar, files) -> list[ExemplarEvidence]:
    stored = []
    for filename, content, kind in _gate(files, what=_("Tệp minh chứng")):
        item = ExemplarEvidence(exemplar=exemplar, original_name=filename[:255], kind=kind)
        item.file.save(filename, ContentFile(content), save=False)
        item.save()
        stored.append(item)
    return stored


def _exemplar_snapshot(exemplar: Exemplar) -> dict:
    data = snapshot(exemplar)
    data["photos"] = sorted(exemplar.photos.values_list("original_name", flat=True))
    data["evidence"] = sorted(exemplar.evidence.values_list("original_name", flat=True))
    return data


@transaction.atomic
def create_exemplar(actor, *, unit, photos=(), evidence=(), **fields) -> Exemplar:
    """A draft exemplar of `unit`, with its photos and evidence ([(name, bytes)]), all or none."""
    require(actor, permissions.CREATE_EXEMPLAR)
    access.require_create_in(actor, unit)
    council = nearest_council(unit)
    if council is None:
        raise ValidationError(_("Đơn vị chưa thuộc Hội đồng Thi đua - Khen thưởng nào."))
    check_year(fields.get("year"))
    exemplar = Exemplar(
        council=council, unit=unit, created_by=actor, **{k: v for k, v in fields.items()}
    )
    exemplar.subject_name = exemplar.subject_name or ""
    exemplar.place = exemplar.place or ""
    exemplar.effect = exemplar.effect or ""
    _check_subject(exemplar)
    _check_linked(actor, exemplar)
    # Refused files refuse the whole proposal before anything is saved.
    checked_photos = list(photos)
    checked_evidence = list(evidence)
    _gate(checked_photos, allowed=IMAGE_KINDS, what=_("Ảnh"))
    _gate(checked_evidence, what=_("Tệp minh chứng"))
    exemplar.full_clean()
    exemplar.save()
    _store_photos(exemplar, checked_photos)
    _store_evidence(exemplar, checked_evidence)
    record(
        actor=actor,
        action="exemplars.exemplar.create",
        instance=exemplar,
        after=_exemplar_snapshot(exemplar),
    )
    return exemplar


def _require_editable(actor, exemplar: Exemplar) -> None:
    require(actor, permissions.CHANGE_EXEMPLAR, exemplar)
    if exemplar.state not in EDITABLE_STATES:
        raise ValidationError(
            _("Gương đang ở trạng thái “%(state)s”, không sửa được nữa.")
            % {"state": exemplar.get_state_display()}
        )


@transaction.atomic
def update_exemplar(actor, exemplar: Exemplar, *, expected_version=None, **changes) -> Exemplar:
    """Edit a draft or returned exemplar, under the version the page showed."""
    exemplar = lock(EXEMPLARS, exemplar, expected_version)
    _require_editable(actor, exemplar)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    before = _exemplar_snapshot(exemplar)
    for field, value in changes.items():
        if value is None and field in ("subject_name", "headline", "story", "place", "effect"):
            value = ""
        setattr(exemplar, field, value)
    check_year(exemplar.year)
    _check_subject(exemplar)
    _check_linked(actor, exemplar)
    exemplar.full_clean()
    values = {field: getattr(exemplar, field) for field in EDITABLE_FIELDS if field in changes} | {
        "subject_name": exemplar.subject_name
    }
    exemplar = save_versioned(EXEMPLARS, exemplar, **values)
    record(
        actor=actor,
        action="exemplars.exemplar.update",
        instance=exemplar,
        before=before,
        after=_exemplar_snapshot(exemplar),
    )
    return exemplar


def _may_add_files(actor, exemplar: Exemplar) -> None:
    """The unit adds files while it may edit; the standing office while it reviews."""
    if exemplar.state in EDITABLE_STATES and allows(actor, permissions.CHANGE_EXEMPLAR, exemplar):
        return
    if exemplar.state in (ExemplarState.PROPOSED, ExemplarState.VERIFIED) and allows(
        actor, permissions.REVIEW_EXEMPLAR, exemplar
    ):
        return
    if not access.can(actor, access.VIEW, exemplar):
        raise PermissionDenied(_("Bạn không có quyền thao tác trên gương này."))
    raise ValidationError(
        _("Gương đang ở trạng thái “%(state)s”, không thêm, bớt tệp được.")
        % {"state": exemplar.get_state_display()}
    )


@transaction.atomic
def attach_photos(actor, exemplar: Exemplar, *, files) -> list[ExemplarPhoto]:
    """Several photos at once (`files`: [(name, bytes)]): all attached, or none."""
    exemplar = Exemplar.objects.select_for_update().get(pk=exemplar.pk)
    _may_add_files(actor, exemplar)
    if not files:
        raise ValidationError(_("Hãy chọn ít nhất một ảnh."))
    before = _exemplar_snapshot(exemplar)
    stored = _store_photos(exemplar, list(files))
    record(
        actor=actor,
        action="exemplars.exemplar.attach_photos",
        instance=exemplar,
        before=before,
        after=_exemplar_snapshot(exemplar),
    )
    return stored


@transaction.atomic
def attach_evidence(actor, exemplar: Exemplar, *, files) -> list[ExemplarEvidence]:
    exemplar = Exemplar.objects.select_for_update().get(pk=exemplar.pk)
    _may_add_files(actor, exemplar)
    if not files:
        raise ValidationError(_("Hãy chọn ít nhất một tệp minh chứng."))
    before = _exemplar_snapshot(exemplar)
    stored = _store_evidence(exemplar, list(files))
    record(
        actor=actor,
        action="exemplars.exemplar.attach_evidence",
        instance=exemplar,
        before=before,
        after=_exemplar_snapshot(exemplar),
    )
    return stored


@transaction.atomic
def remove_photo(actor, photo: ExemplarPhoto) -> None:
    exemplar = Exemplar.objects.select_for_update().get(pk=photo.exemplar_id)
    _may_add_files(actor, exemplar)
    before = _exemplar_snapshot(exemplar)
    photo.delete()
    record(
        actor=actor,
        action="exemplars.exemplar.remove_photo",
        instance=exemplar,
        before=before,
        after=_exemplar_snapshot(exemplar),
    )


@transaction.atomic
def record_consent(
    actor,
    exemplar: Exemplar,
    *,
    given: bool,
    consent_by: str = "",
    consent_on: datetime.date | None = None,
    consent_method: str = "",
    expected_version=None,
) -> Exemplar:
    """Record (or withdraw) the consent to publish the name and photos: who, when, how.

    A withdrawal takes effect on the honour board at once, published or not."""
    exemplar = lock(EXEMPLARS, exemplar, expected_version)
    if not (
        allows(actor, permissions.CHANGE_EXEMPLAR, exemplar)
        or allows(actor, permissions.REVIEW_EXEMPLAR, exemplar)
    ):
        raise PermissionDenied(_("Bạn không có quyền ghi nhận sự đồng ý cho gương này."))
    if given:
        errors = {}
        if not (consent_by or "").strip():
            errors["consent_by"] = _(
                "Ghi rõ ai đã đồng ý (người được nêu gương hoặc người đại diện)."
            )
        if consent_on is None:
            errors["consent_on"] = _("Ghi rõ ngày đồng ý.")
        elif consent_on > timezone.localdate():
            errors["consent_on"] = _("Ngày đồng ý không thể ở tương lai.")
        if consent_method not in ConsentMethod.values:
            errors["consent_method"] = _("Chọn hình thức đồng ý.")
        if errors:
            raise ValidationError(errors)
        values = {
            "consent_given": True,
            "consent_by": consent_by.strip(),
            "consent_on": consent_on,
            "consent_method": consent_method,
            "consent_recorded_by": actor,
        }
    else:
        values = {
            "consent_given": False,
            "consent_by": "",
            "consent_on": None,
            "consent_method": "",
            "consent_recorded_by": actor,
        }
    before = snapshot(exemplar)
    exemplar = save_versioned(EXEMPLARS, exemplar, **values)
    record(
        actor=actor,
        action="exemplars.exemplar.consent" if given else "exemplars.exemplar.consent_withdrawn",
        instance=exemplar,
        before=before,
        after=snapshot(exemplar),
    )
    return exemplar


@transaction.atomic
def propose_exemplar(actor, exemplar: Exemplar, *, expected_version=None, note="") -> Exemplar:
    return transition(
        EXEMPLARS, actor, exemplar, "propose", expected_version=expected_version, note=note,
        return_reason="",
    )  # fmt: skip


@transaction.atomic
def verify_exemplar(actor, exemplar: Exemplar, *, expected_version=None, note="") -> Exemplar:
    return transition(
        EXEMPLARS, actor, exemplar, "verify", expected_version=expected_version, note=note
    )


@transaction.atomic
def return_exemplar(actor, exemplar: Exemplar, *, expected_version=None, note="") -> Exemplar:
    return transition(
        EXEMPLARS, actor, exemplar, "return", expected_version=expected_version, note=note,
        return_reason=(note or "").strip(),
    )  # fmt: skip


@transaction.atomic
def refuse_exemplar(actor, exemplar: Exemplar, *, expected_version=None, note="") -> Exemplar:
    return transition(
        EXEMPLARS, actor, exemplar, "refuse", expected_version=expected_version, note=note,
        return_reason=(note or "").strip(),
    )  # fmt: skip


@transaction.atomic
def publish_exemplar(actor, exemplar: Exemplar, *, expected_version=None, note="") -> Exemplar:
    """On the council's honour board from now on; refused for photos without consent."""
    return transition(
        EXEMPLARS, actor, exemplar, "publish", expected_version=expected_version, note=note,
        published_at=timezone.now(),
    )  # fmt: skip


@transaction.atomic
def withdraw_exemplar(actor, exemplar: Exemplar, *, expected_version=None, note="") -> Exemplar:
    return transition(
        EXEMPLARS, actor, exemplar, "withdraw", expected_version=expected_version, note=note
    )


STEPS = {
    "propose": propose_exemplar,
    "verify": verify_exemplar,
    "return": return_exemplar,
    "refuse": refuse_exemplar,
    "publish": publish_exemplar,
    "withdraw": withdraw_exemplar,
}


@transaction.atomic
def commend_exemplar(
    actor, exemplar: Exemplar, *, title_code: str, expected_version=None
) -> Exemplar:
    """One step to an ad-hoc commendation: a draft nomination (khen thưởng đột xuất) of the
    exemplar's person or collective, with the story as its achievements, made by the awards
    services; the exemplar keeps the link. Only once per exemplar."""
    from vinhdanh.awards.models import AwardBasis, Title
    from vinhdanh.awards.services.nominations import create_nomination

    exemplar = lock(EXEMPLARS, exemplar, expected_version)
    require(actor, permissions.COMMEND_EXEMPLAR, exemplar)
    if exemplar.nomination_id:
        raise ValidationError(
            _("Gương này đã được lập hồ sơ khen thưởng đột xuất; không lập thêm hồ sơ thứ hai.")
        )
    if exemplar.state not in (ExemplarState.VERIFIED, ExemplarState.PUBLISHED):
        raise ValidationError(_("Chỉ lập hồ sơ khen thưởng cho gương đã được xác minh."))
    if not (exemplar.person_id or exemplar.collective_id):
        raise ValidationError(
            _(
                "Gương chưa gắn với một cá nhân hoặc tập thể trong danh sách của đơn vị: hãy "
                "thêm người, tập thể đó vào danh sách rồi lập hồ sơ khen thưởng."
            )
        )
    if title_code not in COMMENDATION_TITLES:
        raise ValidationError({"title": _("Chọn Giấy khen hoặc Bằng khen.")})
    title = Title.objects.filter(code=title_code, is_active=True).first()
    basis = AwardBasis.objects.filter(code=AD_HOC_BASIS).first()
    if title is None or basis is None:
        raise ValidationError(_("Danh mục khen thưởng chưa có hình thức này."))
    achievements = "\n".join(
        part
        for part in (
            exemplar.headline,
            exemplar.story,
            _("Thời gian: %(day)s.") % {"day": f"{exemplar.happened_on:%d/%m/%Y}"}
            if exemplar.happened_on
            else "",
            _("Địa điểm: %(place)s.") % {"place": exemplar.place} if exemplar.place else "",
            _("Hiệu quả: %(effect)s") % {"effect": exemplar.effect} if exemplar.effect else "",
        )
        if part
    )
    nomination = create_nomination(
        actor,
        title=title,
        basis=basis,
        year=exemplar.year,
        achievements=achievements,
        person=exemplar.person,
        collective=exemplar.collective,
        event=_("Gương người tốt, việc tốt: %(headline)s") % {"headline": exemplar.headline}
        if exemplar.category == "nguoi_tot"
        else _("Gương điển hình tiên tiến: %(headline)s") % {"headline": exemplar.headline},
    )
    before = snapshot(exemplar)
    exemplar = save_versioned(EXEMPLARS, exemplar, nomination=nomination)
    record(
        actor=actor,
        action="exemplars.exemplar.commend",
        instance=exemplar,
        before=before,
        after=snapshot(exemplar),
        note=f"{title.name}",
    )
    return exemplar
