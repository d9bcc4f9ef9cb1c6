"""Mid-year (sơ kết) and year-end (tổng kết) cluster reports and the printable covenant."""

from django.utils import timezone

from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.movements.letterheads import letterhead_for
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import selectors
from vinhdanh.scoring.models import Covenant

MID_YEAR, YEAR_END = "mid", "end"


def _head_letterhead(cluster: Cluster):
    """The cluster head issues the cluster's reports in its own name, written in full (a
    ward as "Ủy ban nhân dân phường ..."), under its parent unless it is a People's
    Committee; without a head, the council does."""
    return letterhead_for(cluster.head or cluster.council.unit)


def cluster_report(cluster: Cluster, period: str) -> bytes:
    mid = period == MID_YEAR
    kind = "BÁO CÁO"
    subject = (
        f"Sơ kết 6 tháng đầu năm {cluster.year} {cluster.name}"
        if mid
        else f"Tổng kết công tác thi đua năm {cluster.year} {cluster.name}"
    )
    doc = AdminDocument(
        _head_letterhead(cluster), date=timezone.localdate(), kind=kind, subject=subject
    )
    members = list(cluster.members.all())
    doc.section_heading("I. TÌNH HÌNH HOẠT ĐỘNG CỦA CỤM")
    doc.paragraph(
        f"{cluster.name} gồm {len(members)} đơn vị; cụm trưởng: {cluster.head or '—'}; "
        f"cụm phó: {cluster.deputy or '—'}."
    )
    covenant = Covenant.objects.filter(cluster=cluster).first()
    if covenant:
        signed = covenant.signatures.count()
        doc.paragraph(
            f"Giao ước thi đua: {signed}/{len(members)} đơn vị đã ký kết"
            + (f" ngày {covenant.signed_on:%d/%m/%Y}." if covenant.signed_on else ".")
        )
    else:
        doc.paragraph("Cụm chưa tổ chức ký kết giao ước thi đua.")
    sheet = getattr(cluster, "criteria_sheet", None)
    doc.section_heading("II. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG")
    if sheet is None:
        doc.paragraph("Cụm chưa có bảng tiêu chí chấm điểm.")
    else:
        ranked = selectors.ranking(sheet)
        signed = set(covenant.signatures.values_list("unit_id", flat=True)) if covenant else set()
        rows = []
        for row in ranked:
            own = row.extra["self_totals"].total
            rows.append(
                [
                    row.rank,
                    row.extra["unit"].name,
                    own,
                    row.totals.bonus,
                    row.totals.penalty,
                    row.totals.total,
                    "Đã ký" if row.key in signed else "Chưa ký",
                ]
            )
        doc.table(
            ["Hạng", "Đơn vị", "Tự chấm", "Điểm thưởng", "Điểm trừ", "Điểm cuối cùng", "Giao ước"],
            rows,
            widths_cm=[1.2, 4.6, 1.9, 1.9, 1.7, 2.2, 1.8],
            align=["center", "left", "right", "right", "right", "right", "center"],
        )
        doc.paragraph(
            "Xếp hạng theo điểm cuối cùng (sau thẩm định của cụm trưởng và Hội đồng); "
            "bằng điểm thì đơn vị bị trừ ít điểm hơn, rồi đơn vị có điểm tiêu chí cao hơn xếp trên."
        )
    if not mid:
        doc.section_heading("III. BÌNH XÉT, SUY TÔN")
        proposals = list(cluster.proposals.select_related("unit"))
        for proposal in proposals:
            doc.paragraph(
                f"- {proposal.unit.name}: đề nghị {proposal.title_name} ({proposal.votes} phiếu)."
            )
        if not proposals:
            doc.paragraph("Cụm chưa tổ chức bỏ phiếu suy tôn.")
    doc.section_heading(("III" if mid else "IV") + ". PHƯƠNG HƯỚNG, NHIỆM VỤ")
    doc.paragraph(
        "Tiếp tục thực hiện nghiêm giao ước thi đua, đổi mới tiêu chí và quy trình đánh giá, "
        "bình xét, suy tôn; phấn đấu hoàn thành xuất sắc nhiệm vụ được giao."
    )
    doc.signature(authority=f"TM. {cluster.name}", role_line="CỤM TRƯỞNG", signer="")
    doc.recipients(
        [f"Hội đồng Thi đua - Khen thưởng {cluster.council.unit.name}", "Các đơn vị thành viên cụm"]
    )
    return doc.to_bytes()


def covenant_document(covenant: Covenant) -> bytes:
    cluster = covenant.cluster
    doc = AdminDocument(
        _head_letterhead(cluster),
        date=covenant.signed_on or timezone.localdate(),
        kind="GIAO ƯỚC THI ĐUA",
        subject=f"{cluster.name} năm {cluster.year}",
    )
    for line in [line for line in covenant.text.splitlines() if line.strip()]:
        doc.paragraph(line.strip())
    signatures = {s.unit_id: s for s in covenant.signatures.select_related("confirmed_by")}
    rows = []
    for number, unit in enumerate(cluster.members.all(), start=1):
        signed = signatures.get(unit.pk)
        when = timezone.localtime(signed.confirmed_at).strftime("%d/%m/%Y") if signed else ""
        rows.append([number, unit.name, "Đã ký" if signed else "Chưa ký", when])
    doc.heading("CÁC ĐƠN VỊ KÝ KẾT")
    doc.table(
        ["TT", "Đơn vị", "Xác nhận", "Ngày"],
        rows,
        widths_cm=[1.0, 8.0, 3.0, 3.0],
        align=["center", "left", "center", "center"],
    )
    doc.signature(authority=f"TM. {cluster.name}", role_line="CỤM TRƯỞNG", signer="")
    doc.recipients([f"Hội đồng Thi đua - Khen thưởng {cluster.council.unit.name}"])
    return doc.to_bytes()
