"""Site-wide views that are not pages: search, documents, robots.txt, error pages, login
lockouts."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.admin.views import account as wagtail_account
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.models import Locale, Page

from deliberation.accounts import QueuedPasswordResetForm
from shared import limits
from shared.text import fold

SEARCH_MAX_LENGTH = 200
# Double quotes are phrase syntax to SQLite's full-text search, which fails on an
# unbalanced one, and control characters (NUL) are refused by the databases; a
# visitor means neither, so both become spaces.
_NOT_SEARCHABLE = str.maketrans(dict.fromkeys([*map(chr, range(32)), '"'], " "))


def _pages_in_active_language():
    """The active language's pages, and the others' pages that have no translation in it.

    A visitor reading in English finds the English version of a page, and the Turkish one
    only where no English version exists, never both.
    """
    active = Locale.get_active()
    # Only a published translation stands in for its original; a draft one does not.
    translated = Page.objects.live().public().filter(locale=active).values("translation_key")
    return Page.objects.filter(Q(locale=active) | ~Q(translation_key__in=translated))


@require_GET
def search(request):
    """Search every published, public page, Turkish case and accents folded."""
    query = request.GET.get("q", "").translate(_NOT_SEARCHABLE).strip()[:SEARCH_MAX_LENGTH]
    results = None
    if query:
        pages = _pages_in_active_language().live().public().specific()
        found = pages.search(fold(query), operator="and")
        results = Paginator(found, 10).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"query": query, "results": results})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /ara/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_document(request, document_id: int, document_filename: str):
    """Wagtail's documents serve view (its before_serve_document hooks decide who gets the
    file), with the cache rule: a file served to an anonymous visitor is public and may be
    kept by caches that ask again each time (so one that turns private stops being
    served); any other answer is for this user only and is stored nowhere."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.status_code in (200, 304) and not request.user.is_authenticated:
        patch_cache_control(response, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def login_locked_out(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the page shown instead of a login that is locked out."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    minutes = max(1, int(cool_off.total_seconds() // 60)) if cool_off else 0
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class AdminPasswordResetView(limits.LimitedFormMixin, wagtail_account.PasswordResetView):
    """Wagtail's own password reset (/admin/password_reset/), under the same limits and
    with the same queued e-mail as the public one, so its answer tells nothing either."""

    def get_form_class(self):
        return QueuedPasswordResetForm

    limit = "password_reset"


class AdminLoginView(limits.LimitedFormMixin, wagtail_account.LoginView):
    """Wagtail's sign-in (/admin/login/), under the public sign-in's limits per client and
    per name typed; django-axes locks a name out from an address after repeated failures."""

    limit = "login"
    limit_email_field = "username"
