"""Every change of state in deliberation goes through a function in this package."""

from .meetings import (
    decision_record,
    meeting_publish_minutes,
    meeting_record_attendance,
    meeting_save,
)
from .membership import join_request_create, join_request_decide
from .reports import (
    report_comment_add,
    report_create,
    report_restore,
    report_save,
    report_transition,
)

__all__ = [
    "decision_record",
    "join_request_create",
    "join_request_decide",
    "meeting_publish_minutes",
    "meeting_record_attendance",
    "meeting_save",
    "report_comment_add",
    "report_create",
    "report_restore",
    "report_save",
    "report_transition",
]
