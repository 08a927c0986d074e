"""Background tasks of the accounts, run by the worker (`python manage.py db_worker`).

Arguments are ids, never addresses: queued tasks are stored in the database.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from .accounts import ALREADY_REGISTERED, VERIFY
from .tokens import VERIFY_MAX_AGE, make_verification_token


def _send(template: str, context: dict, recipient: str) -> None:
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])


@task()
def send_account_email_task(
    *, kind: str, user_id: int, base_url: str, site_name: str, language: str, next_url: str = ""
) -> bool:
    """Mail a new account's verification link, or tell an address's owner they have one."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not user.email:
        return False
    with translation.override(language):
        if kind == VERIFY:
            token = make_verification_token(user, next_url=next_url)
            context = {
                "user": user,
                "site_name": site_name,
                "url": base_url + reverse("accounts:verify", args=[token]),
                "valid_days": VERIFY_MAX_AGE.days,
            }
            _send("deliberation/email/verify_account", context, user.email)
        elif kind == ALREADY_REGISTERED:
            context = {
                "user": user,
                "site_name": site_name,
                "login_url": base_url + reverse("accounts:login"),
                "reset_url": base_url + reverse("accounts:password_reset"),
            }
            _send("deliberation/email/verify_existing", context, user.email)
        else:
            return False
    return True


@task()
def send_password_reset_task(
    *, user_ids: list[int], domain: str, use_https: bool, site_name: str, language: str
) -> int:
    """Mail Django's password reset link to each account; how many were sent."""
    form = PasswordResetForm()
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    sent = 0
    with translation.override(language):
        for user in users:
            if not user.has_usable_password() or not user.email:
                continue
            form.send_mail(
                "registration/password_reset_subject.txt",
                "registration/password_reset_email.txt",
                {
                    "email": user.email,
                    "domain": domain,
                    "site_name": site_name,
                    "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                    "user": user,
                    "token": default_token_generator.make_token(user),
                    "protocol": "https" if use_https else "http",
                },
                None,
                user.email,
            )
            sent += 1
    return sent
