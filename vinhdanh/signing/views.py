"""Pages of the signing app; every change goes through a service, every file through a
scope-checked view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.awards.models import Certificate, Decision
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.signing import selectors, services
from vinhdanh.signing.forms import (
    CertificateUploadForm,
    ConfirmForm,
    PrepareForm,
    SignedUploadForm,
    TrustRootForm,
)
from vinhdanh.signing.models import SignedDocument, SigningCertificate, TrustRoot
from vinhdanh.signing.permissions import (
    DOWNLOAD_SIGNED,
    MANAGE_CERTIFICATES,
    SIGN_CERTIFICATE,
    SIGN_DECISION,
    UPLOAD_SIGNED,
    VIEW_CERTIFICATES,
)
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


# -- the council's certificates and trust roots ------------------------------------------------


def _certificates_page(request, upload_form=None, root_form=None, status=200):
    user = request.user
    councils = selectors.councils_for(user)
    manage = allows(user, MANAGE_CERTIFICATES)
    context = {
        "certificates": list(selectors.certificates_for(user)[:200]),
        "roots": list(selectors.trust_roots_for(user)[:200]),
        "manage": manage,
        "upload_form": upload_form
        or (CertificateUploadForm(councils=councils) if manage else None),
        "root_form": root_form or (TrustRootForm(councils=councils) if manage else None),
    }
    return render(request, "signing/certificate_list.html", context, status=status)


@login_required
def certificate_list(request):
    require(request.user, VIEW_CERTIFICATES)
    return _certificates_page(request)


@login_required
@require_POST
def certificate_upload(request):
    require(request.user, MANAGE_CERTIFICATES)
    form = CertificateUploadForm(
        request.POST, request.FILES, councils=selectors.councils_for(request.user)
    )
    item = run_service(
        form,
        lambda: services.upload_certificate(
            request.user,
            form.cleaned_data["council"],
            filename=form.cleaned_data["file"].name,
            content=_read(form.cleaned_data["file"]),
            password=form.cleaned_data["password"],
        ),
    )
    if item is None:
        return _certificates_page(request, upload_form=form, status=400)
    messages.success(request, _("Đã lưu chứng thư số của %(council)s.") % {"council": item.council})
    return redirect("signing:certificate_list")


def _read(upload) -> bytes:
    upload.seek(0)
    return upload.read()


@login_required
@require_POST
def certificate_retire(request, pk: int):
    item = access.get_visible_or_404(
        request.user, SigningCertificate.objects.select_related("council"), pk=pk
    )
    form = ConfirmForm(request.POST)
    if run_service(form, services.retire_certificate, request.user, item) is None:
        for error in form.non_field_errors():
            messages.error(request, error)
    else:
        messages.success(request, _("Đã ngừng dùng chứng thư số."))
    return redirect("signing:certificate_list")


@login_required
@require_POST
def trust_root_upload(request):
    require(request.user, MANAGE_CERTIFICATES)
    form = TrustRootForm(request.POST, request.FILES, councils=selectors.councils_for(request.user))
    root = run_service(
        form,
        lambda: services.add_trust_root(
            request.user,
            form.cleaned_data["council"],
            filename=form.cleaned_data["file"].name,
            content=_read(form.cleaned_data["file"]),
        ),
    )
    if root is None:
        return _certificates_page(request, root_form=form, status=400)
    messages.success(request, _("Đã thêm chứng thư gốc tin cậy."))
    return redirect("signing:certificate_list")


@login_required
@require_POST
def trust_root_remove(request, pk: int):
    root = access.get_visible_or_404(
        request.user, TrustRoot.objects.select_related("council"), pk=pk
    )
    form = ConfirmForm(request.POST)
    if run_service(form, services.remove_trust_root, request.user, root) is None:
        for error in form.non_field_errors():
            messages.error(request, error)
    else:
        messages.success(request, _("Đã bỏ chứng thư gốc khỏi danh sách tin cậy."))
    return redirect("signing:certificate_list")


@private_file_view
def certificate_file(request, pk: int):
    """The PKCS#12 as uploaded, to the administrators only (it holds the council's key)."""
    item = access.get_visible_or_404(
        request.user, SigningCertificate.objects.select_related("council"), pk=pk
    )
    if not allows(request.user, MANAGE_CERTIFICATES, item.council):
        raise Http404(_("Không tìm thấy."))
    return serve_private(request, item.file, download_name=item.original_name)


# -- signing a decision and its certificates ---------------------------------------------------


def _decision(request, pk) -> Decision:
    return access.get_visible_or_404(request.user, Decision.objects.select_related("issuer"), pk=pk)


def signing_page(request, decision, *, failed: str = "", form=None, status=200):
    user = request.user
    documents = list(selectors.signed_documents(decision)[:100])
    current = next((d for d in documents if d.certificate_id is None), None)
    certificates = list(decision.certificates.select_related("decision").order_by("pk"))
    signed_certificates = {}
    for document in documents:
        if document.certificate_id and document.certificate_id not in signed_certificates:
            signed_certificates[document.certificate_id] = document
    council = None
    key = None
    try:
        council = services.issuing_council(decision)
        key = services.active_certificate(council)
    except ValidationError:
        pass
    context = {
        "decision": decision,
        "council": council,
        "key": key,
        "current": current,
        "verdict": selectors.check(current) if current else None,
        "certificate_rows": [(c, signed_certificates.get(c.pk)) for c in certificates],
        "may_sign": allows(user, SIGN_DECISION, decision),
        "may_sign_certificates": bool(certificates)
        and allows(user, SIGN_CERTIFICATE, certificates[0]),
        "may_upload": allows(user, UPLOAD_SIGNED, decision),
        "upload_form": form if failed == "upload" else SignedUploadForm(),
        "failed": failed,
        "failed_form": form if failed and failed != "upload" else None,
    }
    return render(request, "signing/decision_signing.html", context, status=status)


@login_required
def decision_signing(request, pk: int):
    return signing_page(request, _decision(request, pk))


@login_required
@require_POST
def sign_decision(request, pk: int):
    decision = _decision(request, pk)
    form = ConfirmForm(request.POST)
    document = run_service(form, services.sign_decision, request.user, decision)
    if document is None:
        return signing_page(request, decision, failed="sign", form=form, status=400)
    messages.success(request, _("Đã ký số Quyết định số %(ref)s.") % {"ref": decision.reference})
    return redirect("signing:decision_signing", decision.pk)


@login_required
@require_POST
def sign_certificate(request, pk: int):
    certificate = access.get_visible_or_404(
        request.user, Certificate.objects.select_related("decision", "nomination"), pk=pk
    )
    form = ConfirmForm(request.POST)
    document = run_service(
        form,
        services.sign_certificate,
        request.user,
        certificate,
        base_url=_base_url(request),
    )
    if document is None:
        return signing_page(
            request,
            _decision(request, certificate.decision_id),
            failed="sign",
            form=form,
            status=400,
        )
    messages.success(
        request, _("Đã ký số giấy chứng nhận của %(name)s.") % {"name": certificate.recipient}
    )
    return redirect("signing:decision_signing", certificate.decision_id)


@login_required
@require_POST
def prepare(request, pk: int):
    """The unsigned PDF, to be signed with the leader's own token elsewhere."""
    decision = _decision(request, pk)
    form = PrepareForm(request.POST)
    certificate = None
    if form.is_valid() and form.cleaned_data["certificate"]:
        certificate = get_object_or_404(decision.certificates, pk=form.cleaned_data["certificate"])
    result = run_service(
        form,
        services.prepare_for_outside,
        request.user,
        decision,
        certificate=certificate,
        base_url=_base_url(request),
    )
    if result is None:
        return signing_page(request, decision, failed="prepare", form=form, status=400)
    document, content = result
    response = HttpResponse(content, content_type="application/pdf")
    name = document.download_name.replace("-da-ky", "-de-ky")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def upload_signed(request, pk: int):
    decision = _decision(request, pk)
    form = SignedUploadForm(request.POST, request.FILES)
    document = run_service(
        form,
        lambda: services.upload_signed(
            request.user,
            decision,
            filename=form.cleaned_data["file"].name,
            content=_read(form.cleaned_data["file"]),
        ),
    )
    if document is None:
        return signing_page(request, decision, failed="upload", form=form, status=400)
    messages.success(request, _("Đã kiểm tra và lưu bản đã ký số."))
    return redirect("signing:decision_signing", decision.pk)


@private_file_view
def document_file(request, pk: int):
    document = access.get_visible_or_404(
        request.user, SignedDocument.objects.select_related("decision", "certificate"), pk=pk
    )
    if not allows(request.user, DOWNLOAD_SIGNED, document.decision):
        raise Http404(_("Không tìm thấy."))
    return serve_private(request, document.file, download_name=document.download_name)


# -- the public verification of a signed PDF ---------------------------------------------------


def verify(request, token: str):
    document = (
        SignedDocument.objects.select_related("decision", "certificate")
        .filter(token=token, status=SignedDocument.Status.SIGNED)
        .first()
    )
    if document is None:
        return render(request, "signing/verify.html", {"document": None}, status=404)
    context = {
        "document": document,
        "verdict": selectors.check(document),
        "may_download": request.user.is_authenticated
        and access.can(request.user, access.VIEW, document)
        and allows(request.user, DOWNLOAD_SIGNED, document.decision),
    }
    return render(request, "signing/verify.html", context)
