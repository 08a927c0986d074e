"""The server's HTML of every public page type passes the Nu HTML checker (vnu.jar)."""

import pytest

from tests.browser.checks import PUBLIC_PAGE_NAMES, format_nu_errors

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", PUBLIC_PAGE_NAMES)
def test_page_html_is_valid(nu_errors, name):
    errors = nu_errors[name]
    assert not errors, f"{name}:\n{format_nu_errors(errors)}"
