"""Fixtures shared by the server-side tests: a site with its section pages."""

import pytest

from tests.factories import (
    ContactPageFactory,
    DocumentIndexPageFactory,
    EventIndexPageFactory,
    NewsIndexPageFactory,
    make_home,
)


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
