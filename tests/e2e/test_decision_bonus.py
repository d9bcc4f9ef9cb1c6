"""A decision's page shows each award's bonus and the total, as its certificates keep them."""

from vinhdanh.awards.models import Decision


def _dong(text: str) -> int:
    return int(text.replace("đ", "").replace(".", "").strip() or 0)


def test_the_decision_page_shows_amounts_and_their_total(login, site):
    decision = (
        Decision.objects.filter(number__isnull=False, certificates__bonus_amount__isnull=False)
        .distinct()
        .first()
    )
    kept = sum(c.bonus_amount or 0 for c in decision.certificates.all())
    page = login("thuongtruc")
    page.goto(f"{site}/awards/decisions/{decision.pk}/")
    table = page.get_by_test_id("decision-awards")
    assert "Tiền thưởng" in table.locator("thead").inner_text()
    amounts = [_dong(text) for text in table.get_by_test_id("bonus-amount").all_inner_texts()]
    assert len(amounts) == decision.certificates.count()
    total = _dong(table.get_by_test_id("bonus-total").inner_text())
    assert total == sum(amounts) == kept > 0
    assert "lương cơ sở từ" in table.locator("tbody").inner_text()
