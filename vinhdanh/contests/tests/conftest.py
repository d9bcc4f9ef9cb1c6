import datetime

import pytest
from django.utils import timezone

from vinhdanh.contests import services
from vinhdanh.contests.models import ContestJudge, RoundKind
from vinhdanh.org.models import Council, Unit

TEXT = " ".join(["Người tốt việc tốt ở phường"] * 80)  # 480 words


@pytest.fixture
def office(demo_user):
    return demo_user("thuongtruc")


@pytest.fixture
def make_contest(office, demo_user):
    """An open contest of Hoàng Mai's council with two rounds and three judges."""

    def make(**overrides):
        now = timezone.now()
        fields = {
            "year": 2021,
            "title": "Cuộc thi thử",
            "theme": "Người tốt, việc tốt",
            "opens_at": now - datetime.timedelta(days=1),
            "closes_at": now + datetime.timedelta(days=10),
            "eligibility": "anyone",
            "length_unit": "words",
            "length_min": 100,
            "length_max": 1000,
            "formats": ["text", "docx", "pdf"],
            "tie_breaks": ["final_total", "first_criterion", "earlier"],
            "rules_text": "Thể lệ thử.",
            "prizes": {"first": (1, 1_000_000), "second": (1, 500_000)},
        }
        fields.update(overrides)
        council = Council.objects.get(unit__code="hoang-mai")
        contest = services.create_contest(office, council=council, **fields)
        services.add_round(
            office, contest, kind=RoundKind.PRELIMINARY, judges_per_entry=2, advance_count=2,
            criteria=[("Nội dung", 60), ("Hình thức", 40)],
        )  # fmt: skip
        services.add_round(
            office, contest, kind=RoundKind.FINAL, judges_per_entry=2,
            criteria=[("Nội dung", 60), ("Hình thức", 40)],
        )  # fmt: skip
        services.set_judges(
            office,
            contest,
            [
                (demo_user("uyvien"), ContestJudge.Kind.MEMBER),
                (demo_user("chutich"), ContestJudge.Kind.MEMBER),
                (demo_user("canbo.dinhcong"), ContestJudge.Kind.STAFF),
            ],
        )
        services.open_contest(office, contest)
        contest.refresh_from_db()
        return contest

    return make


@pytest.fixture
def enter():
    counter = iter(range(1, 1000))

    def submit(contest, **overrides):
        n = next(counter)
        fields = {
            "author_name": f"Nguyễn Văn Tác Giả {n}",
            "contact": f"tacgia{n}@example.invalid",
            "address": "Phường Định Công",
            "title": f"Bài viết {n}",
            "text": f"{TEXT} số {n}",
            "consent": True,
            "publish_name": True,
        }
        fields.update(overrides)
        return services.submit_entry(contest, **fields)

    return submit


@pytest.fixture
def dinh_cong():
    return Unit.objects.get(code="phuong-dinh-cong")
