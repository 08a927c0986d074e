"""The personal data pages (KVKK): ask for a link, see your data, erase it.

``personal_data_request`` is a plain function view so that limits on abuse (per client
address and per e-mail address) can be put on it as a decorator.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cms import personal_data
from cms.personal_data import LINK_MAX_AGE, LinkStatus
from deliberation.accounts import site_name
from deliberation.errors import DeliberationError
from shared import limits

VALID_HOURS = int(LINK_MAX_AGE.total_seconds() // 3600)


class PersonalDataRequestForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        max_length=254,
        help_text=gettext_lazy(
            "The address of your account or of your e-mail alerts. We send the link there."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def personal_data_request(request):
    """Ask for a link to the data page; the answer never tells if we know the address."""
    form = PersonalDataRequestForm(request.POST if request.method == "POST" else None)
    if form.is_bound and limits.over_limit(
        request, form, "personal_data_link", email=request.POST.get("email")
    ):
        return render(request, "cms/personal_data/request.html", {"form": form}, status=429)
    if form.is_valid():
        personal_data.personal_data_send_link(
            email=form.cleaned_data["email"],
            link_for=lambda token: request.build_absolute_uri(
                reverse("personal_data:page", args=[token])
            ),
            site_name=site_name(request),
        )
        return redirect("personal_data:request_done")
    return render(request, "cms/personal_data/request.html", {"form": form})


@never_cache
@require_GET
def personal_data_request_done(request):
    return render(request, "cms/personal_data/request_done.html", {"valid_hours": VALID_HOURS})


@never_cache
@require_http_methods(["GET", "POST"])
def personal_data_page(request, token: str):
    """The person's own data, kind by kind, each erasable, or everything at once."""
    access = personal_data.check_access_token(token)
    if access.status != LinkStatus.VALID:
        expired = access.status == LinkStatus.EXPIRED
        return render(
            request,
            "cms/personal_data/link_failed.html",
            {"expired": expired, "valid_hours": VALID_HOURS},
            status=410 if expired else 404,
        )
    parts = personal_data.personal_data_for(access.email)
    if request.method == "POST":
        choice = request.POST.get("erase", "")
        if choice == "all":
            kinds = [part.kind for part in parts if part.erasable]
        else:
            kinds = [part.kind for part in parts if part.kind == choice and part.erasable]
        try:
            record = personal_data.personal_data_erase(access=access, kinds=kinds)
        except DeliberationError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        if record is None:
            messages.info(request, _("There was nothing left to erase."))
        elif not personal_data.personal_data_for(access.email):
            request.session["personal_data_erased"] = record.reference
            return redirect("personal_data:erased")
        else:
            messages.success(
                request,
                _("Erased. We keep only a record of the erasure, without your data."),
            )
        return redirect(request.path)
    return render(
        request,
        "cms/personal_data/page.html",
        {
            "email": access.email,
            "parts": parts,
            "reference": access.reference,
            "erasable": any(part.erasable for part in parts),
        },
    )


@never_cache
@require_GET
def personal_data_erased(request):
    return render(
        request,
        "cms/personal_data/erased.html",
        {"reference": request.session.get("personal_data_erased", "")},
    )
