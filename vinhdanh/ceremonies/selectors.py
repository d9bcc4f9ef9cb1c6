"""Reading ceremonies and receptions within the user's scope."""

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.awards.models import Certificate
from vinhdanh.ceremonies.models import Ceremony, Reception
from vinhdanh.plans.carried_out import CarriedOut


def ceremonies_for(user, year: int | None = None) -> QuerySet:
    ceremonies = access.scope_queryset(user, Ceremony.objects.select_related("council")).annotate(
        honouree_count=Count("honourees", distinct=True)
    )
    return ceremonies.filter(year=year) if year else ceremonies


def honourees_of(ceremony: Ceremony) -> QuerySet:
    return ceremony.honourees.select_related(
        "certificate", "certificate__decision", "certificate__nomination"
    ).order_by("position", "pk")


def receptions_for(user) -> QuerySet:
    return access.scope_queryset(
        user, Reception.objects.select_related("unit", "certificate", "certificate__decision")
    )


def certificates_to_receive(user) -> QuerySet:
    """Awards of the user's scope a unit may hold a reception for: in force, not yet received."""
    return (
        access.scope_queryset(user, Certificate.objects.select_related("decision", "nomination"))
        .filter(revoked_at__isnull=True, decision__state="issued")
        .order_by("-decision__signed_on", "pk")
    )


def ceremonies_carrying_out(user, task) -> list[CarriedOut]:
    return [
        CarriedOut(
            _("Hội nghị"),
            ceremony.title,
            reverse("ceremonies:ceremony_detail", args=[ceremony.pk]),
            timezone.localtime(ceremony.held_at).strftime("%d/%m/%Y")
            + " · "
            + ceremony.get_state_display(),
        )
        for ceremony in ceremonies_for(user).filter(plan_task=task).order_by("held_at")
    ]
