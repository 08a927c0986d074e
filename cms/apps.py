from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Website")

    def ready(self):
        # Registers the integer "in" lookup that ignores ids no column can hold.
        from shared import site

        from . import lookups  # noqa: F401
        from .public_site import CouncilSite

        # The domain asks the page layer for the council's name and public links.
        site.register(CouncilSite())
