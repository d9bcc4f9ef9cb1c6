"""A chooser for a model among many rows: a search box that fills a select.

A `<select>` of every person a province office sees would carry hundreds of thousands
of options. `SearchSelect` renders only the chosen option(s) and, above the select, a
search box whose htmx request asks `search_url` for the options matching what is typed
(the endpoint answers a few `<option>`s, within the user's scope). The field keeps its
queryset, so validation still refuses a value outside the user's scope.
"""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class SearchSelect(forms.Select):
    def __init__(self, *args, search_url, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_url = search_url

    def optgroups(self, name, value, attrs=None):
        chosen = [item for item in value if item not in ("", None)]
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:
            return super().optgroups(name, value, attrs)
        options = [self.create_option(name, "", self.choices.field.empty_label or "", False, 0)]
        # Only the chosen row is read: never the whole queryset.
        rows = queryset.filter(pk__in=chosen) if chosen else queryset.none()
        for index, row in enumerate(rows, start=1):
            label = self.choices.field.label_from_instance(row)
            options.append(self.create_option(name, row.pk, label, True, index))
        return [(None, options, 0)]

    def render(self, name, value, attrs=None, renderer=None):
        select = super().render(name, value, attrs, renderer)
        select_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        search = format_html(
            '<input type="search" class="form-control form-control-sm mb-1" name="q"'
            ' autocomplete="off" placeholder="{}" aria-label="{}" hx-get="{}"'
            ' hx-trigger="input changed delay:300ms, search" hx-target="#{}"'
            ' hx-sync="this:replace" data-testid="chooser-search-{}">',
            _("Gõ tên hoặc mã, có dấu hoặc không dấu"),
            _("Tìm để chọn"),
            self.search_url,
            select_id,
            name,
        )
        return format_html("{}{}", search, select)
