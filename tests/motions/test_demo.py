"""The motions part of load_demo: the assembly's calendar and motions in every status.

The demo is loaded once per class (setUpTestData); each test runs in its own savepoint.
"""

from datetime import date
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from deliberation.demo import PUBLIC_SPACE_V3
from deliberation.models import Report
from motions.demo import MUNICIPALITY, REPORT_OUTGOING_NUMBER
from motions.models import (
    AssemblyMeeting,
    AssemblyMeetingKind,
    EventKind,
    Motion,
    MotionEvent,
    MotionStatus,
    Municipality,
    PublicHoliday,
)
from motions.selectors import with_overdue


def load_demo() -> None:
    call_command("load_demo", force=True, stdout=StringIO())


def counts() -> dict[str, int]:
    models = (Municipality, AssemblyMeeting, PublicHoliday, Motion, MotionEvent)
    return {model._meta.label: model.objects.count() for model in models}


class MotionsDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()
        cls.counts = counts()
        cls.today = timezone.localdate()

    def test_running_twice_changes_nothing(self):
        load_demo()

        assert counts() == self.counts
        assert 12 <= self.counts["motions.Motion"] <= 20

    def test_every_status_appears(self):
        statuses = set(Motion.objects.values_list("status", flat=True))

        assert statuses == set(MotionStatus.values)

    def test_some_motions_are_overdue(self):
        overdue = with_overdue(Motion.objects.public(), today=self.today).filter(overdue=True)

        waiting = overdue.filter(awaiting_agenda=True)
        assert waiting.count() >= 2
        assert all(motion.status == MotionStatus.SUBMITTED for motion in waiting)
        assert all(motion.days_overdue > 30 for motion in waiting)
        committee = overdue.get(committee_overdue=True)
        assert committee.status == MotionStatus.IN_COMMITTEE
        assert committee.events.get(kind=EventKind.REFERRED).zoning_committee

    def test_a_fresh_motion_is_due_at_an_estimated_meeting(self):
        fresh = Motion.objects.filter(due_estimated=True).get()

        assert fresh.status == MotionStatus.SUBMITTED
        assert fresh.due_on > self.today
        assert not AssemblyMeeting.objects.filter(date__gt=self.today).exists()

    def test_the_approved_report_was_submitted_as_a_motion(self):
        report = Report.objects.get(title=PUBLIC_SPACE_V3.title)
        motion = report.motion

        assert motion.outgoing_number == REPORT_OUTGOING_NUMBER
        assert motion.origin == report.group
        assert motion.submitted_on >= report.approved_on
        assert motion.is_public
        kinds = list(motion.events.values_list("kind", flat=True))
        assert EventKind.DECIDED in kinds and EventKind.IMPLEMENTATION_UPDATE in kinds

    def test_a_correction_supersedes_an_event(self):
        wrong = MotionEvent.objects.get(superseded_by__isnull=False)
        correction = wrong.superseded_by

        assert correction.kind == wrong.kind
        assert correction.progress != wrong.progress
        assert correction.recorded_at > wrong.recorded_at
        assert correction.motion.status == MotionStatus.IMPLEMENTING

    def test_the_private_motion_never_shows_publicly(self):
        private = Motion.objects.get(is_public=False)

        assert private not in Motion.objects.public()
        year, number = private.reference.split("/")
        assert self.client.get(f"/onerge-takibi/o/{year}/{number}/").status_code == 404
        listing = self.client.get("/onerge-takibi/").content.decode()
        assert private.title not in listing
        api = self.client.get("/api/v1/motions?overdue=1").json()
        assert private.reference not in {item["reference"] for item in api["items"]}

    def test_no_event_in_the_future_and_none_before_submission(self):
        for event in MotionEvent.objects.select_related("motion"):
            assert event.motion.submitted_on <= event.date <= self.today

    def test_the_assembly_calendar(self):
        municipality = Municipality.objects.get(name=MUNICIPALITY)
        meetings = municipality.meetings.all()

        assert not municipality.is_metropolitan
        assert municipality.recess_month == 8
        assert not meetings.filter(date__month=8).exists()
        assert meetings.filter(kind=AssemblyMeetingKind.BUDGET).exists()
        assert meetings.filter(kind=AssemblyMeetingKind.EXTRAORDINARY).exists()
        assert meetings.filter(date__year=2025).count() == 11
        assert all(meeting.date <= self.today for meeting in meetings)
        holidays = PublicHoliday.objects.values_list("date", flat=True)
        assert {date(2025, 10, 29), date(2026, 5, 27), date(2026, 1, 1)} <= set(holidays)

    def test_motion_pages_render(self):
        index = self.client.get("/onerge-takibi/")
        assert index.status_code == 200
        assert "Önerge Takibi" in index.content.decode()
        assert self.client.get("/onerge-takibi/istatistikler/").status_code == 200
        public = Motion.objects.public().order_by("pk").first()
        year, number = public.reference.split("/")
        assert self.client.get(f"/onerge-takibi/o/{year}/{number}/").status_code == 200
