"""Báo cáo thành tích: the achievement report a dossier carries, in the decree's form.

Which decree prescribes the forms is read from the law register on the report's date
(Nghị định 91/2017 until 31/12/2023, 98/2023 until 30/06/2025, 152/2025 from 01/07/2025).
law.md confirms only some form numbers (Nghị định 98/2023: Mẫu số 02 collective, Mẫu số 03
individual; Nghị định 152/2025: Mẫu số 05 individual); the others are the setting
`VINHDANH_ACHIEVEMENT_REPORT_FORMS` and, unset, the report names the decree without a
number. The report is prefilled from the records: the person or unit, position, the
yearly ratings, the initiatives and the awards still in force (never a revoked one).
"""

import datetime

from django.conf import settings
from django.utils import timezone

from vinhdanh.awards.letterheads import place_name, unit_letterhead
from vinhdanh.awards.models import Nomination
from vinhdanh.awards.models.nomination import AWARDED_STATES
from vinhdanh.documents.report_docx import ReportDocument
from vinhdanh.rules.engine import default_catalogue
from vinhdanh.rules.engine.instruments import Register

YEARLY, THEMATIC, AD_HOC = "yearly", "thematic", "ad_hoc"
KINDS = {
    YEARLY: "thành tích năm",
    THEMATIC: "thành tích thi đua theo đợt, chuyên đề",
    AD_HOC: "thành tích đột xuất",
}
BASIS_KINDS = {"theo_dot": THEMATIC, "dot_xuat": AD_HOC}

# decree id -> "subject:kind" -> form number; absent when law.md does not confirm it.
DEFAULT_FORMS = {
    "nd_98_2023": {"collective:yearly": "02", "person:yearly": "03"},
    "nd_152_2025": {"person:yearly": "05"},
}
DECREE_NUMBERS = {
    "nd_91_2017": "91/2017/NĐ-CP",
    "nd_98_2023": "98/2023/NĐ-CP",
    "nd_152_2025": "152/2025/NĐ-CP",
}


def kind_of(nomination) -> str:
    return BASIS_KINDS.get(nomination.basis.code, YEARLY) if nomination.basis_id else YEARLY


def decree_on(on: datetime.date, register=None) -> str | None:
    """The decree in force on `on` that prescribes the dossiers' forms (its register id)."""
    register = register or Register(default_catalogue())
    for item in register.in_force(on, "procedure"):
        if item.id in DECREE_NUMBERS:
            return item.id
    return None


def form_line(decree: str | None, subject: str, kind: str) -> str:
    """'Mẫu số 05 – ban hành kèm theo Nghị định số 152/2025/NĐ-CP' (pure apart from the
    setting)."""
    if decree is None:
        return ""
    forms = getattr(settings, "VINHDANH_ACHIEVEMENT_REPORT_FORMS", DEFAULT_FORMS)
    number = forms.get(decree, {}).get(f"{subject}:{kind}", "")
    head = f"Mẫu số {number}" if number else "Mẫu báo cáo thành tích"
    return f"{head} – ban hành kèm theo Nghị định số {DECREE_NUMBERS[decree]}"


def awards_in_force(subject_filter, *, before_year: int | None = None) -> list[Nomination]:
    """The titles and awards a subject holds and still holds: decided or handed over, the
    certificate and the decision not revoked."""
    rows = (
        Nomination.objects.filter(subject_filter, state__in=AWARDED_STATES)
        .filter(forwarded_from__isnull=True)
        .exclude(decision__state="revoked")
        .exclude(certificate__revoked_at__isnull=False)
        .select_related("title", "decision")
        .order_by("year", "title__name")
    )
    if before_year is not None:
        rows = rows.filter(year__lte=before_year)
    return list(rows)


def _decision_text(nomination) -> str:
    decision = nomination.decision
    if decision is None:
        return ""
    issuer = decision.external_issuer or unit_letterhead(decision.issuer).issuer
    return f"Quyết định số {decision.reference} ngày {decision.signed_on:%d/%m/%Y} của {issuer}"


def achievement_report_template(nomination, *, kind: str | None = None, day=None) -> bytes:
    """The report prefilled for the person or collective to complete and sign."""
    from django.db.models import Q

    from vinhdanh.records.models import Initiative, PastAward, Rating

    day = day or timezone.localdate()
    kind = kind if kind in KINDS else kind_of(nomination)
    person = nomination.person if nomination.person_id else None
    collective = nomination.collective if not person else None
    subject = "person" if person else "collective"
    decree = decree_on(day)
    what = f"{nomination.title.name} năm {nomination.year}"
    unit = person.unit if person else collective
    if person:
        doc = ReportDocument(
            place=place_name(unit),
            date=None,
            kind="BÁO CÁO THÀNH TÍCH",
            subject=f"ĐỀ NGHỊ TẶNG {nomination.title.name.upper()}",
            form_line=form_line(decree, subject, kind),
        )
    else:
        parent = unit_letterhead(collective).parent_body if collective.parent_id else ""
        doc = ReportDocument(
            place=place_name(collective),
            date=None,
            kind="BÁO CÁO THÀNH TÍCH",
            subject=f"ĐỀ NGHỊ TẶNG {nomination.title.name.upper()}",
            form_line=form_line(decree, subject, kind),
            unit_lines=(parent, collective.name),
        )
    doc.paragraph(
        f"({KINDS[kind].capitalize()}: {what})", italic=True, indent=False, align="center"
    )
    if kind == THEMATIC and nomination.event:
        doc.paragraph(f"Đợt thi đua, chuyên đề: {nomination.event}", indent=False, align="center")
    if person:
        doc.heading("I. SƠ LƯỢC LÝ LỊCH")
        for label, value in (
            ("Họ và tên", person.full_name),
            ("Giới tính", person.get_gender_display()),
            ("Năm sinh", person.birth_year or ""),
            ("Chức vụ", person.position),
            ("Đơn vị công tác", person.unit.name),
            ("Trình độ chuyên môn, nghiệp vụ", ""),
            ("Quê quán", ""),
        ):
            doc.paragraph(f"- {label}: {value}")
        subject_filter = Q(person=person)
        records = Q(person=person)
    else:
        doc.heading("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
        doc.paragraph(f"- Tên tập thể: {collective.name}")
        doc.paragraph(
            f"- Đơn vị cấp trên: {collective.parent.name if collective.parent_id else ''}"
        )
        doc.paragraph(
            "- Chức năng, nhiệm vụ; tổ chức bộ máy, số cán bộ, công chức, người lao động:"
        )
        subject_filter = Q(collective=collective)
        records = Q(unit=collective)
    doc.heading("II. THÀNH TÍCH ĐẠT ĐƯỢC")
    if kind == AD_HOC:
        doc.paragraph("Tóm tắt thành tích đột xuất (thời gian, địa điểm, nội dung, kết quả):")
    elif kind == THEMATIC:
        doc.paragraph("Thành tích trong đợt thi đua, chuyên đề (mục tiêu, kết quả, cách làm):")
    else:
        doc.paragraph("1. Nhiệm vụ được giao; 2. Kết quả thực hiện nhiệm vụ:")
    doc.paragraph(nomination.achievements)
    ratings = list(Rating.objects.filter(records, year__lte=nomination.year).order_by("year"))
    if kind == YEARLY or ratings:
        doc.paragraph("Kết quả đánh giá, xếp loại hằng năm:", bold=True, indent=False)
        doc.table(
            ["Năm", "Mức xếp loại"],
            [[str(r.year), r.get_level_display()] for r in ratings[-5:]] or [["", ""]],
            widths_cm=[3.0, 13.0],
        )
    initiatives = list(
        Initiative.objects.filter(records, year__lte=nomination.year).order_by("year", "pk")
    )
    if initiatives:
        doc.paragraph("Sáng kiến, đề tài được công nhận:", bold=True, indent=False)
        doc.table(
            ["Năm", "Tên sáng kiến", "Phạm vi ảnh hưởng", "Quyết định công nhận"],
            [
                [
                    str(i.year),
                    i.name,
                    i.get_scope_display(),
                    " ".join(
                        part
                        for part in (
                            i.decision_number,
                            f"ngày {i.decision_date:%d/%m/%Y}" if i.decision_date else "",
                            i.recognised_by,
                        )
                        if part
                    ),
                ]
                for i in initiatives
            ],
            widths_cm=[1.5, 6.5, 3.5, 5.0],
        )
    doc.heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    held = [
        [str(n.year), n.title.name, _decision_text(n)]
        for n in awards_in_force(subject_filter, before_year=nomination.year)
        if n.pk != nomination.pk
    ]
    from vinhdanh.awards.models import Title

    names = dict(Title.objects.values_list("code", "name"))
    held += [
        [str(p.year), names.get(p.title_code, p.title_code), p.decision_ref]
        for p in PastAward.objects.filter(records, year__lte=nomination.year).order_by("year")
    ]
    held.sort(key=lambda row: row[0])
    doc.table(
        ["Năm", "Danh hiệu, hình thức khen thưởng", "Số, ngày quyết định, cơ quan ban hành"],
        held or [["", "", ""]],
        widths_cm=[1.8, 6.2, 8.5],
    )
    if person:
        doc.signatures(
            ("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", ""),
            ("NGƯỜI BÁO CÁO THÀNH TÍCH", person.full_name),
        )
    else:
        doc.signatures(
            ("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", ""),
            ("THỦ TRƯỞNG ĐƠN VỊ", ""),
        )
    return doc.to_bytes()
