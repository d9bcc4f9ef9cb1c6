from django.contrib import admin

from vinhdanh.rules.models import RuleSetting

admin.site.register(RuleSetting, list_display=["province", "name", "value"])
