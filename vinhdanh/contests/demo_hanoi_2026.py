"""The Hà Nội 2026 chapter's writing contest: the city council's contest, open for entries
(one already in), its rounds, prizes and judges set. Idempotent."""

import datetime

from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.contests import services
from vinhdanh.contests.models import Contest, ContestJudge, PrizeRank, RoundKind
from vinhdanh.org.models import Council

TITLE = "Cuộc thi viết “Người Hà Nội thanh lịch, văn minh” năm 2026"
RULES = "\n".join(
    [
        "1. Đối tượng: mọi công dân Việt Nam đang sinh sống, học tập, công tác tại Hà Nội.",
        "2. Nội dung: viết về người thật, việc thật tiêu biểu của Thủ đô sau sắp xếp chính quyền "
        "hai cấp.",
        "3. Hình thức: từ 500 đến 2.500 chữ, gõ trực tiếp hoặc gửi tệp Word/PDF; không ghi tên "
        "tác giả trong bài và trong thông tin của tệp.",
        "4. Khi bằng điểm: xét tổng điểm chung khảo, rồi điểm vòng sơ khảo, rồi bài gửi sớm hơn.",
    ]
)
CRITERIA = [("Nội dung, tính tiêu biểu", 50), ("Tính lan tỏa", 30), ("Văn phong", 20)]


def load() -> None:
    if Contest.objects.filter(title=TITLE).exists():
        return
    council = Council.objects.filter(unit__code="ha-noi").first()
    office = User.objects.filter(username="thuongtruc.hanoi").first()
    if council is None or office is None:
        return
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    opens = timezone.now() - datetime.timedelta(days=7)
    closes = datetime.datetime.combine(today + datetime.timedelta(days=45), datetime.time(17), tz)
    contest = services.create_contest(
        office,
        council=council,
        year=2026,
        title=TITLE,
        theme="Người Hà Nội thanh lịch, văn minh; người tốt, việc tốt ở Thủ đô",
        opens_at=opens,
        closes_at=closes,
        results_on=(closes + datetime.timedelta(days=30)).date(),
        eligibility="anyone",
        length_unit="words",
        length_min=500,
        length_max=2500,
        formats=["text", "docx", "pdf"],
        tie_breaks=["final_total", "previous_round", "earlier"],
        rules_text=RULES,
        prizes={
            PrizeRank.FIRST: (1, 10_000_000),
            PrizeRank.SECOND: (2, 7_000_000),
            PrizeRank.THIRD: (3, 5_000_000),
            PrizeRank.CONSOLATION: (5, 2_000_000),
        },
    )
    services.add_round(
        office, contest, kind=RoundKind.PRELIMINARY, judges_per_entry=2, advance_count=20,
        criteria=CRITERIA,
    )  # fmt: skip
    services.add_round(office, contest, kind=RoundKind.FINAL, judges_per_entry=3, criteria=CRITERIA)
    judges = [
        (user, ContestJudge.Kind.MEMBER if n == 0 else ContestJudge.Kind.STAFF)
        for n, user in enumerate(
            User.objects.filter(username__in=["chutich.hanoi", "thuongtruc.hanoi"]).order_by(
                "username"
            )
        )
    ]
    services.set_judges(office, contest, judges)
    services.open_contest(office, contest)
    services.submit_entry(
        contest,
        author_name="Phạm Thu Trang",
        contact="trang.pham@demo.invalid",
        address="Phường Định Công, Hà Nội",
        title="Những người gác ngõ",
        text=" ".join(
            [
                "Mỗi sáng, tổ tự quản của ngõ lại dọn sạch lối đi, tưới cây và nhắc nhau giữ "
                "nếp sống văn minh."
            ]
            * 30
        ),
        publish_name=True,
        consent=True,
    )
