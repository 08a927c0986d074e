"""Law 5393's deadlines, table by table: the first meeting after submission and committees."""

from datetime import date

import pytest

from motions import deadlines
from motions.deadlines import AssemblyRule

MONDAYS = AssemblyRule(weekday=0)
MONDAYS_AUGUST_RECESS = AssemblyRule(weekday=0, recess_month=8)
MONDAYS_DECEMBER_RECESS = AssemblyRule(weekday=0, recess_month=12)
METROPOLITAN_TUESDAYS = AssemblyRule(metropolitan=True, weekday=1)


@pytest.mark.parametrize(
    ("rule", "submitted_on", "recorded", "due_on", "estimated"),
    [
        # The first Monday of the next month (1 February 2026 is a Sunday).
        (MONDAYS, date(2026, 1, 15), [], date(2026, 2, 2), True),
        # A submission on the meeting's own day is due at the next one.
        (MONDAYS, date(2026, 2, 2), [], date(2026, 3, 2), True),
        # Month end: a Saturday, the last day of January.
        (MONDAYS, date(2026, 1, 31), [], date(2026, 2, 2), True),
        # Before the meeting in the same month: that meeting.
        (MONDAYS, date(2026, 3, 1), [], date(2026, 3, 2), True),
        # Year end: 1 January 2027 is a Friday, the first Monday the 4th.
        (MONDAYS, date(2026, 12, 31), [], date(2027, 1, 4), True),
        # February of a leap year ends on the 29th.
        (MONDAYS, date(2028, 2, 29), [], date(2028, 3, 6), True),
        # The recess month is skipped: September's first Monday.
        (MONDAYS_AUGUST_RECESS, date(2026, 7, 20), [], date(2026, 9, 7), True),
        # A December recess carries over into the next year.
        (MONDAYS_DECEMBER_RECESS, date(2026, 11, 10), [], date(2027, 1, 4), True),
        # Metropolitan assemblies meet in the second week (8 to 14 January 2026).
        (METROPOLITAN_TUESDAYS, date(2026, 1, 5), [], date(2026, 1, 13), True),
        (METROPOLITAN_TUESDAYS, date(2026, 1, 14), [], date(2026, 2, 10), True),
        # Metropolitan: the first week of a month is not the meeting week.
        (METROPOLITAN_TUESDAYS, date(2026, 2, 3), [], date(2026, 2, 10), True),
        # A recorded meeting wins over the rule for its month, and is no estimate.
        (MONDAYS, date(2026, 1, 15), [date(2026, 2, 5)], date(2026, 2, 5), False),
        # A recorded meeting earlier in the submission's month: the next month's is due.
        (MONDAYS, date(2026, 3, 4), [date(2026, 3, 3)], date(2026, 4, 6), True),
        # Recorded meetings before the submission do not count.
        (
            MONDAYS,
            date(2026, 3, 10),
            [date(2026, 3, 3), date(2026, 4, 7)],
            date(2026, 4, 7),
            False,
        ),
    ],
)
def test_first_meeting_after_submission(rule, submitted_on, recorded, due_on, estimated):
    due = deadlines.first_meeting_after(submitted_on, rule, recorded)
    assert (due.on, due.estimated) == (due_on, estimated)


@pytest.mark.parametrize(
    ("rule", "year", "month", "meeting_on"),
    [
        (MONDAYS, 2026, 6, date(2026, 6, 1)),  # the 1st itself is a Monday
        (MONDAYS, 2026, 11, date(2026, 11, 2)),
        (METROPOLITAN_TUESDAYS, 2026, 9, date(2026, 9, 8)),
        (METROPOLITAN_TUESDAYS, 2026, 12, date(2026, 12, 8)),
        (MONDAYS_AUGUST_RECESS, 2026, 8, None),
    ],
)
def test_regular_meeting_day(rule, year, month, meeting_on):
    assert deadlines.regular_meeting_date(rule, year, month) == meeting_on


@pytest.mark.parametrize(
    ("meeting_on", "zoning", "holidays", "due_on"),
    [
        # Five working days after a Monday: the next Monday.
        (date(2026, 3, 2), False, set(), date(2026, 3, 9)),
        # The zoning committee has ten.
        (date(2026, 3, 2), True, set(), date(2026, 3, 16)),
        # A Friday meeting: the weekend does not count.
        (date(2026, 3, 6), False, set(), date(2026, 3, 13)),
        # Public holidays are skipped (here the eve and first day of a bayram).
        (date(2026, 3, 16), False, {date(2026, 3, 19), date(2026, 3, 20)}, date(2026, 3, 25)),
        # Across a month end with 1 May (Labour Day) on a Friday.
        (date(2026, 4, 30), False, {date(2026, 5, 1)}, date(2026, 5, 8)),
        # Across a year end with New Year's Day.
        (date(2026, 12, 28), False, {date(2027, 1, 1)}, date(2027, 1, 5)),
        # A holiday on a weekend changes nothing.
        (date(2026, 3, 2), False, {date(2026, 3, 7)}, date(2026, 3, 9)),
    ],
)
def test_committee_report_due(meeting_on, zoning, holidays, due_on):
    assert deadlines.committee_due(meeting_on, zoning=zoning, holidays=holidays) == due_on


@pytest.mark.parametrize(
    ("due_on", "today", "days"),
    [
        (date(2026, 2, 2), date(2026, 2, 10), 8),
        (date(2026, 2, 2), date(2026, 2, 2), 0),
        (date(2026, 2, 2), date(2026, 1, 20), 0),
        (date(2026, 12, 7), date(2027, 1, 6), 30),
    ],
)
def test_days_late(due_on, today, days):
    assert deadlines.days_late(due_on, today) == days
