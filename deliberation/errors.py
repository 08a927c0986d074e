"""The error deliberation services raise when they refuse an action."""

from shared.errors import DomainError


class DeliberationError(DomainError):
    """A refusal of the working groups' and organs' services (codes as in DomainError)."""
