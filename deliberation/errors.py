"""The one error type deliberation services raise when they refuse an action."""


class DeliberationError(Exception):
    """A refused action or bad input, with a message the person can act on.

    ``code`` lets views and tests tell refusals apart: "forbidden" for a role that may
    not act, "state" for the wrong state, "conflict" for a concurrent change and
    "invalid" for bad input.
    """

    def __init__(self, message, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self):
        return str(self.message)
