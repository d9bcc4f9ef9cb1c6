"""The public list says when each dossier is open to comments and what it was achieved for."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse

from vinhdanh.awards.models import Nomination, PublicNotice, State

pytestmark = pytest.mark.django_db
CSS = Path(__file__).resolve().parents[2] / "core" / "static" / "core" / "app.css"


def test_each_row_shows_its_notice_dates_and_achievement_summary(client, demo):
    nomination = Nomination.objects.filter(state=State.ANNOUNCED).first()
    Nomination.objects.filter(pk=nomination.pk).update(
        achievements="Dẫn đầu phong trào thi đua. " * 20
    )
    PublicNotice.objects.create(
        nomination=nomination,
        starts_on=dt.date(2021, 11, 2),
        ends_on=dt.date(2021, 11, 16),
        where="Bảng tin trụ sở phường",
    )
    html = client.get(reverse("awards:public_list"), {"year": nomination.year}).content.decode()
    assert "Từ 02/11/2021 đến 16/11/2021" in html and "Bảng tin trụ sở phường" in html
    assert "Dẫn đầu phong trào thi đua." in html
    # A summary, not the whole text: 240 characters at most.
    assert ("Dẫn đầu phong trào thi đua. " * 20).strip() not in html


def test_a_dossier_without_notice_says_so_with_a_dash(client, demo):
    PublicNotice.objects.all().delete()
    html = client.get(reverse("awards:public_list")).content.decode()
    cells = re.findall(r'data-testid="public-notice"[^>]*>(.*?)</td>', html, re.S)
    assert cells and all(cell.strip() == "—" for cell in cells)


def test_the_list_stacks_into_cards_on_a_phone(client, demo):
    html = client.get(reverse("awards:public_list")).content.decode()
    assert "table-stack" in html and 'data-label="Tóm tắt thành tích"' in html
    css = CSS.read_text()
    assert "@media (max-width: 767.98px)" in css and ".table-stack thead { display: none; }" in css
