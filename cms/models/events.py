"""Events (panels, workshops, meetings, gatherings) with their programme and calendars."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.blocks import BodyBlock, SessionBlock

from .mixins import BasePage


@register_snippet
class Organisation(index.Indexed, models.Model):
    """A partner or host organisation, reused across events."""

    name = models.CharField(_("name"), max_length=250, unique=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class EventKind(models.TextChoices):
    PANEL = "panel", _("Panel")
    WORKSHOP = "workshop", _("Workshop (çalıştay)")
    MEETING = "meeting", _("Meeting")
    GATHERING = "gathering", _("Gathering (buluşma)")
    OTHER = "other", _("Other")


class EventIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("intro"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["cms.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def intro_text(self) -> str:
        return self.intro

    def events(self):
        return EventPage.objects.live().public().child_of(self).prefetch_related("partners")

    def upcoming(self):
        return self.events().filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        return self.events().filter(end__lt=timezone.now()).order_by("-start", "-pk")

    @path("")
    def upcoming_route(self, request):
        page = Paginator(self.upcoming(), 20).get_page(request.GET.get("page"))
        return self.render(request, context_overrides={"events": page, "showing_past": False})

    @path("gecmis/", name="past")
    def past_route(self, request):
        page = Paginator(self.past(), 20).get_page(request.GET.get("page"))
        return self.render(request, context_overrides={"events": page, "showing_past": True})

    @re_path(r"^takvim\.ics/?$", name="ical")
    def ical_route(self, request):
        from cms.calendars import calendar_response

        return calendar_response(
            self.upcoming(), request, filename="etkinlikler.ics", name=self.title
        )


class EventPage(RoutablePageMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue_name = models.CharField(_("venue"), max_length=250)
    venue_address = models.TextField(_("venue address"), blank=True)
    intro = models.TextField(_("intro"), max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    programme = StreamField([("session", SessionBlock())], verbose_name=_("programme"), blank=True)
    partners = ParentalManyToManyField(
        Organisation, verbose_name=_("partner organisations"), blank=True, related_name="events"
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Date and time")),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address")], heading=_("Venue")
        ),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("registration_url"),
        FieldPanel("body"),
        FieldPanel("programme"),
        FieldPanel("partners"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("venue_name"),
        index.SearchField("body"),
        index.SearchField("programme"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    def intro_text(self) -> str:
        return self.intro

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def sessions(self):
        return [block.value for block in self.programme]

    @path("")
    def detail_route(self, request):
        return self.render(request)

    @re_path(r"^takvim\.ics/?$", name="ical")
    def ical_route(self, request):
        from cms.calendars import calendar_response

        return calendar_response([self], request, filename=f"{self.slug}.ics", name=self.title)
