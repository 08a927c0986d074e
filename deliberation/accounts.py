"""Public accounts: sign-up with a verified e-mail address and sign-in by e-mail.

Reading the site needs no account; asking to join a working group does. A new account
stays inactive until its owner follows the link mailed to them. Sign-up never tells a
visitor whether an address is already registered: the mailbox's owner is told instead.
"""

import hashlib
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Site

from .tokens import VERIFY_MAX_AGE, make_verification_token

PRIVACY_NOTICE_TEMPLATE = "registration/privacy_notice.html"
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


class SignUpForm(forms.Form):
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
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("You sign in with this address. It is never shown publicly."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 8 characters; not only digits, not a common password "
            "and not like your name or e-mail address."
        ),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password again, to be sure."),
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

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            User = get_user_model()  # noqa: N806
            candidate = User(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Sign in with the e-mail address (or, for staff accounts, the user name)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The e-mail address or the password is not correct."),
        "unverified": _(
            "Your e-mail address is not verified yet. We have sent you a new link; "
            "follow it to activate your account."
        ),
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
            self.user_cache = authenticate(self.request, username=username, password=password)
            if self.user_cache is None:
                pending = unverified_user(username, password)
                if pending is not None:
                    send_verification(self.request, pending)
                    raise ValidationError(self.error_messages["unverified"], code="unverified")
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    def get_invalid_login_error(self):
        return ValidationError(self.error_messages["invalid_login"], code="invalid_login")


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


def unverified_user(username: str, password: str):
    """The never-verified account with these credentials, if there is one."""
    User = get_user_model()  # noqa: N806
    user = User.objects.filter(username=username, is_active=False).first()
    if user and _never_verified(user, username) and user.check_password(password):
        return user
    return None


def _mail_on_commit(template: str, context: dict, recipient: str) -> None:
    """Send one e-mail in the visitor's language once the transaction commits."""
    language = translation.get_language() or settings.LANGUAGE_CODE

    def send():
        with translation.override(language):
            subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
            body = render_to_string(f"{template}_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])

    # A failing mail server is logged, not shown: the person can simply sign up again.
    transaction.on_commit(send, robust=True)


def send_verification(request, user, *, next_url: str = "") -> None:
    """Mail ``user`` a fresh link that verifies their address and signs them in."""
    token = make_verification_token(user, next_url=next_url)
    _mail_on_commit(
        "deliberation/email/verify_account",
        {
            "user": user,
            "site_name": site_name(request),
            "url": request.build_absolute_uri(reverse("accounts:verify", args=[token])),
            "valid_days": VERIFY_MAX_AGE.days,
        },
        user.email,
    )


def _send_already_registered(request, user) -> None:
    _mail_on_commit(
        "deliberation/email/verify_existing",
        {
            "user": user,
            "site_name": site_name(request),
            "login_url": request.build_absolute_uri(reverse("accounts:login")),
            "reset_url": request.build_absolute_uri(reverse("accounts:password_reset")),
        },
        user.email,
    )


def account_signup(
    *,
    request,
    first_name: str,
    last_name: str,
    email: str,
    password: str,
    notice: PrivacyNotice,
    next_url: str = "",
) -> None:
    """Create an inactive account and mail its verification link.

    For an address that already has an account nothing changes: its owner gets an
    e-mail saying so (or, if they never verified it, a new link and the new details).
    The visitor sees the same page either way.
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
                        password=password,
                        first_name=first_name.strip(),
                        last_name=last_name.strip(),
                        is_active=False,
                    )
            except IntegrityError:
                # A simultaneous sign-up with the same address won the race.
                existing = User.objects.select_for_update().get(username=email)
        if existing is not None:
            if not _never_verified(existing, email):
                _send_already_registered(request, existing)
                return
            # The latest sign-up wins; links sent before stop working (tokens.py).
            user = existing
            user.first_name = first_name.strip()
            user.last_name = last_name.strip()
            user.set_password(password)
            user.save(update_fields=["first_name", "last_name", "password"])
        log(
            instance=user,
            action="deliberation.account.signup",
            user=user,
            data={"privacy_notice": notice.version, "language": notice.language},
        )
        send_verification(request, user, next_url=next_url)


def account_activate(*, user):
    """Activate an account whose owner followed a valid verification link."""
    User = get_user_model()  # noqa: N806
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
            log(instance=user, action="deliberation.account.verify", user=user)
    return user
