"""What the motions app holds about a person: their e-mail alert subscriptions (KVKK).

The page that shows them and takes erasure requests lives in the page layer (cms).
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from deliberation.personal_data import DataPart

from . import subscriptions
from .models import DeletionReason

ALERT_SUBSCRIPTIONS = "alert_subscriptions"
KINDS = (ALERT_SUBSCRIPTIONS,)


def _date(value) -> str:
    return date_format(localtime(value), "DATE_FORMAT") if value else "–"


def subscriber_data(email: str) -> list[DataPart]:
    """The alert subscriptions of ``email``, with the consent each was given with."""
    rows = [
        [
            (_("Follows"), subscription.target_label),
            (_("E-mail address"), subscription.email),
            (_("Language"), subscription.get_language_display()),
            (_("Requested on"), _date(subscription.created_at)),
            (_("Confirmed on"), _date(subscription.confirmed_at)),
            (
                _("Consent"),
                _("Information text version %(version)s accepted on %(date)s.")
                % {
                    "version": subscription.consent_version,
                    "date": _date(subscription.consent_given_at),
                },
            ),
        ]
        for subscription in subscriptions.subscriber_subscriptions(email)
    ]
    if not rows:
        return []
    return [DataPart(kind=ALERT_SUBSCRIPTIONS, title=_("E-mail alerts on motions"), rows=rows)]


def subscriber_data_erase(*, email: str, kinds: list[str]) -> dict[str, int]:
    """Delete the address's subscriptions (atomic, locked, audited, recorded without it)."""
    if ALERT_SUBSCRIPTIONS not in kinds:
        return {}
    count = subscriptions.subscriptions_delete_all(email=email, reason=DeletionReason.PERSONAL_DATA)
    return {ALERT_SUBSCRIPTIONS: count}


def has_subscriptions(email: str) -> bool:
    return bool(subscriptions.subscriber_subscriptions(email))
