"""Pages of the people and units lists: `count` stops at the cap (see core/paging.py)."""

from rest_framework.pagination import PageNumberPagination

from vinhdanh.core.paging import CappedPaginator


class CappedPagination(PageNumberPagination):
    django_paginator_class = CappedPaginator

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        # A client reads `count` as a lower bound when more rows matched than were counted.
        response.data["count_capped"] = self.page.paginator.capped
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["count_capped"] = {"type": "boolean"}
        return schema
