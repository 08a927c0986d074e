"""E-mails the deliberation services send, always after the transaction commits."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .access import SECRETARIAT_GROUP
from .models import DeliberationSettings, Membership


def _send(template: str, context: dict, recipients: list[str]) -> None:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    send_mass_mail(
        [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients],
        fail_silently=False,
    )


def on_commit_send(template: str, context: dict, recipients: list[str]) -> None:
    """Queue an e-mail for when (and only if) the current transaction commits.

    Robust: the change is committed by then, so a failing mail server is logged rather
    than turned into an error page for a change that did happen.
    """
    transaction.on_commit(lambda: _send(template, context, list(recipients)), robust=True)


def group_member_emails(organ_id: int) -> list[str]:
    return list(
        Membership.objects.current()
        .filter(organ_id=organ_id, person__is_active=True)
        .values_list("person__email", flat=True)
    )


def secretariat_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=SECRETARIAT_GROUP)
    emails = list(users.values_list("email", flat=True))
    configured = DeliberationSettings.load().secretariat_email
    if configured:
        emails.append(configured)
    return emails


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
