"""The 2021 Hoàng Mai writing contest of the demo (task 22 of the district's plan), played
through the services: about twenty entries from the public form, two rounds judged by demo
accounts (one judge declares a conflict and is replaced), the results and the prizes decided.
Idempotent; the loader keeps the audit log silent (seed data)."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from vinhdanh.accounts.models import User
from vinhdanh.contests import services
from vinhdanh.contests.models import Contest, ContestJudge, PrizeRank, RoundKind, SheetState
from vinhdanh.org.models import Council, Person, Unit
from vinhdanh.plans.models import Task

TITLE = "Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt năm 2021"
RULES = "\n".join(
    [
        "1. Đối tượng: mọi công dân đang sinh sống, học tập, công tác trên địa bàn quận Hoàng Mai.",
        "2. Nội dung: viết về tập thể, cá nhân tiêu biểu, điển hình tiên tiến, người tốt, việc "
        "tốt trên địa bàn quận; người, việc có thật, có địa chỉ cụ thể.",
        "3. Hình thức: bài viết tiếng Việt, từ 300 đến 3.000 chữ, gõ trực tiếp hoặc gửi tệp "
        "Word/PDF; không ghi tên, đơn vị của mình trong bài và trong thông tin của tệp.",
        "4. Chấm sơ khảo: mỗi bài 2 giám khảo; 10 bài điểm cao nhất vào chung khảo. Chấm chung "
        "khảo: mỗi bài 3 giám khảo.",
        "5. Khi bằng điểm: xét điểm chung khảo, rồi điểm tiêu chí nội dung, rồi bài gửi sớm hơn.",
    ]
)
JUDGES = [
    ("uyvien", ContestJudge.Kind.MEMBER),
    ("chutich", ContestJudge.Kind.MEMBER),
    ("thuongtruc", ContestJudge.Kind.STAFF),
    ("canbo.dinhcong", ContestJudge.Kind.STAFF),
]
SUBJECTS = [
    ("Người tổ trưởng dân phố", "tổ trưởng dân phố", "vận động bà con giữ gìn vệ sinh ngõ xóm"),
    ("Bếp ăn nghĩa tình", "chủ quán cơm", "nấu cơm miễn phí cho bệnh nhân nghèo"),
    ("Cô giáo của những đứa trẻ khó khăn", "cô giáo", "mở lớp học tình thương buổi tối"),
    ("Người cựu chiến binh trồng cây", "cựu chiến binh", "trồng cây xanh dọc bờ hồ"),
    ("Anh xe ôm nhặt được của rơi", "người chạy xe ôm", "trả lại chiếc ví cho người đánh rơi"),
    ("Tổ phụ nữ tiết kiệm", "chi hội trưởng phụ nữ", "lập quỹ giúp chị em vay vốn"),
    ("Đội thanh niên tình nguyện", "bí thư chi đoàn", "tổ chức hiến máu và dọn rác"),
    ("Bác sĩ phường", "bác sĩ trạm y tế", "khám bệnh tại nhà cho người cao tuổi"),
    ("Ông bụt của khu tập thể", "cụ hưu trí", "sửa điện nước không lấy tiền"),
    ("Người giữ lửa câu lạc bộ thơ", "chủ nhiệm câu lạc bộ", "gìn giữ sinh hoạt văn hóa"),
    ("Cán bộ mặt trận tận tụy", "cán bộ mặt trận", "hòa giải mâu thuẫn trong khu dân cư"),
    ("Chiến sĩ công an khu vực", "công an khu vực", "giữ bình yên cho từng ngõ nhỏ"),
    ("Chủ doanh nghiệp nhân ái", "chủ doanh nghiệp", "nhận người khuyết tật vào làm việc"),
    ("Những bữa sáng miễn phí", "nhóm bạn trẻ", "phát bánh mì cho người lao động"),
    ("Người thầy dạy bơi", "huấn luyện viên", "dạy bơi miễn phí cho trẻ em"),
    ("Tấm gương hiếu học", "học sinh", "vượt khó vươn lên học giỏi"),
    ("Nữ công nhân môi trường", "công nhân vệ sinh", "làm sạch đường phố trong đại dịch"),
    ("Người lính cứu hỏa", "cảnh sát phòng cháy", "cứu người trong đám cháy khu trọ"),
    ("Thư viện nhỏ đầu ngõ", "thầy giáo về hưu", "mở tủ sách cho thiếu nhi"),
    ("Ánh sáng cho người mù", "hội viên chữ thập đỏ", "đưa đón người khiếm thị đi khám"),
]
PARAGRAPH = (
    "Ở {ward}, ai cũng biết đến {who} ấy. Nhiều năm nay, người ấy lặng lẽ {deed}, "
    "không kể ngày nắng hay ngày mưa, không đòi hỏi một lời cảm ơn. Những việc làm giản dị "
    "nhưng bền bỉ đã lan tỏa trong khu dân cư, khiến nhiều người trẻ học theo, nhiều gia đình "
    "cùng góp sức. Chúng tôi viết lại câu chuyện này như một lời tri ân, và để mọi người cùng "
    "thấy rằng người tốt, việc tốt luôn có mặt quanh ta, trong từng ngõ phố của quận Hoàng Mai. "
)


# A two-page PDF as a few authors send (its pages count for the length).
ENTRY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"4 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _text(index: int, ward: str, who: str, deed: str) -> str:
    paragraph = PARAGRAPH.format(ward=ward.replace("Phường", "phường"), who=who, deed=deed)
    return f"Kỳ {index + 1}.\n\n" + "\n\n".join([paragraph] * (6 + index % 5))


def _scores(round_, rng: random.Random, strength: float) -> dict:
    values = {}
    for criterion in round_.criteria.all():
        top = float(criterion.max_score)
        value = min(top, max(0.0, round(top * (strength + rng.uniform(-0.08, 0.08)) * 4) / 4))
        values[criterion.pk] = Decimal(str(value))
    return values


def _judge_round(round_, office, rng, strength) -> None:
    services.assign_round_robin(office, round_)
    services.open_round(office, round_)
    conflict_done = False
    for sheet in round_.sheets.select_related("judge", "entry").order_by("pk"):
        if not conflict_done and sheet.judge.username == "uyvien":
            # A judge who knows the author steps aside; the office gives the sheet to another.
            services.declare_conflict(
                sheet.judge, sheet, note="Tác giả là người quen, tôi xin không chấm bài này."
            )
            busy = set(round_.sheets.filter(entry=sheet.entry).values_list("judge_id", flat=True))
            spare = next(
                j.user for j in round_.contest.judges.select_related("user").order_by("pk")
                if j.user_id not in busy and not services.own_unit_conflict(j.user, sheet.entry)
            )  # fmt: skip
            sheet.refresh_from_db()
            sheet = services.replace_judge(office, sheet, spare, note="Thay giám khảo.")
            conflict_done = True
    for sheet in round_.sheets.filter(state=SheetState.ASSIGNED).select_related("judge", "entry"):
        services.save_scores(sheet.judge, sheet, _scores(round_, rng, strength[sheet.entry_id]))
        sheet.refresh_from_db()
        services.submit_sheet(sheet.judge, sheet)
    round_.refresh_from_db()
    services.close_round(office, round_)


def load() -> None:
    if Contest.objects.filter(title=TITLE).exists():
        return
    council = Council.objects.get(unit__code="hoang-mai")
    office = User.objects.get(username="thuongtruc")
    task = (
        Task.objects.filter(plan__council=council, content__icontains="Cuộc thi viết")
        .order_by("position")
        .first()
    )
    tz = timezone.get_current_timezone()
    contest = services.create_contest(
        office,
        council=council,
        year=2021,
        title=TITLE,
        theme="Gương điển hình tiên tiến, người tốt, việc tốt trên địa bàn quận Hoàng Mai",
        task=task,
        opens_at=datetime.datetime(2021, 3, 1, 8, 0, tzinfo=tz),
        closes_at=datetime.datetime(2021, 6, 30, 17, 0, tzinfo=tz),
        results_on=datetime.date(2021, 8, 10),
        eligibility="anyone",
        length_unit="words",
        length_min=300,
        length_max=3000,
        formats=["text", "docx", "pdf"],
        tie_breaks=["final_total", "first_criterion", "earlier"],
        rules_text=RULES,
        prizes={
            PrizeRank.FIRST: (1, 3_000_000),
            PrizeRank.SECOND: (2, 2_000_000),
            PrizeRank.THIRD: (3, 1_500_000),
            PrizeRank.CONSOLATION: (2, 500_000),
        },
    )
    services.add_round(
        office, contest, kind=RoundKind.PRELIMINARY, judges_per_entry=2, advance_count=10,
        ends_on=datetime.date(2021, 7, 15),
        criteria=[("Nội dung, tính chân thực của nhân vật, sự việc", 50),
                  ("Sức lan tỏa, tính giáo dục", 30), ("Hình thức, văn phong", 20)],
    )  # fmt: skip
    services.add_round(
        office, contest, kind=RoundKind.FINAL, judges_per_entry=3,
        ends_on=datetime.date(2021, 7, 31),
        criteria=[("Nội dung, tính chân thực của nhân vật, sự việc", 50),
                  ("Sức lan tỏa, tính giáo dục", 30), ("Hình thức, văn phong", 20)],
    )  # fmt: skip
    services.set_judges(
        office, contest, [(User.objects.get(username=name), kind) for name, kind in JUDGES]
    )
    services.open_contest(office, contest)
    wards = list(Unit.objects.filter(kind="ward", parent__code="hoang-mai").order_by("sort_key"))
    rng = random.Random(2021)
    strength = {}
    for index, (title, who, deed) in enumerate(SUBJECTS):
        ward = wards[index % len(wards)]
        author = Person.objects.filter(unit=ward).order_by("code").first()
        entry = services.submit_entry(
            contest,
            author_name=author.full_name if author else f"Tác giả {index + 1}",
            contact=f"tacgia{index + 1:02d}@demo.invalid",
            address=f"{ward.name}, quận Hoàng Mai",
            author_unit=ward,
            title=title,
            text="" if index % 5 == 2 else _text(index, ward.name, who, deed),
            upload=("bai-du-thi.pdf", ENTRY_PDF) if index % 5 == 2 else None,
            publish_name=index % 4 != 3,
            consent=True,
            now=datetime.datetime(2021, 3, 5, 9, 0, tzinfo=tz) + datetime.timedelta(days=5 * index),
        )
        strength[entry.pk] = 0.55 + rng.random() * 0.4
    contest.refresh_from_db()
    services.close_entries(office, contest)
    services.accept_waiting(office, contest)
    rounds = list(contest.rounds.order_by("number"))
    for round_ in rounds:
        _judge_round(round_, office, rng, strength)
    contest.refresh_from_db()
    services.decide(
        office, contest, number="125/QĐ-HĐTĐKT", signed_on=datetime.date(2021, 8, 10),
        signer="Nguyễn Minh Tâm", signer_title="Chủ tịch Hội đồng",
    )  # fmt: skip
