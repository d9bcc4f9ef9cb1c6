import datetime
import io
import threading
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from docx import Document
from openpyxl import load_workbook

from vinhdanh.awards import services
from vinhdanh.awards.documents_out import decision_docx, decision_xlsx
from vinhdanh.awards.dossier import dossier_zip
from vinhdanh.awards.models import Certificate, Decision, State
from vinhdanh.awards.selectors import awards_history
from vinhdanh.awards.tests.helpers import new_draft, to_voted
from vinhdanh.org.models import Council, Unit

# The demo's district council could sign on this day (districts ended on 30/06/2025).
SIGNED = datetime.date(2021, 12, 20)


def test_decision_numbers_follow_without_gaps(demo_user):
    leader = demo_user("chutich")
    first = services.issue_decision(
        leader, [to_voted(demo_user, new_draft(demo_user))], signed_on=SIGNED
    )
    second = services.issue_decision(
        leader, [to_voted(demo_user, new_draft(demo_user))], signed_on=SIGNED
    )
    assert second.number == first.number + 1
    assert {c.nomination.state for c in Certificate.objects.filter(decision=second)} == {
        State.DECIDED
    }


def test_a_failed_issue_gives_its_number_back(demo_user):
    leader = demo_user("chutich")
    voted = to_voted(demo_user, new_draft(demo_user))
    draft = new_draft(demo_user)
    before = Decision.objects.filter(number__isnull=False).order_by("-number").first()
    with pytest.raises(ValidationError):
        services.issue_decision(leader, [voted, draft], signed_on=SIGNED)
    decision = services.issue_decision(leader, [voted], signed_on=SIGNED)
    assert decision.number == (before.number if before and before.year == decision.year else 0) + 1


def test_the_same_number_cannot_be_stored_twice(demo):
    issuer = Unit.objects.get(code="hoang-mai")
    Decision.objects.create(issuer=issuer, year=2030, number=1, signed_on="2030-01-02", subject="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            issuer=issuer, year=2030, number=1, signed_on="2030-01-03", subject="b"
        )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_issuers_get_distinct_consecutive_numbers():
    # The demo is there: the flush that ends a committing test puts it back (conftest.py).
    issuer = Unit.objects.get(code="hoang-mai")
    numbers, errors = [], []

    def take():
        try:
            with transaction.atomic():
                numbers.append(services.next_decision_number(issuer, 2031))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(numbers) == list(range(1, 9))


def test_issued_records_cannot_be_deleted(demo):
    certificate = Certificate.objects.first()
    with pytest.raises(ValidationError):
        certificate.delete()
    with pytest.raises(ValidationError):
        Decision.objects.all().delete()
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_revoking_a_decision_keeps_everything_marked(demo_user):
    leader = demo_user("chutich")
    decision = services.issue_decision(
        leader, [to_voted(demo_user, new_draft(demo_user))], signed_on=SIGNED
    )
    with pytest.raises(ValidationError):
        services.revoke_decision(leader, decision, reason=" ")
    services.revoke_decision(leader, decision, reason="Sai đối tượng")
    certificate = decision.certificates.get()
    assert certificate.is_revoked and certificate.revoke_reason == "Sai đối tượng"
    assert certificate.nomination.state == State.REVOKED


def test_decision_docx_and_xlsx_list_the_recipients(demo):
    decision = Decision.objects.filter(number__isnull=False).first()
    document = Document(io.BytesIO(decision_docx(decision)))
    text = "\n".join(p.text for p in document.paragraphs)
    header = "\n".join(cell.text for cell in document.tables[0].rows[0].cells)
    assert "Độc lập - Tự do - Hạnh phúc" in header and decision.reference in header
    assert "QUYẾT ĐỊNH" in text and "Điều 1." in text and "ĐƯỢC KHEN THƯỞNG" in text
    sheet = load_workbook(io.BytesIO(decision_xlsx(decision))).active
    values = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value}
    for nomination in decision.nominations.all():
        assert nomination.subject_name in values


def test_forwarded_dossier_zip_holds_letter_attachments_and_vote(demo):
    from vinhdanh.awards.models import Nomination

    nomination = Nomination.objects.filter(state=State.FORWARDED).first()
    archive = zipfile.ZipFile(io.BytesIO(dossier_zip(Council.objects.first(), [nomination])))
    names = archive.namelist()
    assert "00-to-trinh.docx" in names
    assert any(name.endswith(".pdf") for name in names)
    summary = next(n for n in names if n.endswith("tom-tat-ho-so.txt"))
    assert "KẾT QUẢ BỎ PHIẾU" in archive.read(summary).decode()


def test_history_lists_awards_by_year(demo):
    certificate = Certificate.objects.filter(revoked_at__isnull=True).first()
    history = awards_history(certificate.nomination.person)
    assert history[0]["year"] == 2021
    assert history[0]["awards"][0].title.code == "giay_khen"
