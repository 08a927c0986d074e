"""The news index: newest first, paginated, filtered by tag; only published articles appear."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def titles_in_order(content: str, titles: list[str]) -> list[str]:
    """The given titles that appear in the page, in the order they appear."""
    found = [(content.index(title), title) for title in titles if title in content]
    return [title for _, title in sorted(found)]


@pytest.fixture
def five_articles(news_index):
    names = ["Ocak haberi", "Şubat haberi", "Mart haberi", "Nisan haberi", "Mayıs haberi"]
    for month, title in enumerate(names, start=1):
        NewsPageFactory(parent=news_index, title=title, date=datetime.date(2026, month, 10))
    return list(reversed(names))  # newest first


def test_index_lists_newest_first(client, news_index, five_articles):
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert titles_in_order(response.content.decode(), five_articles) == five_articles


def test_index_is_paginated_by_per_page(client, news_index, five_articles):
    news_index.per_page = 2
    news_index.save()

    pages = [client.get(news_index.url, {"page": number}) for number in (1, 2, 3)]

    shown = [titles_in_order(page.content.decode(), five_articles) for page in pages]
    assert shown == [five_articles[0:2], five_articles[2:4], five_articles[4:5]]
    first = BeautifulSoup(pages[0].content, "html.parser")
    assert first.find("a", rel="next")["href"] == "?page=2"
    assert first.find("a", rel="prev") is None
    last = BeautifulSoup(pages[2].content, "html.parser")
    assert last.find("a", rel="prev")["href"] == "?page=2"
    assert last.find("a", rel="next") is None


def test_out_of_range_page_shows_last_page(client, news_index, five_articles):
    news_index.per_page = 2
    news_index.save()
    response = client.get(news_index.url, {"page": 99})
    assert response.status_code == 200
    assert titles_in_order(response.content.decode(), five_articles) == five_articles[4:5]


def test_tag_filter_shows_only_tagged_articles(client, news_index):
    NewsPageFactory(parent=news_index, title="Bisiklet yolu açıldı", tags=["ulaşım"])
    NewsPageFactory(parent=news_index, title="Tramvay hattı uzuyor", tags=["ulaşım", "çevre"])
    NewsPageFactory(parent=news_index, title="Park yenilendi", tags=["çevre"])

    response = client.get(news_index.url, {"tag": "ulaşım"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Bisiklet yolu açıldı" in content
    assert "Tramvay hattı uzuyor" in content
    assert "Park yenilendi" not in content


def test_the_heading_names_the_tag_as_written_not_its_slug(client, news_index):
    NewsPageFactory(parent=news_index, title="Panel yapıldı", tags=["Yerel Demokrasi"])
    soup = BeautifulSoup(
        client.get(news_index.url, {"tag": "yerel-demokrasi"}).content, "html.parser"
    )
    assert soup.h1.get_text(" ", strip=True).endswith(": Yerel Demokrasi")


def test_tag_links_lead_to_filtered_index(client, news_index):
    NewsPageFactory(parent=news_index, title="Park yenilendi", tags=["çevre"])
    NewsPageFactory(parent=news_index, title="Konser verildi", tags=["kültür"])
    soup = BeautifulSoup(client.get(news_index.url).content, "html.parser")
    link = soup.find("a", string="çevre")
    assert link is not None

    response = client.get(link["href"])

    content = response.content.decode()
    assert "Park yenilendi" in content
    assert "Konser verildi" not in content


def test_tag_filter_pagination_keeps_the_tag(client, news_index):
    news_index.per_page = 1
    news_index.save()
    NewsPageFactory(
        parent=news_index, title="Eski spor haberi", tags=["spor"], date=datetime.date(2026, 1, 1)
    )
    NewsPageFactory(
        parent=news_index, title="Yeni spor haberi", tags=["spor"], date=datetime.date(2026, 2, 1)
    )
    NewsPageFactory(
        parent=news_index, title="Sanat haberi", tags=["sanat"], date=datetime.date(2026, 3, 1)
    )

    first = BeautifulSoup(client.get(news_index.url, {"tag": "spor"}).content, "html.parser")
    next_href = first.find("a", rel="next")["href"]
    second = client.get(news_index.url + next_href.replace("&amp;", "&"))

    assert "Yeni spor haberi" in first.get_text()
    assert "Eski spor haberi" in second.content.decode()
    assert "Sanat haberi" not in second.content.decode()


def test_unknown_tag_shows_no_articles(client, news_index, five_articles):
    response = client.get(news_index.url, {"tag": "yok-boyle-bir-etiket"})
    assert response.status_code == 200
    assert titles_in_order(response.content.decode(), five_articles) == []


@pytest.fixture
def hidden_articles(news_index):
    """A draft never published and an article published then withdrawn."""
    NewsPageFactory(parent=news_index, title="Taslak haber zeytinlik", draft=True, tags=["gizli"])
    NewsPageFactory(parent=news_index, title="Geri çekilen haber zeytinlik", unpublished=True)
    NewsPageFactory(parent=news_index, title="Yayındaki haber zeytinlik")
    return ["Taslak haber zeytinlik", "Geri çekilen haber zeytinlik"]


def test_unpublished_articles_not_in_index(client, news_index, hidden_articles):
    content = client.get(news_index.url).content.decode()
    assert "Yayındaki haber zeytinlik" in content
    for title in hidden_articles:
        assert title not in content
    soup = BeautifulSoup(content, "html.parser")
    assert soup.find("a", string="gizli") is None  # a draft's tag is not offered as a filter


def test_unpublished_articles_not_found_by_search(client, news_index, hidden_articles):
    content = client.get("/ara/", {"q": "zeytinlik"}).content.decode()
    assert "Yayındaki haber zeytinlik" in content
    for title in hidden_articles:
        assert title not in content


@pytest.mark.parametrize("feed", ["rss/", "atom/"])
def test_unpublished_articles_not_in_feeds(client, news_index, hidden_articles, feed):
    content = client.get(news_index.url + feed).content.decode()
    assert "Yayındaki haber zeytinlik" in content
    for title in hidden_articles:
        assert title not in content


def test_unpublished_articles_not_in_sitemap(client, news_index, hidden_articles):
    content = client.get("/sitemap.xml").content.decode()
    assert "/haberler/yayindaki-haber-zeytinlik/" in content
    assert "/haberler/taslak-haber-zeytinlik/" not in content
    assert "/haberler/geri-cekilen-haber-zeytinlik/" not in content


def test_unpublished_article_url_is_not_found(client, news_index, hidden_articles):
    assert client.get("/haberler/taslak-haber-zeytinlik/").status_code == 404
    assert client.get("/haberler/geri-cekilen-haber-zeytinlik/").status_code == 404


def test_list_images_are_renditions_not_originals(client, news_index):
    article = NewsPageFactory(parent=news_index, title="Fotoğraflı haber", with_image=True)

    soup = BeautifulSoup(client.get(news_index.url).content, "html.parser")

    sources = [img["src"] for img in soup.find_all("img")]
    rendition_urls = {rendition.url for rendition in article.image.renditions.all()}
    assert len(sources) == 1
    assert sources[0] in rendition_urls
    assert sources[0] != article.image.file.url
    assert "original_images" not in sources[0]


def test_article_image_is_a_rendition(client, news_index):
    article = NewsPageFactory(parent=news_index, title="Fotoğraflı haber", with_image=True)

    soup = BeautifulSoup(client.get(article.url).content, "html.parser")

    sources = [img["src"] for img in soup.find("main").find_all("img")]
    assert len(sources) == 1
    assert sources[0] in {rendition.url for rendition in article.image.renditions.all()}
    assert "original_images" not in sources[0]
