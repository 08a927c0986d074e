"""The Content-Security-Policy of each part of the site: strict for the public pages,
Wagtail's needs for the admin.

django-csp builds and sends the header; this module only chooses which of the two
policies in the settings applies to a request.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class SectionCSPMiddleware(CSPMiddleware):
    """Send ``CONTENT_SECURITY_POLICY`` on the public site and ``ADMIN_CONTENT_SECURITY_POLICY``
    under the Wagtail admin.

    The admin's own templates (inline panels, date pickers, chooser modals) still run
    inline scripts and set inline styles, so its policy has to allow them; the public
    templates have none, and their policy stays strict.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_URL_PREFIXES)
        ):
            directives = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts.config = {key: list(value) for key, value in directives.items()}
        return parts
