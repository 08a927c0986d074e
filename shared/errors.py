"""The one error type the domain's services raise when they refuse an action.

Views never build responses for it by hand: ``shared.views.DomainErrorMixin`` turns it
into what the person should see (a form error, 403, 404 or 409).
"""


class DomainError(Exception):
    """A refused action or bad input, with a message the person can act on.

    ``code`` tells refusals apart, for views and tests:

    - "invalid": bad input; the form comes back with the message (status 200, as any
      invalid form);
    - "forbidden": a role that may not act (403);
    - "not_found": nothing the person may see by that name (404);
    - "state": the thing is not in a state that allows the action (409);
    - "conflict": someone changed it meanwhile (409);
    - "expired": a link or token that no longer works (the view decides).
    """

    def __init__(self, message, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self):
        return str(self.message)

    @property
    def status(self) -> int:
        """The HTTP status a response to this refusal carries."""
        return STATUS_BY_CODE.get(self.code, 200)


STATUS_BY_CODE = {"forbidden": 403, "not_found": 404, "state": 409, "conflict": 409}
