"""Behaviour every public page type shares: Turkish-folded search and social metadata."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from shared.text import fold


class SearchFoldedMixin(models.Model):
    """Index a Turkish-folded copy of the page's searchable text.

    The query is folded the same way (see cms.views.search), so "İZMİR", "İzmir",
    "izmir" and "IZMIR" all match, whatever the database does with case.
    """

    search_fields = [*Page.search_fields, index.SearchField("folded_search_text")]

    class Meta:
        abstract = True

    def folded_search_text(self) -> str:
        parts: list[str] = [self.title, self.search_description or ""]
        for field in self.search_fields:
            if isinstance(field, index.SearchField) and field.field_name not in {
                "title",
                "folded_search_text",
            }:
                value = field.get_value(self)
                if isinstance(value, list | tuple):
                    parts.extend(str(item) for item in value)
                elif value:
                    parts.append(str(value))
        return fold(" ".join(parts))


class BasePage(SearchFoldedMixin, Page):
    """A page with a social image; abstract parent of every public page type."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; defaults to the page's main image."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image")], heading=_("Sharing")),
    ]

    class Meta:
        abstract = True

    def get_social_image(self):
        """The image used for Open Graph, if any."""
        return self.social_image or getattr(self, "image", None)

    def get_meta_description(self) -> str:
        """The description meta tag: the search description, else the intro."""
        return self.search_description or getattr(self, "intro_text", lambda: "")()
