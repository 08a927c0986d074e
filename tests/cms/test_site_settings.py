"""The council's settings (Ayarlar): edited in the admin, shown in the header and footer."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Site

from cms.models import CouncilSettings

pytestmark = pytest.mark.django_db


def council_settings() -> CouncilSettings:
    return CouncilSettings.for_site(Site.objects.get(is_default_site=True))


def page_soup(client, url="/") -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_editor_changes_settings_in_admin_and_site_shows_them(admin_client, client, home):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["cms", "councilsettings", site.pk])
    data = {
        "council_name": "Karşıyaka Kent Konseyi",
        "tagline": "Birlikte yönetiyoruz",
        "logo": "",
        "address": "Bahariye Cad. No: 5\nKarşıyaka / İzmir",
        "phone": "0232 000 00 00",
        "email": "iletisim@example.org",
        "facebook_url": "https://facebook.com/kentkonseyi",
        "x_url": "",
        "instagram_url": "https://instagram.com/kentkonseyi",
        "youtube_url": "",
        "linkedin_url": "",
        "footer_text": "Tüm hakları saklıdır.",
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302
    soup = page_soup(client, home.url)
    assert soup.find("title").get_text(strip=True).endswith("Karşıyaka Kent Konseyi")
    assert soup.find("h1").get_text(strip=True) == "Karşıyaka Kent Konseyi"
    assert "Birlikte yönetiyoruz" in soup.get_text()
    footer = soup.find("footer")
    assert "Bahariye Cad. No: 5" in footer.get_text()
    assert "Karşıyaka / İzmir" in footer.get_text()
    assert footer.find("a", href="tel:02320000000").get_text() == "0232 000 00 00"
    assert footer.find("a", href="mailto:iletisim@example.org") is not None
    social = footer.find("nav", attrs={"aria-label": "Sosyal medya"})
    assert [(a.get_text(), a["href"]) for a in social.find_all("a")] == [
        ("Facebook", "https://facebook.com/kentkonseyi"),
        ("Instagram", "https://instagram.com/kentkonseyi"),
    ]
    assert "Tüm hakları saklıdır." in footer.get_text()


def test_without_social_accounts_no_social_menu(client, home):
    footer = page_soup(client, home.url).find("footer")
    assert footer.find("nav", attrs={"aria-label": "Sosyal medya"}) is None


def test_demo_banner_only_on_demo_sites(client, home, news_index):
    banner_text = "içerik tanıtım amaçlıdır"
    assert banner_text not in page_soup(client, news_index.url).get_text()

    settings = council_settings()
    settings.is_demo = True
    settings.save()

    assert banner_text in page_soup(client, news_index.url).get_text()


def test_council_name_in_every_page_title(client, news_index):
    soup = page_soup(client, news_index.url)
    assert soup.find("title").get_text(strip=True) == "Haberler · Deneme Kent Konseyi"
