"""E-mail alerts on motions: subscribe (double opt-in), confirm, unsubscribe, delete.

Anyone may follow one motion, a topic or all motions without an account. An address is
personal data (KVKK, Law 6698), so:

- consent is explicit and separate, and we keep when it was given and which version of
  the text (``CONSENT_VERSION``, whose text is the template ``CONSENT_TEMPLATE``; a new
  text gets a new version and a new template, the old one stays for the record);
- nothing is sent before the address's owner confirms from the mailbox;
- public pages never tell whether an address is subscribed: the same answer either way,
  and only the mailbox learns more;
- deleting is real deletion; ``SubscriptionDeletion`` keeps how many and when, never whose.
"""

import enum
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry

from deliberation.models import Topic

from . import notifications
from .errors import MotionError
from .models import (
    AlertScope,
    DeletionReason,
    Motion,
    Subscription,
    SubscriptionDeletion,
)

CONSENT_VERSION = "2026-12"
CONSENT_TEMPLATE = f"motions/alerts/consent_{CONSENT_VERSION}.html"
CONFIRM_MAX_AGE = timedelta(days=7)
MANAGE_LINK_MAX_AGE = timedelta(hours=24)
# What new_token() makes; anything else is refused before it reaches the database.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_MANAGE_SALT = "motions.subscriptions.manage-link"


class RequestOutcome(enum.Enum):
    """What a subscription request did; the visitor is told the same in every case."""

    SENT = "sent"  # a confirmation e-mail is on its way
    ALREADY_CONFIRMED = "already_confirmed"  # nothing to do, nothing sent


@hooks.register("register_log_actions")
def register_subscription_log_actions(actions):
    """Audit entries for alert subscriptions; they never hold the e-mail address."""
    actions.register_action(
        "motions.subscription.request",
        gettext_lazy("Alert subscription: requested"),
        gettext_lazy("Alert subscription requested; consent given"),
    )
    actions.register_action(
        "motions.subscription.confirm",
        gettext_lazy("Alert subscription: confirmed"),
        gettext_lazy("Alert subscription confirmed from the mailbox"),
    )
    actions.register_action(
        "motions.subscription.delete",
        gettext_lazy("Alert subscription: deleted"),
        gettext_lazy("Alert subscription and its e-mail address deleted"),
    )


# The hook runs when Wagtail first reads its log actions; if that happened before this
# module was imported, register now.
if log_registry.has_scanned_for_actions:
    register_subscription_log_actions(log_registry)


def normalise_email(value: str) -> str:
    """The form of an address we store and compare: trimmed and lower-cased."""
    return (value or "").strip().lower()


def subscribe_url(*, motion: Motion | None = None, topic: Topic | None = None) -> str:
    """The subscribe form, with one motion or one topic chosen in advance."""
    url = reverse("motion_alerts:subscribe")
    if motion is not None:
        return f"{url}?{urlencode({'onerge': motion.reference})}"
    if topic is not None:
        return f"{url}?{urlencode({'konu': topic.slug})}"
    return url


def _language(value: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    return value if value in codes else settings.LANGUAGE_CODE


def _audit(subscription: Subscription, action: str, **data) -> None:
    log(
        instance=subscription,
        action=action,
        title=str(subscription),
        data={"scope": subscription.scope, **data},
    )


def is_expired(subscription: Subscription, *, now=None) -> bool:
    """An unconfirmed subscription whose confirmation link no longer works."""
    now = now or timezone.now()
    sent_at = subscription.confirmation_sent_at or subscription.created_at
    return not subscription.is_confirmed and sent_at < now - CONFIRM_MAX_AGE


def _delete(subscriptions: list[Subscription], *, reason: str) -> int:
    """Delete for real and keep the anonymous record; inside the caller's transaction."""
    if not subscriptions:
        return 0
    for subscription in subscriptions:
        _audit(subscription, "motions.subscription.delete", reason=reason)
    Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).delete()
    SubscriptionDeletion.objects.create(reason=reason, count=len(subscriptions))
    return len(subscriptions)


def _target(*, scope: str, motion_id: int | None, topic_id: int | None) -> dict:
    if scope == AlertScope.ALL:
        return {"scope": scope, "motion": None, "topic": None}
    if scope == AlertScope.MOTION:
        motion = Motion.objects.public().filter(pk=motion_id).first() if motion_id else None
        if motion is None:
            raise MotionError(_("Choose a public motion to follow."), code="not_found")
        return {"scope": scope, "motion": motion, "topic": None}
    if scope == AlertScope.TOPIC:
        topic = Topic.objects.filter(pk=topic_id).first() if topic_id else None
        if topic is None:
            raise MotionError(_("Choose a topic to follow."), code="not_found")
        return {"scope": scope, "motion": None, "topic": topic}
    raise MotionError(_("Choose what you would like to follow."))


def subscriptions_purge_expired() -> int:
    """Delete the unconfirmed subscriptions whose confirmation link has expired."""
    cutoff = timezone.now() - CONFIRM_MAX_AGE
    with transaction.atomic():
        stale = list(
            Subscription.objects.select_for_update()
            .pending()
            .filter(confirmation_sent_at__lt=cutoff)
        )
        return _delete(stale, reason=DeletionReason.EXPIRED)


def subscription_request(
    *,
    email: str,
    scope: str,
    motion_id: int | None = None,
    topic_id: int | None = None,
    consent: bool,
    language: str = "",
) -> RequestOutcome:
    """Ask to follow a target: store a pending subscription and mail a confirmation link."""
    email = normalise_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise MotionError(_("Enter a valid e-mail address.")) from None
    if not consent:
        raise MotionError(
            _("Alerts are sent only with your consent. Reading the site needs none."),
            code="invalid",
        )
    target = _target(scope=scope, motion_id=motion_id, topic_id=topic_id)
    subscriptions_purge_expired()
    now = timezone.now()
    # How often one address or client may ask is limited in the view (shared.limits).
    with transaction.atomic():
        existing = (
            Subscription.objects.select_for_update()
            .filter(
                email=email,
                scope=target["scope"],
                motion=target["motion"],
                topic=target["topic"],
            )
            .first()
        )
        if existing is not None and existing.is_confirmed:
            return RequestOutcome.ALREADY_CONFIRMED
        subscription = existing or Subscription(email=email, **target)
        subscription.confirmation_sent_at = now
        subscription.consent_version = CONSENT_VERSION
        subscription.consent_given_at = now
        subscription.language = _language(language)
        try:
            with transaction.atomic():
                subscription.save()
        except IntegrityError:
            # A request for the same target committed meanwhile and sent its own link.
            return RequestOutcome.SENT
        _audit(
            subscription,
            "motions.subscription.request",
            consent_version=CONSENT_VERSION,
            language=subscription.language,
        )
        notifications.queue_confirmation(subscription)
    return RequestOutcome.SENT


def is_token(value: str) -> bool:
    """Whether ``value`` looks like a subscription's token (no query for anything else)."""
    return bool(_TOKEN.fullmatch(value or ""))


def subscription_for_token(token: str) -> Subscription | None:
    """The subscription a confirm or unsubscribe link names, or None."""
    if not is_token(token):
        return None
    return Subscription.objects.select_related("motion", "topic").filter(token=token).first()


def subscription_confirm(*, token: str) -> Subscription:
    """Confirm from the link mailed to the address; confirming twice changes nothing."""
    if not is_token(token):
        raise MotionError(_("This link does not work."), code="not_found")
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(token=token).first()
        if subscription is None:
            raise MotionError(_("This link does not work."), code="not_found")
        if subscription.is_confirmed:
            return subscription
        if is_expired(subscription):
            raise MotionError(_("This confirmation link has expired."), code="expired")
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
        _audit(subscription, "motions.subscription.confirm")
    return subscription


def subscription_unsubscribe(*, token: str) -> bool:
    """Delete the subscription a link names; False if it is gone already."""
    if not is_token(token):
        return False
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(token=token).first()
        return bool(
            _delete([subscription] if subscription else [], reason=DeletionReason.UNSUBSCRIBED)
        )


def subscriber_subscriptions(email: str) -> list[Subscription]:
    """Every subscription of one address, confirmed or not, for the management page."""
    return list(
        Subscription.objects.for_email(normalise_email(email))
        .select_related("motion", "topic")
        .order_by("scope", "pk")
    )


def subscription_delete(*, email: str, subscription_id: int) -> bool:
    """The subscriber deletes one of their subscriptions on the management page."""
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .for_email(normalise_email(email))
            .filter(pk=subscription_id)
            .first()
        )
        return bool(
            _delete([subscription] if subscription else [], reason=DeletionReason.BY_SUBSCRIBER)
        )


def subscriptions_delete_all(*, email: str, reason: str = DeletionReason.BY_SUBSCRIBER) -> int:
    """The subscriber deletes all their subscriptions, and with them their address."""
    with transaction.atomic():
        subscriptions = list(
            Subscription.objects.select_for_update().for_email(normalise_email(email))
        )
        return _delete(subscriptions, reason=reason)


def subscription_send_manage_link(*, email: str, language: str = "") -> bool:
    """Queue a link to the management page; the worker sends it if the address has any.

    Known address or not, this does the same work (one lookup, one queued task) and the
    visitor is told the same; how often one may ask is limited in the view (shared.limits).
    True when the address has subscriptions.
    """
    email = normalise_email(email)
    anchor = Subscription.objects.for_email(email).order_by("pk").first()
    with transaction.atomic():
        notifications.queue_manage_link(anchor, language=_language(language))
    return anchor is not None


# --- The signed link to the management page ----------------------------------------------
#
# The link must not carry the address in readable form (URLs end up in logs), so it names
# the address's oldest subscription (the anchor) and a keyed hash of the address. It
# stays valid for MANAGE_LINK_MAX_AGE from when it was issued; after a deletion the page
# moves to a link with a new anchor and the same issue time.


class LinkStatus(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


@dataclass(frozen=True)
class ManageAccess:
    status: LinkStatus
    email: str = ""
    issued_at: int = 0


def _address_digest(email: str) -> str:
    return salted_hmac(_MANAGE_SALT, email).hexdigest()[:32]


def make_manage_token(email: str, *, issued_at: int | None = None) -> str | None:
    """A signed token for the management page of ``email``; None without subscriptions."""
    email = normalise_email(email)
    anchor = Subscription.objects.for_email(email).order_by("pk").values_list("pk", flat=True)
    anchor_id = anchor.first()
    if anchor_id is None:
        return None
    payload = {"a": anchor_id, "h": _address_digest(email), "t": issued_at or int(time.time())}
    return signing.dumps(payload, salt=_MANAGE_SALT)


def check_manage_token(token: str) -> ManageAccess:
    """Whether a management link is valid, and for which address."""
    try:
        payload = signing.loads(token or "", salt=_MANAGE_SALT)
    except signing.BadSignature:
        return ManageAccess(LinkStatus.INVALID)
    if not isinstance(payload, dict):
        return ManageAccess(LinkStatus.INVALID)
    anchor_id, digest, issued_at = payload.get("a"), payload.get("h"), payload.get("t")
    if not isinstance(anchor_id, int) or not isinstance(issued_at, int):
        return ManageAccess(LinkStatus.INVALID)
    if time.time() - issued_at > MANAGE_LINK_MAX_AGE.total_seconds():
        return ManageAccess(LinkStatus.EXPIRED)
    email = Subscription.objects.filter(pk=anchor_id).values_list("email", flat=True).first()
    if email is None or not constant_time_compare(_address_digest(email), str(digest)):
        return ManageAccess(LinkStatus.INVALID)
    return ManageAccess(LinkStatus.VALID, email=email, issued_at=issued_at)
