"""News: an index with pagination, tag filter and feeds, and the articles under it."""

import re

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock

from .mixins import BasePage

# What a tag's slug is made of (taggit keeps Turkish letters, at most 100 characters).
TAG_SLUG = re.compile(r"[-\w]{1,100}")


class NewsIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("intro"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("articles per page"), default=10)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def intro_text(self) -> str:
        return self.intro

    def articles(self):
        """Published articles, newest first, with what the list shows fetched up front."""
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("image")
            .prefetch_related("tags", "image__renditions")
            .order_by("-date", "-pk")
        )

    @path("")
    def index_route(self, request):
        articles = self.articles()
        tag = request.GET.get("tag", "").strip()
        if tag and not TAG_SLUG.fullmatch(tag):
            # No tag has such a slug (and PostgreSQL refuses some characters, e.g. NUL).
            articles = articles.none()
        elif tag:
            articles = articles.filter(tags__slug=tag).distinct()
        page = Paginator(articles, self.per_page).get_page(request.GET.get("page"))
        tags = list(self.used_tags())
        # The heading names the tag as editors wrote it ("Yerel demokrasi"), not its slug.
        tag_name = next((t.name for t in tags if t.slug == tag), tag)
        return self.render(
            request,
            context_overrides={
                "articles": page,
                "current_tag": tag,
                "current_tag_name": tag_name,
                "tags": tags,
            },
        )

    def used_tags(self):
        return (
            NewsPageTag.tag_model()
            .objects.filter(
                cms_newspagetag_items__content_object__in=NewsPage.objects.live()
                .public()
                .child_of(self)
            )
            .distinct()
            .order_by("name")
        )

    @path("rss/", name="rss")
    def rss_route(self, request):
        from cms.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_route(self, request):
        from cms.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("intro"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(verbose_name=_("tags"), through=NewsPageTag, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def intro_text(self) -> str:
        return self.intro
