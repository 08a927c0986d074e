"""Public pages of the e-mail alerts: subscribe, confirm, unsubscribe, manage.

None of them tells a visitor whether an address is subscribed; links that do not work
get a page that says so (4xx), never an error page.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from deliberation.models import Topic
from shared import limits
from shared.query_params import parse_id
from shared.text import turkish_sort_key

from . import subscriptions
from .errors import MotionError
from .models import AlertScope, Motion
from .subscriptions import (
    CONFIRM_MAX_AGE,
    CONSENT_TEMPLATE,
    MANAGE_LINK_MAX_AGE,
    LinkStatus,
)

# --- Forms -----------------------------------------------------------------------------


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        max_length=254,
        help_text=gettext_lazy("Alerts go to this address. It is never shown publicly."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    scope = forms.ChoiceField(
        label=gettext_lazy("What would you like to follow?"),
        choices=AlertScope.choices,
        initial=AlertScope.ALL,
        widget=forms.RadioSelect,
    )
    motion = forms.CharField(
        label=gettext_lazy("Motion reference"),
        required=False,
        max_length=20,
        help_text=gettext_lazy("To follow one motion: its reference, for example 2026/14."),
    )
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Topic"),
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Choose a topic"),
        help_text=gettext_lazy("To follow a topic: every motion on it."),
    )
    consent = forms.BooleanField(
        label=gettext_lazy(
            "I have read the information text above and agree that my e-mail address is "
            "processed to send me these alerts."
        ),
        error_messages={
            "required": gettext_lazy(
                "Alerts are sent only with your consent. Reading the site needs none."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["topic"]
        # In the Turkish alphabet (ç after c, ı before i), which databases do not sort by.
        topics = sorted(field.queryset, key=lambda topic: turkish_sort_key(topic.name))
        field.choices = [("", field.empty_label), *((t.slug, t.name) for t in topics)]

    def clean(self):
        cleaned = super().clean()
        scope = cleaned.get("scope")
        cleaned["motion_obj"] = None
        if scope == AlertScope.MOTION and "motion" not in self.errors:
            reference = (cleaned.get("motion") or "").strip()
            if not reference:
                self.add_error("motion", _("Enter the reference of the motion to follow."))
            else:
                motion = Motion.objects.public().filter(reference=reference).first()
                if motion is None:
                    self.add_error(
                        "motion",
                        _("No public motion has the reference %(reference)s.")
                        % {"reference": reference},
                    )
                cleaned["motion_obj"] = motion
        elif scope == AlertScope.TOPIC and not cleaned.get("topic") and "topic" not in self.errors:
            self.add_error("topic", _("Choose the topic to follow."))
        return cleaned


class ManageRequestForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _clean_param(value: str | None, max_length: int) -> str:
    # PostgreSQL refuses NUL in a query; no reference or slug holds control characters.
    return "".join(c for c in (value or "") if c.isprintable()).strip()[:max_length]


def _initial(params) -> dict:
    """The subscribe form's choice from links such as ?onerge=2026/14 or ?konu=ulasim."""
    reference = _clean_param(params.get("onerge"), 20)
    if reference:
        return {"scope": AlertScope.MOTION, "motion": reference}
    slug = _clean_param(params.get("konu"), 120)
    if slug and Topic.objects.filter(slug=slug).exists():
        return {"scope": AlertScope.TOPIC, "topic": slug}
    return {}


def _consent_context() -> dict:
    return {
        "consent_template": CONSENT_TEMPLATE,
        "consent_version": subscriptions.CONSENT_VERSION,
        "valid_days": CONFIRM_MAX_AGE.days,
    }


# --- Subscribe and confirm ----------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The subscribe form: an address, what to follow and an explicit consent."""
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if limits.over_limit(request, form, "alert_subscribe", email=request.POST.get("email")):
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                subscriptions.subscription_request(
                    email=data["email"],
                    scope=data["scope"],
                    motion_id=data["motion_obj"].pk if data["motion_obj"] else None,
                    topic_id=data["topic"].pk if data["topic"] else None,
                    consent=data["consent"],
                    language=translation.get_language() or "",
                )
            except MotionError as error:
                form.add_error(None, error.message)
            else:
                return redirect("motion_alerts:subscribe_done")
    else:
        form = SubscribeForm(initial=_initial(request.GET))
    reference = _clean_param(form["motion"].value(), 20)
    chosen = (
        Motion.objects.public().filter(reference=reference).first()
        if reference and form["scope"].value() == AlertScope.MOTION
        else None
    )
    return render(
        request,
        "motions/alerts/subscribe.html",
        {"form": form, "chosen_motion": chosen, **_consent_context()},
        status=status,
    )


@never_cache
@require_GET
def subscribe_done(request):
    return render(
        request,
        "motions/alerts/subscribe_done.html",
        {
            "valid_days": CONFIRM_MAX_AGE.days,
            "daily_limit": limits.rate_count(
                settings.ABUSE_LIMITS["alert_subscribe"][limits.PER_EMAIL]
            ),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET shows a button (link scanners must not confirm), POST confirms."""
    if request.method == "POST":
        try:
            subscriptions.subscription_confirm(token=token)
        except MotionError as error:
            state = "expired" if error.code == "expired" else "invalid"
            return _confirm_page(request, state, None)
        return redirect("motion_alerts:confirm", token=token)
    subscription = subscriptions.subscription_for_token(token)
    if subscription is None:
        return _confirm_page(request, "invalid", None)
    if subscription.is_confirmed:
        return _confirm_page(request, "confirmed", subscription)
    if subscriptions.is_expired(subscription):
        return _confirm_page(request, "expired", None)
    return _confirm_page(request, "pending", subscription)


def _confirm_page(request, state: str, subscription):
    status = {"invalid": 404, "expired": 410}.get(state, 200)
    return render(
        request,
        "motions/alerts/confirm.html",
        {
            "state": state,
            "subscription": subscription,
            "valid_days": CONFIRM_MAX_AGE.days,
        },
        status=status,
    )


# --- Unsubscribe --------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """The link in every alert: GET shows what stops and a button, POST deletes."""
    if request.method == "POST":
        if subscriptions.subscription_unsubscribe(token=token):
            return redirect("motion_alerts:unsubscribe_done")
        return render(
            request, "motions/alerts/unsubscribe.html", {"subscription": None}, status=404
        )
    subscription = subscriptions.subscription_for_token(token)
    return render(
        request,
        "motions/alerts/unsubscribe.html",
        {"subscription": subscription},
        status=200 if subscription else 404,
    )


@never_cache
@require_GET
def unsubscribe_done(request):
    return render(request, "motions/alerts/unsubscribe_done.html")


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_one_click(request, token: str):
    """RFC 8058 one-click unsubscribe: mail programs POST here without a CSRF token.

    The secret token in the address is the proof; a missing subscription is already
    unsubscribed, so the answer is the same. A browser's GET goes to the normal page.
    """
    if request.method == "GET":
        return redirect("motion_alerts:unsubscribe", token=token)
    subscriptions.subscription_unsubscribe(token=token)
    return HttpResponse(_("You are unsubscribed."), content_type="text/plain; charset=utf-8")


# --- Manage -------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def manage_request(request):
    """Ask for a link to the management page; the answer never tells if we know the address."""
    status = 200
    if request.method == "POST":
        form = ManageRequestForm(request.POST)
        if limits.over_limit(request, form, "alert_manage_link", email=request.POST.get("email")):
            status = 429
        elif form.is_valid():
            subscriptions.subscription_send_manage_link(
                email=form.cleaned_data["email"], language=translation.get_language() or ""
            )
            return redirect("motion_alerts:manage_request_done")
    else:
        form = ManageRequestForm()
    return render(request, "motions/alerts/manage_request.html", {"form": form}, status=status)


@never_cache
@require_GET
def manage_request_done(request):
    return render(
        request,
        "motions/alerts/manage_request_done.html",
        {"valid_hours": int(MANAGE_LINK_MAX_AGE.total_seconds() // 3600)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token: str):
    """The subscriber's own page: their subscriptions, each deletable, or all at once."""
    access = subscriptions.check_manage_token(token)
    if access.status != LinkStatus.VALID:
        return render(
            request,
            "motions/alerts/manage_link_failed.html",
            {
                "expired": access.status == LinkStatus.EXPIRED,
                "valid_hours": int(MANAGE_LINK_MAX_AGE.total_seconds() // 3600),
            },
            status=410 if access.status == LinkStatus.EXPIRED else 400,
        )
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "delete_all":
            subscriptions.subscriptions_delete_all(email=access.email)
            return redirect("motion_alerts:manage_deleted")
        if action == "delete":
            subscription_id = parse_id(request.POST.get("subscription", ""))
            deleted = subscription_id is not None and subscriptions.subscription_delete(
                email=access.email, subscription_id=subscription_id
            )
            if deleted:
                messages.success(request, _("The subscription is deleted."))
            else:
                messages.info(request, _("That subscription was already deleted."))
        new_token = subscriptions.make_manage_token(access.email, issued_at=access.issued_at)
        if new_token is None:
            return redirect("motion_alerts:manage_deleted")
        return redirect("motion_alerts:manage", token=new_token)
    return render(
        request,
        "motions/alerts/manage.html",
        {
            "email": access.email,
            "subscriptions": subscriptions.subscriber_subscriptions(access.email),
        },
    )


@never_cache
@require_GET
def manage_deleted(request):
    return render(
        request,
        "motions/alerts/manage_deleted.html",
        {"subscribe_url": reverse("motion_alerts:subscribe")},
    )
