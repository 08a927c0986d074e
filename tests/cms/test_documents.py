"""The document library: filter by kind and year; restricted and other documents stay out."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import CollectionViewRestriction

from cms.models import DocumentKind
from tests.factories import CollectionFactory, CouncilDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(document_index):
    CouncilDocumentFactory(
        title="2024 Sonuç Bildirgesi", declaration=True, issued_on=datetime.date(2024, 11, 3)
    )
    CouncilDocumentFactory(
        title="Çalışma Grupları Yönergesi", directive=True, issued_on=datetime.date(2025, 2, 14)
    )
    CouncilDocumentFactory(title="Faaliyet Raporu 2025", issued_on=datetime.date(2025, 12, 30))
    CouncilDocumentFactory(title="Faaliyet Raporu 2024", issued_on=datetime.date(2024, 12, 30))
    return document_index


def listed_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    main = soup.find("main")
    return [
        link.get_text(strip=True)
        for link in main.find_all("a", href=True)
        if "/documents/" in link["href"]
    ]


def test_lists_library_documents_newest_year_first(client, library):
    response = client.get(library.url)
    assert response.status_code == 200
    assert listed_titles(response) == [
        "Faaliyet Raporu 2025",
        "Çalışma Grupları Yönergesi",
        "Faaliyet Raporu 2024",
        "2024 Sonuç Bildirgesi",
    ]


def test_filter_by_kind(client, library):
    response = client.get(library.url, {"kind": DocumentKind.DECLARATION})
    assert listed_titles(response) == ["2024 Sonuç Bildirgesi"]


def test_filter_by_year(client, library):
    response = client.get(library.url, {"year": "2024"})
    assert listed_titles(response) == ["Faaliyet Raporu 2024", "2024 Sonuç Bildirgesi"]


def test_filter_by_kind_and_year(client, library):
    response = client.get(library.url, {"kind": DocumentKind.REPORT, "year": "2025"})
    assert listed_titles(response) == ["Faaliyet Raporu 2025"]


def test_filter_with_no_match_says_so(client, library):
    response = client.get(library.url, {"kind": DocumentKind.DIRECTIVE, "year": "2024"})
    assert listed_titles(response) == []
    assert response.status_code == 200


def test_nonsense_filters_are_ignored(client, library):
    response = client.get(library.url, {"kind": "yok", "year": "geçen-yıl"})
    assert response.status_code == 200
    assert len(listed_titles(response)) == 4


def test_filter_form_offers_kinds_and_years_with_choice_kept(client, library):
    response = client.get(library.url, {"year": "2024"})
    soup = BeautifulSoup(response.content, "html.parser")
    years = soup.find("select", attrs={"name": "year"})
    assert [o["value"] for o in years.find_all("option")] == ["", "2025", "2024"]
    assert years.find("option", selected=True)["value"] == "2024"
    kinds = soup.find("select", attrs={"name": "kind"})
    assert [o["value"] for o in kinds.find_all("option")] == [
        "",
        DocumentKind.DECLARATION,
        DocumentKind.DIRECTIVE,
        DocumentKind.REPORT,
    ]


def test_documents_in_restricted_collections_are_not_listed(client, library):
    CouncilDocumentFactory(title="Yürütme Kurulu İç Notu", restricted=True)
    secret = CollectionFactory(name="Gizli")
    CollectionViewRestriction.objects.create(
        collection=secret, restriction_type=CollectionViewRestriction.PASSWORD, password="gizli"
    )
    child = secret.add_child(name="Alt klasör")
    CouncilDocumentFactory(title="Alt Klasördeki Taslak", collection=child)
    CouncilDocumentFactory(title="Açık Klasördeki Rapor", collection=CollectionFactory())

    titles = listed_titles(client.get(library.url))

    assert "Açık Klasördeki Rapor" in titles
    assert "Yürütme Kurulu İç Notu" not in titles
    assert "Alt Klasördeki Taslak" not in titles


def test_other_documents_are_not_in_the_library(client, library):
    CouncilDocumentFactory(title="Toplantı Afişi", kind=DocumentKind.OTHER)
    assert "Toplantı Afişi" not in listed_titles(client.get(library.url))


def test_document_without_date_is_filed_under_upload_year(client, document_index):
    document = CouncilDocumentFactory(title="Tarihsiz Rapor", issued_on=None)
    year = str(document.created_at.year)

    response = client.get(document_index.url, {"year": year})

    assert listed_titles(response) == ["Tarihsiz Rapor"]


def test_listing_links_to_the_file_and_shows_turkish_date(client, library):
    response = client.get(library.url, {"kind": DocumentKind.DECLARATION})
    content = response.content.decode()
    assert "3 Kasım 2024" in content
    link = BeautifulSoup(response.content, "html.parser").find("a", string="2024 Sonuç Bildirgesi")
    assert client.get(link["href"]).status_code == 200
