"""Settings the council's editors change in the admin (Ayarlar)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class CouncilSettings(BaseSiteSetting):
    council_name = models.CharField(_("council name"), max_length=200, default="Kent Konseyi")
    tagline = models.CharField(_("tagline"), max_length=250, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)
    is_demo = models.BooleanField(
        _("demo site"),
        default=False,
        help_text=_("Shows a banner saying that the content is demonstration content."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("council_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Social media"),
        ),
        FieldPanel("footer_text"),
        FieldPanel("is_demo"),
    ]

    class Meta:
        verbose_name = _("council settings")

    def social_links(self) -> list[tuple[str, str]]:
        """(label, url) pairs of the social accounts that are filled in."""
        candidates = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(label, url) for label, url in candidates if url]
