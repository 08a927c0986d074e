"""E-mails to the people who follow motions: confirmations, management links and alerts.

Services queue them with ``transaction.on_commit``; the background worker (django-tasks,
see motions.tasks) renders and sends them, each in the subscriber's language. Alerts go
out once per address and event, however many of the address's subscriptions match.
"""

import logging
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from shared.site import absolute_url, public_links, site_name

from .models import AlertDelivery, AlertScope, MotionEvent, Subscription

logger = logging.getLogger(__name__)

# The broadest subscription first: its link is the one-click unsubscribe of an alert.
_SCOPE_ORDER = {AlertScope.ALL: 0, AlertScope.TOPIC: 1, AlertScope.MOTION: 2}


def motion_url(motion) -> str:
    """The motion's public page in the active language, else the site's home page."""
    return public_links(None).motion(motion) or absolute_url("/")


def _render(template: str, context: dict) -> tuple[str, str]:
    subject = render_to_string(f"motions/email/{template}_subject.txt", context)
    body = render_to_string(f"motions/email/{template}_body.txt", context)
    return " ".join(subject.split()), body


def _urls(subscription: Subscription) -> dict:
    """The links of one subscription, in the active language."""
    token = subscription.token
    return {
        "confirm_url": absolute_url(reverse("motion_alerts:confirm", args=[token])),
        "unsubscribe_url": absolute_url(reverse("motion_alerts:unsubscribe", args=[token])),
        "one_click_url": absolute_url(reverse("motion_alerts:one_click", args=[token])),
    }


# --- Queueing (called by the services, inside their transaction) -------------------------


def queue_event_alerts(event: MotionEvent) -> None:
    """Alert the followers of a public event of a public motion once the event commits."""
    if not (event.is_public and event.motion.is_public):
        return
    from .tasks import send_event_alerts_task

    event_id = event.pk
    transaction.on_commit(lambda: send_event_alerts_task.enqueue(event_id=event_id))


def queue_confirmation(subscription: Subscription) -> None:
    """Mail the confirmation link once the pending subscription commits."""
    from .tasks import send_confirmation_task

    subscription_id = subscription.pk
    transaction.on_commit(lambda: send_confirmation_task.enqueue(subscription_id=subscription_id))


def queue_manage_link(subscription: Subscription | None, *, language: str) -> None:
    """Mail a link to the management page of the subscription's address.

    Queued for an unknown address too (with no subscription, the task sends nothing), so
    the request does the same work whether or not the address is subscribed.
    """
    from .tasks import send_manage_link_task

    subscription_id = subscription.pk if subscription is not None else None
    transaction.on_commit(
        lambda: send_manage_link_task.enqueue(subscription_id=subscription_id, language=language)
    )


# --- Sending (run by the worker) ----------------------------------------------------------


def send_confirmation(subscription_id: int) -> bool:
    """Send the confirmation link of a still pending subscription."""
    from .subscriptions import CONFIRM_MAX_AGE

    subscription = (
        Subscription.objects.pending()
        .select_related("motion", "topic")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None:
        return False
    with translation.override(subscription.language):
        context = {
            "site_name": site_name(),
            "target": subscription.target_label,
            "valid_days": CONFIRM_MAX_AGE.days,
            **_urls(subscription),
        }
        subject, body = _render("confirm", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [subscription.email]).send()
    return True


def send_manage_link(subscription_id: int | None, language: str) -> bool:
    """Send a signed, time-limited link to the management page of an address."""
    from .subscriptions import MANAGE_LINK_MAX_AGE, make_manage_token

    if subscription_id is None:
        return False
    email = Subscription.objects.filter(pk=subscription_id).values_list("email", flat=True).first()
    token = make_manage_token(email) if email else None
    if token is None:
        return False
    with translation.override(language):
        context = {
            "site_name": site_name(),
            "manage_url": absolute_url(reverse("motion_alerts:manage", args=[token])),
            "valid_hours": int(MANAGE_LINK_MAX_AGE.total_seconds() // 3600),
        }
        subject, body = _render("manage_link", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email]).send()
    return True


def build_event_alert(event: MotionEvent, subscriptions: list[Subscription]) -> EmailMessage:
    """The alert of one event to one address, naming every subscription it answers."""
    subscriptions = sorted(subscriptions, key=lambda s: (_SCOPE_ORDER[s.scope], s.pk))
    language = max(subscriptions, key=lambda s: s.confirmed_at or timezone.now()).language
    motion = event.motion
    with translation.override(language):
        follows = [
            {"label": s.target_label, "unsubscribe_url": _urls(s)["unsubscribe_url"]}
            for s in subscriptions
        ]
        one_click_url = _urls(subscriptions[0])["one_click_url"]
        context = {
            "site_name": site_name(),
            "motion": motion,
            "status": motion.get_status_display(),
            "event": event,
            "label": event.label,
            "motion_url": motion_url(motion),
            "follows": follows,
            "manage_url": absolute_url(reverse("motion_alerts:manage_request")),
        }
        subject, body = _render("event_alert", context)
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [subscriptions[0].email],
        headers={
            # RFC 2369 and RFC 8058: mail programs show an unsubscribe button that POSTs.
            "List-Unsubscribe": f"<{one_click_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def send_event_alerts(event_id: int) -> dict:
    """Send one alert per following address; a failure for one does not stop the others.

    Each address's deliveries are claimed before sending (unique per event and
    subscription), so a retried or concurrent run never sends twice; a failed send
    releases its claim and is logged.
    """
    counts = {"sent": 0, "skipped": 0, "failed": 0}
    event = MotionEvent.objects.select_related("motion").filter(pk=event_id).first()
    if event is None or not (event.is_public and event.motion.is_public):
        return counts
    if MotionEvent.objects.filter(supersedes_id=event.pk).exists():
        return counts  # corrected meanwhile: the correction sends its own alert
    topic_ids = event.motion.topics.values_list("pk", flat=True)
    followers = (
        Subscription.objects.confirmed()
        .following(event.motion, topic_ids)
        .select_related("motion", "topic")
        .order_by("email", "pk")
    )
    delivered = set(
        AlertDelivery.objects.filter(event=event).values_list("subscription_id", flat=True)
    )
    connection = get_connection()
    for _email, group in groupby(followers, key=lambda s: s.email):
        group = list(group)
        if any(s.pk in delivered for s in group):
            counts["skipped"] += 1
            continue
        try:
            with transaction.atomic():
                AlertDelivery.objects.bulk_create(
                    [AlertDelivery(event=event, subscription=s) for s in group]
                )
        except IntegrityError:
            counts["skipped"] += 1
            continue
        try:
            message = build_event_alert(event, group)
            message.connection = connection
            connection.open()  # once for the whole run; does nothing when already open
            message.send()
        except Exception:
            # Logged by subscription id: the address is personal data and stays out of logs.
            logger.exception(
                "Alert of motion event %s to subscription %s failed.", event.pk, group[0].pk
            )
            AlertDelivery.objects.filter(event=event, subscription__in=group).delete()
            counts["failed"] += 1
            connection.close()
            connection = get_connection()
            continue
        counts["sent"] += 1
    connection.close()
    return counts
