"""A person sees and erases what the platform holds about them (KVKK, Law 6698 art. 11).

They ask with their e-mail address; the mailbox receives a signed link that works for
``LINK_MAX_AGE`` and only for this page; the page lists the data that the domain apps
report (``deliberation.personal_data``, ``motions.personal_data``) and erases what they
choose. Each erasure leaves a ``PersonalDataErasure`` record: date, kinds, counts and the
link's random reference, never the name or the address.

The link must not carry the address in readable form (URLs end up in logs): it names
the address's first account and first subscription and a keyed hash of the address.
"""

import enum
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy
from django_tasks import task
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry

from cms.models import PersonalDataErasure
from deliberation import personal_data as deliberation_data
from deliberation.accounts import normalise_email
from deliberation.personal_data import DataPart
from motions import personal_data as motions_data
from motions.models import Subscription

LINK_MAX_AGE = timedelta(hours=24)
_SALT = "cms.personal-data.access"
KINDS = (*deliberation_data.KINDS, *motions_data.KINDS)


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    actions.register_action(
        "cms.personal_data.erase",
        gettext_lazy("Personal data: erasure recorded"),
        gettext_lazy("Personal data erased at its owner's request; recorded without it"),
    )


if log_registry.has_scanned_for_actions:
    register_personal_data_log_actions(log_registry)


class LinkStatus(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


@dataclass(frozen=True)
class Access:
    """What a link gives access to: one address's data, under the link's reference."""

    status: LinkStatus
    email: str = ""
    reference: str = ""


def _digest(email: str) -> str:
    return salted_hmac(_SALT, email).hexdigest()[:32]


def _anchors(email: str) -> dict:
    account = deliberation_data.accounts_for_email(email).order_by("pk").first()
    subscription = Subscription.objects.for_email(email).order_by("pk").first()
    return {"u": account.pk if account else None, "s": subscription.pk if subscription else None}


def make_access_token(email: str, *, reference: str = "") -> str | None:
    """A signed link token for the data page of ``email``; None if we hold nothing."""
    email = normalise_email(email)
    anchors = _anchors(email)
    if anchors["u"] is None and anchors["s"] is None:
        return None
    payload = {**anchors, "h": _digest(email), "r": reference or secrets.token_hex(8)}
    return signing.dumps(payload, salt=_SALT)


def _addresses(anchors: dict) -> list[str]:
    """The addresses the link's anchors have now."""
    from django.contrib.auth import get_user_model

    addresses = []
    if isinstance(anchors.get("u"), int):
        user = get_user_model().objects.filter(pk=anchors["u"]).first()
        if user is not None:
            addresses += [normalise_email(user.email), normalise_email(user.username)]
    if isinstance(anchors.get("s"), int):
        addresses += list(
            Subscription.objects.filter(pk=anchors["s"]).values_list("email", flat=True)
        )
    return [address for address in addresses if address]


def check_access_token(token: str) -> Access:
    """Whether a data page link is valid (signed here, for this page, not expired)."""
    try:
        payload = signing.loads(token or "", salt=_SALT, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired:
        return Access(LinkStatus.EXPIRED)
    except signing.BadSignature:
        return Access(LinkStatus.INVALID)
    if not isinstance(payload, dict) or not isinstance(payload.get("r"), str):
        return Access(LinkStatus.INVALID)
    for email in _addresses(payload):
        if constant_time_compare(_digest(email), str(payload.get("h"))):
            return Access(LinkStatus.VALID, email=email, reference=payload["r"][:32])
    return Access(LinkStatus.INVALID)


def personal_data_send_link(*, email: str, link_for, site_name: str) -> bool:
    """Mail the owner of ``email`` a link to their data page, if we hold any.

    ``link_for(token)`` makes the absolute URL of the page. Known or not, the request does
    the same work: one lookup and one queued task (without the address; the worker finds
    it again from the signed token), so neither the answer nor its time tells whether we
    hold anything. False when nothing will be sent.
    """
    token = make_access_token(normalise_email(email))
    kwargs = {
        "url": link_for(token) if token else "",
        "token": token or "",
        "site_name": site_name,
        "language": translation.get_language() or settings.LANGUAGE_CODE,
    }
    transaction.on_commit(lambda: send_personal_data_link_task.enqueue(**kwargs))
    return token is not None


@task()
def send_personal_data_link_task(*, url: str, token: str, site_name: str, language: str) -> bool:
    """Mail a data page link to the address its token was made for; nothing for no token."""
    access = check_access_token(token)
    if access.status != LinkStatus.VALID:
        return False
    context = {
        "url": url,
        "valid_hours": int(LINK_MAX_AGE.total_seconds() // 3600),
        "site_name": site_name,
    }
    with translation.override(language):
        subject = render_to_string("cms/email/personal_data_link_subject.txt", context)
        body = render_to_string("cms/email/personal_data_link_body.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [access.email])
    return True


def personal_data_for(email: str) -> list[DataPart]:
    """Everything the platform holds about the owner of ``email``, kind by kind."""
    return [*deliberation_data.person_data(email), *motions_data.subscriber_data(email)]


def personal_data_erase(*, access: Access, kinds: list[str]) -> PersonalDataErasure | None:
    """Erase the chosen kinds of data of the link's owner and record it without the data.

    The domain functions lock and audit their own rows; this runs them in one
    transaction, so either every chosen kind is erased and recorded, or nothing is.
    Raises ``DeliberationError`` for a kind the person cannot erase here.
    """
    if access.status != LinkStatus.VALID:
        return None
    kinds = [kind for kind in kinds if kind in KINDS]
    with transaction.atomic():
        erased = deliberation_data.person_data_erase(
            email=access.email, kinds=kinds, reference=access.reference
        )
        erased |= motions_data.subscriber_data_erase(email=access.email, kinds=kinds)
        erased = {kind: count for kind, count in erased.items() if count}
        if not erased:
            return None
        record = PersonalDataErasure.objects.create(reference=access.reference, kinds=erased)
        log(
            instance=record,
            action="cms.personal_data.erase",
            title=str(record),
            data={"kinds": erased, "reference": access.reference},
        )
    return record
