"""Demo content of the deliberation app: a fictional council's organs, people and reports.

Everything that changes a report, a meeting or a join request goes through
``deliberation.services``, so the audit log, the timelines, the versions and the decision
numbers are the ones the back office would have written. Only the clock is the story's
(``clock.dated``): the rows of each step get the day the story says it happened, in
2026, Europe/Istanbul.

Idempotent: organs, people, topics and memberships are looked up by slug, user name or
name; each report's story runs only when its report does not exist yet.
"""

from datetime import date

from .clock import STAMPED, dated
from .council import CouncilBuilder, DemoCouncil, username_for
from .organs import LOGINS, ORGANS, TOPICS
from .reports import (
    ACCESSIBILITY_V3,
    PUBLIC_SPACE_V3,
    RENEWAL_V2,
    SAFE_CITY_V2,
)
from .stories import ReportStories

__all__ = [
    "ACCESSIBILITY_V3",
    "LOGINS",
    "ORGANS",
    "PUBLIC_SPACE_V3",
    "RENEWAL_V2",
    "SAFE_CITY_V2",
    "STAMPED",
    "TOPICS",
    "DemoCouncil",
    "dated",
    "load",
    "username_for",
]


def load(*, today: date) -> DemoCouncil:
    """Create whatever part of the deliberation demo is missing; return what there is."""
    council = DemoCouncil()
    CouncilBuilder(council).run()
    ReportStories(council, today=today).run()
    return council
