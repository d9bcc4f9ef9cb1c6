"""Council meetings: quorum, the threshold over the whole membership from the settings page,
counts without counting a member twice, closing refused unless the chair confirms, re-votes,
the minutes, the pages' scope and their query budget.

The figures come from law.md §7.3: a threshold counts the council's whole membership, not
those present; absent members give written opinions; the quorum is a provincial rule
(Bắc Ninh: 2/3 of the members), so a setting.
"""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from vinhdanh.accounts.models import Role, User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards import services
from vinhdanh.awards.eligibility import prefilled_checklist
from vinhdanh.awards.meeting_rules import Tally, members_needed, quorum_met
from vinhdanh.awards.models import (
    AttendanceStatus,
    Choice,
    Meeting,
    MeetingState,
    State,
)
from vinhdanh.awards.services import meetings
from vinhdanh.awards.tests.helpers import announce_and_end, attach_all, new_draft
from vinhdanh.core.tests.query_budget import assert_flat, queries
from vinhdanh.org.models import Council, CouncilRole, Unit
from vinhdanh.rules.models import RuleSetting
from vinhdanh.rules.provincial import province_of

PRESENT, WRITTEN, ABSENT = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.WRITTEN,
    AttendanceStatus.ABSENT,
)


# -- pure arithmetic -------------------------------------------------------------------------


def test_quorum_is_a_share_of_the_whole_membership():
    assert members_needed(9, 2 / 3) == 6
    assert not quorum_met(5, 9, 2 / 3)
    assert quorum_met(6, 9, 2 / 3)
    # 80% of 9 is 7.2: eight members.
    assert members_needed(9, 0.8) == 8
    assert members_needed(10, 0.8) == 8
    assert not quorum_met(0, 0, 0.5)
    # Two thirds typed on the settings page as 0.667 or 0.6667 is still six of nine.
    assert members_needed(9, 0.667) == members_needed(9, "0.6667") == 6
    assert members_needed(100, 0.55) == 55


def test_a_tally_refuses_to_count_a_member_twice():
    fine = Tally(members=9, present=6, written=1, online_present=2, online_written=0, room=4,
                 written_counted=1)  # fmt: skip
    assert fine.problems() == [] and fine.present_missing == 0
    too_many = Tally(members=9, present=6, written=1, online_present=2, online_written=1, room=5,
                     written_counted=1)  # fmt: skip
    problems = too_many.problems()
    assert len(problems) == 2
    assert "vượt quá số thành viên có mặt (6)" in problems[0]
    missing = Tally(members=9, present=6, written=0, online_present=1, online_written=0, room=2,
                    written_counted=0)  # fmt: skip
    assert missing.present_missing == 3


# -- services --------------------------------------------------------------------------------


def _announced(demo_user, title_code="giay_khen"):
    office = demo_user("thuongtruc")
    nomination = new_draft(demo_user, title_code=title_code)
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    rows = prefilled_checklist(nomination)[0]
    services.appraise_nomination(
        office,
        nomination,
        passed=True,
        reasons="Đủ tiêu chuẩn; sáng kiến đã được Hội đồng sáng kiến cơ sở công nhận.",
        confirmed={row["rule"]: True for row in rows},
    )
    nomination.refresh_from_db()
    announce_and_end(office, nomination)
    nomination.refresh_from_db()
    return nomination


def _council(office):
    return Council.objects.get(pk=office.council_id)


def _members(office):
    """The demo council's nine members: the chairman and the member with accounts first."""
    members = list(_council(office).members.order_by("pk"))
    assert len(members) == 9
    return members


def _meeting(office, *nominations, present=6, written=0):
    chair = _council(office).members.get(role=CouncilRole.CHAIRMAN)
    meeting = meetings.create_meeting(
        office, title="Phiên họp xét khen thưởng", held_on=timezone.localdate(), chair=chair,
        secretary="Nguyễn Thư Ký", place="Hội trường UBND quận",
    )  # fmt: skip
    for nomination in nominations:
        meetings.add_to_agenda(office, meeting, nomination)
    # Those with accounts (chairman, uyvien) first among the present.
    members = sorted(_members(office), key=lambda m: (m.user_id is None, m.pk))
    statuses = {}
    for index, member in enumerate(members):
        if index < present:
            statuses[member.pk] = PRESENT
        elif index < present + written:
            statuses[member.pk] = WRITTEN
        else:
            statuses[member.pk] = ABSENT
    meetings.set_attendance(office, meeting, statuses)
    meeting.refresh_from_db()
    return meeting


def _open(office, meeting):
    meeting.refresh_from_db()
    return meetings.open_meeting(office, meeting)


def _item(meeting, nomination):
    return meeting.items.select_related("meeting", "vote").get(nomination=nomination)


@pytest.mark.django_db
def test_a_meeting_opens_only_with_a_quorum_and_an_agenda(demo_user):
    office = demo_user("thuongtruc")
    nomination = _announced(demo_user)
    empty = _meeting(office, present=9)
    with pytest.raises(ValidationError, match="Chưa có hồ sơ"):
        _open(office, empty)
    meeting = _meeting(office, present=5)
    meetings.add_to_agenda(office, meeting, nomination)
    with pytest.raises(ValidationError, match=r"Chưa đủ số thành viên có mặt: 5/9, cần ít nhất 6"):
        _open(office, meeting)
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.DRAFT
    nomination.refresh_from_db()
    assert nomination.state == State.ANNOUNCED
    members = _members(office)
    absent = next(m for m in members if meeting.attendance.get(member=m).status == ABSENT)
    meetings.set_attendance(office, meeting, {absent.pk: PRESENT})
    opened = _open(office, meeting)
    assert opened.state == MeetingState.OPEN and opened.members_count == 9
    assert "meeting_quorum" in opened.quorum_note
    nomination.refresh_from_db()
    assert nomination.state == State.VOTING
    assert opened.transitions.get().to_state == MeetingState.OPEN


@pytest.mark.django_db
def test_the_quorum_comes_from_the_settings_page(demo_user):
    office = demo_user("thuongtruc")
    province = province_of(_council(office).unit)
    RuleSetting.objects.create(province=province, name="meeting_quorum", value=0.8)
    meeting = _meeting(office, _announced(demo_user), present=7)
    with pytest.raises(ValidationError, match="7/9, cần ít nhất 8"):
        _open(office, meeting)


@pytest.mark.django_db
def test_the_threshold_counts_the_whole_membership_not_those_present(demo_user):
    office = demo_user("thuongtruc")
    first, second = _announced(demo_user), _announced(demo_user)
    meeting = _open(office, _meeting(office, first, second, present=6))
    # Giấy khen has no share of its own: more than half of the nine members must agree.
    meetings.record_count(office, _item(meeting, first), room_agree=4, room_disagree=2)
    meetings.record_count(office, _item(meeting, second), room_agree=5, room_disagree=1)
    meeting.refresh_from_db()
    meetings.close_meeting(office, meeting)
    first.refresh_from_db()
    second.refresh_from_db()
    # 4 of the 6 present is two thirds, but 4 of 9 members is not more than half.
    assert first.state == State.NOT_APPROVED
    assert second.state == State.VOTED
    vote = second.votes.first()
    assert (vote.agree, vote.disagree, vote.members_count) == (5, 1, 9)
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.CLOSED and meeting.close_reason == ""


@pytest.mark.django_db
def test_the_vote_threshold_is_the_settings_page_value_not_the_catalogue(demo_user):
    office = demo_user("thuongtruc")
    province = province_of(_council(office).unit)
    RuleSetting.objects.create(
        province=province, name="vote_thresholds", value={"chien_si_thi_dua_co_so": 0.7}
    )
    RuleSetting.objects.create(province=province, name="vote_default_threshold", value=0.6)
    cstdcs = _announced(demo_user, title_code="chien_si_thi_dua_co_so")
    giay_khen = _announced(demo_user)
    meeting = _open(office, _meeting(office, cstdcs, giay_khen, present=9))
    own = _item(meeting, cstdcs).vote
    default = _item(meeting, giay_khen).vote
    assert (own.threshold, own.strictly_above) == (Decimal("0.700"), False)
    assert (default.threshold, default.strictly_above) == (Decimal("0.600"), True)
    # 7 of 9 reaches 70% (the catalogue's 80% would need 8); 6 of 9 is 66.7% > 60%.
    meetings.record_count(office, _item(meeting, cstdcs), room_agree=7, room_disagree=2)
    meetings.record_count(office, _item(meeting, giay_khen), room_agree=6, room_disagree=3)
    meeting.refresh_from_db()
    meetings.close_meeting(office, meeting)
    cstdcs.refresh_from_db()
    giay_khen.refresh_from_db()
    assert cstdcs.state == State.VOTED and giay_khen.state == State.VOTED


@pytest.mark.django_db
def test_online_votes_and_recorded_counts_combine_without_counting_a_member_twice(demo_user):
    office, member = demo_user("thuongtruc"), demo_user("uyvien")
    nomination = _announced(demo_user)
    meeting = _open(office, _meeting(office, nomination, present=6, written=1))
    item = _item(meeting, nomination)
    meetings.vote_online(member, item, choice=Choice.AGREE)
    # Six present: uyvien voted online, so the room counts five at most.
    with pytest.raises(ValidationError, match="vượt quá số thành viên có mặt"):
        meetings.record_count(office, item, room_agree=6)
    meetings.record_count(office, item, room_agree=4, room_disagree=1, written_agree=1)
    item.refresh_from_db()
    assert item.room_total == 5 and item.written_total == 1
    # The chairman was counted in the room already: an online vote now would count twice.
    chairman = demo_user("chutich")
    with pytest.raises(ValidationError, match="đã được tính trong số phiếu"):
        meetings.vote_online(chairman, item, choice=Choice.DISAGREE)
    assert item.vote.ballots.count() == 1
    meeting.refresh_from_db()
    meetings.close_meeting(office, meeting)
    vote = item.vote
    vote.refresh_from_db()
    assert (vote.agree, vote.disagree, vote.abstain) == (6, 1, 0)
    nomination.refresh_from_db()
    assert nomination.state == State.VOTED


@pytest.mark.django_db
def test_an_absent_member_cannot_vote_online_nor_be_marked_absent_after_voting(demo_user):
    office, member = demo_user("thuongtruc"), demo_user("uyvien")
    nomination = _announced(demo_user)
    meeting = _open(office, _meeting(office, nomination, present=9))
    item = _item(meeting, nomination)
    meetings.vote_online(member, item, choice=Choice.AGREE)
    seat = member.council_membership
    with pytest.raises(ValidationError, match="đã bỏ phiếu nên không thể ghi vắng mặt"):
        meetings.set_attendance(office, meeting, {seat.pk: ABSENT})
    other = _council(office).members.exclude(pk=seat.pk).exclude(user=None).get()
    meetings.set_attendance(office, meeting, {other.pk: ABSENT})
    with pytest.raises(ValidationError, match="vắng mặt"):
        meetings.vote_online(demo_user("chutich"), item, choice=Choice.AGREE)
    with pytest.raises(PermissionDenied):
        meetings.vote_online(office, item, choice=Choice.AGREE)


@pytest.mark.django_db
def test_closing_is_refused_while_present_members_have_not_voted(demo_user):
    office, chair = demo_user("thuongtruc"), demo_user("chutich")
    nomination = _announced(demo_user)
    meeting = _open(office, _meeting(office, nomination, present=9))
    item = _item(meeting, nomination)
    # Two of nine voted, the way the vote was closed before without a word.
    meetings.vote_online(demo_user("uyvien"), item, choice=Choice.AGREE)
    meetings.vote_online(chair, item, choice=Choice.AGREE)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        meetings.close_meeting(office, meeting)
    text = " ".join(refused.value.messages)
    assert "còn 7 thành viên chưa biểu quyết" in text and "Chủ tịch Hội đồng" in text
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.OPEN
    nomination.refresh_from_db()
    assert nomination.state == State.VOTING
    # The chair may close, but only with a written reason.
    with pytest.raises(ValidationError, match="Cần ghi rõ lý do"):
        meetings.close_meeting(chair, meeting)
    reason = "Bảy thành viên rời phòng họp trước khi kiểm phiếu; Hội đồng sẽ xét lại."
    closed = meetings.close_meeting(chair, meeting, override_reason=reason)
    assert closed.state == MeetingState.CLOSED and closed.close_reason == reason
    assert reason in closed.transitions.get(to_state=MeetingState.CLOSED).note
    nomination.refresh_from_db()
    assert nomination.state == State.NOT_APPROVED
    assert reason in nomination.transitions.get(action="close_vote").note
    assert AuditEntry.objects.filter(action="awards.meeting.close", note__contains=reason).exists()
    assert AuditEntry.objects.filter(action="awards.vote.close", note=reason).exists()


@pytest.mark.django_db
def test_closing_a_vote_outside_a_meeting_needs_every_member_or_the_chair(demo_user):
    office, chair = demo_user("thuongtruc"), demo_user("chutich")
    nomination = _announced(demo_user)
    vote = services.open_vote(office, nomination)
    members = _members(office)
    for member in members[:2]:
        services.record_ballot(office, vote, member=member, choice=Choice.AGREE)
    nomination.refresh_from_db()
    with pytest.raises(ValidationError, match="còn 7 thành viên chưa biểu quyết"):
        services.close_vote(office, vote)
    with pytest.raises(ValidationError, match="Cần ghi rõ lý do"):
        services.close_vote(chair, vote)
    for member in members[2:]:
        services.record_ballot(office, vote, member=member, choice=Choice.DISAGREE)
    closed = services.close_vote(office, vote)
    assert (closed.agree, closed.disagree, closed.passed) == (2, 7, False)


@pytest.mark.django_db
def test_a_dossier_not_passed_is_put_to_a_later_meeting(demo_user):
    office = demo_user("thuongtruc")
    nomination = _announced(demo_user)
    first = _open(office, _meeting(office, nomination, present=6))
    meetings.record_count(office, _item(first, nomination), room_agree=3, room_disagree=3)
    first.refresh_from_db()
    meetings.close_meeting(office, first)
    nomination.refresh_from_db()
    assert nomination.state == State.NOT_APPROVED
    second = _meeting(office, present=8)
    # On one pending meeting at a time.
    meetings.add_to_agenda(office, second, nomination)
    third = _meeting(office, present=8)
    with pytest.raises(ValidationError, match="chưa kết thúc"):
        meetings.add_to_agenda(office, third, nomination)
    second = _open(office, second)
    nomination.refresh_from_db()
    assert nomination.state == State.VOTING
    meetings.record_count(office, _item(second, nomination), room_agree=7, room_abstain=1)
    second.refresh_from_db()
    meetings.close_meeting(office, second)
    nomination.refresh_from_db()
    assert nomination.state == State.VOTED
    assert list(nomination.votes.values_list("passed", flat=True)) == [True, False]


@pytest.mark.django_db
def test_only_dossiers_after_the_notice_go_on_the_agenda(demo_user):
    office = demo_user("thuongtruc")
    draft = new_draft(demo_user)
    meeting = _meeting(office)
    with pytest.raises(ValidationError, match="Chỉ đưa ra phiên họp"):
        meetings.add_to_agenda(office, meeting, draft)
    with pytest.raises(PermissionDenied):
        meetings.add_to_agenda(demo_user("uyvien"), meeting, _announced(demo_user))


@pytest.mark.django_db
def test_the_minutes_list_attendance_results_and_signers(demo_user):
    office = demo_user("thuongtruc")
    nomination = _announced(demo_user)
    meeting = _open(office, _meeting(office, nomination, present=6, written=1))
    meetings.record_count(office, _item(meeting, nomination), room_agree=6, written_agree=1)
    meeting.refresh_from_db()
    meetings.close_meeting(office, meeting)
    client = Client()
    client.force_login(office)
    response = client.get(reverse("awards:meeting_minutes", args=[meeting.pk]))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "BIÊN BẢN" in text
    assert "có mặt: 6; vắng mặt có ý kiến bằng văn bản: 1; vắng mặt: 2" in text
    assert nomination.subject_name in cells and "Thông qua" in cells and "7/9" in cells
    assert "Vắng mặt, có ý kiến bằng văn bản" in cells
    assert "THƯ KÝ" in cells and "CHỦ TRÌ" in cells and "Nguyễn Thư Ký" in cells
    chairman = _council(office).members.get(role=CouncilRole.CHAIRMAN)
    assert chairman.person.full_name in cells


# -- pages -----------------------------------------------------------------------------------


def _ward_office(code: str, username: str):
    ward = Unit.objects.get(code=code)
    council = Council.objects.create(unit=ward, name=f"Hội đồng {ward.name}", standing_office=ward)
    return User.objects.create_user(
        username=username, password="x", role=Role.STANDING_OFFICE, unit=ward, council=council
    )


@pytest.mark.django_db
def test_another_councils_meeting_is_not_found(demo_user, client):
    office_a = _ward_office("phuong-hoang-liet", "thuongtruc.hoangliet")
    office_b = _ward_office("phuong-dinh-cong", "thuongtruc.dinhcong")
    meeting_a = meetings.create_meeting(
        office_a, title="Phiên họp phường Hoàng Liệt", held_on=timezone.localdate()
    )
    district = meetings.create_meeting(
        demo_user("thuongtruc"), title="Phiên họp Quận", held_on=timezone.localdate()
    )
    detail_a = reverse("awards:meeting_detail", args=[meeting_a.pk])
    client.force_login(office_b)
    assert client.get(detail_a).status_code == 404
    assert client.get(reverse("awards:meeting_minutes", args=[meeting_a.pk])).status_code == 404
    response = client.post(reverse("awards:meeting_step", args=[meeting_a.pk, "open"]))
    assert response.status_code == 404
    assert (
        "Phiên họp phường Hoàng Liệt"
        not in client.get(reverse("awards:meeting_list")).content.decode()
    )
    # The district above sees none of a ward council's meetings, nor the ward the district's.
    client.force_login(demo_user("thuongtruc"))
    assert client.get(detail_a).status_code == 404
    assert client.get(reverse("awards:meeting_detail", args=[district.pk])).status_code == 200
    client.force_login(office_a)
    assert client.get(detail_a).status_code == 200
    assert client.get(reverse("awards:meeting_detail", args=[district.pk])).status_code == 404
    # A ward's officer has no meetings page at all.
    client.force_login(demo_user("canbo.hoangliet"))
    assert client.get(reverse("awards:meeting_list")).status_code == 403


@pytest.mark.django_db
def test_the_secretary_runs_a_meeting_through_its_pages(demo_user, client):
    office = demo_user("thuongtruc")
    nomination = _announced(demo_user)
    client.force_login(office)
    response = client.post(
        reverse("awards:meeting_create"),
        {"title": "", "held_on": "2021-12-01"},
    )
    assert response.status_code == 400 and "Cần nhập tên phiên họp." in response.content.decode()
    response = client.post(
        reverse("awards:meeting_create"),
        {"title": "Phiên họp tháng 12", "held_on": "2021-12-01", "place": "Hội trường"},
    )
    meeting = Meeting.objects.get(title="Phiên họp tháng 12")
    assert response.status_code == 302
    detail = reverse("awards:meeting_detail", args=[meeting.pk])
    client.post(reverse("awards:meeting_agenda", args=[meeting.pk]), {"nomination": nomination.pk})
    assert meeting.items.get().nomination == nomination
    # Opening without a quorum: the page again, with the reason.
    response = client.post(
        reverse("awards:meeting_step", args=[meeting.pk, "open"]), {"version": meeting.version}
    )
    assert (
        response.status_code == 400 and "Chưa đủ số thành viên có mặt" in response.content.decode()
    )
    members = _members(office)
    data = {f"member_{m.pk}": PRESENT for m in members[:7]}
    data.update({f"member_{m.pk}": ABSENT for m in members[7:]})
    client.post(reverse("awards:meeting_attendance", args=[meeting.pk]), data)
    assert meeting.attendance.filter(status=PRESENT).count() == 7
    meeting.refresh_from_db()
    client.post(
        reverse("awards:meeting_step", args=[meeting.pk, "open"]), {"version": meeting.version}
    )
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.OPEN
    item = meeting.items.get()
    response = client.post(
        reverse("awards:meeting_count", args=[meeting.pk, item.pk]), {"room_agree": "-1"}
    )
    assert response.status_code == 400
    assert "Số phiếu phải là số nguyên không âm." in response.content.decode()
    client.post(
        reverse("awards:meeting_count", args=[meeting.pk, item.pk]),
        {"room_agree": "6", "room_disagree": "1"},
    )
    meeting.refresh_from_db()
    close = reverse("awards:meeting_step", args=[meeting.pk, "close"])
    response = client.post(close, {"version": meeting.version})
    assert response.status_code == 400
    assert "Đánh dấu ô xác nhận" in response.content.decode()
    client.post(close, {"version": meeting.version, "confirm": "on"})
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.CLOSED
    page = client.get(detail).content.decode()
    result = page[page.index('data-testid="item-result"') :][:400]
    assert "Thông qua" in result and " ".join(result.split()).count("Đồng ý 6,") == 1


@pytest.mark.django_db
def test_a_dossier_is_put_to_a_meeting_from_its_own_page(demo_user, client):
    office = demo_user("thuongtruc")
    nomination = _announced(demo_user)
    meeting = meetings.create_meeting(
        office, title="Phiên họp sắp tới", held_on=timezone.localdate()
    )
    client.force_login(office)
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert 'data-testid="to-meeting"' in page and "Phiên họp sắp tới" in page
    client.post(
        reverse("awards:nomination_to_meeting", args=[nomination.pk]), {"meeting": meeting.pk}
    )
    assert meeting.items.filter(nomination=nomination).exists()
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert 'data-testid="to-meeting"' not in page
    assert reverse("awards:meeting_detail", args=[meeting.pk]) in page


@pytest.mark.django_db
def test_the_meeting_list_costs_the_same_with_many_meetings(demo_user, client):
    office = demo_user("thuongtruc")
    council = _council(office)
    client.force_login(office)

    def grow(count):
        Meeting.objects.bulk_create(
            Meeting(council=council, title=f"Phiên họp {i}", held_on=timezone.localdate())
            for i in range(count)
        )

    response = assert_flat(client, reverse("awards:meeting_list"), grow, few=3, many=40)
    assert response.content.decode().count('data-testid="meeting-row"') == 25


@pytest.mark.django_db
def test_the_meeting_page_costs_the_same_with_more_dossiers(demo_user, client):
    office = demo_user("thuongtruc")
    meeting = _open(office, _meeting(office, _announced(demo_user), present=9))
    client.force_login(office)
    url = reverse("awards:meeting_detail", args=[meeting.pk])
    few, _ = queries(client, url)
    for _ in range(3):
        meetings.add_to_agenda(office, meeting, _announced(demo_user))
    many, response = queries(client, url)
    assert response.content.decode().count('data-testid="agenda-item"') == 4
    # The dossiers, their votes and ballots are read at once: no query per dossier or member.
    assert many == few


@pytest.mark.django_db
def test_a_vote_held_at_a_meeting_is_counted_only_on_the_meeting_page(demo_user, client):
    office = demo_user("thuongtruc")
    nomination = _announced(demo_user)
    meeting = _open(office, _meeting(office, nomination, present=6))
    vote = _item(meeting, nomination).vote
    absent = meeting.attendance.filter(status=ABSENT).first().member
    # A paper ballot for an absent member would escape the attendance check.
    with pytest.raises(ValidationError, match="trên trang phiên họp"):
        services.record_ballot(office, vote, member=absent, choice=Choice.AGREE)
    with pytest.raises(ValidationError, match="trên trang phiên họp"):
        services.cast_ballot(demo_user("uyvien"), vote, choice=Choice.AGREE)
    client.force_login(office)
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert 'data-testid="paper-ballots"' not in page
    assert reverse("awards:meeting_detail", args=[meeting.pk]) in page


@pytest.mark.django_db
def test_a_present_member_votes_online_on_the_meeting_page(demo_user, client):
    office, member = demo_user("thuongtruc"), demo_user("uyvien")
    nomination = _announced(demo_user)
    meeting = _open(office, _meeting(office, nomination, present=8))
    item = _item(meeting, nomination)
    url = reverse("awards:meeting_ballot", args=[meeting.pk, item.pk])
    client.force_login(member)
    page = client.get(reverse("awards:meeting_detail", args=[meeting.pk])).content.decode()
    assert f'data-testid="ballot-{item.pk}"' in page
    assert client.post(url, {"choice": "maybe"}).status_code == 400
    assert client.post(url, {"choice": Choice.DISAGREE}).status_code == 302
    assert list(item.vote.ballots.values_list("member__user", "choice")) == [
        (member.pk, Choice.DISAGREE)
    ]
    # The secretary is no member: no ballot form, and a forged POST is refused.
    client.force_login(office)
    page = client.get(reverse("awards:meeting_detail", args=[meeting.pk])).content.decode()
    assert f'data-testid="ballot-{item.pk}"' not in page
    response = client.post(url, {"choice": Choice.AGREE})
    assert response.status_code == 400 and "Chỉ thành viên Hội đồng" in response.content.decode()
    assert item.vote.ballots.count() == 1
