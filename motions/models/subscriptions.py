"""E-mail alerts: who follows which motions, what was sent, and a record of deletions.

A subscription holds an e-mail address, which is personal data (KVKK): it is stored
only with the consent given on the form, its text version and when, and it is really
deleted when the subscriber asks; only an anonymous count of deletions is kept.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .motions import Motion, MotionEvent


def new_token() -> str:
    """A random, URL-safe secret for a subscription's confirm and unsubscribe links."""
    return secrets.token_urlsafe(32)


class AlertScope(models.TextChoices):
    MOTION = "motion", _("One motion")
    TOPIC = "topic", _("A topic")
    ALL = "all", _("All motions")


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def for_email(self, email: str):
        return self.filter(email=email)

    def following(self, motion: Motion, topic_ids):
        """Subscriptions whose target covers ``motion`` (itself, one of its topics, or all)."""
        return self.filter(
            Q(scope=AlertScope.ALL)
            | Q(scope=AlertScope.MOTION, motion=motion)
            | Q(scope=AlertScope.TOPIC, topic_id__in=list(topic_ids))
        )


class Subscription(models.Model):
    """One address following one target. Only a confirmed subscription receives alerts."""

    email = models.EmailField(_("e-mail address"), max_length=254)
    scope = models.CharField(_("follows"), max_length=10, choices=AlertScope.choices)
    motion = models.ForeignKey(
        Motion,
        verbose_name=_("motion"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alert_subscriptions",
    )
    topic = models.ForeignKey(
        "deliberation.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="motion_alert_subscriptions",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    consent_version = models.CharField(_("consent text version"), max_length=20)
    consent_given_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # When the link was last sent: the confirmation link expires CONFIRM_MAX_AGE later.
    # How often links may be asked for is a limit on abuse (settings.ABUSE_LIMITS).
    confirmation_sent_at = models.DateTimeField(_("confirmation e-mail sent at"), null=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["email"]),
            models.Index(fields=["scope", "confirmed_at"]),
            models.Index(fields=["confirmed_at", "confirmation_sent_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(scope=AlertScope.MOTION, motion__isnull=False, topic__isnull=True)
                    | Q(scope=AlertScope.TOPIC, motion__isnull=True, topic__isnull=False)
                    | Q(scope=AlertScope.ALL, motion__isnull=True, topic__isnull=True)
                ),
                name="motions_subscription_target_matches_scope",
            ),
            models.UniqueConstraint(
                fields=["email", "motion"],
                condition=Q(scope=AlertScope.MOTION),
                name="motions_subscription_unique_motion",
            ),
            models.UniqueConstraint(
                fields=["email", "topic"],
                condition=Q(scope=AlertScope.TOPIC),
                name="motions_subscription_unique_topic",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(scope=AlertScope.ALL),
                name="motions_subscription_unique_all",
            ),
        ]

    def __str__(self):
        # Never the address: this label ends up in the audit log, which outlives deletion.
        return f"#{self.pk} {self.target_label}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def target_label(self) -> str:
        """What is followed, as a person reads it."""
        if self.scope == AlertScope.MOTION and self.motion_id:
            return str(
                _("Motion %(reference)s: %(title)s")
                % {"reference": self.motion.reference, "title": self.motion.title}
            )
        if self.scope == AlertScope.TOPIC and self.topic_id:
            return str(_("Topic: %(topic)s") % {"topic": self.topic.name})
        return str(_("All motions"))


class AlertDelivery(models.Model):
    """An event's alert that went (or is going) to a subscription: sent at most once."""

    event = models.ForeignKey(
        MotionEvent, on_delete=models.CASCADE, related_name="alert_deliveries"
    )
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "subscription"], name="motions_alert_delivery_once"
            )
        ]

    def __str__(self):
        return f"{self.event_id} → #{self.subscription_id}"


class DeletionReason(models.TextChoices):
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed through the link in an e-mail")
    BY_SUBSCRIBER = "by_subscriber", _("Deleted by the subscriber on the management page")
    EXPIRED = "expired", _("Never confirmed; deleted when the confirmation link expired")
    PERSONAL_DATA = "personal_data", _("Deleted by their owner on the personal data page")


class SubscriptionDeletion(models.Model):
    """The KVKK record of a deletion: when, why and how many; never whose."""

    deleted_at = models.DateTimeField(_("deleted at"), auto_now_add=True)
    reason = models.CharField(_("reason"), max_length=20, choices=DeletionReason.choices)
    count = models.PositiveIntegerField(_("subscriptions deleted"))

    class Meta:
        verbose_name = _("subscription deletion record")
        verbose_name_plural = _("subscription deletion records")
        ordering = ["-deleted_at"]

    def __str__(self):
        return f"{self.deleted_at:%Y-%m-%d} {self.get_reason_display()} ({self.count})"
