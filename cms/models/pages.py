"""The home page and general content pages."""

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import BodyBlock

from .mixins import BasePage


class HomePage(BasePage):
    intro = RichTextField(
        _("purpose"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What the council is and what it does, in a few sentences."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def intro_text(self) -> str:
        return strip_tags(self.intro)

    def get_context(self, request, *args, **kwargs):
        from .events import EventPage
        from .news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image")
            .order_by("-date", "-pk")[:3]
        )
        context["next_events"] = (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(end__gte=timezone.now())
            .order_by("start")[:3]
        )
        from .motions_pages import motion_tracker

        context["motion_tracker"] = motion_tracker(request, self.locale_id)
        return context


class StandardPage(BasePage):
    intro = models.TextField(_("intro"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("general page")

    def intro_text(self) -> str:
        return self.intro
