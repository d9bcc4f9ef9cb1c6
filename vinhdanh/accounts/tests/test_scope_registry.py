"""Every model under the one scope check: ward A sees nothing owned only by ward B."""

import pytest

from vinhdanh.accounts import access
from vinhdanh.accounts.tests.scope_rows import owned_by
from vinhdanh.org.models import Unit

pytestmark = pytest.mark.django_db


def test_no_registered_model_leaks_another_wards_rows(demo_user):
    officer = demo_user("canbo.hoangliet")
    other = Unit.objects.get(code="phuong-dinh-cong")
    checked = []
    for model, rule in access._RULES.items():
        if rule.extra_view is not None:
            continue  # shared on purpose (council, clusters to their members, ...), tested apart
        owned_by_other = model._default_manager.filter(owned_by(rule, [other.path]))
        owned_by_own = model._default_manager.filter(owned_by(rule, [officer.unit.path]))
        only_other = owned_by_other.exclude(pk__in=owned_by_own.values("pk"))
        visible = access.scope_queryset(officer, model._default_manager.all())
        changeable = access.scope_queryset(officer, model._default_manager.all(), access.CHANGE)
        assert not visible.filter(pk__in=only_other.values("pk")).exists(), model.__name__
        assert not changeable.filter(pk__in=only_other.values("pk")).exists(), model.__name__
        checked.append((model.__name__, only_other.count()))
    assert len(checked) >= 8
    assert sum(count for _, count in checked) > 0, "the demo gives ward B rows to hide"
