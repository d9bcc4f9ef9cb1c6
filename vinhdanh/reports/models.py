"""What the statistics forms need that the rest of Vinh Danh does not keep.

- `PersonCategory`: a person's category for the forms (reports.categories), dated per year;
- `WorkBody` (form 0604): the bodies of a council's organisation that do the emulation and
  commendation work, per year;
- `WorkStaff` (form 0605): the civil servants doing that work, per council and year, with
  what the form counts them by (sex, age, training, years in the work).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.reports.categories import Category


class PersonCategory(models.Model):
    person = models.ForeignKey(
        "org.Person", verbose_name=_("Cá nhân"), on_delete=models.CASCADE,
        related_name="categories",
    )  # fmt: skip
    year = models.PositiveSmallIntegerField(_("Năm"))
    category = models.CharField(_("Phân loại"), max_length=30, choices=Category.choices)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["person", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="unique_person_category_year")
        ]
        verbose_name = _("Phân loại cá nhân theo năm")
        verbose_name_plural = _("Phân loại cá nhân theo năm")

    def __str__(self) -> str:
        return f"{self.person_id} {self.year}: {self.category}"


class WorkBodyKind(models.TextChoices):
    # The rows of form 0604, and what a district or a ward has in their stead.
    DEPARTMENT_OF_MINISTRY = (
        "ministry_department",
        _("Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương"),
    )
    SECTION_OF_DEPARTMENT = "ministry_section", _("Cấp phòng, ban hoặc bộ phận thuộc Vụ")
    BOARD_OF_HOME_AFFAIRS = "home_affairs_board", _("Cấp ban thuộc Sở Nội vụ")
    SECTION_OF_HOME_AFFAIRS = "home_affairs_section", _("Cấp phòng thuộc Sở Nội vụ")
    LOCAL_SECTION = (
        "local_section",
        _("Bộ phận làm công tác thi đua, khen thưởng thuộc cơ quan cấp huyện, cấp xã"),
    )


class WorkBody(models.Model):
    council = models.ForeignKey(
        "org.Council", verbose_name=_("Hội đồng"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    kind = models.CharField(_("Cấp tổ chức"), max_length=30, choices=WorkBodyKind.choices)
    name = models.CharField(_("Tên tổ chức"), max_length=255)

    class Meta:
        ordering = ["council", "-year", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year", "name"], name="unique_work_body_year"
            )
        ]
        verbose_name = _("Tổ chức làm công tác thi đua, khen thưởng")
        verbose_name_plural = _("Tổ chức làm công tác thi đua, khen thưởng")

    def __str__(self) -> str:
        return self.name


class Education(models.TextChoices):
    ELEMENTARY = "elementary", _("Sơ cấp")
    INTERMEDIATE = "intermediate", _("Trung cấp")
    COLLEGE = "college", _("Cao đẳng")
    UNIVERSITY = "university", _("Đại học")
    POSTGRADUATE = "postgraduate", _("Trên đại học")


class WorkStaff(models.Model):
    council = models.ForeignKey(
        "org.Council", verbose_name=_("Hội đồng"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    full_name = models.CharField(_("Họ và tên"), max_length=200)
    gender = models.CharField(
        _("Giới tính"), max_length=10, choices=[("male", _("Nam")), ("female", _("Nữ"))]
    )
    birth_year = models.PositiveSmallIntegerField(_("Năm sinh"))
    education = models.CharField(_("Trình độ đào tạo"), max_length=20, choices=Education.choices)
    started_year = models.PositiveSmallIntegerField(
        _("Năm bắt đầu làm công tác thi đua, khen thưởng")
    )
    full_time = models.BooleanField(_("Chuyên trách"), default=True)

    class Meta:
        ordering = ["council", "-year", "full_name", "pk"]
        verbose_name = _("Công chức làm công tác thi đua, khen thưởng")
        verbose_name_plural = _("Công chức làm công tác thi đua, khen thưởng")

    def __str__(self) -> str:
        return self.full_name
