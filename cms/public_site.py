"""The page layer tells the domain about the public site (see shared.site).

Registered in ``CmsConfig.ready``: the council's name and contact details come from the
editors' CouncilSettings, and motions and reports are shown by the motions page and the
organ pages. Page lookups happen once per request, whatever the number of links built.
"""

from django.utils.translation import get_language
from wagtail.models import Site

from motions.selectors import parse_reference
from shared import site


def _in_language(pages: list, language: str | None):
    """The page in the active language if there is one, else the first."""
    for page in pages:
        if page.locale.language_code == language:
            return page
    return pages[0] if pages else None


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


class PageLinks(site.PublicLinks):
    """Motions live under the motions page's sub-route, reports under their organ's page."""

    def __init__(self, request=None):
        super().__init__(request)
        self._motion_page = None
        self._motion_base: str | None = None
        self._motion_base_loaded = False

    @property
    def motion_index_url(self) -> str | None:
        """The absolute URL of the live motions page (the active language's, if translated)."""
        from .models import MotionIndexPage

        if not self._motion_base_loaded:
            self._motion_base_loaded = True
            pages = list(
                MotionIndexPage.objects.live().public().select_related("locale").order_by("pk")
            )
            page = _in_language(pages, get_language())
            url = page.get_full_url(self.request) if page else None
            if url:
                self._motion_page = page
                self._motion_base = _with_slash(url)
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
        from .models import OrganPage

        if not report.approved_revision_id:
            return None
        pages = list(
            OrganPage.objects.live()
            .public()
            .filter(organ_id=report.group_id)
            .select_related("locale")
            .order_by("pk")
        )
        page = _in_language(pages, get_language())
        url = page.get_full_url(self.request) if page else None
        if not url:
            return None
        return _with_slash(url) + page.reverse_subpage("report", args=[report.pk])


class CouncilSite(site.PublicSite):
    def council(self, request=None) -> site.Council:
        from .models import CouncilSettings

        if request is not None:
            settings = CouncilSettings.for_request(request)
        else:
            default = Site.objects.filter(is_default_site=True).first()
            if default is None:
                return super().council()
            settings = CouncilSettings.for_site(default)
        return site.Council(
            name=settings.council_name or super().council().name,
            address=settings.address,
            phone=settings.phone,
            email=settings.email,
        )

    def links(self, request=None) -> site.PublicLinks:
        return PageLinks(request)
