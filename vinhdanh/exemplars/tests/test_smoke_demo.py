import pytest

from vinhdanh.exemplars.models import Exemplar

pytestmark = pytest.mark.django_db


def test_demo_has_exemplars(demo):
    states = sorted(Exemplar.objects.values_list("unit__code", "state"))
    assert ("phuong-hoang-liet", "published") in states
    assert Exemplar.objects.filter(nomination__isnull=False).count() == 1
