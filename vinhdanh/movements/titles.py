"""The titles a unit or a person may register for at the start of the year.

Ids are those of the rules catalogue (`vinhdanh/rules/data/catalogue.json`), so that
registrations can be matched by the eligibility rules without translation.
"""

from django.utils.translation import gettext_lazy as _

COLLECTIVE = "collective"
INDIVIDUAL = "individual"

# id, name, subject kind
REGISTRABLE_TITLES = [
    ("tap_the_lao_dong_tien_tien", _("Tập thể lao động tiên tiến"), COLLECTIVE),
    ("tap_the_lao_dong_xuat_sac", _("Tập thể lao động xuất sắc"), COLLECTIVE),
    ("co_thi_dua_tinh", _("Cờ thi đua của Bộ, ban, ngành, tỉnh"), COLLECTIVE),
    ("bang_khen_tinh", _("Bằng khen của Bộ, ban, ngành, tỉnh"), COLLECTIVE),
    ("giay_khen", _("Giấy khen"), COLLECTIVE),
    ("lao_dong_tien_tien", _("Lao động tiên tiến"), INDIVIDUAL),
    ("chien_si_thi_dua_co_so", _("Chiến sĩ thi đua cơ sở"), INDIVIDUAL),
    ("chien_si_thi_dua_tinh", _("Chiến sĩ thi đua Bộ, ban, ngành, tỉnh"), INDIVIDUAL),
]
TITLE_NAMES = {code: name for code, name, _kind in REGISTRABLE_TITLES}
TITLE_KINDS = {code: kind for code, _name, kind in REGISTRABLE_TITLES}
TITLE_CHOICES = [(code, name) for code, name, _kind in REGISTRABLE_TITLES]
