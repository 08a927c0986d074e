"""Site search at /ara/: Turkish case and letters folded, only published pages found."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import EventPageFactory, NewsPageFactory, StandardPageFactory, paragraph

pytestmark = pytest.mark.django_db


def result_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    results = soup.find("ol", class_="search-results")
    return [h.get_text(strip=True) for h in results.find_all("h3")] if results else []


@pytest.fixture
def pages(home, news_index, event_index):
    StandardPageFactory(
        parent=home, title="İzmir'in Mahalleleri", body=paragraph("<p>Kentin semtleri.</p>")
    )
    NewsPageFactory(
        parent=news_index,
        title="Körfez temizliği",
        intro="Çalışma grubu körfezi ziyaret etti.",
        body=paragraph("<p>İzmir Körfezi için ortak eylem planı hazırlanıyor.</p>"),
    )
    EventPageFactory(parent=event_index, title="Gençlik Buluşması", venue_name="Şehir Tiyatrosu")
    StandardPageFactory(parent=home, title="Ankara gezisi", intro="Başkente ziyaret.")


@pytest.mark.parametrize("query", ["İzmir", "izmir", "İZMİR", "IZMIR", "ızmır"])
def test_turkish_spellings_all_find_izmir(client, pages, query):
    response = client.get("/ara/", {"q": query})

    assert response.status_code == 200
    assert sorted(result_titles(response)) == ["Körfez temizliği", "İzmir'in Mahalleleri"]


@pytest.mark.parametrize("query", ["gençlik", "GENÇLİK", "genclik", "şehir tiyatrosu", "SEHIR"])
def test_other_turkish_letters_fold(client, pages, query):
    response = client.get("/ara/", {"q": query})
    assert result_titles(response) == ["Gençlik Buluşması"]


def test_all_words_must_match(client, pages):
    response = client.get("/ara/", {"q": "izmir körfezi"})
    assert result_titles(response) == ["Körfez temizliği"]


def test_unpublished_pages_are_never_found(client, home, news_index):
    StandardPageFactory(parent=home, title="Kemeraltı taslağı", draft=True)
    NewsPageFactory(parent=news_index, title="Kemeraltı eski haberi", unpublished=True)
    StandardPageFactory(parent=home, title="Kemeraltı rehberi")

    response = client.get("/ara/", {"q": "kemeraltı"})

    assert result_titles(response) == ["Kemeraltı rehberi"]


def test_unmatched_query_says_nothing_was_found(client, pages):
    response = client.get("/ara/", {"q": "Trabzon"})
    assert response.status_code == 200
    assert result_titles(response) == []
    assert "Trabzon" in response.content.decode()


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}])
def test_empty_query_shows_the_form_without_results(client, pages, params):
    response = client.get("/ara/", params)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "q", "id": "search-q"}) is not None
    assert result_titles(response) == []
    assert response.context["results"] is None


def test_very_long_query_is_cut_and_answered(client, pages):
    response = client.get("/ara/", {"q": "izmir körfezi " * 1000})

    assert response.status_code == 200
    assert 0 < len(response.context["query"]) <= 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", id="search-q")["value"] == response.context["query"]


def test_very_long_single_word_does_not_fail(client, pages):
    response = client.get("/ara/", {"q": "ş" * 10_000})
    assert response.status_code == 200
    assert result_titles(response) == []


@pytest.mark.parametrize(
    "query",
    [
        '"izmir',
        'izmir"',
        '"',
        'körfez"izmir',
        "izmir\x00",
        "izmir AND OR",
        "izmir*",
        "(izmir",
        "-izmir",
        "%_'",
        "col:izmir",
        "<script>izmir</script>",
    ],
)
def test_query_syntax_characters_do_not_break_search(client, pages, query):
    assert client.get("/ara/", {"q": query}).status_code == 200


@pytest.mark.parametrize("query", ['"izmir"', "izmir\x00", '"İZMİR'])
def test_quotes_and_control_characters_are_ignored(client, pages, query):
    response = client.get("/ara/", {"q": query})
    assert sorted(result_titles(response)) == ["Körfez temizliği", "İzmir'in Mahalleleri"]


def test_search_is_paginated(client, home):
    for number in range(12):
        StandardPageFactory(parent=home, title=f"Bornova sayfası {number:02d}")

    first = client.get("/ara/", {"q": "bornova"})
    second = client.get("/ara/", {"q": "bornova", "page": 2})

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert not set(result_titles(first)) & set(result_titles(second))


def test_search_results_link_to_the_pages(client, pages):
    soup = BeautifulSoup(client.get("/ara/", {"q": "ankara"}).content, "html.parser")
    link = soup.find("ol", class_="search-results").find("a")
    assert link["href"] == "/ankara-gezisi/"
    assert client.get(link["href"]).status_code == 200


def test_post_is_not_allowed(client, pages):
    assert client.post("/ara/", {"q": "izmir"}).status_code == 405


def test_a_page_is_found_in_the_visitors_language_only(client, home):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    turkish_page = StandardPageFactory(parent=home, title="Kemeraltı çarşısı")
    home.copy_for_translation(english, copy_parents=False).save_revision().publish()
    english_page = turkish_page.copy_for_translation(english)
    english_page.title = "Kemeraltı bazaar"
    english_page.save_revision().publish()
    guide = StandardPageFactory(parent=home, title="Kemeraltı rehberi")
    guide.copy_for_translation(english).save_revision()  # a draft translation only

    turkish = result_titles(client.get("/ara/", {"q": "kemeraltı"}))
    english_results = result_titles(client.get("/en/ara/", {"q": "kemeraltı"}))

    assert sorted(turkish) == ["Kemeraltı rehberi", "Kemeraltı çarşısı"]
    assert sorted(english_results) == ["Kemeraltı bazaar", "Kemeraltı rehberi"]
