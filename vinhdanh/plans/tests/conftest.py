import pytest

from vinhdanh.plans.models import Plan


@pytest.fixture
def no_demo_plan(demo):
    """The demo already holds the seed's plan; tests that import it again start without it."""
    Plan.objects.filter(number="01/KH-HĐTĐKT", year=2021).delete()
