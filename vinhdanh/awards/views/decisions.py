from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.awards import printing, services, workflow
from vinhdanh.awards.documents_out import decision_docx, decision_xlsx
from vinhdanh.awards.models import Certificate, Decision, Nomination, PrinterProfile, PrintJob
from vinhdanh.awards.views.common import parse_date
from vinhdanh.core.downloads import DOCX, XLSX, download
from vinhdanh.core.feedback import show_refusal
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.documents.certificates import printer_test_page


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _decision(request, pk) -> Decision:
    return access.get_visible_or_404(request.user, Decision.objects.select_related("issuer"), pk=pk)


@login_required
def decision_list(request):
    decisions = access.scope_queryset(request.user, Decision.objects.select_related("issuer"))
    return render(request, "awards/decision_list.html", {"decisions": decisions[:300]})


@login_required
@require_POST
def decision_create(request):
    ids = [int(i) for i in request.POST.getlist("nominations") if i.isdigit()]
    nominations = list(access.scope_queryset(request.user, Nomination.objects.filter(pk__in=ids)))
    try:
        decision = services.issue_decision(
            request.user,
            nominations,
            signed_on=parse_date(request.POST.get("signed_on")),
            subject=request.POST.get("subject", ""),
        )
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
        return redirect("awards:nomination_list")
    messages.success(request, _("Đã ban hành Quyết định số %s.") % decision.reference)
    return redirect("awards:decision_detail", decision.pk)


@login_required
def decision_detail(request, pk: int):
    decision = _decision(request, pk)
    role = access.role_of(request.user)
    context = {
        "decision": decision,
        "nominations": decision.nominations.select_related("title", "person", "collective"),
        "certificates": decision.certificates.select_related("nomination"),
        "can_print": role in printing.PRINT_ROLES,
        "can_revoke": role in workflow.DECIDERS and not decision.is_revoked,
        "printers": PrinterProfile.objects.all(),
    }
    return render(request, "awards/decision_detail.html", context)


@login_required
def decision_document(request, pk: int, fmt: str):
    decision = _decision(request, pk)
    if decision.is_external:
        raise Http404
    if fmt == "docx":
        content, mime = decision_docx(decision), DOCX
    elif fmt == "xlsx":
        content, mime = decision_xlsx(decision), XLSX
    else:
        raise Http404
    name = f"quyet-dinh-{decision.number:02d}-{decision.year}.{fmt}"
    return download(content, name, mime)


@login_required
@require_POST
def decision_revoke(request, pk: int):
    decision = _decision(request, pk)
    try:
        services.revoke_decision(request.user, decision, reason=request.POST.get("reason", ""))
        messages.success(request, _("Đã thu hồi quyết định."))
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
    return redirect("awards:decision_detail", pk)


@login_required
@require_POST
def certificate_revoke(request, pk: int):
    certificate = access.get_visible_or_404(request.user, Certificate.objects.all(), pk=pk)
    try:
        services.revoke_certificate(
            request.user, certificate, reason=request.POST.get("reason", "")
        )
        messages.success(request, _("Đã thu hồi giấy chứng nhận."))
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
    return redirect("awards:nomination_detail", certificate.nomination_id)


@login_required
def certificate_pdf(request, pk: int):
    certificate = access.get_visible_or_404(
        request.user, Certificate.objects.select_related("decision", "nomination"), pk=pk
    )
    printer = PrinterProfile.objects.filter(pk=request.GET.get("printer") or 0).first()
    content = printing.certificate_pdf(
        certificate,
        _base_url(request),
        fields_only=request.GET.get("mode") == "fields",
        printer=printer,
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="giay-khen-{certificate.pk}.pdf"'
    return response


@login_required
@require_POST
def print_start(request, pk: int):
    decision = _decision(request, pk)
    printer = PrinterProfile.objects.filter(pk=request.POST.get("printer") or 0).first()
    try:
        job = printing.request_print_job(
            request.user,
            decision,
            base_url=_base_url(request),
            fields_only=request.POST.get("mode") == "fields",
            printer=printer,
        )
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
        return redirect("awards:decision_detail", pk)
    return redirect("awards:print_job", job.pk)


def _job(request, pk) -> PrintJob:
    access.require_role(request.user, *printing.PRINT_ROLES)
    return get_object_or_404(PrintJob.objects.select_related("decision"), pk=pk)


@login_required
def print_job(request, pk: int):
    job = _job(request, pk)
    template = "awards/_print_progress.html" if request.htmx else "awards/print_job.html"
    return render(request, template, {"job": job})


@private_file_view
def print_download(request, pk: int):
    # Only the roles that print see a print job; to anyone else it does not exist.
    if access.role_of(request.user) not in printing.PRINT_ROLES:
        raise Http404(_("Không tìm thấy."))
    job = _job(request, pk)
    if job.status != PrintJob.Status.DONE:
        raise Http404(_("Không tìm thấy."))
    return serve_private(
        request,
        job.file,
        download_name=f"giay-khen-{job.decision.reference.replace('/', '-')}.pdf",
    )


@login_required
def printer_test(request, pk: int):
    access.require_role(request.user, *printing.PRINT_ROLES)
    printer = get_object_or_404(PrinterProfile, pk=pk)
    content = printer_test_page(
        offset=(float(printer.offset_x_mm), float(printer.offset_y_mm)), qr_corner=printer.qr_corner
    )
    return HttpResponse(content, content_type="application/pdf")
