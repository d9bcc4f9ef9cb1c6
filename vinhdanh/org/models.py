"""The organisation registry: levels, units, councils, clusters and people."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.text import person_sort_key, search_text, text_sort_key
from vinhdanh.core.years import check_year
from vinhdanh.workflow.models import TransitionRecord


class Level(models.Model):
    """An administrative level; data, since reforms add and remove levels."""

    code = models.SlugField(
        _("Mã"),
        max_length=40,
        unique=True,
        error_messages={"unique": _("Mã cấp này đã được dùng.")},
    )
    name = models.CharField(_("Tên cấp"), max_length=120)
    rank = models.PositiveSmallIntegerField(_("Thứ bậc"), help_text=_("1 là cấp cao nhất."))
    active_from = models.DateField(_("Hiệu lực từ"), null=True, blank=True)
    active_until = models.DateField(_("Hiệu lực đến"), null=True, blank=True)

    class Meta:
        ordering = ["rank"]
        verbose_name = _("Cấp hành chính")
        verbose_name_plural = _("Cấp hành chính")

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    GOVERNMENT = "government", _("Chính quyền")
    DEPARTMENT = "department", _("Phòng, ban chuyên môn")
    WARD = "ward", _("Phường, xã")
    SCHOOL = "school", _("Trường học")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    MASS_ORGANISATION = "mass_organisation", _("Tổ chức chính trị - xã hội")
    PARTY = "party", _("Cơ quan Đảng")
    PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp")
    ARMED_FORCES = "armed_forces", _("Lực lượng vũ trang")
    SMALL_COLLECTIVE = "small_collective", _("Tập thể nhỏ (tổ, đội, lớp)")
    OTHER = "other", _("Khác")


class Unit(models.Model):
    code = models.SlugField(
        _("Mã đơn vị"),
        max_length=60,
        unique=True,
        error_messages={"unique": _("Mã đơn vị này đã được dùng cho một đơn vị khác.")},
    )
    name = models.CharField(_("Tên đơn vị"), max_length=255)
    short_name = models.CharField(_("Tên viết tắt"), max_length=120, blank=True)
    kind = models.CharField(_("Loại đơn vị"), max_length=30, choices=UnitKind.choices)
    level = models.ForeignKey(Level, verbose_name=_("Cấp"), on_delete=models.PROTECT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    # Materialised ancestry ("/1/5/12/") lets scope checks find sub-units in one query.
    path = models.CharField(max_length=500, editable=False, db_index=True, default="")
    search_text = models.CharField(max_length=600, editable=False, db_index=True, default="")
    sort_key = models.CharField(max_length=800, editable=False, default="")
    is_active = models.BooleanField(_("Đang hoạt động"), default=True)
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    # Administrative reforms merge units; the absorbed one is kept, inactive, for its history.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("Đã sáp nhập vào"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="absorbed_units",
    )
    merged_on = models.DateField(_("Ngày sáp nhập"), null=True, blank=True)
    # The unit exists from valid_from (inclusive, None: since before the records) until
    # valid_to (exclusive: the day it was dissolved or merged, None: still exists).
    valid_from = models.DateField(_("Tồn tại từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Chấm dứt từ ngày"), null=True, blank=True)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("Đơn vị")
        verbose_name_plural = _("Đơn vị")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.refresh_derived_fields()
        super().save(*args, **kwargs)
        expected = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if self.path != expected:
            self.path = expected
            type(self).objects.filter(pk=self.pk).update(path=expected)
            for child in self.children.all():
                child.save()

    def clean(self) -> None:
        if self.parent_id and self.pk:
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    raise ValidationError(
                        {"parent": _("Một đơn vị không thể là cấp trên của chính nó.")}
                    )
                ancestor = ancestor.parent

    def refresh_derived_fields(self) -> None:
        self.search_text = search_text(self.name, self.short_name, self.code)
        self.sort_key = text_sort_key(self.name)

    def ancestors(self) -> list["Unit"]:
        ids = [int(part) for part in self.path.strip("/").split("/") if part][:-1]
        by_id = {unit.pk: unit for unit in Unit.objects.filter(pk__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id]


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class Person(models.Model):
    code = models.SlugField(
        _("Mã cá nhân"),
        max_length=60,
        unique=True,
        error_messages={"unique": _("Mã cá nhân này đã được dùng cho một người khác.")},
    )
    full_name = models.CharField(_("Họ và tên"), max_length=200)
    unit = models.ForeignKey(
        Unit, verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="people"
    )
    position = models.CharField(_("Chức vụ"), max_length=200, blank=True)
    gender = models.CharField(_("Giới tính"), max_length=10, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("Năm sinh"), null=True, blank=True)
    is_direct_worker = models.BooleanField(_("Người lao động trực tiếp"), default=False)
    is_manager = models.BooleanField(_("Cán bộ quản lý"), default=False)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    search_text = models.CharField(max_length=400, editable=False, db_index=True, default="")
    sort_key = models.CharField(max_length=600, editable=False, db_index=True, default="")

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name = _("Cá nhân")
        verbose_name_plural = _("Cá nhân")

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_text(self.full_name, self.code)
        self.sort_key = person_sort_key(self.full_name)
        super().save(*args, **kwargs)


class Council(models.Model):
    """The emulation and commendation council (Hội đồng TĐKT) of a unit."""

    unit = models.OneToOneField(
        Unit, verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="council"
    )
    name = models.CharField(_("Tên hội đồng"), max_length=255)
    standing_office = models.ForeignKey(
        Unit,
        verbose_name=_("Cơ quan thường trực"),
        on_delete=models.PROTECT,
        related_name="standing_office_of",
    )
    established_by = models.CharField(_("Quyết định thành lập"), max_length=255, blank=True)
    # As for units: valid_to is the first day the council no longer acts.
    valid_from = models.DateField(_("Hoạt động từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Chấm dứt từ ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("Hội đồng Thi đua - Khen thưởng")
        verbose_name_plural = _("Hội đồng Thi đua - Khen thưởng")

    def __str__(self) -> str:
        return self.name


class CouncilRole(models.TextChoices):
    CHAIRMAN = "chairman", _("Chủ tịch")
    VICE_CHAIRMAN = "vice_chairman", _("Phó Chủ tịch")
    STANDING_MEMBER = "standing_member", _("Ủy viên thường trực")
    MEMBER = "member", _("Ủy viên")
    SECRETARY = "secretary", _("Thư ký")


COUNCIL_ROLE_ORDER = [role.value for role in CouncilRole]


class CouncilMember(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, verbose_name=_("Cá nhân"), on_delete=models.PROTECT)
    role = models.CharField(_("Vai trò"), max_length=20, choices=CouncilRole.choices)
    title_in_council = models.CharField(_("Chức danh"), max_length=255, blank=True)
    user = models.OneToOneField(
        "accounts.User",
        verbose_name=_("Tài khoản"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_membership",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["council", "person"], name="unique_council_person")
        ]
        verbose_name = _("Thành viên Hội đồng")
        verbose_name_plural = _("Thành viên Hội đồng")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Cluster(models.Model):
    """An emulation cluster (Cụm thi đua) for one year."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="clusters")
    year = models.PositiveSmallIntegerField(_("Năm"))
    code = models.SlugField(_("Mã cụm"), max_length=60)
    name = models.CharField(_("Tên cụm"), max_length=255)
    members = models.ManyToManyField(Unit, verbose_name=_("Đơn vị thành viên"), blank=True)
    head = models.ForeignKey(
        Unit, verbose_name=_("Cụm trưởng"), on_delete=models.PROTECT, related_name="+",
        null=True, blank=True,
    )  # fmt: skip
    deputy = models.ForeignKey(
        Unit, verbose_name=_("Cụm phó"), on_delete=models.PROTECT, related_name="+",
        null=True, blank=True,
    )  # fmt: skip
    followers = models.ManyToManyField(
        CouncilMember, verbose_name=_("Thành viên Hội đồng theo dõi"), blank=True
    )
    search_text = models.CharField(max_length=400, editable=False, default="")

    class Meta:
        ordering = ["-year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["council", "year", "code"], name="unique_cluster_year")
        ]
        verbose_name = _("Cụm thi đua")
        verbose_name_plural = _("Cụm thi đua")

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_text(self.name, self.code)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        check_year(self.year)


class Share(models.TextChoices):
    WHOLE = "whole", _("Toàn bộ")
    PART = "part", _("Một phần")


class UnitSuccession(models.Model):
    """A successor unit formed (from `effective_on`) from the whole or a part of a predecessor."""

    predecessor = models.ForeignKey(
        Unit, verbose_name=_("Đơn vị tiền thân"), on_delete=models.PROTECT,
        related_name="successions_out",
    )  # fmt: skip
    successor = models.ForeignKey(
        Unit, verbose_name=_("Đơn vị kế thừa"), on_delete=models.PROTECT,
        related_name="successions_in",
    )  # fmt: skip
    effective_on = models.DateField(_("Từ ngày"))
    share = models.CharField(_("Phạm vi"), max_length=10, choices=Share.choices)
    note = models.CharField(_("Ghi chú"), max_length=500, blank=True)
    reorganisation = models.ForeignKey(
        "Reorganisation", verbose_name=_("Đợt sắp xếp"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="successions",
    )  # fmt: skip

    class Meta:
        ordering = ["effective_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="unique_unit_succession"
            )
        ]
        verbose_name = _("Quan hệ kế thừa đơn vị")
        verbose_name_plural = _("Quan hệ kế thừa đơn vị")

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class PersonUnitHistory(models.Model):
    """The units a person belonged to, dated; the open row (valid_to None) is the current one."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="unit_history")
    unit = models.ForeignKey(Unit, verbose_name=_("Đơn vị"), on_delete=models.PROTECT)
    valid_from = models.DateField(_("Từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Đến ngày (không kể)"), null=True, blank=True)

    class Meta:
        ordering = ["person", models.F("valid_from").asc(nulls_first=True), "pk"]
        verbose_name = _("Quá trình công tác")
        verbose_name_plural = _("Quá trình công tác")

    def __str__(self) -> str:
        return f"{self.person}: {self.unit}"


class ReorganisationState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPLIED = "applied", _("Đã áp dụng")
    CANCELLED = "cancelled", _("Đã hủy")


class Reorganisation(models.Model):
    """A reshaping of the tree as it happened on one day (the 2025 reform): recorded as a
    draft (what ends, what is formed from what, where each person of a split unit goes),
    then applied at once."""

    name = models.CharField(_("Tên đợt sắp xếp"), max_length=255)
    # The council whose office records it: only that council's people see and change it.
    council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reorganisations",
    )
    basis = models.CharField(_("Căn cứ (nghị quyết, quyết định)"), max_length=255, blank=True)
    effective_on = models.DateField(_("Ngày có hiệu lực"))
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=ReorganisationState.choices,
        default=ReorganisationState.DRAFT,
    )  # fmt: skip
    version = models.PositiveIntegerField(default=0)
    # Units that end without a successor (the district dissolved on 01/07/2025).
    dissolved = models.ManyToManyField(
        Unit, verbose_name=_("Đơn vị giải thể"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-effective_on", "-pk"]
        verbose_name = _("Đợt sắp xếp đơn vị")
        verbose_name_plural = _("Đợt sắp xếp đơn vị")

    def __str__(self) -> str:
        return self.name


class PlannedUnit(models.Model):
    """A successor of a reorganisation: an existing unit, or one created when it is applied."""

    reorganisation = models.ForeignKey(
        Reorganisation, on_delete=models.CASCADE, related_name="planned_units"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("Đơn vị đã có"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    code = models.SlugField(_("Mã đơn vị"), max_length=60, blank=True)
    name = models.CharField(_("Tên đơn vị"), max_length=255, blank=True)
    kind = models.CharField(_("Loại đơn vị"), max_length=30, choices=UnitKind.choices, blank=True)
    level = models.ForeignKey(
        Level, verbose_name=_("Cấp"), on_delete=models.PROTECT, null=True, blank=True
    )
    parent = models.ForeignKey(
        Unit, verbose_name=_("Đơn vị cấp trên"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Đơn vị kế thừa dự kiến")
        verbose_name_plural = _("Đơn vị kế thừa dự kiến")

    def __str__(self) -> str:
        return str(self.unit) if self.unit_id else self.name

    @property
    def label(self) -> str:
        return str(self)

    @property
    def key(self) -> str:
        return self.unit.code if self.unit_id else self.code


class PlannedSource(models.Model):
    """The successor `planned` is formed from the whole or a part of `predecessor`."""

    planned = models.ForeignKey(PlannedUnit, on_delete=models.CASCADE, related_name="sources")
    predecessor = models.ForeignKey(
        Unit, verbose_name=_("Đơn vị tiền thân"), on_delete=models.PROTECT, related_name="+"
    )
    share = models.CharField(_("Phạm vi"), max_length=10, choices=Share.choices)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["planned", "predecessor"], name="unique_planned_source")
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} ({self.get_share_display()}) → {self.planned}"


class PlannedMove(models.Model):
    """One person of a split unit and the successor they go to."""

    reorganisation = models.ForeignKey(
        Reorganisation, on_delete=models.CASCADE, related_name="moves"
    )
    person = models.ForeignKey(Person, verbose_name=_("Cá nhân"), on_delete=models.PROTECT)
    planned = models.ForeignKey(
        PlannedUnit, verbose_name=_("Về đơn vị"), on_delete=models.CASCADE, related_name="moves"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.person} → {self.planned}"


class ReorganisationTransition(TransitionRecord):
    reorganisation = models.ForeignKey(
        Reorganisation, on_delete=models.CASCADE, related_name="transitions"
    )


class HolidayKind(models.TextChoices):
    FIXED = "fixed", _("Ngày lễ theo dương lịch")
    LUNAR = "lunar", _("Tết, ngày lễ theo âm lịch")
    OBSERVED = "observed", _("Nghỉ bù, hoán đổi ngày làm việc")


class PublicHoliday(models.Model):
    """A day off for the whole country: what the working-day count skips besides weekends.

    The administrator keeps the calendar (Django admin): Tết and Giỗ Tổ move with the lunar
    calendar and the government's notice each year sets the days in lieu, so they are data.
    """

    day = models.DateField(_("Ngày"), unique=True)
    name = models.CharField(_("Tên ngày nghỉ"), max_length=200)
    kind = models.CharField(
        _("Loại"), max_length=20, choices=HolidayKind.choices, default=HolidayKind.FIXED
    )

    class Meta:
        ordering = ["day"]
        verbose_name = _("Ngày nghỉ lễ, Tết")
        verbose_name_plural = _("Lịch ngày nghỉ lễ, Tết")

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} – {self.name}"
