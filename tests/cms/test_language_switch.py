"""Visitors switch the site between Turkish and English with the form in the header."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def switch(client, page_path: str, language: str):
    """Submit the header's language form as shown on ``page_path``."""
    page = BeautifulSoup(client.get(page_path).content, "html.parser")
    form = page.select_one("form.language-switch")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    data["language"] = language
    return client.post(form["action"], data)


def test_switching_to_english_and_back_keeps_the_page(client, home, news_index):
    path = news_index.url

    response = switch(client, path, "en")
    assert response.status_code == 302
    assert response["Location"] == "/en" + path
    english = client.get(response["Location"])
    assert english.status_code == 200
    assert '<html lang="en"' in english.text

    response = switch(client, "/en" + path, "tr")
    assert response["Location"] == path
    turkish = client.get(path)
    assert '<html lang="tr"' in turkish.text


def test_an_unsafe_next_address_falls_back_to_the_home_page(client, home):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")
