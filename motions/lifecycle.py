"""A motion's status follows from its events: replay them through the table."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from .models.choices import TRANSITIONS, EventKind, MotionStatus


class SequenceError(ValueError):
    """An event that cannot follow the ones before it."""


@dataclass
class EventLike:
    kind: str
    date: date
    outcome: str = ""


@dataclass
class State:
    status: str = MotionStatus.SUBMITTED
    final: bool = False
    decided_status: str = ""
    on_agenda_on: date | None = None
    decided_on: date | None = None
    history: list[str] = field(default_factory=list)


def replay(events: Iterable[EventLike], *, submitted_on: date) -> State:
    """The state after the events, in order; raises SequenceError on an impossible one."""
    state = State()
    for event in events:
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
        target = allowed[event.kind]
        if event.kind == EventKind.DECIDED:
            if not event.outcome:
                raise SequenceError(_("A decision needs its outcome."))
            target = event.outcome
            state.decided_status = event.outcome
            state.decided_on = event.date
        elif event.kind == EventKind.INSISTED:
            target = state.decided_status
        elif event.kind == EventKind.BECAME_FINAL:
            state.final = True
        if event.kind == EventKind.PLACED_ON_AGENDA and state.on_agenda_on is None:
            state.on_agenda_on = event.date
        if target is not None:
            state.status = target
        if state.status in (MotionStatus.COMPLETED, MotionStatus.WITHDRAWN):
            state.final = True
        state.history.append(event.kind)
    return state


def changes_status(kind: str) -> bool:
    """Whether an event kind can change the status (for "status since")."""
    return kind not in (EventKind.REPORTED_BACK, EventKind.BECAME_FINAL)
