from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Website")

    def ready(self):
        # Registers the integer "in" lookup that ignores ids no column can hold.
        from . import lookups  # noqa: F401
