import datetime
import io
import zipfile

from django.utils import timezone

from vinhdanh.awards import services
from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.guards import earliest_notice_end
from vinhdanh.awards.models import Choice, Title
from vinhdanh.org.models import Person


def docx_bytes(extra: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def new_draft(demo_user, username="canbo.hoangliet", title_code="giay_khen"):
    officer = demo_user(username)
    person = Person.objects.filter(unit=officer.unit).order_by("-code").first()
    title = Title.objects.get(code=title_code)
    return services.create_nomination(
        officer,
        person=person,
        title=title,
        basis=title.award_bases.get(code="thuong_xuyen"),
        year=2021,
        achievements="Hoàn thành xuất sắc nhiệm vụ.",
    )


def attach_all(demo_user, nomination, username="canbo.hoangliet"):
    officer = demo_user(username)
    for row in nomination.title.title_components.filter(required=True, component__generated=False):
        services.add_attachment(
            officer, nomination, component=row.component, filename="a.pdf", content=DEMO_PDF
        )


def announce_and_end(office, nomination):
    """Announced from today for the shortest notice, then dated as a notice that is over
    (the vote opens only after it)."""
    today = timezone.localdate()
    notice = services.announce_nomination(
        office, nomination, starts_on=today, ends_on=earliest_notice_end(today)
    )
    notice.starts_on, notice.ends_on = today - datetime.timedelta(days=14), today
    notice.save()
    return notice


def to_voted(demo_user, nomination):
    office = demo_user("thuongtruc")
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    services.appraise_nomination(
        office,
        nomination,
        passed=True,
        reasons="Đủ tiêu chuẩn.",
        confirmed={"muc_hoan_thanh_nhiem_vu": True, "tieu_chuan_cua_tinh": True},
    )
    nomination.refresh_from_db()
    announce_and_end(office, nomination)
    nomination.refresh_from_db()
    vote = services.open_vote(office, nomination)
    for member in vote.council.members.all():
        services.record_ballot(office, vote, member=member, choice=Choice.AGREE)
    nomination.refresh_from_db()
    services.close_vote(office, vote)
    nomination.refresh_from_db()
    return nomination
