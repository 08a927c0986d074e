"""The error motions services raise when they refuse an action."""

from shared.errors import DomainError


class MotionError(DomainError):
    """A refusal of the motions follow-up's services (codes as in DomainError)."""
