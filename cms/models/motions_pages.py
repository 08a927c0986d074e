"""Public tracking of the council's motions to the municipal assembly.

Editors place a motions page (list, each motion's page and its print view) and a
statistics page; what they show comes from motions.selectors. Only public motions
and their public events are ever shown; anything else is a 404.
"""

from typing import get_args

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from motions import charts, selectors
from motions.models import Motion
from motions.schemas import Language

from .mixins import BasePage

OVERDUE_LIST_LIMIT = 50
API_LANGUAGES = get_args(Language)


def _live_page(model, locale_id: int | None):
    """The first live, public page of a type, in the given language if there is one."""
    pages = model.objects.live().public().order_by("pk")
    if locale_id is not None:
        same = pages.filter(locale_id=locale_id).first()
        if same is not None:
            return same
    return pages.first()


def find_motion_index(locale_id: int | None = None) -> "MotionIndexPage | None":
    return _live_page(MotionIndexPage, locale_id)


def find_statistics_page(locale_id: int | None = None) -> "MotionStatisticsPage | None":
    return _live_page(MotionStatisticsPage, locale_id)


class MotionUrls:
    """Builds motion page URLs under one motions page, resolving its own URL once."""

    def __init__(self, index_page: "MotionIndexPage | None", request=None):
        self.index_page = index_page
        self.base = index_page.get_url(request) if index_page else None
        if self.base and not self.base.endswith("/"):
            self.base += "/"

    def __call__(self, motion: Motion, route: str = "motion") -> str:
        parts = selectors.parse_reference(motion.reference)
        if not (self.base and parts):
            return ""
        year, number = parts
        return self.base + self.index_page.reverse_subpage(
            route, kwargs={"year": year, "number": number}
        )


def open_data_links(filters: selectors.MotionFilters, topic=None) -> dict:
    """The CSV of the list as filtered (labels in the page's language) and the Atom feeds
    of all motions and, when the list is narrowed to a topic, of that topic."""
    params = filters.query_params()
    language = get_language()
    if language in API_LANGUAGES:
        params["lang"] = language
    csv_url = reverse("api_v1:motions_csv")
    return {
        "csv_url": f"{csv_url}?{urlencode(params)}" if params else csv_url,
        "csv_excel_url": f"{csv_url}?{urlencode({**params, 'delimiter': 'semicolon'})}",
        "feed_url": reverse("motion_feeds:all"),
        "topic": topic,
        "topic_feed_url": reverse("motion_feeds:topic", kwargs={"slug": topic.slug})
        if topic
        else "",
    }


def _days(value) -> str:
    """A number of days as text ("14 days", "14,5 days" in Turkish number format)."""
    if value is None:
        return "–"
    text = number_format(value, decimal_pos=1 if value % 1 else 0)
    count = int(value) if value == int(value) else 2
    return ngettext("%(days)s day", "%(days)s days", count) % {"days": text}


def _count_and_percent(count: int, percent: int) -> str:
    return "{} ({})".format(number_format(count), gettext("%(percent)s%%") % {"percent": percent})


class MotionIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("intro"), blank=True)
    per_page = models.PositiveSmallIntegerField(
        _("motions per page"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["cms.MotionStatisticsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("motions index")

    def intro_text(self) -> str:
        return self.intro

    def motion_urls(self, request=None) -> MotionUrls:
        return MotionUrls(self, request)

    @path("")
    def index_route(self, request):
        filters = selectors.parse_filters(request.GET)
        motions = selectors.filter_motions(selectors.public_motions(), filters)
        page = selectors.paginate_motions(
            motions, sort=filters.sort, page_number=request.GET.get("page"), per_page=self.per_page
        )
        urls = self.motion_urls(request)
        for motion in page.object_list:
            motion.public_url = urls(motion)
        choices = selectors.filter_choices()
        topic = next((t for t in choices["topics"] if t.slug == filters.topic), None)
        return self.render(
            request,
            context_overrides={
                "motions": page,
                "filters": filters,
                "choices": choices,
                "statistics_page": find_statistics_page(self.locale_id),
                "open_data": open_data_links(filters, topic),
            },
        )

    def _detail(self, year: int, number: int) -> selectors.MotionDetail:
        detail = selectors.motion_detail(f"{year}/{number}")
        if detail is None:
            raise Http404
        return detail

    def _report_url(self, detail: selectors.MotionDetail, request) -> str:
        """The approved report's own page under its group's organ page, if there is one."""
        motion = detail.motion
        if not (motion.report_id and detail.report_version is not None):
            return ""
        from .organs import OrganPage

        organ_page = (
            OrganPage.objects.live()
            .public()
            .filter(organ_id=motion.report.group_id)
            .order_by("pk")
            .first()
        )
        if organ_page is None:
            return ""
        page_url = organ_page.get_url(request)
        return organ_page.subpage_url(page_url, "report", motion.report_id) if page_url else ""

    def detail_context(self, request, year: int, number: int, *, printing: bool = False) -> dict:
        detail = self._detail(year, number)
        urls = self.motion_urls(request)
        full = self.get_full_url(request) or ""
        routed = self.reverse_subpage("motion", kwargs={"year": year, "number": number})
        return {
            "detail": detail,
            "motion": detail.motion,
            "motion_url": urls(detail.motion),
            "print_url": urls(detail.motion, "motion_print"),
            "canonical_url": (full if full.endswith("/") else full + "/") + routed,
            "index_url": urls.base,
            "report_url": self._report_url(detail, request),
            "printing": printing,
        }

    @path("o/<int:year>/<int:number>/", name="motion")
    def motion_route(self, request, year: int, number: int):
        return self.render(
            request,
            template="motions/motion_detail.html",
            context_overrides=self.detail_context(request, year, number),
        )

    @path("o/<int:year>/<int:number>/yazdir/", name="motion_print")
    def motion_print_route(self, request, year: int, number: int):
        return self.render(
            request,
            template="motions/motion_print.html",
            context_overrides=self.detail_context(request, year, number, printing=True),
        )

    def get_sitemap_urls(self, request=None):
        """The list and every public motion's page."""
        urls = super().get_sitemap_urls(request)
        base = urls[0]["location"] if urls else None
        if not base:
            return urls
        base = base if base.endswith("/") else base + "/"
        for reference, lastmod in Motion.objects.public().values_list("reference", "updated_at"):
            parts = selectors.parse_reference(reference)
            if parts:
                routed = self.reverse_subpage(
                    "motion", kwargs={"year": parts[0], "number": parts[1]}
                )
                urls.append({"location": base + routed, "lastmod": lastmod})
        return urls


class MotionStatisticsPage(BasePage):
    intro = models.TextField(_("intro"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("motion statistics page")

    def intro_text(self) -> str:
        return self.intro

    def charts(self, stats: selectors.MotionStatistics) -> list[dict]:
        """Each chart with its SVG and the rows of the table beside it."""
        status_bars = [
            charts.Bar(label, count, number_format(count))
            for _code, label, count in stats.by_status
        ]
        share_bars = []
        if stats.decided:
            rejected_or_noted = stats.decided - stats.accepted
            share_bars = [
                charts.Bar(
                    gettext("Accepted (with or without amendments)"),
                    stats.accepted * 100 / stats.decided,
                    _count_and_percent(stats.accepted, stats.accepted_percent),
                ),
                charts.Bar(
                    gettext("Rejected or noted"),
                    rejected_or_noted * 100 / stats.decided,
                    _count_and_percent(rejected_or_noted, 100 - stats.accepted_percent),
                ),
            ]
        median_bars = [
            charts.Bar(
                gettext("Submission to agenda"),
                stats.median_days_to_agenda or 0,
                _days(stats.median_days_to_agenda),
            ),
            charts.Bar(
                gettext("Submission to decision"),
                stats.median_days_to_decision or 0,
                _days(stats.median_days_to_decision),
            ),
        ]
        year_bars = [
            charts.Bar(str(year), count, number_format(count)) for year, count in stats.by_year
        ]
        topic_bars = [
            charts.Bar(topic.name, count, number_format(count)) for topic, count in stats.by_topic
        ]
        specs = [
            (
                "status",
                gettext("Motions by status"),
                gettext("How many public motions are in each status."),
                gettext("Status"),
                status_bars,
                None,
            ),
            (
                "share",
                gettext("Share accepted"),
                gettext("Of the motions the assembly decided on."),
                gettext("Decision"),
                share_bars,
                100,
            ),
            (
                "medians",
                gettext("Median days"),
                gettext("Median number of days from submission to the agenda and to the decision."),
                gettext("Step"),
                median_bars,
                None,
            ),
            (
                "years",
                gettext("Motions by year of submission"),
                "",
                gettext("Year"),
                year_bars,
                None,
            ),
            (
                "topics",
                gettext("Motions by topic"),
                gettext("A motion can have several topics."),
                gettext("Topic"),
                topic_bars,
                None,
            ),
        ]
        return [
            {
                "id": key,
                "title": title,
                "description": description,
                "label_heading": label_heading,
                "bars": bars,
                "svg": charts.bar_chart(
                    bars,
                    chart_id=f"chart-{key}",
                    title=title,
                    description=description,
                    maximum=maximum,
                )
                if bars
                else "",
            }
            for key, title, description, label_heading, bars, maximum in specs
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stats = selectors.motion_statistics()
        overdue = list(selectors.overdue_motions()[:OVERDUE_LIST_LIMIT])
        index_page = find_motion_index(self.locale_id)
        urls = MotionUrls(index_page, request)
        for motion in overdue:
            motion.public_url = urls(motion)
        context.update(
            stats=stats,
            charts=self.charts(stats),
            overdue=overdue,
            overdue_more=stats.overdue_count > len(overdue),
            index_page=index_page,
            median_to_agenda=_days(stats.median_days_to_agenda),
            median_to_decision=_days(stats.median_days_to_decision),
        )
        return context


def motion_tracker(request, locale_id: int | None = None) -> dict:
    """What the home page shows of the motions: the latest movements and key figures."""
    figures = selectors.key_figures()
    if not figures["total"]:
        return {}
    index_page = find_motion_index(locale_id)
    urls = MotionUrls(index_page, request)
    movements = selectors.latest_movements()
    for movement in movements:
        movement.url = urls(movement.motion)
    return {
        "figures": figures,
        "movements": movements,
        "index_page": index_page,
        "statistics_page": find_statistics_page(locale_id),
    }
