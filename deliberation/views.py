"""Public account views: sign-up, e-mail verification, sign-in and out, the account page.

Working groups' pages (cms.models.organs) take the requests to join; these views give
people the verified account they need for that.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from shared import limits

from . import accounts
from .models import JoinRequest, Membership
from .tokens import VERIFY_MAX_AGE, TokenStatus, check_verification_token

SIGNUP_EMAIL_SESSION_KEY = "deliberation_signup_email"
# Verified accounts sign in with Django's own backend; named so a second backend added
# later (e.g. single sign-on for staff) does not make login() ambiguous.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request):
    """Create an account: name, e-mail and the privacy notice; the password comes later.

    The owner of the address chooses it behind the link mailed to them, so nobody can
    sign up with another person's address and keep a password of their own.
    """
    next_url = accounts.safe_next_url(request, request.POST.get("next") or request.GET.get("next"))
    if request.user.is_authenticated:
        return redirect(next_url or reverse("accounts:account"))
    notice = accounts.privacy_notice(request)
    status = 200
    if request.method == "POST":
        form = accounts.SignUpForm(request.POST)
        if limits.over_limit(request, form, "signup", email=request.POST.get("email")):
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            accounts.account_signup(
                request=request,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                notice=notice,
                next_url=next_url,
            )
            request.session[SIGNUP_EMAIL_SESSION_KEY] = data["email"]
            return redirect("accounts:signup_done")
    else:
        form = accounts.SignUpForm(initial={"next": next_url})
    return render(
        request,
        "registration/signup.html",
        {"form": form, "privacy_notice": notice, "next": next_url},
        status=status,
    )


@never_cache
@require_GET
def signup_done(request):
    return render(
        request,
        "registration/signup_done.html",
        {
            "email": request.session.get(SIGNUP_EMAIL_SESSION_KEY, ""),
            "valid_days": VERIFY_MAX_AGE.days,
        },
    )


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def verify(request, token: str):
    """Follow the mailed link: choose a password, which activates the account and signs in.

    GET only shows the form, so a mail program that opens links changes nothing.
    """
    check = check_verification_token(token)
    if check.status == TokenStatus.VALID:
        if request.method == "POST":
            form = accounts.VerifyAccountForm(check.user, request.POST)
            if form.is_valid():
                user = accounts.account_activate(
                    user=check.user,
                    password=form.cleaned_data["new_password1"],
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                )
                login(request, user, backend=MODEL_BACKEND)
                request.session.pop(SIGNUP_EMAIL_SESSION_KEY, None)
                messages.success(
                    request, _("Your e-mail address is verified and you are signed in. Welcome!")
                )
                return redirect(
                    accounts.safe_next_url(request, check.next_url) or reverse("accounts:account")
                )
        else:
            form = accounts.VerifyAccountForm(check.user)
        return render(
            request, "registration/verify.html", {"form": form, "email": check.user.email}
        )
    already_active = check.status == TokenStatus.USED and check.user.is_active
    if already_active and request.user.is_authenticated and request.user.pk == check.user.pk:
        return redirect(
            accounts.safe_next_url(request, check.next_url) or reverse("accounts:account")
        )
    return render(
        request,
        "registration/verify_failed.html",
        {
            "expired": check.status == TokenStatus.EXPIRED,
            "already_active": already_active,
            "valid_days": VERIFY_MAX_AGE.days,
        },
        status=400,
    )


class LoginView(limits.LimitedFormMixin, auth_views.LoginView):
    """Sign in by e-mail; limited per client and per name typed, locked out by django-axes."""

    form_class = accounts.EmailAuthenticationForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    limit = "login"
    limit_email_field = "username"

    def get_default_redirect_url(self):
        return reverse("accounts:account")


class LogoutView(auth_views.LogoutView):
    """Sign out (POST only) and go back to the page the button was on, else home."""

    next_page = "/"


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(limits.LimitedFormMixin, auth_views.PasswordResetView):
    """Django's reset, limited, with the e-mail queued for the worker (same work either way)."""

    form_class = accounts.QueuedPasswordResetForm
    template_name = "registration/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    limit = "password_reset"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["email"].label = _("E-mail address")
        return form


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


@never_cache
@login_required(login_url=reverse_lazy("accounts:login"))
def account(request):
    """The signed-in person's own page: their groups and their requests to join."""
    memberships = Membership.objects.current().filter(person=request.user).select_related("organ")
    requests = JoinRequest.objects.filter(person=request.user).select_related("organ")
    return render(
        request,
        "registration/account.html",
        {"memberships": memberships, "join_requests": requests},
    )
