"""The public site and the Wagtail admin work under their Content-Security-Policy.

Chromium reports every blocked script, style, image, frame or form target on the console
("Refused to ...") and as a ``securitypolicyviolation`` event; the tests fail on either.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.admin.admin_url_finder import AdminURLFinder

from tests.browser.checks import PUBLIC_PAGE_NAMES, open_public_page
from tests.browser.journeys import SLOW, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ADMIN_LOGIN = ("admin", "demo-admin-2026")  # cms load_demo's superuser

# Runs before the page's own scripts, outside the page's policy (Playwright injects it).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
      + ` (${event.sourceFile}:${event.lineNumber})`
  );
});
"""


class ViolationWatch:
    """What the browser refused on a page, by console message and by event."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._on_console)

    def _on_console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("Refused to"):
            self.console.append(f"{self.page.url}: {text}")

    def check(self, where: str) -> list[str]:
        """Every violation seen so far, with the one on the current page."""
        events = self.page.evaluate("window.__cspViolations || []")
        return self.console + [f"{where} ({self.page.url}): {event}" for event in events]


@pytest.fixture
def watched(page):
    return page, ViolationWatch(page)


def test_the_watch_sees_a_refused_inline_script(watched, shared_demo_site):
    """The check can fail: a page with an inline script under the public policy."""
    page, watch = watched
    url = shared_demo_site("/csp-probe/")
    policy = "default-src 'self'; script-src 'self'; object-src 'none'"
    page.route(
        url,
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": policy},
            body="<!DOCTYPE html><title>x</title><script>document.title = 'ran'</script>"
            '<button onclick="alert(1)">x</button>',
        ),
    )

    page.goto(url)

    assert page.title() == "x"
    violations = watch.check("probe")
    assert any("script-src" in violation for violation in violations), violations


def test_public_pages_run_under_the_public_policy(watched, shared_demo_site):
    page, watch = watched
    violations = []
    for name in PUBLIC_PAGE_NAMES:
        open_public_page(page, shared_demo_site.url, shared_demo_site.pages[name])
        page.wait_for_load_state("networkidle")
        violations += watch.check(name)

    page.goto(shared_demo_site(reverse("personal_data:request")))
    violations += watch.check("personal data")

    page.goto(shared_demo_site("/api/v1/docs"))
    # Swagger UI builds the page from the OpenAPI document with its own scripts.
    expect(page.locator(".swagger-ui .info")).to_be_visible(timeout=SLOW)
    page.wait_for_load_state("networkidle")
    violations += watch.check("API docs")

    assert not violations, "\n".join(violations)


def test_admin_screens_run_under_the_admin_policy(watched, shared_demo_site):
    from cms.models import StandardPage
    from deliberation.models import Meeting
    from motions.models import Motion

    page, watch = watched
    site = shared_demo_site
    finder = AdminURLFinder()
    violations = []

    log_in(page, site, *ADMIN_LOGIN)
    violations += watch.check("login")
    page.wait_for_load_state("networkidle")
    violations += watch.check("dashboard")

    standard_page = StandardPage.objects.live().get(title="Kent Konseyi nedir?")
    page.goto(site(finder.get_edit_url(standard_page)))
    expect(page.locator("form#page-edit-form")).to_be_visible(timeout=SLOW)
    page.wait_for_load_state("networkidle")
    violations += watch.check("page editor")

    meeting = Meeting.objects.order_by("-starts_at").first()
    page.goto(site(finder.get_edit_url(meeting)))
    expect(page.locator("main form").first).to_be_visible(timeout=SLOW)
    page.wait_for_load_state("networkidle")
    violations += watch.check("snippet edit form (meeting)")

    motion = Motion.objects.order_by("pk").first()
    page.goto(site(reverse("motions_motion:record_event", args=[motion.pk])))
    page.locator("button[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-content")
    expect(modal.locator("table, .nice-padding, form").first).to_be_visible(timeout=SLOW)
    page.wait_for_load_state("networkidle")
    violations += watch.check("document chooser")

    assert not violations, "\n".join(violations)
