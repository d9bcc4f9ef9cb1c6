"""The engine's verdict reaches staff in words ("Đủ điều kiện"), never as "eligible"."""

import re

import pytest
from django.template import Context, Template

from vinhdanh.awards.models import Nomination, State
from vinhdanh.awards.tests.test_eligibility import newcomer, nominate  # noqa: F401

pytestmark = pytest.mark.django_db
CODES = ("eligible", "needs_review", "ineligible")


def _text(html: str) -> str:
    """What a reader sees: the page without its tags and attributes."""
    return re.sub(r"<[^>]*>", " ", html)


def test_the_filter_writes_every_verdict_in_words():
    template = Template("{% load records_extras %}{{ v|verdict_label }}")
    words = [template.render(Context({"v": code})) for code in CODES]
    assert words == ["Đủ điều kiện", "Cần xem xét", "Chưa đủ điều kiện"]
    assert template.render(Context({"v": None})) == "—"


def test_the_appraisal_form_states_the_verdict_in_words(client, demo_user, newcomer):  # noqa: F811
    nomination = nominate(demo_user, newcomer, "lao_dong_tien_tien")
    Nomination.objects.filter(pk=nomination.pk).update(state=State.SUBMITTED)
    client.force_login(demo_user("thuongtruc"))
    page = client.get(f"/awards/{nomination.pk}/").content.decode()
    assert 'data-testid="step-appraise"' in page
    text = _text(page)
    assert re.search(r"Đối chiếu tự động:\s*(Đủ điều kiện|Cần xem xét|Chưa đủ điều kiện)", text)
    assert not any(re.search(rf"\b{code}\b", text) for code in CODES)
