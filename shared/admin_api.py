"""Wagtail's admin API (the choosers' listings), answering any offset without a 500."""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from .query_params import MAX_DATABASE_ID


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, with offsets a database can take: a larger one (2**64, say)
    is a 400 with a message, not an OFFSET the database refuses with a 500."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail refuses it with its own message
        if offset > MAX_DATABASE_ID // 2:
            raise BadRequestError("offset is too large")
        return super().paginate_queryset(queryset, request, view)
