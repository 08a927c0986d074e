"""Fixtures shared by the server-side tests: a site with its section pages."""

import pytest
from django.contrib.contenttypes.models import ContentType

from tests.factories import (
    ContactPageFactory,
    DocumentIndexPageFactory,
    EventIndexPageFactory,
    NewsIndexPageFactory,
    make_home,
)


@pytest.fixture(autouse=True)
def _fresh_content_types_in_transactional_tests(request):
    """Start every transactional test from an empty content-type cache.

    Transactional tests empty the database after each test and refill it; on
    PostgreSQL the refilled content types get new ids, and a live server's threads
    (the browser journeys) may have cached the old ones in the process-wide cache
    while that happened. pytest-django runs the transactional tests after the others,
    so clearing here, once their database is ready, covers every test that can meet a
    stale id.
    """
    marker = request.node.get_closest_marker("django_db")
    positional = bool(marker.args[0]) if marker is not None and marker.args else False
    asked = marker is not None and marker.kwargs.get("transaction", positional)
    transactional = asked or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        request.getfixturevalue("transactional_db")
        ContentType.objects.clear_cache()


@pytest.fixture
def home(db):
    """The council's home page as the root of the default site."""
    return make_home(intro="<p>Kentin ortak aklı.</p>")


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def document_index(home):
    return DocumentIndexPageFactory(parent=home)


@pytest.fixture
def contact_page(home):
    return ContactPageFactory(parent=home)
