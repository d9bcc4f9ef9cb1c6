import io

from django.urls import reverse

from vinhdanh.awards.models import Certificate, Nomination, State
from vinhdanh.awards.printing import certificate_fields, certificate_pdf
from vinhdanh.documents.certificates import printer_test_page, qr_position, render_certificates


def test_certificate_pdf_embeds_a_unicode_font_and_the_qr(demo):
    certificate = Certificate.objects.filter(revoked_at__isnull=True).first()
    content = certificate_pdf(certificate, "https://vinhdanh.example/")
    assert content.startswith(b"%PDF")
    assert b"FontFile2" in content  # embedded TrueType, so diacritics render anywhere
    assert b"/Image" in content or b"/XObject" in content
    fields = certificate_fields(certificate, "https://vinhdanh.example/")
    assert fields.verify_url.endswith(reverse("awards:verify", args=[certificate.token]))
    assert fields.kind == "GIẤY KHEN" and "Quyết định số" in fields.decision_line


def test_fields_only_mode_leaves_out_the_preprinted_text(demo):
    certificate = Certificate.objects.first()
    fields = certificate_fields(certificate, "http://x/")
    full = render_certificates([fields])
    blank = render_certificates([fields], fields_only=True, offset=(2.0, -1.5))
    assert len(blank) < len(full)


def test_qr_corner_and_offset_are_configurable():
    right = qr_position("bottom_right")
    left = qr_position("top_left", (3.0, 0.0))
    assert right[0] > left[0] and right[1] < left[1]
    assert printer_test_page(offset=(1.0, 1.0)).startswith(b"%PDF")


def test_progress_is_reported_per_page(demo):
    fields = [certificate_fields(c, "http://x/") for c in Certificate.objects.all()[:3]]
    seen = []
    render_certificates(fields, progress=seen.append)
    assert seen == [1, 2, 3]


def test_public_verification_page(client, demo):
    valid = Certificate.objects.filter(revoked_at__isnull=True).first()
    page = client.get(reverse("awards:verify", args=[valid.token])).content.decode()
    assert valid.recipient in page and valid.decision.reference in page
    assert "Giấy chứng nhận hợp lệ" in page and "ĐÃ THU HỒI" not in page
    revoked = Certificate.objects.filter(revoked_at__isnull=False).first()
    page = client.get(reverse("awards:verify", args=[revoked.token])).content.decode()
    assert "ĐÃ THU HỒI" in page
    unknown = client.get(reverse("awards:verify", args=["khong-co-ma-nay"]))
    assert unknown.status_code == 404 and "Không tìm thấy" in unknown.content.decode()


def test_tokens_are_long_and_unguessable(demo):
    tokens = list(Certificate.objects.values_list("token", flat=True))
    assert len(set(tokens)) == len(tokens)
    assert all(len(token) >= 30 for token in tokens)


def test_public_list_shows_only_announced_and_later(client, demo):
    page = client.get(reverse("awards:public_list")).content.decode()
    shown = Nomination.objects.get(state=State.ANNOUNCED)
    # Định Công's draft (the demo's other draft is an exemplar's ad-hoc commendation).
    hidden = Nomination.objects.get(state=State.DRAFT, unit__code="phuong-dinh-cong")
    assert shown.subject_name in page
    assert hidden.subject_name not in page


def test_printing_a_decision_is_one_job_with_progress(
    client, demo_user, django_capture_on_commit_callbacks
):
    from vinhdanh.awards.models import Decision, PrintJob

    client.force_login(demo_user("thuongtruc"))
    decision = Decision.objects.filter(number__isnull=False).first()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("awards:print_start", args=[decision.pk]), {"mode": "full"})
    job = PrintJob.objects.filter(decision=decision).latest("pk")
    assert response.url == reverse("awards:print_job", args=[job.pk])
    assert (
        job.status == PrintJob.Status.DONE
        and job.done == job.total == decision.certificates.filter(revoked_at__isnull=True).count()
    )
    progress = client.get(reverse("awards:print_job", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert 'aria-valuenow="100"' in progress.content.decode()
    download = client.get(reverse("awards:print_download", args=[job.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    io.BytesIO()


def test_every_certificate_face_has_every_vietnamese_letter():
    from reportlab.pdfbase import pdfmetrics

    from vinhdanh.documents.certificates import FONT, covers_vietnamese, register_fonts

    register_fonts()
    assert all(covers_vietnamese(pdfmetrics.getFont(name)) for name in FONT.values())
