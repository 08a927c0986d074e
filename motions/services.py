"""Every change to a motion and its follow-up goes through a function here."""

from collections.abc import Iterable
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from deliberation.models import Report, ReportAction, ReportEvent, ReportStatus
from shared.text import fold

from . import access, deadlines, lifecycle
from .errors import MotionError
from .models import (
    AGENDA_KINDS,
    AssemblyMeeting,
    EventKind,
    Motion,
    MotionEvent,
    MotionStatus,
    Municipality,
    Outcome,
    PublicHoliday,
)


def _require_secretariat(actor) -> None:
    if not access.can_record_motions(actor):
        raise MotionError(
            _("Only the secretariat records motions and their follow-up."), code="forbidden"
        )


REFERENCE_ATTEMPTS = 5


def _next_reference(year: int) -> str:
    """The year's next free number: one more than the highest used (2026/9 → 2026/10)."""
    numbers = [
        int(ref.split("/", 1)[1])
        for ref in Motion.objects.filter(reference__startswith=f"{year}/").values_list(
            "reference", flat=True
        )
        if ref.split("/", 1)[1].isdigit()
    ]
    return f"{year}/{max(numbers, default=0) + 1}"


def _create(*, actor, reference: str | None, **fields) -> Motion:
    submitted_on: date = fields["submitted_on"]
    if submitted_on > timezone.localdate():
        raise MotionError(_("The submission date cannot be in the future."))
    if not fields.get("municipality") and not fields.get("recipient", "").strip():
        raise MotionError(_("Name the municipal assembly or the institution the motion went to."))
    topics = fields.pop("topics", [])
    documents = fields.pop("documents", [])
    motion = Motion(status_since=submitted_on, **fields)
    # The reference is unique in the database. Two submissions at once may read the same
    # highest number; the second one's insert waits for the first to commit, fails, and
    # takes the next number (each statement reads what is committed by then).
    for attempt in range(1, REFERENCE_ATTEMPTS + 1):
        motion.reference = reference or _next_reference(submitted_on.year)
        try:
            with transaction.atomic():
                motion.save()
            break
        except IntegrityError:
            if reference or attempt == REFERENCE_ATTEMPTS:
                raise MotionError(
                    _("The reference %(reference)s is already used.")
                    % {"reference": motion.reference}
                ) from None
    motion.topics.set(topics)
    motion.documents.set(documents)
    # The submission is the motion's first public event: the feeds show it and the
    # followers of its topics and of all motions are told (motion_record_event's path).
    submitted = MotionEvent.objects.create(
        motion=motion, kind=EventKind.SUBMITTED, date=submitted_on, recorded_by=actor
    )
    refresh(motion)
    log(
        instance=motion,
        action="motions.motion.create",
        user=actor,
        data={"reference": motion.reference},
    )
    if motion.is_public:
        from .notifications import queue_event_alerts

        queue_event_alerts(submitted)
    return motion


def motion_submit_report(
    *,
    actor,
    report_id: int,
    submitted_on: date,
    municipality: Municipality | None = None,
    recipient: str = "",
    outgoing_number: str = "",
    summary: str = "",
) -> Motion:
    """The secretariat submits an approved report: this creates its public motion, and
    the report's timeline records that it went to the municipal assembly."""
    _require_secretariat(actor)
    outgoing_number = outgoing_number.strip()
    if not outgoing_number:
        raise MotionError(
            _(
                "Enter the outgoing reference (evrak sayısı) of the cover letter, as "
                "written in the council's correspondence register."
            )
        )
    with transaction.atomic():
        try:
            report = Report.objects.select_for_update().select_related("group").get(pk=report_id)
        except Report.DoesNotExist:
            raise MotionError(_("This report does not exist."), code="not_found") from None
        if report.status != ReportStatus.APPROVED:
            raise MotionError(_("Only approved reports can be submitted."), code="state")
        if Motion.objects.filter(report=report).exists():
            raise MotionError(_("This report was already submitted."), code="state")
        if report.approved_on and submitted_on < report.approved_on:
            raise MotionError(_("A report cannot be submitted before it was approved."))
        approved = report.approved_version()
        motion = _create(
            actor=actor,
            reference=None,
            title=approved.title,
            summary=summary.strip() or approved.summary,
            report=report,
            origin=report.group,
            municipality=municipality,
            recipient=recipient.strip(),
            submitted_on=submitted_on,
            outgoing_number=outgoing_number,
            topics=list(approved.topics.all()),
        )
        recipient_name = motion.municipality.name if motion.municipality else motion.recipient
        note = _("Motion %(reference)s to %(recipient)s, outgoing reference %(number)s.") % {
            "reference": motion.reference,
            "recipient": recipient_name,
            "number": outgoing_number,
        }
        ReportEvent.objects.create(
            report=report,
            action=ReportAction.SUBMIT_TO_ASSEMBLY,
            from_status=report.status,
            to_status=report.status,
            actor=actor,
            note=note,
        )
        log(
            instance=report,
            action=f"deliberation.report.{ReportAction.SUBMIT_TO_ASSEMBLY}",
            user=actor,
            data={
                "from": report.status,
                "to": report.status,
                "note": note,
                "motion": motion.reference,
                "submitted_on": submitted_on.isoformat(),
            },
        )
    return motion


def motion_create(*, actor, reference: str | None = None, **fields) -> Motion:
    """Enter a motion directly: one that came from an assembly, or one from before the platform."""
    _require_secretariat(actor)
    with transaction.atomic():
        return _create(actor=actor, reference=reference, **fields)


def _ordered(events):
    return sorted(
        events,
        key=lambda e: (
            e.date,
            e.kind != EventKind.SUBMITTED,  # the submission comes first on its day
            e.recorded_at or timezone.now(),
            e.pk or 10**12,
        ),
    )


def _active_events(
    motion: Motion, extra: list[MotionEvent] = (), excluding: set[int] = frozenset()
):
    events = [e for e in motion.events.filter(superseded_by__isnull=True) if e.pk not in excluding]
    events.extend(extra)
    return _ordered(events)


def _validate(motion: Motion, events, *, new_event=None) -> lifecycle.State:
    try:
        return lifecycle.replay(events, submitted_on=motion.submitted_on, new_event=new_event)
    except lifecycle.SequenceError as error:
        raise MotionError(str(error), code="state") from None


def motion_record_state(motion: Motion) -> lifecycle.State:
    """The state of the whole record, internal events included: what may come next.

    The stored status is the public one (see lifecycle); the back office needs both.
    """
    return _validate(motion, _active_events(motion))


# What refresh derives from the events and the calendar; nothing else is written.
DERIVED_FIELDS = (
    "status",
    "final",
    "on_agenda_on",
    "decided_on",
    "status_since",
    "due_on",
    "due_estimated",
    "committee_due_on",
    "search_text",
)


def _derive(motion: Motion, events, *, meetings, holidays, topics) -> bool:
    """Set the derived fields from the events (public ones only) and the calendar.

    ``meetings`` are the municipality's recorded agenda meetings, ``holidays`` the
    public holidays (a callable, read only when a committee deadline needs them).
    Returns whether anything changed.
    """
    before = {name: getattr(motion, name) for name in DERIVED_FIELDS}
    state = _validate(motion, events).public
    motion.status = state.status
    motion.final = state.final
    motion.on_agenda_on = state.on_agenda_on
    motion.decided_on = state.decided_on
    motion.status_since = state.status_since or motion.submitted_on
    motion.due_on, motion.due_estimated = None, False
    if motion.municipality_id:
        # The whole month: a meeting held before the submission in the same month
        # shows that month's meeting is past, and the rule's estimate must not stand in.
        month_start = motion.submitted_on.replace(day=1)
        due = deadlines.first_meeting_after(
            motion.submitted_on,
            motion.municipality.rule(),
            [day for day in meetings if day >= month_start],
        )
        motion.due_on, motion.due_estimated = due.on, due.estimated
    motion.committee_due_on = _committee_due(state, holidays)
    names = " ".join(t.name for t in topics)
    motion.search_text = fold(" ".join([motion.reference, motion.title, motion.summary, names]))
    return before != {name: getattr(motion, name) for name in DERIVED_FIELDS}


def _committee_due(state: lifecycle.State, holidays) -> date | None:
    """Art. 24: when the committee's report is due, while the state is in committee."""
    if state.status != MotionStatus.IN_COMMITTEE or state.referral is None:
        return None
    referral = state.referral
    meeting_on = referral.meeting.date if referral.meeting_id else referral.date
    return deadlines.committee_due(
        meeting_on, zoning=referral.zoning_committee, holidays=holidays()
    )


def motion_record_dates(motion: Motion) -> dict:
    """The whole record's status, date on the agenda and committee deadline, internal
    events included: what the back office's warnings count from (the stored fields are
    the public ones)."""
    state = motion_record_state(motion)
    return {
        "status": state.status,
        "on_agenda_on": state.on_agenda_on,
        "committee_due_on": _committee_due(state, _Holidays()),
    }


def _agenda_meetings(municipality_ids) -> dict[int, list[date]]:
    by_municipality: dict[int, list[date]] = {}
    rows = AssemblyMeeting.objects.filter(
        municipality_id__in=set(municipality_ids), kind__in=AGENDA_KINDS
    ).values_list("municipality_id", "date")
    for municipality_id, day in rows:
        by_municipality.setdefault(municipality_id, []).append(day)
    return by_municipality


class _Holidays:
    """The public holidays, read once and only if a committee deadline needs them."""

    def __init__(self):
        self._dates = None

    def __call__(self) -> set[date]:
        if self._dates is None:
            self._dates = set(PublicHoliday.objects.values_list("date", flat=True))
        return self._dates


def refresh(motion: Motion, *, touch: bool = False) -> Motion:
    """Recompute what follows from the events: status, due dates, search text.

    ``touch``: a public change the derived fields may not show (a note, a correction, an
    event that moves no date) still moves the record's "updated" time.
    """
    events = _active_events(motion)
    meetings = (
        _agenda_meetings([motion.municipality_id]).get(motion.municipality_id, [])
        if motion.municipality_id
        else []
    )
    topics = list(motion.topics.all()) if motion.pk else []
    # Saved only when something follows: an internal event must not even move the
    # public record's "updated" time.
    changed = _derive(motion, events, meetings=meetings, holidays=_Holidays(), topics=topics)
    if changed or touch:
        motion.save()
    return motion


def _refresh_in_bulk(motions: list[Motion]) -> int:
    """Refresh many locked motions in a fixed number of queries; returns how many changed."""
    if not motions:
        return 0
    ids = [motion.pk for motion in motions]
    events: dict[int, list[MotionEvent]] = {pk: [] for pk in ids}
    rows = MotionEvent.objects.filter(motion_id__in=ids, superseded_by__isnull=True)
    for event in rows.select_related("meeting"):
        events[event.motion_id].append(event)
    meetings = _agenda_meetings(m.municipality_id for m in motions if m.municipality_id)
    holidays = _Holidays()
    now = timezone.now()
    changed = []
    for motion in motions:
        try:
            moved = _derive(
                motion,
                _ordered(events[motion.pk]),
                meetings=meetings.get(motion.municipality_id, []),
                holidays=holidays,
                topics=list(motion.topics.all()),
            )
        except MotionError as error:
            # Name the motion: the calendar change touches many, the fix is in one.
            raise MotionError(
                _("Motion %(reference)s: %(error)s Correct its follow-up first.")
                % {"reference": motion.reference, "error": error.message},
                code=error.code,
            ) from None
        if moved:
            motion.updated_at = now
            changed.append(motion)
    Motion.objects.bulk_update(changed, [*DERIVED_FIELDS, "updated_at"])
    return len(changed)


def motions_refresh_due(
    *,
    actor,
    municipality_id: int | None = None,
    dates: Iterable[date] = (),
    holidays_changed: bool = False,
) -> int:
    """Recompute the deadlines of the motions a change of the calendar can move.

    A meeting recorded, moved or removed (``dates``) changes the motions whose search
    for their first meeting reaches that month; a new rule (``municipality_id`` alone)
    all of the municipality's; a public holiday (``holidays_changed``) the committee
    deadlines. The motions are locked, as motion_record_event locks one, and refreshed
    together in a fixed number of queries however many they are. Returns how many
    changed.
    """
    _require_secretariat(actor)
    dates = list(dates)
    motions = Motion.objects.none()
    if holidays_changed:
        motions = Motion.objects.filter(status=MotionStatus.IN_COMMITTEE)
    elif municipality_id and dates:
        months = sorted({(day.year, day.month) for day in dates})
        first = date(*months[0], 1)
        last_year, last_month = months[-1]
        after_last = date(last_year + last_month // 12, last_month % 12 + 1, 1)
        motions = Motion.objects.filter(
            municipality_id=municipality_id, submitted_on__lt=after_last
        ).filter(Q(due_on__isnull=True) | Q(due_on__gte=first))
    elif municipality_id:
        motions = Motion.objects.filter(municipality_id=municipality_id)
    with transaction.atomic():
        locked = list(
            motions.select_for_update(of=("self",))
            .select_related("municipality")
            .prefetch_related("topics")
            .order_by("pk")
        )
        return _refresh_in_bulk(locked)


def motion_record_event(
    *,
    actor,
    motion_id: int,
    kind: str,
    on: date,
    meeting: AssemblyMeeting | None = None,
    committees: str = "",
    zoning_committee: bool = False,
    outcome: str = "",
    decision_number: str = "",
    progress: int | None = None,
    note: str = "",
    document=None,
    is_public: bool = True,
    supersedes_id: int | None = None,
) -> MotionEvent:
    """Record one step of the follow-up (or a correction that supersedes a wrong one)."""
    _require_secretariat(actor)
    if kind not in EventKind.values:
        raise MotionError(_("Choose what happened."))
    if kind == EventKind.SUBMITTED:
        raise MotionError(
            _("The submission is recorded when the motion is entered; choose what happened next.")
        )
    if on > timezone.localdate():
        raise MotionError(_("An event cannot be dated in the future."))
    if kind == EventKind.DECIDED and outcome not in Outcome.values:
        raise MotionError(_("Choose the assembly's decision."))
    if kind != EventKind.DECIDED and outcome:
        raise MotionError(_("Only a decision has an outcome."))
    if progress is not None and not 0 <= progress <= 100:
        raise MotionError(_("Progress is a percentage from 0 to 100."))
    if kind in (EventKind.PLACED_ON_AGENDA, EventKind.DECIDED) and meeting and meeting.date != on:
        raise MotionError(_("The date must be the date of the chosen assembly meeting."))
    with transaction.atomic():
        try:
            motion = Motion.objects.select_for_update().get(pk=motion_id)
        except Motion.DoesNotExist:
            raise MotionError(_("This motion does not exist."), code="not_found") from None
        if meeting and motion.municipality_id and meeting.municipality_id != motion.municipality_id:
            raise MotionError(_("That meeting is of another municipality's assembly."))
        superseded = None
        if supersedes_id is not None:
            try:
                superseded = motion.events.exclude(kind=EventKind.SUBMITTED).get(
                    pk=supersedes_id, superseded_by__isnull=True
                )
            except MotionEvent.DoesNotExist:
                raise MotionError(
                    _("Only a current event of this motion can be corrected."), code="state"
                ) from None
        event = MotionEvent(
            motion=motion,
            kind=kind,
            date=on,
            meeting=meeting,
            committees=committees.strip(),
            zoning_committee=zoning_committee,
            outcome=outcome,
            decision_number=decision_number.strip(),
            progress=progress,
            note=note.strip(),
            document=document,
            is_public=is_public,
            supersedes=superseded,
            recorded_by=actor,
        )
        excluding = {superseded.pk} if superseded else set()
        _validate(motion, _active_events(motion, [event], excluding), new_event=event)
        event.save()
        # The public timeline changes when the event, or the one it corrects, is public.
        refresh(motion, touch=is_public or bool(superseded and superseded.is_public))
        log(
            instance=motion,
            action="motions.motion.correct" if superseded else "motions.motion.event",
            user=actor,
            data={**event.log_data, "date": on.isoformat(), "supersedes": supersedes_id},
        )
        if is_public and motion.is_public:
            from .notifications import queue_event_alerts

            queue_event_alerts(event)
    return event
