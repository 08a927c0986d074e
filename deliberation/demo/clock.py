"""Giving the rows the services write the dates of the demo's story.

The services stamp what they write with the current time; a demo tells a story that
happened over months, so ``dated`` moves the rows a block wrote to the story's moment.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from datetime import datetime

from django.db.models import Max
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from deliberation.models import Decision, JoinRequest, Meeting, ReportComment, ReportEvent

# The rows the services stamp with the current time, and the field they stamp.
STAMPED = (
    (ReportEvent, "at"),
    (Revision, "created_at"),
    (ModelLogEntry, "timestamp"),
    (ReportComment, "created_at"),
    (Decision, "recorded_at"),
    (Meeting, "created_at"),
    (JoinRequest, "created_at"),
)


@contextmanager
def dated(moment: datetime, stamped: Iterable = STAMPED):
    """Date the rows written inside the block at ``moment`` (never later than now)."""
    moment = min(moment, timezone.now())
    stamped = tuple(stamped)
    before = {model: model.objects.aggregate(last=Max("pk"))["last"] or 0 for model, _ in stamped}
    yield moment
    for model, name in stamped:
        model.objects.filter(pk__gt=before[model]).update(**{name: moment})
