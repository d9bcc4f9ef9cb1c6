"""The demo's online filings, played through the services.

In the 2021 history (`load`) the district council received filings in every state; in the
Hà Nội 2026 chapter (`load_hanoi_2026`, run by `demo_hanoi_2026.load`) a ward (Định Công) and
the city each receive filings in every state: received, more asked for, supplemented,
accepted into a draft nomination, refused; the city has an API client for the one-stop
system (`demo_accounts` prints its id and secret).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.models import Title
from vinhdanh.filings import deadlines, services
from vinhdanh.filings.actors import Filer
from vinhdanh.filings.models import ApiClient, Channel, Filing, FilingKind
from vinhdanh.filings.notify import silenced
from vinhdanh.org.models import Council, Person

# The demo's clients: (client id, name, council unit code). Their secrets are the demo's
# own and public, as its passwords are.
DEMO_CLIENTS = [
    ("motcua-hanoi-demo", "Hệ thống một cửa Thành phố Hà Nội (demo)", "ha-noi"),
]
DEMO_SECRET = "demo-secret-khong-dung-that"

WARD = "hn-phuong-dinhcong"
# (council unit, office account, subject, the steps played)
STORIES = [
    (WARD, "thuongtruc.dinhcong", "Anh bảo vệ trả lại ví cho người đánh rơi", []),
    (WARD, "thuongtruc.dinhcong", "Nhóm thanh niên dọn rác bờ hồ Định Công", ["more"]),
    (WARD, "thuongtruc.dinhcong", "Cô giáo dạy miễn phí cho trẻ khó khăn", ["more", "supplement"]),
    (WARD, "thuongtruc.dinhcong", "Chủ tịch hội phụ nữ tổ dân phố 5", ["accept"]),
    (WARD, "thuongtruc.dinhcong", "Đề nghị khen thưởng quảng cáo dịch vụ", ["refuse"]),
    ("ha-noi", "thuongtruc.hanoi", "Hợp tác xã hỗ trợ đồng bào vùng lũ", []),
    ("ha-noi", "thuongtruc.hanoi", "Doanh nghiệp tài trợ xây trường học", ["more"]),
    (
        "ha-noi",
        "thuongtruc.hanoi",
        "Người dân cứu người đuối nước sông Hồng",
        ["more", "supplement"],
    ),
    ("ha-noi", "thuongtruc.hanoi", "Tổ chức tình nguyện hiến máu", ["accept"]),
    ("ha-noi", "thuongtruc.hanoi", "Đề nghị trùng lặp đã gửi trước đó", ["refuse"]),
]


def _file(council, subject: str, index: int, channel: str, client=None) -> Filing:
    kind = FilingKind.objects.get(code="nguoi-tot-viec-tot")
    return services.file_filing(
        kind=kind,
        council=council,
        filer_kind="citizen",
        filer_name=f"Người dân demo {index:02d}",
        phone=f"0912 000 {index:03d}",
        email=f"nguoidan{index:02d}@demo.invalid",
        address="Phường Định Công, Hà Nội" if council.unit.code == WARD else "Hà Nội",
        subject=subject,
        content=f"{subject}. Đề nghị Hội đồng xem xét khen thưởng kịp thời.",
        consent=True,
        files=[("don-de-nghi", "don-de-nghi.pdf", DEMO_PDF)],
        channel=channel,
        api_client=client,
    )


def _play(filing: Filing, office: User, steps: list[str], *, year: int) -> None:
    for step in steps:
        filing.refresh_from_db()
        if step == "more":
            services.request_more(
                office, filing, reason="Bổ sung ảnh chụp hoặc xác nhận của tổ dân phố."
            )
        elif step == "supplement":
            services.supplement(
                Filer(filing.pk, filing.channel),
                filing,
                note="Gửi kèm xác nhận của tổ dân phố.",
                files=[("", "xac-nhan.pdf", DEMO_PDF)],
            )
        elif step == "refuse":
            services.refuse(
                office, filing, reason="Nội dung không thuộc phạm vi thi đua, khen thưởng."
            )
        elif step == "accept":
            title = Title.objects.filter(code="giay_khen").first()
            title = title or Title.objects.filter(is_active=True).first()
            # A person of the council's own unit (a lower council's people are its own work),
            # else of its organisation (2021: the district's wards had no council).
            person = (
                Person.objects.filter(unit=filing.council.unit).order_by("code").first()
                or Person.objects.filter(unit__path__startswith=filing.council.unit.path)
                .order_by("code")
                .first()
            )
            services.accept(
                office,
                filing,
                title=title,
                basis=title.award_bases.first(),
                year=year,
                achievements=filing.content,
                person=person,
            )


def _clients() -> None:
    from django.contrib.auth.hashers import make_password

    for client_id, name, unit_code in DEMO_CLIENTS:
        council = Council.objects.filter(unit__code=unit_code).first()
        if council is not None:
            ApiClient.objects.get_or_create(
                client_id=client_id,
                defaults={"name": name, "council": council,
                          "secret_hash": make_password(DEMO_SECRET)},
            )  # fmt: skip


# The 2021 history: the district council's filings, dated in late 2021. Only the states that
# wait on nobody at the office and add no dossier to the year the 2021 history counts (one
# waiting for its filer, one refused): a filing of 2021 still waiting on the office would be
# five years late in every inbox of the district's history. The 2026 chapter has one in every
# state, accepted ones included.
STORIES_2021 = [
    ("Tổ dân phố 12 giữ gìn vệ sinh môi trường", ["more"]),
    ("Đề nghị khen thưởng một cửa hàng kinh doanh", ["refuse"]),
]
RECEIVED_2021 = datetime.date(2021, 11, 15)


def _backdate(filing: Filing, received_on: datetime.date) -> None:
    """The 2021 history's filings carry their 2021 dates (the services stamp today)."""
    at = timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(9)))
    Filing.objects.filter(pk=filing.pk).update(
        received_on=received_on,
        due_on=deadlines.due_after(received_on, filing.kind.working_days),
        created_at=at,
        consent_at=at,
        answered_at=at + datetime.timedelta(days=3) if filing.answered_at else None,
        more_due_on=deadlines.due_after(received_on, 10) if filing.more_due_on else None,
    )
    filing.transitions.update(at=at + datetime.timedelta(days=2))


@transaction.atomic
@silenced()
def load() -> None:
    """The district's filings of 2021 (`demo/loader.py`'s extensions)."""
    if Filing.objects.filter(subject=STORIES_2021[0][0]).exists():
        return
    council = Council.objects.get(unit__code="hoang-mai")
    office = User.objects.get(username="thuongtruc")
    for index, (subject, steps) in enumerate(STORIES_2021, start=1):
        filing = _file(council, subject, 20 + index, Channel.WEB)
        _play(filing, office, steps, year=2021)
        filing.refresh_from_db()
        _backdate(filing, RECEIVED_2021 + datetime.timedelta(days=index))


@transaction.atomic
@silenced()
def load_hanoi_2026() -> None:
    """A ward's and the city's filings of 2026 (`filings/demo_hanoi_2026.py`)."""
    _clients()
    if Filing.objects.filter(subject=STORIES[0][2]).exists():
        return
    client = ApiClient.objects.filter(client_id=DEMO_CLIENTS[0][0]).first()
    for index, (unit_code, username, subject, steps) in enumerate(STORIES, start=1):
        council = Council.objects.get(unit__code=unit_code)
        office = User.objects.get(username=username)
        via_api = unit_code == "ha-noi" and index % 2 == 0 and client is not None
        filing = _file(
            council, subject, index, Channel.API if via_api else Channel.WEB,
            client if via_api else None,
        )  # fmt: skip
        # The deeds told in the filings were done in late 2025: the nominations made of them
        # are of that year (the chapter's own 2026 dossiers are awards/demo_hanoi_2026's).
        _play(filing, office, steps, year=2025)
        if index == 1:
            # One filing of the ward has waited past its time: the office's inbox shows it late.
            received_on = timezone.localdate() - datetime.timedelta(days=14)
            Filing.objects.filter(pk=filing.pk).update(
                received_on=received_on,
                due_on=deadlines.due_after(received_on, 5),
                created_at=timezone.now() - datetime.timedelta(days=14),
            )


def sample_filing() -> Filing:
    """A received filing of the 2021 district council, for the permission matrix and the
    URL table (the test database holds the 2021 history only)."""
    filing = Filing.objects.filter(council__unit__code="hoang-mai", state="received").first()
    if filing is not None:
        return filing
    council = Council.objects.get(unit__code="hoang-mai")
    return _file(council, "Hồ sơ mẫu của quận Hoàng Mai", 99, Channel.WEB)


def demo_credentials() -> list[str]:
    """The demo's API clients, for `demo_accounts` (their secrets are the demo's own)."""
    clients = ApiClient.objects.filter(client_id__in=[c[0] for c in DEMO_CLIENTS])
    lines = [
        f"Ứng dụng kết nối API (POST /api/filings/token): client_id={c.client_id} "
        f"client_secret={DEMO_SECRET} · {c.council}"
        for c in clients.select_related("council")
    ]
    return lines
