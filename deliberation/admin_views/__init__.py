"""Admin screens of the deliberation back office that Wagtail's generic views don't cover.

Each screen collects input and calls one service; a refusal (DeliberationError) comes
back as a Wagtail error message with the form re-shown as the user filled it.
"""

from .join_requests import JoinRequestDecideView
from .meetings import (
    DecisionRecordView,
    MeetingAttendanceView,
    MeetingDetailView,
    MeetingPublishMinutesView,
)
from .reports import ReportCompareRedirectView, ReportDetailView, ReportRestoreView

__all__ = [
    "DecisionRecordView",
    "JoinRequestDecideView",
    "MeetingAttendanceView",
    "MeetingDetailView",
    "MeetingPublishMinutesView",
    "ReportCompareRedirectView",
    "ReportDetailView",
    "ReportRestoreView",
]
