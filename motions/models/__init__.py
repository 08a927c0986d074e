from .calendar import (
    AGENDA_KINDS,
    AssemblyMeeting,
    AssemblyMeetingKind,
    Municipality,
    PublicHoliday,
    Weekday,
)
from .choices import (
    FINAL_STATUSES,
    TRANSITIONS,
    EventKind,
    MotionStatus,
    Outcome,
)
from .motions import Motion, MotionEvent
from .subscriptions import (
    AlertDelivery,
    AlertScope,
    DeletionReason,
    Subscription,
    SubscriptionDeletion,
)

__all__ = [
    "AGENDA_KINDS",
    "FINAL_STATUSES",
    "TRANSITIONS",
    "AlertDelivery",
    "AlertScope",
    "AssemblyMeeting",
    "AssemblyMeetingKind",
    "DeletionReason",
    "EventKind",
    "Motion",
    "MotionEvent",
    "MotionStatus",
    "Municipality",
    "Outcome",
    "PublicHoliday",
    "Subscription",
    "SubscriptionDeletion",
    "Weekday",
]
