"""Public accounts: sign-up with a verified e-mail address and sign-in by e-mail.

Reading the site needs no account; asking to join a working group does. A new account
stays inactive, without a password, until its owner follows the link mailed to them and
chooses one there. Sign-up never tells a visitor whether an address is already
registered: the mailbox's owner is told instead.
"""

import hashlib
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Site

from .people import display_name

PRIVACY_NOTICE_TEMPLATE = "registration/privacy_notice.html"
# The account e-mails deliberation.tasks sends.
VERIFY = "verify"
ALREADY_REGISTERED = "already_registered"
# Django's username field is 150 characters long and holds the e-mail address.
EMAIL_MAX_LENGTH = 150


def normalise_email(value: str) -> str:
    """The form of an address we store and compare: trimmed and lower-cased."""
    return (value or "").strip().lower()


def safe_next_url(request, url: str | None) -> str:
    """``url`` if it is a path on this site, else an empty string."""
    url = (url or "").strip()
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def site_name(request) -> str:
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@dataclass(frozen=True)
class PrivacyNotice:
    """The KVKK information text shown at sign-up, and the version a person accepted."""

    html: str
    version: str
    language: str


def privacy_notice(request) -> PrivacyNotice:
    """The notice as shown now; its version is a hash of the text, so any change counts."""
    html = render_to_string(PRIVACY_NOTICE_TEMPLATE, {"site_name": site_name(request)})
    version = hashlib.sha256(html.encode()).hexdigest()[:16]
    return PrivacyNotice(html=html, version=version, language=translation.get_language() or "")


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    """The audit log keeps when, and with which privacy notice, an account was made."""
    actions.register_action(
        "deliberation.account.signup", _("Account: sign up"), _("Signed up; privacy notice read")
    )
    actions.register_action(
        "deliberation.account.verify", _("Account: verify e-mail"), _("E-mail address verified")
    )


# --- Forms -----------------------------------------------------------------------------


class PersonNameForm(forms.Form):
    """The name a person is shown by (people.display_name); never their address."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )


class SignUpForm(PersonNameForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("You sign in with this address. It is never shown publicly."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my name and e-mail address are "
            "processed to run my account and my requests to join working groups."
        ),
        error_messages={
            "required": _("An account cannot be created without this; reading needs none.")
        },
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class EmailAuthenticationForm(AuthenticationForm):
    """Sign in with the e-mail address (or, for staff accounts, the user name)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The e-mail address or the password is not correct."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.label = _("E-mail address")
        field.widget.attrs.update({"autocomplete": "email", "autocapitalize": "none"})
        field.widget.attrs.pop("autofocus", None)

    def clean(self):
        identifier = (self.cleaned_data.get("username") or "").strip()
        password = self.cleaned_data.get("password")
        if identifier and password:
            username = username_for_login(identifier)
            # django-axes (the first backend) refuses here while this name and address
            # are locked out, whatever the password; its middleware shows the lockout page.
            self.user_cache = authenticate(self.request, username=username, password=password)
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    def get_invalid_login_error(self):
        return ValidationError(self.error_messages["invalid_login"], code="invalid_login")


class VerifyAccountForm(SetPasswordForm, PersonNameForm):
    """Behind the verification link: the address's owner checks their name and chooses
    the password. Nothing typed at sign-up becomes a credential."""

    field_order = ["first_name", "last_name", "new_password1", "new_password2"]

    def __init__(self, user, *args, **kwargs):
        kwargs.setdefault("initial", {"first_name": user.first_name, "last_name": user.last_name})
        super().__init__(user, *args, **kwargs)

    def clean(self):
        # The password is compared with the name as typed here, not as it was stored.
        self.user.first_name = self.cleaned_data.get("first_name", self.user.first_name)
        self.user.last_name = self.cleaned_data.get("last_name", self.user.last_name)
        return super().clean()


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the e-mail sent by the worker.

    Known address or not, the request does the same work, one lookup and one queued
    task, and the visitor sees the same page; only the mailbox learns the difference.
    """

    def save(self, *, request, **_kwargs):
        from .tasks import send_password_reset_task

        users = list(self.get_users(self.cleaned_data["email"]))
        kwargs = {
            "user_ids": [user.pk for user in users],
            "domain": request.get_host(),
            "use_https": request.is_secure(),
            "site_name": site_name(request),
            "language": translation.get_language() or settings.LANGUAGE_CODE,
        }
        transaction.on_commit(lambda: send_password_reset_task.enqueue(**kwargs))


class JoinRequestForm(forms.Form):
    """What a signed-in person sends when asking to join a working group."""

    message = forms.CharField(
        label=_("Why would you like to join?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. The group's chair reads this."),
    )
    represents = forms.CharField(
        label=_("Organisation you represent"),
        required=False,
        max_length=250,
        help_text=_("Leave empty if you take part as an individual."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    show_publicly = forms.BooleanField(
        label=_("Show my name, role and organisation on this page once I am a member."),
        required=False,
        help_text=_(
            "Optional; you can join without it. Your e-mail address is never shown. "
            "Write to the secretariat to withdraw this consent at any time."
        ),
    )


# --- Account changes -------------------------------------------------------------------


def username_for_login(identifier: str) -> str:
    """The user name behind what someone typed into the sign-in form."""
    User = get_user_model()  # noqa: N806
    if "@" not in identifier:
        return identifier
    email = normalise_email(identifier)
    if User.objects.filter(username=email).exists():
        return email
    # Accounts made in the admin may have another user name; their unique address works too.
    matches = list(User.objects.filter(email__iexact=email).values_list("username", flat=True)[:2])
    return matches[0] if len(matches) == 1 else email


def _never_verified(user, email: str) -> bool:
    """An account made by sign-up whose owner has not followed the link yet.

    An account that was once used and then deactivated (by the secretariat, or on a
    deletion request) has signed in before; sign-up must never bring it back.
    """
    return not user.is_active and user.last_login is None and user.username == email


def _queue_account_email(request, *, kind: str, user, next_url: str = "") -> None:
    """Queue one account e-mail for the worker once the transaction commits.

    Sending in the background keeps the mail server's time out of the answer, so a
    visitor cannot tell from it which e-mail (if any) was sent.
    """
    from .tasks import send_account_email_task

    kwargs = {
        "kind": kind,
        "user_id": user.pk,
        "base_url": request.build_absolute_uri("/").rstrip("/"),
        "site_name": site_name(request),
        "language": translation.get_language() or settings.LANGUAGE_CODE,
        "next_url": next_url,
    }
    transaction.on_commit(lambda: send_account_email_task.enqueue(**kwargs))


def account_signup(
    *,
    request,
    first_name: str,
    last_name: str,
    email: str,
    notice: PrivacyNotice,
    next_url: str = "",
) -> None:
    """Create an inactive account without a password and queue its verification link.

    Only the mailbox's owner, through the link, chooses the password, so whoever signs
    up with somebody else's address gains nothing. For an address that already has an
    account nothing changes: its owner is told so by e-mail (or, if they never verified
    it, gets a new link). Either way one e-mail is queued and the visitor sees the same.
    """
    User = get_user_model()  # noqa: N806
    email = normalise_email(email)
    with transaction.atomic():
        existing = (
            User.objects.select_for_update()
            .filter(Q(username=email) | Q(email__iexact=email))
            .order_by("pk")
            .first()
        )
        if existing is None:
            try:
                with transaction.atomic():
                    user = User.objects.create_user(
                        username=email,
                        email=email,
                        password=None,
                        first_name=first_name.strip(),
                        last_name=last_name.strip(),
                        is_active=False,
                    )
            except IntegrityError:
                # A simultaneous sign-up with the same address won the race.
                existing = User.objects.select_for_update().get(username=email)
        if existing is not None:
            if not _never_verified(existing, email):
                _queue_account_email(request, kind=ALREADY_REGISTERED, user=existing)
                return
            # The latest sign-up wins; a new unusable password retires the links sent
            # before (tokens.py).
            user = existing
            user.first_name = first_name.strip()
            user.last_name = last_name.strip()
            user.set_unusable_password()
            user.save(update_fields=["first_name", "last_name", "password"])
        log(
            instance=user,
            action="deliberation.account.signup",
            user=user,
            title=display_name(user),  # never the e-mail address (the username)
            data={"privacy_notice": notice.version, "language": notice.language},
        )
        _queue_account_email(request, kind=VERIFY, user=user, next_url=next_url)


def account_activate(*, user, password: str, first_name: str, last_name: str):
    """Activate an account with the password its owner chose behind the verification link."""
    User = get_user_model()  # noqa: N806
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.first_name = first_name.strip()
        user.last_name = last_name.strip()
        user.set_password(password)
        user.is_active = True
        user.save(update_fields=["first_name", "last_name", "password", "is_active"])
        log(
            instance=user,
            action="deliberation.account.verify",
            user=user,
            title=display_name(user),
        )
    return user
