"""Limits on abuse: how often one client address, and one e-mail address, may use a form.

django-ratelimit keeps the counts in Django's cache (fixed windows), so the limits hold
across processes only when the cache is shared (Redis in production, see CACHE_URL).
Every limit is named in ``settings.ABUSE_LIMITS``; login lockouts are django-axes' job
(see ``AXES_*`` in the settings), and both see the client address through ``client_ip``.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.forms.utils import ErrorDict
from django.http import HttpRequest
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

PER_IP = "per_ip"
PER_EMAIL = "per_email"


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: REMOTE_ADDR, or the proxies' X-Forwarded-For when trusted.

    With ``TRUSTED_PROXY_COUNT`` proxies in front of the site, each appends the address it
    saw, so the client is the entry that many places from the right; anything further
    left was written by the client and may be forged.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (a key, not a bind)


def ratelimit_ip(request: HttpRequest) -> str:
    """``RATELIMIT_IP_META_KEY``: django-ratelimit's ``ip`` key, through ``client_ip``."""
    return client_ip(request)


def rate_count(rate: str) -> int:
    """How many a rate such as ``"5/d"`` allows."""
    return int(rate.split("/", 1)[0])


@dataclass(frozen=True)
class Refusal:
    """A request over a limit: what to tell the person, and when they may try again."""

    seconds_left: int

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.seconds_left / 60))

    @property
    def message(self) -> str:
        return ngettext(
            "Too many attempts. Please try again in %(minutes)d minute.",
            "Too many attempts. Please try again in %(minutes)d minutes.",
            self.minutes,
        ) % {"minutes": self.minutes}


def _normalised_email(value: str) -> str:
    return (value or "").strip().lower()


def check(request: HttpRequest, form: str, *, email: str | None = None) -> Refusal | None:
    """Count one use of ``form`` by this client (and for ``email``); a Refusal if over.

    The client address is counted first; a request it refuses is not counted against
    the e-mail address, so one client cannot use up another person's allowance alone.
    """
    limits = settings.ABUSE_LIMITS[form]
    usage = get_usage(request, group=f"{form}:ip", key="ip", rate=limits[PER_IP], increment=True)
    if usage and usage["should_limit"]:
        return Refusal(usage["time_left"])
    address = _normalised_email(email or "")
    if not address:
        return None
    usage = get_usage(
        request,
        group=f"{form}:email",
        key=lambda _group, _request: address,
        rate=limits[PER_EMAIL],
        increment=True,
    )
    if usage and usage["should_limit"]:
        return Refusal(usage["time_left"])
    return None


def refuse(form, refusal: Refusal) -> None:
    """Show the refusal on the bound ``form`` above its fields; what was typed stays.

    The form is not validated: a refused request checks no password, uses up no
    anti-spam token and runs no query for what was typed.
    """
    form.cleaned_data = {}
    form._errors = ErrorDict(renderer=form.renderer)
    form.add_error(None, refusal.message)


def over_limit(request: HttpRequest, form, name: str, *, email: str | None = None) -> bool:
    """Count this use of the form ``name``; if over a limit, say so on ``form`` (``refuse``).

    A view answers True with its form and HTTP 429: ``if over_limit(...): status = 429``.
    """
    refusal = check(request, name, email=email)
    if refusal is None:
        return False
    refuse(form, refusal)
    return True


class LimitedFormMixin:
    """A class-based form view whose every POST first counts against ``ABUSE_LIMITS``.

    ``limit`` names the limit; ``limit_email_field`` the posted field that holds the
    target address (counted per e-mail as well as per client).
    """

    limit: str
    limit_email_field = "email"

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if over_limit(request, form, self.limit, email=request.POST.get(self.limit_email_field)):
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)
