"""A motion's status follows from its events: replay them through the table.

Two states come out of one replay. The record's state follows every current event and
decides what may be recorded next; the public state follows the public events only, and
is what the motion's page, the API, the feeds and the alerts show. An internal event
(not public) therefore never moves what a citizen sees: not the status, not the date it
reached the agenda, not the deadlines or the days overdue.

The public date on the agenda is the date of the record's first placing, and only when
that placing is public. A later public event (a referral, a decision) shows the motion
reached the assembly, but not when it was first placed there: an item is decided or
referred at a meeting whose agenda it was already on, perhaps for months. So then the
public state has no date and claims no lateness, and the status leaves "submitted".

Replaying the history checks that the events can follow one another by the table. Rules
about dates that the law sets for one step (the mayor's five days, the submission coming
first) are checked only for the event being recorded (``new_event``): a record kept
before such a rule must still open, replay and follow the calendar.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _

from .models.choices import TRANSITIONS, EventKind, MotionStatus

# Art. 23: the mayor may send a decision back within five days.
MAYOR_RETURN_DAYS = 5
# Events that show the assembly took the motion up: one of them in public, after an
# internal placing, takes the public status past "submitted" (but gives no date).
_HANDLING_KINDS = frozenset(EventKind.values) - {EventKind.WITHDRAWN, EventKind.SUBMITTED}


class SequenceError(ValueError):
    """An event that cannot follow the ones before it."""


@dataclass
class EventLike:
    kind: str
    date: date
    outcome: str = ""
    is_public: bool = True


@dataclass
class State:
    status: str = MotionStatus.SUBMITTED
    final: bool = False
    decided_status: str = ""
    on_agenda_on: date | None = None
    decided_on: date | None = None
    status_since: date | None = None
    insisted: bool = False
    referral: object = None  # the event that sent the motion to committee last
    placing: object = None  # the event that first placed it on the agenda
    history: list[str] = field(default_factory=list)
    public: "State | None" = None  # the state the public events alone give


def _check_mayor(event, state: State, *, new: bool) -> None:
    """Art. 23: never a return after ısrar; a new one only within five days of the decision."""
    if event.kind == EventKind.RETURNED_BY_MAYOR:
        if state.insisted:
            raise SequenceError(
                _(
                    "The assembly insisted on its decision, so it stands: the mayor "
                    "cannot return it again (art. 23)."
                )
            )
        if not new or state.decided_on is None:
            return
        last_day = state.decided_on + timedelta(days=MAYOR_RETURN_DAYS)
        if event.date > last_day:
            raise SequenceError(
                _(
                    "The mayor can return a decision only within %(days)s days (art. 23): "
                    "this decision of %(decided)s could be returned until %(last)s. "
                    "Check the dates of the decision and of the return."
                )
                % {
                    "days": MAYOR_RETURN_DAYS,
                    "decided": state.decided_on.strftime("%d.%m.%Y"),
                    "last": last_day.strftime("%d.%m.%Y"),
                }
            )


def _move_public(public: State, event, target: str | None, record: State) -> None:
    """Apply one public event to the public state, as the table moves the record."""
    if event.kind == EventKind.DECIDED:
        public.status = event.outcome
        public.decided_status = event.outcome
        public.decided_on = event.date
    elif event.kind == EventKind.INSISTED:
        # The decision insisted on stands; if it was not made public, neither is its
        # outcome, and the status stays what the public last saw.
        if public.decided_status:
            public.status = public.decided_status
        public.insisted = True
    elif target is not None:
        public.status = target
    if public.status == MotionStatus.SUBMITTED and event.kind in _HANDLING_KINDS:
        # Taken up after an internal placing: the public sees it reached the agenda.
        public.status = MotionStatus.ON_AGENDA
    if event.kind == EventKind.BECAME_FINAL:
        public.final = True
    if event.kind == EventKind.REFERRED:
        public.referral = event
    if record.placing is event:
        public.on_agenda_on = event.date
    if changes_status(event.kind):
        public.status_since = event.date
    if public.status in (MotionStatus.COMPLETED, MotionStatus.WITHDRAWN):
        public.final = True
    public.history.append(event.kind)


def replay(
    events: Iterable[EventLike], *, submitted_on: date, new_event: EventLike | None = None
) -> State:
    """The state after the events, in order; raises SequenceError on an impossible one.

    ``new_event``, one of ``events``, is the one being recorded: the rules for a new step
    apply to it alone. The returned state is the record's; its ``public`` is the public
    events' state.
    """
    state = State(status_since=submitted_on)
    public = State(status_since=submitted_on)
    state.public = public
    for event in events:
        new = event is new_event
        if event.kind == EventKind.SUBMITTED:
            # The submission itself: first, on the day of submission, and only once.
            if new and (state.history or event.date != submitted_on):
                raise SequenceError(_("A motion is submitted once, before anything else."))
            state.history.append(event.kind)
            continue
        if event.date < submitted_on:
            raise SequenceError(_("An event cannot be dated before the motion's submission."))
        allowed = TRANSITIONS.get(state.status, {})
        if event.kind not in allowed:
            raise SequenceError(
                _("“%(event)s” cannot be recorded while the motion is “%(status)s”.")
                % {"event": EventKind(event.kind).label, "status": MotionStatus(state.status).label}
            )
        if state.final and event.kind not in (
            EventKind.REPORTED_BACK,
            EventKind.IMPLEMENTATION_UPDATE,
            EventKind.COMPLETED,
        ):
            raise SequenceError(_("The decision on this motion is final."))
        _check_mayor(event, state, new=new)
        target = allowed[event.kind]
        if event.kind == EventKind.DECIDED:
            if not event.outcome:
                raise SequenceError(_("A decision needs its outcome."))
            target = event.outcome
            state.decided_status = event.outcome
            state.decided_on = event.date
            state.insisted = False
        elif event.kind == EventKind.INSISTED:
            target = state.decided_status
            state.insisted = True
        elif event.kind == EventKind.BECAME_FINAL:
            state.final = True
        if event.kind == EventKind.REFERRED:
            state.referral = event
        if event.kind == EventKind.PLACED_ON_AGENDA and state.on_agenda_on is None:
            state.on_agenda_on = event.date
            state.placing = event
        if changes_status(event.kind):
            state.status_since = event.date
        table_target = allowed[event.kind]
        if target is not None:
            state.status = target
        if state.status in (MotionStatus.COMPLETED, MotionStatus.WITHDRAWN):
            state.final = True
        state.history.append(event.kind)
        if getattr(event, "is_public", True):
            _move_public(public, event, table_target, state)
    return state


def changes_status(kind: str) -> bool:
    """Whether an event kind can change the status (for "status since")."""
    return kind not in (EventKind.REPORTED_BACK, EventKind.BECAME_FINAL)
