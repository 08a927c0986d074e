"""Absolute URLs of the public pages that show motions and reports, for the API and feeds.

The pages live in ``cms`` (the domain never imports page models), so they are looked up
by name and may be missing: a site without a motions page gives no motion URLs.
Lookups happen once per request, whatever the number of motions linked.
"""

from django.apps import apps
from django.utils.translation import get_language

from .selectors import parse_reference


def _page_model(name: str):
    try:
        return apps.get_model("cms", name)
    except LookupError:
        return None


def _in_language(pages: list, language: str | None):
    """The page in the active language if there is one, else the first."""
    for page in pages:
        if page.locale.language_code == language:
            return page
    return pages[0] if pages else None


class PublicLinks:
    """The public URLs of motions and reports, as one request sees them."""

    def __init__(self, request):
        self.request = request
        self._motion_page = None
        self._motion_base: str | None = None
        self._motion_base_loaded = False

    @property
    def motion_index_url(self) -> str | None:
        """The absolute URL of the live motions page (the active language's, if translated)."""
        if not self._motion_base_loaded:
            self._motion_base_loaded = True
            model = _page_model("MotionIndexPage")
            if model is not None:
                pages = list(model.objects.live().public().select_related("locale").order_by("pk"))
                page = _in_language(pages, get_language())
                url = page.get_full_url(self.request) if page else None
                if url:
                    self._motion_page = page
                    self._motion_base = url if url.endswith("/") else url + "/"
        return self._motion_base

    def motion(self, motion) -> str | None:
        """The motion's page: the motions page's sub-route ``o/<year>/<number>/``."""
        base = self.motion_index_url
        parts = parse_reference(motion.reference)
        if not (base and parts):
            return None
        year, number = parts
        return base + self._motion_page.reverse_subpage(
            "motion", kwargs={"year": year, "number": number}
        )

    def report(self, report) -> str | None:
        """An approved report's page under its group's organ page, if the group has one."""
        model = _page_model("OrganPage")
        if model is None or not report.approved_revision_id:
            return None
        pages = list(
            model.objects.live()
            .public()
            .filter(organ_id=report.group_id)
            .select_related("locale")
            .order_by("pk")
        )
        page = _in_language(pages, get_language())
        url = page.get_full_url(self.request) if page else None
        if not url:
            return None
        if not url.endswith("/"):
            url += "/"
        return url + page.reverse_subpage("report", args=[report.pk])

    def document(self, document) -> str | None:
        return self.request.build_absolute_uri(document.url) if document else None


def public_links(request) -> PublicLinks:
    """The request's link builder, made once per request."""
    links = getattr(request, "_motion_public_links", None)
    if links is None:
        links = request._motion_public_links = PublicLinks(request)
    return links
