"""Listing pages run a fixed number of queries, however many items they show."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    CouncilDocumentFactory,
    EventPageFactory,
    ImageFactory,
    NewsPageFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

SMALL, LARGE = 5, 50


def queries_for(client, url: str) -> list[str]:
    """The SQL run to render `url`, once renditions exist but with cold caches."""
    assert client.get(url).status_code == 200  # makes image renditions once
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def assert_same_count(small: list[str], large: list[str]):
    assert len(large) == len(small), "\n".join(
        ["Queries that grew with the number of items:", *large[len(small) :]]
    )


def add_articles(news_index, count: int, start: int = 0):
    for number in range(start, start + count):
        NewsPageFactory(
            parent=news_index,
            title=f"Haber {number:03d}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            image=ImageFactory(),
            tags=["ulaşım", f"etiket-{number % 3}"],
        )


def test_news_index(client, news_index):
    news_index.per_page = LARGE
    news_index.save()
    add_articles(news_index, SMALL)
    small = queries_for(client, news_index.url)
    add_articles(news_index, LARGE - SMALL, start=SMALL)
    large = queries_for(client, news_index.url)

    assert client.get(news_index.url).content.decode().count('class="card"') == LARGE
    assert_same_count(small, large)


@pytest.mark.parametrize("feed", ["rss/", "atom/"])
def test_news_feeds(client, news_index, feed):
    add_articles(news_index, SMALL)
    small = queries_for(client, news_index.url + feed)
    add_articles(news_index, LARGE - SMALL, start=SMALL)
    large = queries_for(client, news_index.url + feed)

    assert_same_count(small, large)


def test_home_page(client, home, news_index, event_index):
    add_articles(news_index, SMALL)
    add_events(event_index, SMALL)
    small = queries_for(client, home.url)
    add_articles(news_index, LARGE - SMALL, start=SMALL)
    add_events(event_index, LARGE - SMALL, start=SMALL)
    large = queries_for(client, home.url)

    assert_same_count(small, large)


def add_events(event_index, count: int, start: int = 0, **kwargs):
    partners = [OrganisationFactory(), OrganisationFactory()]
    for number in range(start, start + count):
        event = EventPageFactory(parent=event_index, title=f"Etkinlik {number:03d}", **kwargs)
        event.partners.set(partners)
        event.save()


@pytest.mark.parametrize("route", ["", "gecmis/"])
def test_event_index(client, event_index, route):
    past = route == "gecmis/"
    add_events(event_index, SMALL, past=past)
    small = queries_for(client, event_index.url + route)
    # The listing shows 20 events a page: 50 events fill the page; 5 do not.
    add_events(event_index, LARGE - SMALL, start=SMALL, past=past)
    large = queries_for(client, event_index.url + route)

    assert client.get(event_index.url + route).content.decode().count("card--event") == 20
    assert_same_count(small, large)


def test_event_calendar(client, event_index):
    add_events(event_index, SMALL)
    small = queries_for(client, event_index.url + "takvim.ics")
    add_events(event_index, LARGE - SMALL, start=SMALL)
    large = queries_for(client, event_index.url + "takvim.ics")

    assert_same_count(small, large)


def add_documents(count: int, start: int = 0):
    for number in range(start, start + count):
        CouncilDocumentFactory(
            title=f"Rapor {number:03d}", issued_on=datetime.date(2020 + number % 6, 1, 1)
        )


def test_document_index(client, document_index):
    add_documents(SMALL)
    small = queries_for(client, document_index.url)
    # The library shows 25 documents a page: 50 fill the page; 5 do not.
    add_documents(LARGE - SMALL, start=SMALL)
    large = queries_for(client, document_index.url)

    assert client.get(document_index.url).content.decode().count("/documents/") == 25
    assert_same_count(small, large)


def test_search_results(client, home, news_index):
    add_articles(news_index, SMALL)
    small = queries_for(client, "/ara/?q=haber")
    add_articles(news_index, LARGE - SMALL, start=SMALL)
    large = queries_for(client, "/ara/?q=haber")

    assert_same_count(small, large)
