"""Council meetings (phiên họp Hội đồng): the agenda, who attended, and each dossier's count.

A meeting moves draft → open → closed through the `MEETINGS` workflow (awards/meetings.py).
Each dossier put to it is an `AgendaItem`; when the meeting opens, the item's vote opens (a
`CouncilVote` of the nomination), members may vote online while it is open, and the secretary
records the counts from the room and the absentees' written opinions. Every count is checked
against the attendance so that no member is counted twice.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.models.nomination import Nomination
from vinhdanh.awards.models.review import CouncilVote
from vinhdanh.workflow.models import TransitionRecord


class MeetingState(models.TextChoices):
    DRAFT = "draft", _("Dự kiến")
    OPEN = "open", _("Đang họp")
    CLOSED = "closed", _("Đã kết thúc")


class Meeting(models.Model):
    council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    title = models.CharField(_("Tên phiên họp"), max_length=255)
    held_on = models.DateField(_("Ngày họp"))
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    chair = models.ForeignKey(
        "org.CouncilMember",
        verbose_name=_("Chủ trì"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    secretary = models.CharField(_("Thư ký"), max_length=255, blank=True)
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=MeetingState.choices, default=MeetingState.DRAFT
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    # Kept when the meeting opens: later changes to the council or the settings do not
    # change what this meeting was held under.
    members_count = models.PositiveSmallIntegerField(
        _("Tổng số thành viên Hội đồng"), null=True, blank=True
    )
    quorum = models.DecimalField(
        _("Tỷ lệ có mặt tối thiểu"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    quorum_note = models.CharField(_("Căn cứ tỷ lệ có mặt"), max_length=300, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The chair's written reason to close while present members had not voted.
    close_reason = models.TextField(_("Lý do kết thúc khi chưa đủ phiếu"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["council", "held_on"], name="meeting_council_day")]
        verbose_name = _("Phiên họp Hội đồng")
        verbose_name_plural = _("Phiên họp Hội đồng")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Có mặt")
    WRITTEN = "written", _("Vắng mặt, có ý kiến bằng văn bản")
    ABSENT = "absent", _("Vắng mặt")


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(
        "org.CouncilMember",
        verbose_name=_("Thành viên"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("Tham dự"),
        max_length=10,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.ABSENT,
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member")
        ]
        verbose_name = _("Tham dự phiên họp")
        verbose_name_plural = _("Tham dự phiên họp")

    def __str__(self) -> str:
        return f"{self.member_id}: {self.status}"


class AgendaItem(models.Model):
    """One dossier put to a meeting, with the counts the secretary recorded for it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("Hồ sơ"),
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    vote = models.OneToOneField(
        CouncilVote, on_delete=models.PROTECT, null=True, blank=True, related_name="agenda_item"
    )
    # Counted in the room (the present members who did not vote online) ...
    room_agree = models.PositiveSmallIntegerField(_("Đồng ý (tại phòng họp)"), default=0)
    room_disagree = models.PositiveSmallIntegerField(_("Không đồng ý (tại phòng họp)"), default=0)
    room_abstain = models.PositiveSmallIntegerField(
        _("Không biểu quyết (tại phòng họp)"), default=0
    )
    # ... and the written opinions of absent members (those who did not send one online).
    written_agree = models.PositiveSmallIntegerField(_("Đồng ý (ý kiến bằng văn bản)"), default=0)
    written_disagree = models.PositiveSmallIntegerField(
        _("Không đồng ý (ý kiến bằng văn bản)"), default=0
    )
    written_abstain = models.PositiveSmallIntegerField(
        _("Không biểu quyết (ý kiến bằng văn bản)"), default=0
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "nomination"], name="one_item_per_dossier")
        ]
        verbose_name = _("Hồ sơ đưa ra phiên họp")
        verbose_name_plural = _("Hồ sơ đưa ra phiên họp")

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.nomination_id}"

    @property
    def room_total(self) -> int:
        return self.room_agree + self.room_disagree + self.room_abstain

    @property
    def written_total(self) -> int:
        return self.written_agree + self.written_disagree + self.written_abstain


class MeetingTransition(TransitionRecord):
    """A meeting's history: one row per step the MEETINGS workflow applied."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("Từ trạng thái"), max_length=20, choices=MeetingState.choices)
    to_state = models.CharField(_("Sang trạng thái"), max_length=20, choices=MeetingState.choices)
