"""Demo content of the motions app: the municipal assembly's calendar and the follow-up.

A fictional municipality ("Örnek Belediyesi") with its assembly's meetings of 2025 and
2026, Turkey's public holidays of those years, the council's approved report submitted
as a motion, and a dozen more motions whose events bring every status into view: some
on time, some overdue, one corrected, one not public.

Every motion and event goes through ``motions.services``, so statuses, due dates, the
search text and the audit log are computed as in the back office; ``deliberation.demo.dated``
gives the rows the dates of the story. Most dates are fixed in 2025–2026; the motions
whose meaning depends on today (just submitted, on the agenda, postponed) are dated from
the assembly's latest meetings before today, so the demo stays sensible when loaded later.
The assembly's meetings are recorded up to today; later months stay estimates.

Idempotent: motions are looked up by title (the report's motion by its report),
meetings by date and holidays by day.
"""

from datetime import date

from deliberation.demo import DemoCouncil

from .calendar import MUNICIPALITY, public_holidays
from .loader import DemoMotions, MotionsDemo
from .plans import REPORT_OUTGOING_NUMBER, REPORT_SUBMITTED_ON, fixed_plans, recent_plans

__all__ = [
    "MUNICIPALITY",
    "REPORT_OUTGOING_NUMBER",
    "REPORT_SUBMITTED_ON",
    "DemoMotions",
    "fixed_plans",
    "load",
    "public_holidays",
    "recent_plans",
]


def load(*, today: date, council: DemoCouncil) -> DemoMotions:
    """Create whatever part of the motions demo is missing; return what there is."""
    return MotionsDemo(today=today, council=council).run()
