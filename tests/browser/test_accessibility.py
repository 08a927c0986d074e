"""Every public page type has no WCAG 2.1 A/AA or best-practice violations axe-core finds."""

import pytest

from tests.browser.checks import (
    PUBLIC_PAGE_NAMES,
    axe_violations,
    format_axe_violations,
    open_public_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("name", PUBLIC_PAGE_NAMES)
def test_page_has_no_wcag_violations(page, shared_demo_site, name):
    open_public_page(page, shared_demo_site.url, shared_demo_site.pages[name])
    violations = axe_violations(page)
    assert not violations, f"{name} ({page.url}):\n{format_axe_violations(violations)}"
