"""The server-error page: a visitor gets a plain bilingual page, never a traceback."""

import pytest
from django.urls import path

import cms.urls


def _broken(request):
    raise RuntimeError("database exploded: secret-token-123")


urlpatterns = [path("patlak/", _broken), *cms.urls.urlpatterns]


@pytest.mark.django_db
@pytest.mark.urls("tests.cms.test_error_pages")
def test_an_unexpected_error_shows_the_error_page_without_details(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False

    response = client.get("/patlak/")

    assert response.status_code == 500
    text = response.content.decode()
    assert "Bir sorun oluştu" in text
    assert "Something went wrong" in text
    assert 'href="/"' in text
    assert "secret-token-123" not in text
    assert "RuntimeError" not in text
