"""Decisions, their revocation, certificates and printing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.awards import printing, services
from vinhdanh.awards.bonus import bonus_rows
from vinhdanh.awards.documents_out import decision_docx, decision_xlsx, revocation_docx
from vinhdanh.awards.forms import (
    CertificateRevokeForm,
    DecisionRevokeForm,
    NominationSelectionForm,
    PrintForm,
)
from vinhdanh.awards.models import (
    Certificate,
    Decision,
    Nomination,
    PrinterProfile,
    PrintJob,
    Revocation,
)
from vinhdanh.awards.services.fund import council_of_issuer, remaining_after
from vinhdanh.awards.views.common import REFUSED, FormsOnPage
from vinhdanh.awards.views.nominations import (
    nomination_list_page,
    nomination_page,
    selectable_nominations,
)
from vinhdanh.awards.workflows import DECISIONS
from vinhdanh.core.downloads import DOCX, XLSX, download
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.documents.certificates import printer_test_page
from vinhdanh.documents.numbers import vn_money
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service


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
    form = NominationSelectionForm(request.POST, queryset=selectable_nominations(request.user))
    decision = run_service(
        form,
        lambda: services.issue_decision(
            request.user, list(form.cleaned_data["nominations"]), **form.arguments()
        ),
    )
    if decision is None:
        return nomination_list_page(request, ("selection", form))
    messages.success(request, _("Đã ban hành Quyết định số %s.") % decision.reference)
    _warn_if_overspent(request, decision)
    return redirect("awards:decision_detail", decision.pk)


def _warn_if_overspent(request, decision) -> None:
    """The fund of the signing year is overspent once this decision's bonus is paid."""
    council = council_of_issuer(decision)
    if council is None:
        return
    remaining = remaining_after(council, decision.signed_on.year, 0)
    if remaining is not None and remaining < 0:
        messages.warning(
            request,
            _(
                "Quỹ thi đua, khen thưởng năm %(year)s đã chi vượt dự kiến: còn lại %(left)s. "
                "Cần bổ sung quỹ hoặc điều chỉnh mức chi."
            )
            % {"year": decision.signed_on.year, "left": vn_money(remaining)},
        )


def decision_page(request, decision, failed=None):
    user = request.user
    page_forms = FormsOnPage(failed)
    certificates = list(decision.certificates.select_related("nomination__title"))
    bonus = bonus_rows(decision, [c.nomination for c in certificates], certificates)
    amounts = {n.pk: b for n, b in bonus.rows}
    certificate_rows = [(c, amounts.get(c.nomination_id)) for c in certificates]
    print_form = None
    if allows(user, "awards.print_certificates", decision):
        print_form = page_forms.get("print", PrintForm)
    revoke_form = None
    if any(action.name == "revoke" for action in DECISIONS.available(user, decision)):
        revoke_form = page_forms.get("revoke", lambda: DecisionRevokeForm(decision=decision))
    revocations = list(decision.revocations.order_by("pk"))
    context = {
        "decision": decision,
        "revocations": revocations,
        "certificates": certificates,
        "certificate_rows": certificate_rows,
        "bonus": bonus,
        "print_form": print_form,
        "revoke_form": revoke_form,
        "printers": PrinterProfile.objects.all(),
        "stray": page_forms.stray,
    }
    status = REFUSED if failed else 200
    return render(request, "awards/decision_detail.html", context, status=status)


@login_required
def decision_detail(request, pk: int):
    return decision_page(request, _decision(request, pk))


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
def revocation_document(request, pk: int):
    """The revocation decision (.docx), seen by whoever sees the decision it revokes."""
    revocation = access.get_visible_or_404(
        request.user, Revocation.objects.select_related("decision", "issuer"), pk=pk
    )
    name = f"quyet-dinh-thu-hoi-{revocation.number:02d}-{revocation.year}.docx"
    return download(revocation_docx(revocation), name, DOCX)


@login_required
@require_POST
def decision_revoke(request, pk: int):
    decision = _decision(request, pk)
    form = DecisionRevokeForm(request.POST, decision=decision)
    revoked = run_service(
        form, lambda: services.revoke_decision(request.user, decision, **form.arguments())
    )
    if revoked is None:
        return decision_page(request, _decision(request, pk), ("revoke", form))
    messages.success(request, _("Đã thu hồi quyết định."))
    return redirect("awards:decision_detail", pk)


@login_required
@require_POST
def certificate_revoke(request, pk: int):
    certificate = access.get_visible_or_404(
        request.user, Certificate.objects.select_related("nomination"), pk=pk
    )
    form = CertificateRevokeForm(request.POST, certificate=certificate)
    revoked = run_service(
        form, lambda: services.revoke_certificate(request.user, certificate, **form.arguments())
    )
    if revoked is None:
        nomination = access.get_visible_or_404(
            request.user,
            Nomination.objects.select_related("title", "basis", "person", "collective", "unit"),
            pk=certificate.nomination_id,
        )
        return nomination_page(request, nomination, ("revoke", form))
    messages.success(request, _("Đã thu hồi giấy chứng nhận."))
    return redirect("awards:nomination_detail", certificate.nomination_id)


@login_required
def certificate_pdf(request, pk: int):
    certificate = access.get_visible_or_404(
        request.user, Certificate.objects.select_related("decision", "nomination"), pk=pk
    )
    content = printing.certificate_pdf(
        certificate, _base_url(request), **PrintForm(request.GET).options()
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="giay-khen-{certificate.pk}.pdf"'
    return response


@login_required
@require_POST
def print_start(request, pk: int):
    decision = _decision(request, pk)
    form = PrintForm(request.POST)
    job = run_service(
        form,
        lambda: printing.request_print_job(
            request.user, decision, base_url=_base_url(request), **form.options()
        ),
    )
    if job is None:
        return decision_page(request, _decision(request, pk), ("print", form))
    return redirect("awards:print_job", job.pk)


def _job(request, pk) -> PrintJob:
    require(request.user, "awards.print_certificates")
    return get_object_or_404(PrintJob.objects.select_related("decision"), pk=pk)


@login_required
def print_job(request, pk: int):
    job = _job(request, pk)
    template = "awards/_print_progress.html" if request.htmx else "awards/print_job.html"
    return render(request, template, {"job": job})


@private_file_view
def print_download(request, pk: int):
    # Only the roles that print see a print job; to anyone else it does not exist.
    if not allows(request.user, "awards.print_certificates"):
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
    require(request.user, "awards.print_certificates")
    printer = get_object_or_404(PrinterProfile, pk=pk)
    content = printer_test_page(
        offset=(float(printer.offset_x_mm), float(printer.offset_y_mm)), qr_corner=printer.qr_corner
    )
    return HttpResponse(content, content_type="application/pdf")
