from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliberationConfig(AppConfig):
    name = "deliberation"
    verbose_name = _("Deliberation")

    def ready(self):
        # Policies must be registered before Wagtail creates fallback ones for the models.
        from . import policies, signals  # noqa: F401

        policies.register_policies()
