"""Loads the demo calendar and motions through motions.services, dated as the story says."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.demo import at
from deliberation.demo import DemoCouncil, dated
from deliberation.models import Organ
from motions import deadlines, services
from motions.models import (
    AGENDA_KINDS,
    AssemblyMeeting,
    AssemblyMeetingKind,
    Motion,
    MotionEvent,
    Municipality,
    PublicHoliday,
    Weekday,
)

from .calendar import (
    EXTRAORDINARY_MEETINGS,
    FIRST_YEAR,
    MUNICIPALITY,
    RECESS_MONTH,
    public_holidays,
)
from .plans import (
    REPORT_OUTGOING_NUMBER,
    REPORT_STEPS,
    REPORT_SUBMITTED_ON,
    Plan,
    Step,
    fixed_plans,
    recent_plans,
)

# The rows the motions services stamp with the current time, and the field they stamp.
STAMPED = (
    (Motion, "created_at"),
    (MotionEvent, "recorded_at"),
    (ModelLogEntry, "timestamp"),
)


@dataclass
class DemoMotions:
    """What the motions demo made or found."""

    municipality: Municipality | None = None
    motions: list[Motion] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)


class MotionsDemo:
    """Creates the calendar and the motions that are missing; finds the others."""

    def __init__(self, *, today: date, council: DemoCouncil):
        self.today = today
        self.council = council
        self.secretariat = council.secretariat
        self.result = DemoMotions()
        self.meetings: dict[date, AssemblyMeeting] = {}

    @property
    def created(self) -> Counter:
        return self.result.created

    def run(self) -> DemoMotions:
        self.ensure_holidays()
        municipality = self.ensure_municipality()
        self.ensure_meetings(municipality)
        plans = fixed_plans() + recent_plans(self.agenda_days(), self.today)
        # In the order of submission, so that the references (2026/1, 2026/2, …) follow it.
        steps = [(REPORT_SUBMITTED_ON, lambda: self.ensure_report_motion(municipality))]
        steps += [
            (plan.submitted_on, lambda plan=plan: self.ensure_motion(municipality, plan))
            for plan in plans
            if plan.last_day <= self.today
        ]
        for _day, step in sorted(steps, key=lambda item: item[0]):
            step()
        return self.result

    # --- The calendar -------------------------------------------------------------------

    def ensure_holidays(self) -> None:
        known = set(PublicHoliday.objects.values_list("date", flat=True))
        new = [
            PublicHoliday(date=day, name=name)
            for day, name in public_holidays()
            if day not in known
        ]
        PublicHoliday.objects.bulk_create(new)
        if new:
            self.created["resmî tatil"] += len(new)

    def ensure_municipality(self) -> Municipality:
        municipality = Municipality.objects.filter(name=MUNICIPALITY).first()
        if municipality is None:
            municipality = Municipality.objects.create(
                name=MUNICIPALITY,
                is_metropolitan=False,
                regular_weekday=Weekday.MONDAY,
                recess_month=RECESS_MONTH,
            )
            self.created["belediye"] += 1
        self.result.municipality = municipality
        return municipality

    def ensure_meetings(self, municipality: Municipality) -> None:
        """Regular meetings (October's is the budget's) up to today, and an extraordinary one.

        A regular meeting that falls on a holiday moves to the next working day. Months
        after today stay unrecorded: their due dates are estimates until a later load
        records the meeting and recomputes the motions' due dates, as the admin does.
        """
        holidays = set(PublicHoliday.objects.values_list("date", flat=True))
        wanted: list[tuple[date, str, str]] = []
        year, month = FIRST_YEAR, 1
        while (year, month) <= (self.today.year, self.today.month):
            day = deadlines.regular_meeting_date(municipality.rule(), year, month)
            if day is not None:
                while not deadlines.is_working_day(day, holidays):
                    day += timedelta(days=1)
                if month == 10:
                    wanted.append(
                        (day, AssemblyMeetingKind.BUDGET, f"{year + 1} mali yılı bütçesi")
                    )
                else:
                    wanted.append((day, AssemblyMeetingKind.REGULAR, ""))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        wanted += [
            (day, AssemblyMeetingKind.EXTRAORDINARY, note) for day, note in EXTRAORDINARY_MEETINGS
        ]
        existing = {meeting.date: meeting for meeting in municipality.meetings.all()}
        recorded = False
        for day, kind, note in wanted:
            if day > self.today:
                continue
            meeting = existing.get(day)
            if meeting is None:
                meeting = AssemblyMeeting.objects.create(
                    municipality=municipality, date=day, kind=kind, note=note
                )
                self.created["meclis toplantısı"] += 1
                recorded = True
            self.meetings[day] = meeting
        if recorded:
            for motion in municipality.motions.select_related("municipality").prefetch_related(
                "topics"
            ):
                services.refresh(motion)

    def agenda_days(self) -> list[date]:
        return sorted(day for day, meeting in self.meetings.items() if meeting.kind in AGENDA_KINDS)

    # --- Motions ------------------------------------------------------------------------

    def ensure_report_motion(self, municipality: Municipality) -> None:
        report = self.council.approved_report
        if Motion.objects.filter(report=report).exists():
            self.result.motions.append(report.motion)
            return
        with dated(at(REPORT_SUBMITTED_ON, 11), STAMPED):
            motion = services.motion_submit_report(
                actor=self.secretariat,
                report_id=report.pk,
                submitted_on=REPORT_SUBMITTED_ON,
                municipality=municipality,
                outgoing_number=REPORT_OUTGOING_NUMBER,
            )
        self.created["önerge"] += 1
        self.record(motion, REPORT_STEPS)

    def ensure_motion(self, municipality: Municipality, plan: Plan) -> None:
        existing = Motion.objects.filter(title=plan.title).first()
        if existing is not None:
            self.result.motions.append(existing)
            return
        organ = self.council.organs.get(plan.origin) or Organ.objects.get(slug=plan.origin)
        with dated(at(plan.submitted_on, 11), STAMPED):
            motion = services.motion_create(
                actor=self.secretariat,
                title=plan.title,
                summary=plan.summary,
                origin=organ,
                municipality=municipality,
                submitted_on=plan.submitted_on,
                outgoing_number=plan.outgoing_number,
                is_public=plan.is_public,
                topics=[self.council.topics[name] for name in plan.topics],
            )
        self.created["önerge"] += 1
        self.record(motion, plan.steps)

    def record(self, motion: Motion, steps) -> None:
        """Record the steps in order; a corrected step is first recorded as it was wrongly."""
        last_moment = None
        for position, step in enumerate(steps):
            moment = at(step.on, 17, position)
            if step.corrected is not None:
                wrong = self.event(motion, step.corrected, moment)
                moment = at(step.on + timedelta(days=1), 10, position)
                self.event(motion, step, moment, supersedes=wrong)
            else:
                self.event(motion, step, moment)
            last_moment = moment
        motion.refresh_from_db()
        if last_moment is not None:
            Motion.objects.filter(pk=motion.pk).update(updated_at=min(last_moment, timezone.now()))
        self.result.motions.append(motion)

    def event(self, motion: Motion, step: Step, moment, supersedes: MotionEvent | None = None):
        with dated(moment, STAMPED):
            event = services.motion_record_event(
                actor=self.secretariat,
                motion_id=motion.pk,
                kind=step.kind,
                on=step.on,
                meeting=self.meetings[step.on] if step.at_meeting else None,
                committees=step.committees,
                zoning_committee=step.zoning,
                outcome=step.outcome,
                decision_number=step.decision_number,
                progress=step.progress,
                note=step.note,
                supersedes_id=supersedes.pk if supersedes else None,
            )
        self.created["önerge olayı"] += 1
        return event
