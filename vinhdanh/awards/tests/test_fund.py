"""The council's fund ledger: the plan typed by the standing office, every decision's bonus
as it is issued, a revocation's recovered money as a return, what remains (a warning
when it is negative), the page scoped to the council, its query budget and its .xlsx."""

import datetime
import io

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from vinhdanh.awards import services
from vinhdanh.awards.bonus import bonus_rows
from vinhdanh.awards.models import Decision, FundEntry, FundEntryKind, FundPlan
from vinhdanh.awards.services.fund import fund_ledger, set_fund_plan
from vinhdanh.awards.tests.helpers import new_draft, to_voted
from vinhdanh.core.tests.query_budget import assert_flat, numbering
from vinhdanh.org.models import Council

SIGNED = datetime.date(2021, 12, 20)


def _district(demo_user):
    return Council.objects.get(pk=demo_user("thuongtruc").council_id)


def _decide(demo_user, signed_on=SIGNED):
    voted = to_voted(demo_user, new_draft(demo_user))
    return services.issue_decision(demo_user("chutich"), [voted], signed_on=signed_on)


def test_every_decision_writes_its_bonus_and_the_year_total_matches(demo_user):
    council = _district(demo_user)
    before = fund_ledger(council, 2021).spent
    first, second = _decide(demo_user), _decide(demo_user)
    for decision in (first, second):
        entry = FundEntry.objects.get(decision=decision, kind=FundEntryKind.BONUS)
        total = bonus_rows(decision, list(decision.nominations.all()), decision.certificates.all())
        assert (entry.council, entry.year, entry.amount) == (council, 2021, total.total)
        assert entry.amount == 447_000  # 0,3 × 1.490.000 đ (lương cơ sở 2019)
    ledger = fund_ledger(council, 2021)
    issued = Decision.objects.filter(issuer=council.unit, year=2021, number__isnull=False)
    assert ledger.spent == sum(
        bonus_rows(d, list(d.nominations.all()), d.certificates.all()).total for d in issued
    )
    assert ledger.spent == before + 2 * 447_000


def test_the_plan_a_revocation_and_what_remains(demo_user):
    council = _district(demo_user)
    office, leader = demo_user("thuongtruc"), demo_user("chutich")
    decision = _decide(demo_user)
    spent = fund_ledger(council, 2021).spent
    set_fund_plan(office, council, year=2021, planned=spent + 100_000, note="Dự toán")
    assert fund_ledger(council, 2021).remaining == 100_000
    services.revoke_certificate(
        leader,
        decision.certificates.get(),
        reason="Sai đối tượng",
        signed_on=datetime.date(2021, 12, 28),
    )
    ledger = fund_ledger(council, 2021)
    assert ledger.returned >= 447_000 and ledger.remaining == 100_000 + 447_000
    assert [line["entry"].kind for line in ledger.lines][-1] == FundEntryKind.RETURN


def test_the_plan_is_typed_by_the_office_with_vietnamese_messages(demo_user):
    client = Client()
    client.force_login(demo_user("thuongtruc"))
    url = reverse("awards:fund_plan")
    before = list(FundPlan.objects.values_list("council_id", "year", "planned"))
    for typed, message in (
        ("abc", "Số tiền không hợp lệ"),
        ("1,5", "Số tiền không hợp lệ"),
        ("", "Cần nhập số tiền quỹ dự kiến."),
        ("9.000.000.000.000", "Số tiền quỹ quá lớn"),
    ):
        response = client.post(url, {"year": "2021", "planned": typed})
        assert response.status_code == 400 and message in response.content.decode()
    assert list(FundPlan.objects.values_list("council_id", "year", "planned")) == before
    response = client.post(url, {"year": "2021", "planned": "150.000.000", "note": "Dự toán"})
    assert response.status_code == 302
    assert FundPlan.objects.get(council=_district(demo_user), year=2021).planned == 150_000_000
    page = client.get(reverse("awards:fund_ledger"), {"year": 2021}).content.decode()
    assert "150.000.000 đ" in page.split('data-testid="fund-planned"')[1].split("</div>")[0]


def test_an_overspent_fund_is_warned_on_the_page_and_when_issuing(demo_user):
    council = _district(demo_user)
    set_fund_plan(demo_user("thuongtruc"), council, year=2021, planned=0)
    voted = to_voted(demo_user, new_draft(demo_user))
    client = Client()
    client.force_login(demo_user("chutich"))
    response = client.post(
        reverse("awards:decision_create"),
        {"nominations": [voted.pk], "signed_on": "2021-12-20", "subject": "Về việc khen"},
        follow=True,
    )
    assert "Quỹ thi đua, khen thưởng năm 2021 đã chi vượt dự kiến" in response.content.decode()
    page = client.get(reverse("awards:fund_ledger"), {"year": 2021}).content.decode()
    assert 'data-testid="fund-overspent"' in page


def test_the_fund_page_is_the_councils_own(demo_user):
    client = Client()
    client.force_login(demo_user("canbo.hoangliet"))  # a ward's officer: not the council side
    assert client.get(reverse("awards:fund_ledger")).status_code == 404
    client.force_login(demo_user("chutich"))
    page = client.get(reverse("awards:fund_ledger"), {"year": 2021}).content.decode()
    assert _district(demo_user).name in page
    assert 'data-testid="fund-plan-form"' not in page  # the chairman reads, the office plans
    response = client.post(reverse("awards:fund_plan"), {"year": "2021", "planned": "1"})
    assert response.status_code == 403
    assert not FundPlan.objects.filter(year=2021, planned=1).exists()


def test_the_ledger_spreadsheet_has_the_plan_each_decision_and_the_totals(demo_user):
    council = _district(demo_user)
    decision = _decide(demo_user)
    set_fund_plan(demo_user("thuongtruc"), council, year=2021, planned=10_000_000)
    client = Client()
    client.force_login(demo_user("thuongtruc"))
    response = client.get(reverse("awards:fund_export"), {"year": 2021})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert any(row[2] == "Quỹ dự kiến" and row[7] == 10_000_000 for row in rows)
    mine = [row for row in rows if row[3] == decision.reference and row[5] == 447_000]
    assert mine
    ledger = fund_ledger(council, 2021)
    total = rows[-1]
    assert total[2] == "Tổng cộng" and total[5] == ledger.spent and total[7] == ledger.remaining


def test_the_fund_page_costs_the_same_with_many_movements(demo_user):
    council = _district(demo_user)
    client = Client()
    client.force_login(demo_user("thuongtruc"))
    numbers = numbering()

    def grow(count):
        decisions = Decision.objects.bulk_create(
            Decision(
                issuer=council.unit,
                year=2021,
                external_reference=f"{next(numbers)}/QĐ-TEST",
                signed_on=SIGNED,
                subject="Về việc khen thưởng",
            )
            for _ in range(count)
        )
        FundEntry.objects.bulk_create(
            FundEntry(
                council=council,
                year=2021,
                kind=FundEntryKind.BONUS,
                on=SIGNED,
                amount=1000,
                decision=decision,
            )
            for decision in decisions
        )

    assert_flat(
        client, reverse("awards:fund_ledger"), grow, data={"year": 2021}, marker=">1.000 đ<"
    )
