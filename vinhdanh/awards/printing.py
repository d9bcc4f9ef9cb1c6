"""Certificates as PDF: one on request, or a whole decision as one background job."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards import verification
from vinhdanh.awards.letterheads import unit_letterhead
from vinhdanh.awards.models import Certificate, PrinterProfile, PrintJob
from vinhdanh.documents import certificates as pdf
from vinhdanh.documents.layout import place_and_date
from vinhdanh.workflow.permissions import require


def verify_url(certificate: Certificate, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("awards:verify", args=[certificate.token])


def certificate_fields(certificate: Certificate, base_url: str) -> pdf.CertificateFields:
    nomination = certificate.nomination
    decision = certificate.decision
    head = unit_letterhead(decision.issuer)
    if nomination.person_id:
        person = nomination.person
        detail = ", ".join(part for part in (person.position, person.unit.name) if part)
    else:
        detail = nomination.collective.parent.name if nomination.collective.parent_id else ""
    merit = nomination.title.is_certificate_of_merit
    issuer = decision.external_issuer or f"CHỦ TỊCH {head.issuer}"
    return pdf.CertificateFields(
        kind="BẰNG KHEN" if merit else "GIẤY KHEN",
        issuer=issuer.upper(),
        recipient=certificate.recipient,
        detail=detail,
        achievement=certificate.achievement,
        decision_line=f"Quyết định số {decision.reference} ngày {decision.signed_on:%d/%m/%Y}",
        place_date=place_and_date(head.place, decision.signed_on),
        signer_role=decision.signer_role or "Chủ tịch",
        signer=decision.signer,
        verify_url=verify_url(certificate, base_url),
        register_number=verification.register_number(certificate),
        check_code=verification.check_code(certificate),
    )


def _printer_options(printer: PrinterProfile | None) -> dict:
    if printer is None:
        return {}
    return {
        "offset": (float(printer.offset_x_mm), float(printer.offset_y_mm)),
        "qr_corner": printer.qr_corner,
    }


def certificate_pdf(
    certificate: Certificate, base_url: str, *, fields_only=False, printer=None
) -> bytes:
    return pdf.render_certificate(
        certificate_fields(certificate, base_url),
        fields_only=fields_only,
        title=certificate.title_name,
        **_printer_options(printer),
    )


@transaction.atomic
def request_print_job(actor, decision, *, base_url: str, fields_only=False, printer=None):
    """Start printing every certificate of a decision; the page polls the job's progress."""
    require(actor, "awards.print_certificates", decision)
    job = PrintJob.objects.create(
        decision=decision,
        requested_by=actor,
        fields_only=fields_only,
        printer=printer,
        total=decision.certificates.filter(revoked_at__isnull=True).count(),
    )
    record(actor=actor, action="awards.print.request", instance=job, after=snapshot(job))
    from vinhdanh.awards.tasks import print_certificates

    transaction.on_commit(lambda: print_certificates(job.pk, base_url))
    return job


def run_print_job(job_id: int, base_url: str) -> PrintJob:
    job = PrintJob.objects.select_related("decision", "printer").get(pk=job_id)
    # The job is claimed with one conditional UPDATE: if it is queued twice, or several
    # workers see it, only the one that moved it out of pending prints (core/jobs.py).
    claimed = PrintJob.objects.filter(pk=job_id, status=PrintJob.Status.PENDING).update(
        status=PrintJob.Status.RUNNING
    )
    if not claimed:
        return job
    # A revoked award is never printed again.
    certificates = (
        job.decision.certificates.filter(revoked_at__isnull=True)
        .select_related(
            "nomination__person__unit",
            "nomination__collective__parent",
            "nomination__title",
            "decision__issuer",
        )
        .order_by("pk")
    )

    def progress(done: int) -> None:
        PrintJob.objects.filter(pk=job_id).update(done=done)

    try:
        content = pdf.render_certificates(
            (certificate_fields(c, base_url) for c in certificates),
            fields_only=job.fields_only,
            progress=progress,
            title=_("Giấy chứng nhận khen thưởng %s") % job.decision.reference,
            **_printer_options(job.printer),
        )
    except Exception as error:  # the page must show that the job failed, not spin forever
        PrintJob.objects.filter(pk=job_id).update(status=PrintJob.Status.FAILED, error=str(error))
        raise
    job.refresh_from_db()
    job.file.save(f"quyet-dinh-{job.decision_id}-{job.pk}.pdf", ContentFile(content), save=False)
    job.status = PrintJob.Status.DONE
    job.save(update_fields=["file", "status"])
    return job
