"""Law 5393's deadlines: when the municipal assembly must take up a motion.

Art. 76/3: a council's opinion is put on the agenda of the assembly's first meeting
after it is submitted. Art. 20: the assembly meets in the first week of each month
(metropolitan assemblies, Law 5216: the second week) on a weekday it fixes, and may
take one month of recess a year. Art. 24: committees report within 5 working days
of the meeting (the zoning committee within 10).
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

COMMITTEE_WORKING_DAYS = 5
ZONING_COMMITTEE_WORKING_DAYS = 10
MAX_MONTHS_AHEAD = 24


@dataclass(frozen=True)
class AssemblyRule:
    """A municipality's regular meeting rule."""

    metropolitan: bool = False
    weekday: int = 0  # Monday = 0, as date.weekday()
    recess_month: int | None = None

    @property
    def week(self) -> int:
        return 2 if self.metropolitan else 1


@dataclass(frozen=True)
class DueMeeting:
    on: date
    estimated: bool


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def regular_meeting_date(rule: AssemblyRule, year: int, month: int) -> date | None:
    """The rule's meeting day in a month: its weekday within the first (or second) week."""
    if rule.recess_month == month:
        return None
    first_day_of_week = date(year, month, 1 + 7 * (rule.week - 1))
    offset = (rule.weekday - first_day_of_week.weekday()) % 7
    return first_day_of_week + timedelta(days=offset)


def first_meeting_after(
    submitted_on: date, rule: AssemblyRule, recorded: Iterable[date] = ()
) -> DueMeeting:
    """The assembly meeting a motion submitted on a day is due at.

    Recorded meetings win over the rule for their month; where a month has no recorded
    meeting yet, the rule gives an estimate (and says so).
    """
    recorded_by_month: dict[tuple[int, int], list[date]] = {}
    for day in recorded:
        recorded_by_month.setdefault((day.year, day.month), []).append(day)
    year, month = submitted_on.year, submitted_on.month
    for _ in range(MAX_MONTHS_AHEAD):
        in_month = recorded_by_month.get((year, month))
        if in_month:
            later = sorted(day for day in in_month if day > submitted_on)
            if later:
                return DueMeeting(later[0], estimated=False)
        else:
            estimate = regular_meeting_date(rule, year, month)
            if estimate and estimate > submitted_on:
                return DueMeeting(estimate, estimated=True)
        year, month = _next_month(year, month)
    raise ValueError("no assembly meeting within two years of the submission")


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, days: int, holidays: Collection[date]) -> date:
    """The date ``days`` working days after ``start`` (weekends and holidays skipped)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current, holidays):
            remaining -= 1
    return current


def committee_due(meeting_on: date, *, zoning: bool, holidays: Collection[date]) -> date:
    days = ZONING_COMMITTEE_WORKING_DAYS if zoning else COMMITTEE_WORKING_DAYS
    return add_working_days(meeting_on, days, holidays)


def days_late(due_on: date, today: date) -> int:
    """Whole days past the due date; 0 while it is not past."""
    return max(0, (today - due_on).days)
