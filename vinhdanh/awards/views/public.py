"""Pages for the public, without sign-in: the certificate check and announced nominations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.awards import selectors, services
from vinhdanh.awards.models import Certificate, State
from vinhdanh.core.feedback import show_refusal


def verify(request, token: str):
    certificate = (
        Certificate.objects.select_related("decision", "nomination__title")
        .filter(token=token)
        .first()
    )
    status = 404 if certificate is None else 200
    return render(request, "awards/verify.html", {"certificate": certificate}, status=status)


def public_list(request):
    nominations = selectors.public_nominations()
    return render(
        request,
        "awards/public_list.html",
        {
            "nominations": nominations[:500],
            "today": timezone.localdate(),
            "announced": State.ANNOUNCED,
        },
    )


@require_POST
def public_objection(request, pk: int):
    nomination = get_object_or_404(selectors.public_nominations(), pk=pk)
    notice = nomination.notices.first()
    try:
        if notice is None:
            raise ValidationError(_("Hồ sơ này không trong thời gian lấy ý kiến."))
        services.file_objection(
            notice,
            filed_by=request.POST.get("filed_by", ""),
            content=request.POST.get("content", ""),
            contact=request.POST.get("contact", ""),
        )
        messages.success(request, _("Đã gửi ý kiến. Cơ quan thường trực sẽ trả lời."))
    except ValidationError as error:
        show_refusal(request, error)
    return redirect("awards:public_list")
