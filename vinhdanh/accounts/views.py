"""The account's own pages: security overview, second-factor enrolment and verification."""

import io
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import councils, services
from vinhdanh.accounts.forms import ActingCouncilForm, CodeForm, ConfirmPasswordForm
from vinhdanh.accounts.second_factor import has_confirmed_device, requires_second_factor


def _next_url(request, default: str = "home:index") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def qr_svg(data: str) -> str:
    """An inline SVG QR code: drawn here, so the secret never leaves the server."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def _spaced(key: str) -> str:
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@login_required
def security(request):
    user = request.user
    return render(
        request,
        "accounts/security.html",
        {
            "has_device": has_confirmed_device(user),
            "required": requires_second_factor(user),
            "remaining_codes": services.remaining_recovery_codes(user),
        },
    )


@login_required
def enrol(request):
    user = request.user
    if has_confirmed_device(user):
        messages.info(request, _("Tài khoản đã bật xác thực hai lớp."))
        return redirect("accounts:security")
    device = services.pending_authenticator(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_enrolment(request, device, form.cleaned_data["code"])
        if codes is not None:
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "enrolled": True, "next": _next_url(request, default="")},
            )
        form.add_error("code", _("Mã không đúng hoặc đã hết hạn. Hãy nhập mã mới từ ứng dụng."))
    key = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr_svg": qr_svg(device.config_url),
            "manual_key": _spaced(key),
            "required": requires_second_factor(user),
            "next": _next_url(request, default=""),
        },
    )


@login_required
def verify(request):
    user = request.user
    if not has_confirmed_device(user) and not services.remaining_recovery_codes(user):
        return redirect("accounts:second_factor_enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify_session(request, form.cleaned_data["code"]):
            return redirect(_next_url(request))
        form.add_error(
            "code",
            _("Mã không đúng, đã dùng hoặc đã hết hạn. Nếu nhập sai nhiều lần, hãy chờ ít giây."),
        )
    return render(
        request, "accounts/verify.html", {"form": form, "next": _next_url(request, default="")}
    )


@login_required
@require_POST
def regenerate_recovery_codes(request):
    if not has_confirmed_device(request.user):
        messages.error(request, _("Hãy bật xác thực hai lớp trước khi tạo mã khôi phục."))
        return redirect("accounts:security")
    codes = services.replace_recovery_codes(request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "enrolled": False})


@login_required
@require_POST
def disable(request):
    form = ConfirmPasswordForm(request.user, request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["password"][0])
        return redirect("accounts:security")
    services.disable_second_factor(request.user)
    if requires_second_factor(request.user):
        messages.warning(
            request,
            _(
                "Đã xóa thiết bị xác thực. Vai trò của bạn bắt buộc xác thực hai lớp: "
                "hãy đăng ký lại."
            ),
        )
        return redirect("accounts:second_factor_enrol")
    messages.success(request, _("Đã tắt xác thực hai lớp."))
    return redirect("accounts:security")


@login_required
@require_POST
def act_for_council(request):
    """Switch the council the session acts for; a council the user does not sit in is refused."""
    form = ActingCouncilForm(councils.council_choices(request.user), request.POST)
    membership = None
    # Not workflow.views.run_service: accounts sits below workflow. Same handling.
    if form.is_valid():
        try:
            membership = councils.choose_acting_membership(request, form.cleaned_data["membership"])
        except ValidationError as refusal:
            form.add_error(None, refusal)
    if membership is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        messages.success(
            request,
            _("Bạn đang làm việc cho %(council)s.") % {"council": membership.council.name},
        )
    return redirect(_next_url(request))
