"""The whole dossier of nominations forwarded to the higher level, as one .zip."""

import io
import re
import zipfile

from vinhdanh.awards.documents_out import dossier_letter
from vinhdanh.core.numbers import vn_percent
from vinhdanh.core.text import fold


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")[:60] or "ho-so"


def forwarding_letter(council, nominations) -> bytes:
    """The tờ trình at the head of the archive (documents_out.dossier_letter)."""
    return dossier_letter(council, nominations)


def _summary(nomination) -> str:
    lines = [
        f"Hồ sơ: {nomination.title.name} – {nomination.subject_name} ({nomination.year})",
        f"Đơn vị đề nghị: {nomination.unit.name}",
        f"Loại hình: {nomination.basis.name}",
        f"Trạng thái: {nomination.get_state_display()}",
        "",
        "TÓM TẮT THÀNH TÍCH",
        nomination.achievements,
        "",
        "THẨM ĐỊNH",
    ]
    for appraisal in nomination.appraisals.all():
        lines.append(
            f"- {appraisal.created_at:%d/%m/%Y}: {'Đạt' if appraisal.passed else 'Không đạt'}. "
            f"{appraisal.reasons}"
        )
        for row in appraisal.checklist:
            mark = {True: "đạt", False: "không đạt", None: "cần xem xét"}[row.get("confirmed")]
            lines.append(f"    [{mark}] {row['message']} ({row['basis']})")
    lines += ["", "KẾT QUẢ BỎ PHIẾU"]
    for vote in nomination.votes.all():
        lines.append(
            f"- Đồng ý {vote.agree}, không đồng ý {vote.disagree}, không biểu quyết "
            f"{vote.abstain} / {vote.members_count} thành viên; tỷ lệ yêu cầu "
            f"{vn_percent(vote.threshold)} ({vote.threshold_note}); "
            f"{'thông qua' if vote.passed else 'không thông qua'}."
        )
    lines += ["", "CÔNG KHAI"]
    for notice in nomination.notices.all():
        lines.append(f"- Từ {notice.starts_on:%d/%m/%Y} đến {notice.ends_on:%d/%m/%Y}")
        # The name and contact of whoever objected stay with the standing office that
        # answered; the dossier sent up carries the objection and its answer.
        for number, objection in enumerate(notice.objections.all(), 1):
            lines.append(f"    Ý kiến {number}: {objection.content}")
            lines.append(f"    Trả lời: {objection.answer}")
    return "\n".join(lines) + "\n"


def dossier_zip(council, nominations) -> bytes:
    nominations = list(nominations)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("00-to-trinh.docx", forwarding_letter(council, nominations))
        letters = set()
        for index, nomination in enumerate(nominations, 1):
            folder = f"{index:02d}-{_slug(nomination.subject_name)}"
            archive.writestr(f"{folder}/tom-tat-ho-so.txt", _summary(nomination))
            batch = nomination.batch
            if batch is not None and batch.letter and batch.pk not in letters:
                letters.add(batch.pk)
                with batch.letter.open("rb") as handle:
                    archive.writestr(f"to-trinh-don-vi/{batch.pk}.docx", handle.read())
            for number, attachment in enumerate(nomination.attachments.all(), 1):
                with attachment.file.open("rb") as handle:
                    name = f"{number:02d}-{attachment.component.code}-{attachment.original_name}"
                    archive.writestr(f"{folder}/{name}", handle.read())
    return buffer.getvalue()
