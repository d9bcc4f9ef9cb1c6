"""A council meeting through the browser: the secretary creates it, puts a dossier on the
agenda, records who attended and the count in the room, closes it and downloads the minutes."""

import io
import re

from docx import Document

from vinhdanh.awards.models import Meeting, Nomination, State
from vinhdanh.org.models import CouncilMember


def test_secretary_runs_a_meeting_and_downloads_its_minutes(login, site, tmp_path):
    dossier = Nomination.objects.get(state=State.ANNOUNCED)
    page = login("thuongtruc")
    page.goto(f"{site}/awards/meetings/")
    page.get_by_test_id("meeting-new").click()
    page.wait_for_url(re.compile(r".*/awards/meetings/new/$"))
    form = page.get_by_test_id("meeting-form")
    form.locator("[name=title]").fill("Phiên họp xét khen thưởng năm 2021")
    form.locator("[name=held_on]").fill("2021-12-10")
    form.locator("[name=place]").fill("Hội trường UBND quận")
    form.locator("[name=secretary]").fill("Lê Thư Ký")
    form.locator("button").click()
    page.wait_for_url(re.compile(r".*/awards/meetings/\d+/$"))
    meeting = Meeting.objects.get(title="Phiên họp xét khen thưởng năm 2021")
    assert "Dự kiến" in page.get_by_test_id("meeting-state").inner_text()

    agenda = page.get_by_test_id("agenda-add")
    agenda.locator("select[name=nomination]").select_option(str(dossier.pk))
    agenda.locator("button").click()
    page.wait_for_load_state()
    assert dossier.subject_name in page.get_by_test_id("agenda").inner_text()

    # Opening with nobody marked present is refused, with the reason.
    page.get_by_test_id("step-open").locator("button").click()
    page.wait_for_load_state()
    assert "Chưa đủ số thành viên có mặt" in page.get_by_test_id("form-errors").inner_text()

    members = list(CouncilMember.objects.filter(council=meeting.council).order_by("pk"))
    attendance = page.get_by_test_id("attendance-form")
    for member in members[:7]:
        attendance.locator(f"select[name=member_{member.pk}]").select_option("present")
    attendance.locator(f"select[name=member_{members[7].pk}]").select_option("written")
    attendance.locator("button").click()
    page.wait_for_load_state()
    assert "7/9" in page.get_by_test_id("attendance").inner_text()
    page.get_by_test_id("step-open").locator("button").click()
    page.wait_for_load_state()
    assert "Đang họp" in page.get_by_test_id("meeting-state").inner_text()

    count = page.locator("[data-testid^=count-]")
    count.locator("[name=room_agree]").fill("6")
    count.locator("[name=room_disagree]").fill("1")
    count.locator("[name=written_agree]").fill("1")
    count.locator("button").click()
    page.wait_for_load_state()
    tally = page.get_by_test_id("item-tally").inner_text()
    assert "Đồng ý 7" in tally and "chưa biểu quyết: 0" in tally

    # Closing is final: the secretary ticks the confirmation first.
    close = page.get_by_test_id("step-close")
    close.locator("[name=confirm]").check()
    close.locator("button").click()
    page.wait_for_load_state()
    assert "Đã kết thúc" in page.get_by_test_id("meeting-state").inner_text()
    assert "Thông qua" in page.get_by_test_id("item-result").inner_text()
    dossier.refresh_from_db()
    assert dossier.state == State.VOTED

    with page.expect_download() as download:
        page.get_by_test_id("minutes").click()
    path = tmp_path / "bien-ban.docx"
    download.value.save_as(path)
    document = Document(io.BytesIO(path.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "BIÊN BẢN" in text and "có mặt: 7" in text
    assert dossier.subject_name in cells and "7/9" in cells and "Lê Thư Ký" in cells
