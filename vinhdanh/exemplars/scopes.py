"""Scope rules of exemplars, their photos and evidence, and the views of their files."""

from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.exemplars.models import Exemplar, ExemplarEvidence, ExemplarPhoto


def register_exemplar_scopes() -> None:
    # A council's own work: the city reads its wards' exemplars only through its own board.
    access.register(Exemplar, access.ScopeRule(unit_path="unit__path", council_own=True))
    access.register(
        ExemplarPhoto, access.ScopeRule(unit_path="exemplar__unit__path", council_own=True)
    )
    access.register(
        ExemplarEvidence, access.ScopeRule(unit_path="exemplar__unit__path", council_own=True)
    )
    register_serving_view(
        ExemplarPhoto,
        "file",
        lambda photo: reverse("exemplars:photo_file", args=[photo.exemplar_id, photo.pk]),
    )
    register_serving_view(
        ExemplarEvidence,
        "file",
        lambda item: reverse("exemplars:evidence_file", args=[item.exemplar_id, item.pk]),
    )
