"""What the domain needs to know about the public site, told by the page layer at start-up.

The domain apps (deliberation, motions) never import the page layer (cms). They still
need a few of its facts: the council's name and contact details for letters and e-mails,
and the public addresses of the pages that show motions and reports. The page layer
registers a ``PublicSite`` in its ``AppConfig.ready``; without one (a domain used on its
own, or a test without pages) the defaults below answer: the site name from settings and
no public pages.
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Council:
    """The council as its letters and e-mails name it."""

    name: str
    address: str = ""
    phone: str = ""
    email: str = ""


class PublicLinks:
    """The public URLs of motions, reports and documents, as one request sees them.

    Every method answers None when there is no public page for it.
    """

    def __init__(self, request=None):
        self.request = request

    @property
    def motion_index_url(self) -> str | None:
        return None

    def motion(self, motion) -> str | None:
        return None

    def report(self, report) -> str | None:
        return None

    def document(self, document) -> str | None:
        if document is None:
            return None
        if self.request is not None:
            return self.request.build_absolute_uri(document.url)
        return absolute_url(document.url)


class PublicSite:
    """The default public site: the name in settings, no public pages."""

    def council(self, request=None) -> Council:
        return Council(name=settings.WAGTAIL_SITE_NAME)

    def links(self, request=None) -> PublicLinks:
        return PublicLinks(request)


_registered: PublicSite = PublicSite()


def register(site: PublicSite) -> None:
    """Called once by the page layer's AppConfig.ready."""
    global _registered
    _registered = site


def public_site() -> PublicSite:
    return _registered


def council(request=None) -> Council:
    return _registered.council(request)


def site_name() -> str:
    return council().name


def public_links(request) -> PublicLinks:
    """The request's link builder, made once per request (and afresh without a request)."""
    if request is None:
        return _registered.links(None)
    links = getattr(request, "_public_links", None)
    if links is None:
        links = request._public_links = _registered.links(request)
    return links


def absolute_url(path: str) -> str:
    """``path`` on the site's one public address (BASE_URL): e-mails have no request."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
