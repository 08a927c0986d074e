"""RSS and Atom feeds of the news index, as a feed reader parses them."""

import calendar
import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

# 09:00 in Istanbul (UTC+3) on the article's date, as a UTC timestamp.
PUBLISHED = {
    "Mart haberi": datetime.datetime(2026, 3, 10, 6, 0, tzinfo=datetime.UTC),
    "Şubat haberi": datetime.datetime(2026, 2, 10, 6, 0, tzinfo=datetime.UTC),
    "Ocak haberi": datetime.datetime(2026, 1, 10, 6, 0, tzinfo=datetime.UTC),
}


@pytest.fixture
def articles(news_index):
    pages = {}
    for title, published in reversed(PUBLISHED.items()):
        pages[title] = NewsPageFactory(
            parent=news_index,
            title=title,
            date=published.date(),
            intro=f"{title}: Konsey toplandı & karar aldı.",
            tags=["meclis"],
        )
    return pages


def as_utc(struct) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(calendar.timegm(struct), tz=datetime.UTC)


def fetch(client, url: str, content_type: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_rss_feed(client, news_index, articles):
    feed = fetch(client, news_index.url + "rss/", "application/rss+xml")

    assert feed.version == "rss20"
    assert feed.feed.title == "Haberler"
    assert feed.feed.link == news_index.get_full_url()
    assert feed.feed.description == "Kent konseyinden haberler."
    assert [entry.title for entry in feed.entries] == list(PUBLISHED)
    for entry in feed.entries:
        page = articles[entry.title]
        assert entry.link == page.get_full_url()
        assert as_utc(entry.published_parsed) == PUBLISHED[entry.title]
        assert entry.summary == f"{entry.title}: Konsey toplandı & karar aldı."
        assert [tag.term for tag in entry.tags] == ["meclis"]


def test_atom_feed(client, news_index, articles):
    feed = fetch(client, news_index.url + "atom/", "application/atom+xml")

    assert feed.version == "atom10"
    assert feed.feed.title == "Haberler"
    assert feed.feed.link == news_index.get_full_url()
    assert feed.feed.subtitle == "Kent konseyinden haberler."
    assert feed.feed.updated_parsed is not None
    assert [entry.title for entry in feed.entries] == list(PUBLISHED)
    for entry in feed.entries:
        page = articles[entry.title]
        assert entry.link == page.get_full_url()
        assert entry.id
        assert as_utc(entry.published_parsed) == PUBLISHED[entry.title]
        assert entry.updated_parsed is not None
        assert entry.summary == f"{entry.title}: Konsey toplandı & karar aldı."


def test_atom_feed_points_to_itself(client, news_index, articles):
    feed = fetch(client, news_index.url + "atom/", "application/atom+xml")
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [news_index.get_full_url() + "atom/"]


def test_feeds_are_announced_on_the_index(client, news_index):
    soup = BeautifulSoup(client.get(news_index.url).content, "html.parser")
    alternates = {
        link["type"]: link["href"] for link in soup.head.find_all("link", rel="alternate")
    }
    assert alternates == {
        "application/atom+xml": news_index.url + "atom/",
        "application/rss+xml": news_index.url + "rss/",
    }


def test_feed_holds_the_twenty_newest(client, news_index):
    for day in range(1, 26):
        NewsPageFactory(parent=news_index, title=f"Gün {day:02d}", date=datetime.date(2026, 1, day))
    feed = fetch(client, news_index.url + "rss/", "application/rss+xml")
    assert [entry.title for entry in feed.entries] == [f"Gün {day:02d}" for day in range(25, 5, -1)]


def test_feed_of_one_index_has_only_its_articles(client, home, news_index, articles):
    other = NewsIndexPageFactory(parent=home, title="Basın", slug="basin")
    NewsPageFactory(parent=other, title="Basın bülteni")
    titles = [e.title for e in fetch(client, news_index.url + "rss/", "application/rss").entries]
    assert "Basın bülteni" not in titles
    assert [e.title for e in fetch(client, other.url + "rss/", "application/rss").entries] == [
        "Basın bülteni"
    ]


def test_empty_feed_is_valid(client, news_index):
    feed = fetch(client, news_index.url + "atom/", "application/atom+xml")
    assert feed.entries == []
    assert feed.feed.title == "Haberler"
