"""One way for a view to turn a service's refusal into what the person sees.

Services raise ``DomainError`` (or an app's subclass) and views do not catch it by hand:
a view class takes ``DomainErrorMixin`` before its base view. A refusal then becomes

- 403 or 404 for "forbidden" and "not_found" (Django's error pages, no detail leaks);
- the bound form again, with the message as a form error and what the person typed kept,
  answered with 409 for "state" and "conflict" and 200 for "invalid" (as any invalid form);
- for a view without a form (a button that posts), the page again with the message.

Function views use ``domain_errors`` the same way.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .errors import DomainError


def raise_for_access(error: DomainError) -> None:
    """403 or 404 for a refusal that is about who asks or what exists, not about input."""
    if error.code == "forbidden":
        raise PermissionDenied(error.message)
    if error.code == "not_found":
        raise Http404(error.message)


class DomainErrorMixin:
    """Class-based views: a DomainError raised while handling the request is answered here.

    Override ``refused(form, error)`` to add to the answer (e.g. a link to compare versions).
    """

    # A heading for the message shown above a refused form, if the view wants one.
    refused_message = None

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except DomainError as error:
            raise_for_access(error)
            form = getattr(self, "form", None) or getattr(self, "_bound_form", None)
            if form is not None and form.is_bound:
                response = self.refused(form, error)
            else:
                response = self.refused_without_form(error)
            if error.status != 200 and getattr(response, "status_code", 200) == 200:
                response.status_code = error.status
            return response

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        self._bound_form = form
        return form

    def refused(self, form, error: DomainError):
        """The form again, with the refusal as its error; what was typed stays."""
        form.add_error(None, error.message)
        if self.refused_message:
            messages.error(self.request, self.refused_message)
        return self.form_invalid(form)

    def refused_without_form(self, error: DomainError):
        """A posted button was refused: the page again, with the reason."""
        messages.error(self.request, error.message)
        return self.get(self.request, *self.args, **self.kwargs)


def domain_errors(on_refusal):
    """Function views: ``on_refusal(request, error, *args, **kwargs)`` answers a refusal
    that is not about access (403/404 are raised as for class-based views)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except DomainError as error:
                raise_for_access(error)
                response = on_refusal(request, error, *args, **kwargs)
                if error.status != 200 and response.status_code == 200:
                    response.status_code = error.status
                return response

        return wrapper

    return decorator
