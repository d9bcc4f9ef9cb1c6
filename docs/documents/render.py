"""Render the documents described in docs/documents.md to small PNG pictures.

Run by docs/documents/render.sh on a database holding the demo (`manage.py load_demo`):
each document is written as .docx or .xlsx by the project's own writers, converted to PDF
by LibreOffice and its first page (or the page named) drawn at 60 dpi.
"""

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vinhdanh.settings")
django.setup()

from vinhdanh.documents import layout  # noqa: E402
from vinhdanh.documents.admin_docx import AdminDocument  # noqa: E402
from vinhdanh.documents.admin_xlsx import official_workbook  # noqa: E402
from vinhdanh.movements import documents as movement_documents  # noqa: E402
from vinhdanh.movements.letterheads import letterhead_for  # noqa: E402
from vinhdanh.movements.models import Movement  # noqa: E402
from vinhdanh.org.models import Cluster, Unit  # noqa: E402
from vinhdanh.plans import exports as plan_exports  # noqa: E402
from vinhdanh.plans.models import Plan  # noqa: E402
from vinhdanh.scoring import reports  # noqa: E402
from vinhdanh.scoring.models import Covenant  # noqa: E402

OUT = Path(__file__).resolve().parent


def sample_decision() -> bytes:
    """The layout itself: a decision's first page and its annex, from the layout API."""
    head = layout.letterhead_for(
        "Ủy ban nhân dân quận Hoàng Mai",
        parent="Ủy ban nhân dân thành phố Hà Nội",
        number="12/QĐ-UBND",
    )
    doc = AdminDocument(
        head,
        date=dt.date(2021, 12, 13),
        kind="Quyết định",
        subject="Về việc tặng Giấy khen cho các tập thể, cá nhân",
    )
    doc.bases(["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"])
    doc.paragraph("Xét đề nghị của Hội đồng Thi đua - Khen thưởng quận.", italic=True)
    doc.heading("QUYẾT ĐỊNH:")
    doc.article(
        1, "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân quận cho 2 cá nhân (danh sách kèm theo)."
    )
    doc.article(
        2,
        "Chánh Văn phòng, Trưởng phòng Nội vụ và các cá nhân có tên tại Điều 1 chịu trách"
        " nhiệm thi hành Quyết định này.",
    )
    doc.signature(
        authority="TM. Ủy ban nhân dân",
        delegation="KT. Chủ tịch",
        role_line="Phó Chủ tịch",
        signer="Nguyễn Minh Tâm",
    )
    doc.recipients(["Như Điều 2", "Ban Thi đua - Khen thưởng Thành phố"])
    doc.annex(
        "Danh sách cá nhân được tặng Giấy khen",
        "(Kèm theo Quyết định số 12/QĐ-UBND ngày 13/12/2021 của Chủ tịch UBND quận Hoàng Mai)",
    )
    doc.table(
        ["STT", "Họ và tên", "Chức vụ, đơn vị", "Số tiền (đồng)"],
        [
            [1, "Lê Văn An", "Cán bộ Văn phòng HĐND và UBND phường Định Công", 300000],
            [2, "Trần Thị Hoa", "Công chức Văn hóa - Xã hội phường Hoàng Liệt", 300000],
        ],
        [1.2, 4.5, 7.5, 3.3],
        total_row=["", "Tổng cộng", "", 600000],
    )
    return doc.to_bytes()


def sample_workbook() -> bytes:
    unit = Unit.objects.get(code="hoang-mai")
    return official_workbook(
        letterhead_for(unit, number="05/BC-HĐTĐKT"),
        title="Danh sách",
        subject="Tập thể, cá nhân đề nghị khen thưởng năm 2021",
        date=dt.date(2021, 12, 10),
        headers=["STT", "Họ và tên", "Đơn vị", "Hình thức", "Số tiền (đồng)"],
        rows=[
            [1, "Lê Văn An", "Phường Định Công", "Giấy khen", 300000],
            [2, "Trần Thị Hoa", "Phường Hoàng Liệt", "Giấy khen", 300000],
        ],
        total_row=["", "Tổng cộng", "", "", 600000],
        widths=[6, 26, 26, 16, 16],
    )


def documents():
    plan = Plan.objects.order_by("year", "pk").first()
    movement = (
        Movement.objects.exclude(document_number="").order_by("pk").first()
        or Movement.objects.order_by("pk").first()
    )
    cluster = Cluster.objects.filter(head__isnull=False).order_by("year", "code").first()
    covenant = Covenant.objects.filter(cluster=cluster).first()
    yield "layout-decision", "docx", sample_decision, (1, 2)
    yield "layout-workbook", "xlsx", sample_workbook, (1,)
    if plan:
        yield "plan", "docx", lambda: plan_exports.export_docx(plan), (1, "annex")
        yield "plan-workbook", "xlsx", lambda: plan_exports.export_xlsx(plan), (1,)
    if movement:
        yield "movement-launch", "docx", lambda: movement_documents.launch_document(movement), (1,)
        yield (
            "movement-registrations",
            "docx",
            lambda: movement_documents.registration_document(movement),
            (1,),
        )
        yield (
            "movement-registrations-workbook",
            "xlsx",
            lambda: movement_documents.registration_workbook(movement),
            (1,),
        )
    if cluster:
        yield (
            "cluster-report",
            "docx",
            lambda: reports.cluster_report(cluster, reports.YEAR_END),
            (1,),
        )
    if covenant:
        yield "cluster-covenant", "docx", lambda: reports.covenant_document(covenant), (1,)


def awards_documents():
    """The council's documents of a round, from the demo's own dossiers."""
    from vinhdanh.awards import achievement_reports, documents_out, minutes
    from vinhdanh.awards.models import Batch, Decision, Meeting, Nomination
    from vinhdanh.awards.models.fund import Revocation

    decision = (
        Decision.objects.filter(state="issued", certificates__isnull=False).order_by("pk").first()
    )
    if decision:
        yield "decision", "docx", lambda: documents_out.decision_docx(decision), (1, "annex")
    revocation = Revocation.objects.order_by("pk").first()
    if revocation:
        yield "revocation", "docx", lambda: documents_out.revocation_docx(revocation), (1,)
    batch = Batch.objects.filter(nominations__isnull=False).order_by("pk").first()
    if batch:
        yield (
            "to-trinh",
            "docx",
            lambda: documents_out.submission_letter(batch, list(batch.nominations.all())),
            (1,),
        )
    meeting = Meeting.objects.filter(state="closed").order_by("pk").first()
    if meeting:
        yield "minutes", "docx", lambda: minutes.minutes_docx(meeting), (1,)
    person = Nomination.objects.filter(person__isnull=False).order_by("pk").first()
    collective = Nomination.objects.filter(collective__isnull=False).order_by("pk").first()
    for name, nomination in (("report-person", person), ("report-collective", collective)):
        if nomination:
            yield (
                name,
                "docx",
                lambda n=nomination: achievement_reports.achievement_report_template(n),
                (1,),
            )


def year_documents():
    """The year's other work: the training report, an inspection's minutes, the script."""
    from vinhdanh.ceremonies import documents as ceremony_documents
    from vinhdanh.ceremonies.models import Ceremony
    from vinhdanh.inspections import documents as inspection_documents
    from vinhdanh.inspections.models import Visit
    from vinhdanh.training import views as training_views
    from vinhdanh.training.documents import report_document
    from vinhdanh.training.models import Attendee, TrainingSession

    session = TrainingSession.objects.filter(state="reported").order_by("pk").first()
    if session:
        attendees = list(
            Attendee.objects.filter(session=session).select_related("unit", "person", "evaluation")
        )
        yield (
            "training-report",
            "docx",
            lambda: report_document(
                session, training_views._report_of(session, attendees), attendees
            ),
            (1,),
        )
    visit = Visit.objects.filter(state="signed", follow_ups__isnull=False).order_by("pk").first()
    if visit:
        yield (
            "inspection-minutes",
            "docx",
            lambda: inspection_documents.minutes_document(visit),
            (1,),
        )
    ceremony = Ceremony.objects.filter(honourees__isnull=False).order_by("pk").first()
    if ceremony:
        yield (
            "ceremony-script",
            "docx",
            lambda: ceremony_documents.script_document(
                ceremony, list(ceremony.honourees.select_related("certificate__decision"))
            ),
            (1,),
        )


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages"))
    )


def _first_landscape(pdf: Path) -> int:
    """The first page wider than high (where a landscape annex starts)."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(_pages(pdf)), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in info.stdout.splitlines():
        parts = line.split()
        if line.startswith("Page") and "size:" in parts:
            width, height = float(parts[3]), float(parts[5])
            if width > height:
                return int(parts[1])
    return 1


def _page_number(pdf: Path, page) -> int:
    if page == "last":
        return _pages(pdf)
    if page == "annex":
        return _first_landscape(pdf)
    return page


def render(name: str, suffix: str, content: bytes, pages, work: Path) -> None:
    source = work / f"{name}.{suffix}"
    source.write_bytes(content)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = work / f"{name}.pdf"
    for page in pages:
        number = _page_number(pdf, page)
        target = OUT / (f"{name}.png" if page == 1 else f"{name}-{page}.png")
        stem = work / f"{name}-{number}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        target.write_bytes(Path(f"{stem}.png").read_bytes())
        print(f"{target.relative_to(OUT.parents[1])}: {target.stat().st_size // 1024} KB")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        wanted = set(sys.argv[1:])
        every = [*documents(), *awards_documents(), *year_documents()]
        for name, suffix, build, pages in every:
            if wanted and name not in wanted:
                continue
            render(name, suffix, build(), pages, Path(folder))


if __name__ == "__main__":
    main()
