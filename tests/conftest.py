"""Fixtures shared by the server-side tests: a site with its section pages."""

import pytest
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS

from tests.factories import (
    ContactPageFactory,
    DocumentIndexPageFactory,
    EventIndexPageFactory,
    NewsIndexPageFactory,
    make_home,
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's test database, its serialized rows kept where every test finds them.

    Django keeps the rows that ``serialized_rollback`` restores on the connection object
    that created the test database. Once Playwright has started, a browser journey can
    meet a new connection object for the same database (which depends on the tests that
    ran before it), and without those rows it would start from an empty database.
    """
    from django.db import connections

    connection = connections[DEFAULT_DB_ALIAS]
    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized is not None:
        type(connection)._test_serialized_contents = serialized
    return django_db_setup


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: a rate limit, a remembered rendition or a cached
    page of an earlier test (whose row ids the database may hand out again) never leaks in."""
    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Turkish: a request to /en/ leaves English active in the process,
    and reverse() would then build English addresses for the tests that follow it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield


@pytest.fixture
def rate_windows_frozen(monkeypatch):
    """django-ratelimit's clock stands still, so no counting window ends mid-test."""
    from types import SimpleNamespace

    import django_ratelimit.core

    now = 1_900_000_000.0
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))
    return now


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
