from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    STANDING_OFFICE = "standing_office", _("Cơ quan thường trực")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng")
    LEADER = "leader", _("Lãnh đạo (Chủ tịch)")
    UNIT_OFFICER = "unit_officer", _("Cán bộ đơn vị")
    CLUSTER_HEAD = "cluster_head", _("Cụm trưởng")


class User(AbstractUser):
    role = models.CharField(_("Vai trò"), max_length=30, choices=Role.choices)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Đơn vị mà tài khoản thuộc về; cán bộ đơn vị chỉ thấy đơn vị này và cấp dưới."),
    )
    council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("Tài khoản")
        verbose_name_plural = _("Tài khoản")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    """A seat a user holds: a role in one council, for one unit, between two dates.

    A user may hold several (an officer of a ward who also sits on the city's council).
    `User.role`, `User.unit` and `User.council` are the acting membership: the one chosen
    for the session (`accounts.councils`, set on the request's user by
    `ActingMembershipMiddleware`) or, where there is no session (the API with a password,
    commands, background jobs), the one stored on the account. Keeping those three fields
    lets every scope check, permission and page read the acting seat as before.
    """

    user = models.ForeignKey(
        User, verbose_name=_("Tài khoản"), on_delete=models.CASCADE, related_name="memberships"
    )
    council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("Vai trò"), max_length=30, choices=Role.choices)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    valid_from = models.DateField(_("Hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("Hiệu lực đến"), null=True, blank=True)

    class Meta:
        ordering = ["council_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "council", "role", "unit"], name="unique_user_membership"
            )
        ]
        verbose_name = _("Tư cách thành viên")
        verbose_name_plural = _("Tư cách thành viên")

    def __str__(self) -> str:
        unit = f" · {self.unit}" if self.unit_id else ""
        return f"{self.council} — {self.get_role_display()}{unit}"

    def is_current(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )
