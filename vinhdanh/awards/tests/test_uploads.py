import pytest
from django.core.exceptions import ValidationError

from vinhdanh.awards import services
from vinhdanh.awards.models import DossierComponent
from vinhdanh.awards.tests.helpers import docx_bytes, new_draft


def _upload(demo_user, filename, content):
    nomination = new_draft(demo_user)
    component = DossierComponent.objects.get(code="bao_cao_thanh_tich")
    with pytest.raises(ValidationError) as error:
        services.add_attachment(
            demo_user("canbo.hoangliet"),
            nomination,
            component=component,
            filename=filename,
            content=content,
        )
    assert nomination.attachments.count() == 0
    return " ".join(error.value.messages)


def test_too_large_is_refused(demo_user):
    big = b"%PDF-1.4\n" + b"0" * (services.nominations.MAX_ATTACHMENT_BYTES + 1)
    assert "quá lớn" in _upload(demo_user, "a.pdf", big)


def test_fake_type_is_refused(demo_user):
    assert "không khớp" in _upload(demo_user, "bao-cao.pdf", docx_bytes())


def test_executable_is_refused(demo_user):
    assert "chương trình" in _upload(demo_user, "bao-cao.pdf", b"MZ\x90\x00" + b"\x00" * 100)


def test_zip_bomb_is_refused(demo_user):
    message = _upload(demo_user, "bao-cao.docx", docx_bytes({"word/bomb.xml": "0" * 30_000_000}))
    assert message


def test_xml_entity_bomb_is_refused(demo_user):
    bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><x>&b;</x>'
    message = _upload(demo_user, "bao-cao.docx", docx_bytes({"word/document2.xml": bomb}))
    assert message


def test_a_real_pdf_is_stored(demo_user):
    nomination = new_draft(demo_user)
    component = DossierComponent.objects.get(code="bao_cao_thanh_tich")
    attachment = services.add_attachment(
        demo_user("canbo.hoangliet"),
        nomination,
        component=component,
        filename="bc.pdf",
        content=b"%PDF-1.4\n%%EOF\n",
    )
    assert attachment.file_kind == "pdf"
