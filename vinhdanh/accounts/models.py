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
