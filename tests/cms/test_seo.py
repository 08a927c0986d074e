"""What search engines and link previews see: sitemap, robots.txt, metadata, 404 page."""

import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own response

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.factories import (
    EventPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_sitemap_lists_live_pages_only(client, home, news_index, event_index, contact_page):
    live_article = NewsPageFactory(parent=news_index, title="Yayında")
    draft_article = NewsPageFactory(parent=news_index, title="Taslak", draft=True)
    withdrawn = NewsPageFactory(parent=news_index, title="Geri çekilmiş", unpublished=True)
    event = EventPageFactory(parent=event_index, title="Panel")
    members_only = StandardPageFactory(parent=home, title="Üyelere özel")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )

    locations = sitemap_locations(client)

    for page in (home, news_index, live_article, event_index, event, contact_page):
        assert page.get_full_url() in locations
    for page in (draft_article, withdrawn, members_only):
        assert page.get_full_url() not in locations
    assert all(location.startswith("http") for location in locations)


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.fixture
def every_page(home, news_index, event_index, document_index, contact_page):
    return [
        home,
        StandardPageFactory(parent=home, title="Hakkımızda", intro="Konseyimizi tanıyın."),
        news_index,
        NewsPageFactory(parent=news_index, title="Bütçe", intro="Bütçe önerileri sunuldu."),
        event_index,
        EventPageFactory(parent=event_index, title="Çalıştay", intro="Ulaşım çalıştayı."),
        document_index,
        contact_page,
    ]


def head_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def test_every_page_has_canonical_og_title_and_description(client, every_page):
    for page in every_page:
        head = head_of(client, page)
        canonical = head.find("link", rel="canonical")
        assert canonical is not None, page.title
        assert canonical["href"] == page.get_full_url()
        og_title = head.find("meta", property="og:title")
        assert og_title is not None and og_title["content"] == page.title
        assert head.find("meta", property="og:url")["content"] == page.get_full_url()
        description = head.find("meta", attrs={"name": "description"})
        assert description is not None, page.title
        assert description["content"] == page.specific.get_meta_description()
        assert description["content"].strip(), page.title


def test_description_comes_from_intro(client, news_index):
    article = NewsPageFactory(parent=news_index, intro="Körfez için ortak plan hazırlandı.")
    head = head_of(client, article)
    assert head.find("meta", attrs={"name": "description"})["content"] == (
        "Körfez için ortak plan hazırlandı."
    )
    assert head.find("meta", property="og:type")["content"] == "article"


def test_seo_title_and_search_description_win(client, news_index):
    article = NewsPageFactory(
        parent=news_index,
        title="Uzun haber başlığı",
        seo_title="Kısa başlık",
        search_description="Arama motorları için özet.",
    )
    head = head_of(client, article)
    assert head.find("meta", property="og:title")["content"] == "Kısa başlık"
    assert head.find("title").get_text().startswith("Kısa başlık")
    assert head.find("meta", attrs={"name": "description"})["content"] == (
        "Arama motorları için özet."
    )


def test_shared_image_is_an_absolute_rendition(client, news_index):
    article = NewsPageFactory(parent=news_index, with_image=True)
    og_image = head_of(client, article).find("meta", property="og:image")["content"]
    assert og_image.startswith("http")
    assert og_image.endswith(tuple(rendition.url for rendition in article.image.renditions.all()))
    assert "original_images" not in og_image


def test_pages_are_in_turkish(client, home):
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    assert soup.html["lang"] == "tr"
    assert soup.find("meta", property="og:locale")["content"] == "tr_TR"


def test_search_page_is_not_indexed(client, home):
    soup = BeautifulSoup(client.get("/ara/", {"q": "izmir"}).content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize("path", ["/yok-boyle-bir-sayfa/", "/haberler/olmayan-haber/"])
def test_missing_page_is_a_friendly_turkish_404(client, settings, news_index, path):
    settings.DEBUG = False

    response = client.get(path)

    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "tr"
    assert soup.find("h1").get_text(strip=True) == "Sayfa bulunamadı"
    assert soup.find("a", string="Ana sayfaya git")["href"] == "/"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "Deneme Kent Konseyi" in soup.get_text()  # the site's own header and footer


def test_draft_page_answers_with_the_404_page(client, settings, home):
    settings.DEBUG = False
    draft = StandardPageFactory(parent=home, title="Gizli taslak", draft=True)

    response = client.get("/gizli-taslak/")

    assert response.status_code == 404
    assert "Sayfa bulunamadı" in response.content.decode()
    assert draft.title not in response.content.decode()
