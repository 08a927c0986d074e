"""The one error type motions services raise when they refuse an action."""

from deliberation.errors import DeliberationError


class MotionError(DeliberationError):
    """A refused action or bad input in the motions follow-up; same codes as deliberation."""
