"""Every export, downloaded after people (and a task) took the attacker's names.

.xlsx: no cell is a formula and no text starts like one; .docx: opens and carries the
names; .pdf: renders; .zip: every file inside passes the same checks.
"""

import io
import zipfile

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from vinhdanh.core.tests.attacks import CONTROL_NAME, FORMULA_NAMES, STORABLE_NAMES
from vinhdanh.documents.safe_text import clean_text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Parts of the hostile names that survive being written, neutralised or cleaned.
MARKERS = ('HYPERLINK("http://x","y")', "@SUM(A1)", clean_text(CONTROL_NAME))
MARKED_NAMES = (FORMULA_NAMES[0], "@SUM(A1)", STORABLE_NAMES[-1])


def _xlsx_texts(content: bytes) -> list[str]:
    texts = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    assert cell.value in ("-", "+") or not cell.value.startswith(FORMULA_START)
                    texts.append(cell.value)
    return texts


def _docx_texts(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts.extend(cell.text for row in table.rows for cell in row.cells)
    return texts


def checked_texts(content: bytes, name: str) -> list[str]:
    """The texts of an exported file, after checking it is safe and whole."""
    if content.startswith(b"%PDF-"):
        assert content.rstrip().endswith(b"%%EOF")
        return []
    if name.endswith(".zip"):
        texts = []
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for member in archive.namelist():
                texts += checked_texts(archive.read(member), member)
        return texts
    if name.endswith(".xlsx"):
        return _xlsx_texts(content)
    if name.endswith(".docx"):
        return _docx_texts(content)
    return []


@pytest.fixture
def hostile_demo(demo):
    """Every person of the demo renamed, in turn, to one of the attacker's names."""
    from vinhdanh.org.models import Person
    from vinhdanh.plans.models import Task

    for index, pk in enumerate(Person.objects.order_by("pk").values_list("pk", flat=True)):
        Person.objects.filter(pk=pk).update(full_name=STORABLE_NAMES[index % len(STORABLE_NAMES)])
    Task.objects.filter(pk=Task.objects.order_by("pk").values("pk")[:1]).update(
        content=FORMULA_NAMES[0]
    )


def _exports() -> dict[str, tuple[str, bool]]:
    """URL of every export -> (file name, whether it must carry a hostile name)."""
    from vinhdanh.awards.models import Batch, Certificate, Decision, Nomination, State
    from vinhdanh.movements.models import Movement, RegistrationEntry
    from vinhdanh.org.models import Person
    from vinhdanh.plans.models import Plan
    from vinhdanh.scoring.models import Covenant

    entry = RegistrationEntry.objects.filter(person__isnull=False).select_related("registration")
    movement = entry.first().registration.movement_id
    plan = Plan.objects.order_by("pk").first().pk
    cluster = Covenant.objects.order_by("pk").first().cluster_id
    marked = Nomination.objects.filter(person__full_name__in=MARKED_NAMES)
    decision = Decision.objects.filter(nominations__in=marked).first().pk
    nomination = marked.order_by("pk").first().pk
    passed = Nomination.objects.filter(state__in=[State.VOTED, State.FORWARDED, State.DECIDED])
    unit = Person.objects.order_by("pk").first().unit_id
    urls = {
        reverse("movements:registrations_export", args=[movement, "xlsx"]): ("r.xlsx", True),
        reverse("movements:registrations_export", args=[movement, "docx"]): ("r.docx", True),
        reverse("movements:registrations_year_export", args=[2021, "xlsx"]): ("y.xlsx", True),
        reverse("movements:registrations_year_export", args=[2021, "docx"]): ("y.docx", True),
        reverse("movements:launch_docx", args=[Movement.objects.first().pk]): ("l.docx", False),
        reverse("records:screening") + f"?unit={unit}&year=2021&format=xlsx": ("s.xlsx", True),
        reverse("reports:award_statistics") + "?year=2021&format=xlsx": ("a.xlsx", False),
        reverse("reports:form_0601") + "?year=2021&format=xlsx": ("f.xlsx", False),
        reverse("scoring:ranking_xlsx", args=[cluster]): ("k.xlsx", False),
        reverse("scoring:covenant_docx", args=[cluster]): ("c.docx", False),
        reverse("scoring:report_docx", args=[cluster, "mid"]): ("m.docx", False),
        reverse("scoring:report_docx", args=[cluster, "end"]): ("e.docx", False),
        reverse("awards:decision_document", args=[decision, "docx"]): ("d.docx", True),
        reverse("awards:decision_document", args=[decision, "xlsx"]): ("d.xlsx", True),
        reverse("awards:report_template", args=[nomination]): ("t.docx", True),
        reverse("awards:dossier_zip", args=[passed.first().pk]): ("h.zip", False),
        reverse("plans:export_docx", args=[plan]): ("p.docx", True),
        reverse("plans:export_xlsx", args=[plan]): ("p.xlsx", True),
        reverse("org:people_template"): ("o.xlsx", False),
        reverse("movements:registration_template"): ("g.xlsx", False),
        reverse("scoring:sheet_template"): ("b.xlsx", False),
    }
    certificate = Certificate.objects.filter(nomination__person__isnull=False).first()
    if certificate is not None:
        urls[reverse("awards:certificate_pdf", args=[certificate.pk])] = ("c.pdf", False)
    batch = Batch.objects.exclude(letter="").first()
    if batch is not None:
        urls[reverse("awards:batch_letter", args=[batch.pk])] = ("l.docx", False)
    assert len(urls) >= 21
    return urls


@pytest.mark.django_db
def test_every_export_writes_hostile_names_as_safe_text(demo_user, client, hostile_demo):
    client.force_login(demo_user("admin"))
    problems = {}
    for url, (name, carries_names) in _exports().items():
        response = client.get(url)
        if response.status_code != 200:
            problems[url] = response.status_code
            continue
        content = b"".join(response) if response.streaming else response.content
        texts = checked_texts(content, name)
        if carries_names and not any(marker in text for text in texts for marker in MARKERS):
            problems[url] = "no hostile name in the file"
    assert problems == {}
