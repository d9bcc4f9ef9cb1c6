"""The engine's configuration for a unit: the defaults and its province's own values."""

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record
from vinhdanh.org.models import Unit
from vinhdanh.rules.engine import RulesConfig, make_config
from vinhdanh.rules.models import RuleSetting
from vinhdanh.rules.setting_values import parse_setting_value
from vinhdanh.workflow.permissions import require

PROVINCE_LEVEL = "province"


def province_of(unit: Unit | None) -> Unit | None:
    """The nearest ancestor-or-self at province level; the root of the unit's own tree if
    none is. No unit, no province (the defaults apply): never some other tree's root."""
    if unit is None:
        return None
    chain = [*unit.ancestors(), unit]
    for candidate in reversed(chain):
        if candidate.level.code == PROVINCE_LEVEL:
            return candidate
    return chain[0]


def config_for(unit: Unit | None) -> RulesConfig:
    province = province_of(unit)
    if province is None:
        return make_config()
    overrides = dict(RuleSetting.objects.filter(province=province).values_list("name", "value"))
    return make_config(overrides, province=province.code)


@transaction.atomic
def set_rule_setting(*, actor, province: Unit, name: str, text: str) -> RuleSetting:
    """Set (or with an empty text, reset to the default) a province's value of a setting."""
    require(actor, "rules.change_setting")
    existing = RuleSetting.objects.filter(province=province, name=name).first()
    before = {"value": existing.value} if existing else None
    if not text.strip():
        if existing is None:
            raise ValueError(_("Tham số này đang dùng giá trị mặc định."))
        record(actor=actor, action="rules.setting.reset", instance=existing, before=before)
        # Settings are configuration, not issued records: resetting removes the override.
        existing.delete()
        return existing
    value = parse_setting_value(name, text)
    setting, _created = RuleSetting.objects.update_or_create(
        province=province, name=name, defaults={"value": value}
    )
    record(
        actor=actor,
        action="rules.setting.set",
        instance=setting,
        before=before,
        after={"value": value},
    )
    return setting
