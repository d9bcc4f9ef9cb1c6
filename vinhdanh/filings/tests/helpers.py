"""What the tests of the app share: a valid filing's fields and a quick way to file one."""

from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.filings import services
from vinhdanh.filings.models import FilingKind
from vinhdanh.org.models import Council

PDF = DEMO_PDF
GOOD_DEED = "nguoi-tot-viec-tot"
ORG_DOSSIER = "to-chuc-de-nghi"


def district() -> Council:
    return Council.objects.get(unit__code="hoang-mai")


def fields(**overrides) -> dict:
    values = {
        "kind": FilingKind.objects.get(code=GOOD_DEED),
        "council": district(),
        "filer_kind": "citizen",
        "filer_name": "Nguyễn Văn Bình",
        "phone": "0912 345 678",
        "email": "binh.nguyen@example.vn",
        "address": "Số 5 ngõ 2, phường Định Công",
        "subject": "Anh Tuấn cứu cháu bé đuối nước",
        "content": "Chiều 12/5, anh Tuấn đã lao xuống hồ cứu một cháu bé.",
        "consent": True,
        "files": [("don-de-nghi", "don.pdf", PDF)],
    }
    values.update(overrides)
    return values


def file_one(**overrides):
    return services.file_filing(**fields(**overrides))


def text_of(response) -> str:
    """The page's text as a reader sees it (tags gone, spaces collapsed)."""
    from tests.html_text import element_text

    return element_text(response.content.decode(), tag="body")
