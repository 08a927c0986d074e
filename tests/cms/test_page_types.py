"""Every page type can be created by an editor in the admin, sits where it belongs and renders."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import (
    ContactPage,
    DocumentIndexPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from tests.factories import (
    ContactPageFactory,
    DocumentIndexPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    StandardPageFactory,
    make_home,
    paragraph,
)

SECTION_TYPES = {
    StandardPage,
    NewsIndexPage,
    EventIndexPage,
    DocumentIndexPage,
    ContactPage,
}


def list_block(items: list[dict]) -> dict:
    """Form data of a ListBlock, in the shape the admin's stream editor posts."""
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_sections_under_home(self):
        for model in SECTION_TYPES:
            self.assertCanCreateAt(HomePage, model)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(HomePage, EventPage)

    def test_articles_only_in_news_index(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_events_only_in_event_index(self):
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_leaf_pages(self):
        self.assertAllowedSubpageTypes(DocumentIndexPage, set())
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_one_index_of_each_kind_per_parent(self):
        home = make_home()
        NewsIndexPageFactory(parent=home)
        EventIndexPageFactory(parent=home)
        DocumentIndexPageFactory(parent=home)
        home = Page.objects.get(pk=home.pk)
        self.assertFalse(NewsIndexPage.can_create_at(home))
        self.assertFalse(EventIndexPage.can_create_at(home))
        self.assertFalse(DocumentIndexPage.can_create_at(home))
        self.assertTrue(StandardPage.can_create_at(home))


class CreateInAdminTests(WagtailPageTestCase):
    """An editor fills in the page form and publishes; the page then shows on the site."""

    def setUp(self):
        # client.login() passes no request, which django-axes needs; force_login checks none.
        self.client.force_login(self.create_test_user())
        self.home = make_home()

    def assert_published_page_shows(self, model, slug, *texts):
        page = model.objects.get(slug=slug)
        self.assertTrue(page.live)
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        for text in texts:
            self.assertContains(response, text)
        return page

    def test_home_page(self):
        self.home.delete()
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Kent Konseyi Ana Sayfa",
                    "slug": "kk-anasayfa",
                    "intro": rich_text("<p>Kentin ortak aklı ve sesi.</p>"),
                    "body": streamfield([]),
                }
            ),
        )
        page = HomePage.objects.get(slug="kk-anasayfa")
        self.assertIn("Kentin ortak aklı ve sesi.", page.intro)

    def test_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Hakkımızda",
                    "slug": "hakkimizda",
                    "intro": "Konseyin tarihçesi.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Kuruluş", "level": "h2"}),
                            ("paragraph", rich_text("<p>Konsey 2005 yılında kuruldu.</p>")),
                            (
                                "quote",
                                {"quote": "Birlikte karar veririz.", "attribution": "Başkan"},
                            ),
                        ]
                    ),
                }
            ),
        )
        self.assert_published_page_shows(
            StandardPage,
            "hakkimizda",
            "<h1>Hakkımızda</h1>",
            "<h2>Kuruluş</h2>",
            "Konsey 2005 yılında kuruldu.",
            "Birlikte karar veririz.",
        )

    def test_news_index_page(self):
        self.assertCanCreate(
            self.home,
            NewsIndexPage,
            nested_form_data(
                {
                    "title": "Duyurular",
                    "slug": "duyurular",
                    "intro": "Son gelişmeler.",
                    "per_page": 5,
                }
            ),
        )
        page = self.assert_published_page_shows(NewsIndexPage, "duyurular", "Son gelişmeler.")
        self.assertEqual(page.per_page, 5)

    def test_news_page_with_tags_and_body(self):
        index = NewsIndexPageFactory(parent=self.home)
        self.assertCanCreate(
            index,
            NewsPage,
            nested_form_data(
                {
                    "title": "Gençlik Meclisi toplandı",
                    "slug": "genclik-meclisi-toplandi",
                    "date": "2026-03-02",
                    "intro": "Gençlik Meclisi yılın ilk toplantısını yaptı.",
                    "tags": "gençlik, ulaşım",
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Toplantıda bisiklet yolları konuşuldu.</p>"))]
                    ),
                }
            ),
        )
        page = self.assert_published_page_shows(
            NewsPage,
            "genclik-meclisi-toplandi",
            "Gençlik Meclisi yılın ilk toplantısını yaptı.",
            "Toplantıda bisiklet yolları konuşuldu.",
            "gençlik",
            "ulaşım",
        )
        self.assertEqual(page.date, datetime.date(2026, 3, 2))
        self.assertEqual(sorted(tag.name for tag in page.tags.all()), ["gençlik", "ulaşım"])

    def test_event_index_page(self):
        self.assertCanCreate(
            self.home,
            EventIndexPage,
            nested_form_data(
                {"title": "Takvim", "slug": "takvim", "intro": "Yaklaşan buluşmalar."}
            ),
        )
        self.assert_published_page_shows(EventIndexPage, "takvim", "Yaklaşan buluşmalar.")

    def test_event_page_with_programme(self):
        index = EventIndexPageFactory(parent=self.home)
        partner = OrganisationFactory(name="Kent Gönüllüleri Derneği")
        data = nested_form_data(
            {
                "title": "İklim Paneli",
                "slug": "iklim-paneli",
                "kind": "panel",
                "start": "2026-12-07 10:00",
                "end": "2026-12-07 13:00",
                "venue_name": "Ahmed Adnan Saygun Sanat Merkezi",
                "venue_address": "Güzelyalı, Konak",
                "intro": "Kentin iklim eylem planı tartışılıyor.",
                "registration_url": "",
                "body": streamfield([]),
                "programme": streamfield(
                    [
                        (
                            "session",
                            {
                                "title": "Açılış oturumu",
                                "starts_at": "10:00",
                                "ends_at": "11:00",
                                "description": "Konuşmacılar planı sunuyor.",
                                "moderator": "Ayşe Yılmaz (Kent Konseyi)",
                                "speakers": list_block(
                                    [
                                        {
                                            "name": "Prof. Dr. Mehmet Öztürk",
                                            "organisation": "Ege Üniversitesi",
                                            "role": "panelist",
                                        },
                                        {
                                            "name": "Zeynep Çelik",
                                            "organisation": "",
                                            "role": "",
                                        },
                                    ]
                                ),
                            },
                        )
                    ]
                ),
            }
        )
        data["partners"] = [str(partner.pk)]
        self.assertCanCreate(index, EventPage, data)
        page = self.assert_published_page_shows(
            EventPage,
            "iklim-paneli",
            "İklim Paneli",
            "Ahmed Adnan Saygun Sanat Merkezi",
            "Açılış oturumu",
            "Ayşe Yılmaz (Kent Konseyi)",
            "Prof. Dr. Mehmet Öztürk",
            "Ege Üniversitesi",
            "Zeynep Çelik",
            "Kent Gönüllüleri Derneği",
        )
        self.assertEqual(page.start, datetime.datetime(2026, 12, 7, 7, 0, tzinfo=datetime.UTC))
        self.assertEqual([s["title"] for s in page.sessions], ["Açılış oturumu"])

    def test_event_page_ending_before_it_starts_is_refused(self):
        index = EventIndexPageFactory(parent=self.home)
        url = reverse("wagtailadmin_pages:add", args=["cms", "eventpage", index.pk])
        data = nested_form_data(
            {
                "title": "Ters Etkinlik",
                "slug": "ters-etkinlik",
                "kind": "meeting",
                "start": "2026-12-07 10:00",
                "end": "2026-12-07 09:00",
                "venue_name": "Meclis Salonu",
                "intro": "Yanlış saatler.",
                "body": streamfield([]),
                "programme": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        with translation.override("tr"):
            expected = translation.gettext("The event cannot end before it starts.")
        self.assertEqual(expected, "Etkinlik başlamadan bitemez.")
        self.assertEqual(response.context["form"].errors.get("end"), [expected])
        self.assertContains(response, expected)
        self.assertFalse(EventPage.objects.filter(slug="ters-etkinlik").exists())

    def test_document_index_page(self):
        self.assertCanCreate(
            self.home,
            DocumentIndexPage,
            nested_form_data(
                {"title": "Arşiv", "slug": "arsiv", "intro": "Konseyin bütün belgeleri."}
            ),
        )
        self.assert_published_page_shows(DocumentIndexPage, "arsiv", "Konseyin bütün belgeleri.")

    def test_contact_page_with_form_fields(self):
        self.assertCanCreate(
            self.home,
            ContactPage,
            nested_form_data(
                {
                    "title": "Bize Ulaşın",
                    "slug": "bize-ulasin",
                    "intro": rich_text("<p>Görüş ve önerilerinizi yazın.</p>"),
                    "privacy_notice": rich_text("<p>KVKK aydınlatma metni.</p>"),
                    "thank_you_text": rich_text("<p>Teşekkürler.</p>"),
                    "from_address": "web@example.org",
                    "to_address": "sekreterya@example.org",
                    "subject": "Yeni mesaj",
                    "form_fields": inline_formset(
                        [
                            {"label": "Adınız", "field_type": "singleline", "required": "on"},
                            {"label": "E-posta", "field_type": "email", "required": "on"},
                            {"label": "Mesajınız", "field_type": "multiline", "required": "on"},
                        ]
                    ),
                }
            ),
        )
        page = self.assert_published_page_shows(
            ContactPage,
            "bize-ulasin",
            "Görüş ve önerilerinizi yazın.",
            "KVKK aydınlatma metni.",
            "Adınız",
            "E-posta",
            "Mesajınız",
        )
        self.assertEqual(
            [field.label for field in page.form_fields.all()], ["Adınız", "E-posta", "Mesajınız"]
        )


@pytest.mark.django_db
class TestEveryPageTypeRenders:
    """Made with the factories (as the demo content is), each page type shows its content."""

    def test_home_page(self, client, home, news_index, event_index):
        NewsPageFactory(parent=news_index, title="Bütçe görüşmeleri başladı")
        EventPageFactory(parent=event_index, title="Mahalle buluşması")
        response = client.get(home.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Deneme Kent Konseyi" in content
        assert "Kentin ortak aklı." in content
        assert "Bütçe görüşmeleri başladı" in content
        assert "Mahalle buluşması" in content

    def test_standard_page(self, client, home):
        page = StandardPageFactory(
            parent=home, title="Çalışma Grupları", body=paragraph("<p>Yedi grubumuz var.</p>")
        )
        response = client.get(page.url)
        assert response.status_code == 200
        assert "Çalışma Grupları" in response.content.decode()
        assert "Yedi grubumuz var." in response.content.decode()

    def test_news_index_and_article(self, client, news_index):
        article = NewsPageFactory(
            parent=news_index,
            title="Kadın Meclisi seçimi",
            intro="Yeni yürütme kurulu seçildi.",
            body=paragraph("<p>Seçime 120 üye katıldı.</p>"),
            tags=["kadın"],
        )
        index_response = client.get(news_index.url)
        assert index_response.status_code == 200
        assert "Kadın Meclisi seçimi" in index_response.content.decode()
        response = client.get(article.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Yeni yürütme kurulu seçildi." in content
        assert "Seçime 120 üye katıldı." in content
        assert "15 Ocak 2026" in content
        assert f"{news_index.url}?tag=kad%C4%B1n" in content

    def test_event_index_and_event(self, client, event_index):
        event = EventPageFactory(
            parent=event_index, title="Engelsiz Kent Çalıştayı", kind="workshop"
        )
        index_response = client.get(event_index.url)
        assert index_response.status_code == 200
        assert "Engelsiz Kent Çalıştayı" in index_response.content.decode()
        response = client.get(event.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Engelsiz Kent Çalıştayı" in content
        assert "Kültür Merkezi" in content
        assert "Cumhuriyet Bulvarı No: 1, Konak" in content
        assert event.url + "takvim.ics" in content

    def test_document_index(self, client, document_index):
        response = client.get(document_index.url)
        assert response.status_code == 200
        assert "Sonuç bildirgeleri, yönergeler ve raporlar." in response.content.decode()

    def test_contact_page(self, client, contact_page):
        response = client.get(contact_page.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Bize yazın." in content
        assert "Kişisel verileriniz KVKK kapsamında işlenir." in content
        assert "<form" in content
        for field in contact_page.form_fields.all():
            assert f'name="{field.clean_name}"' in content


def test_contact_page_factory_builds_three_fields(db):
    page = ContactPageFactory(parent=make_home())
    assert [(f.label, f.field_type) for f in page.form_fields.all()] == [
        ("Adınız", "singleline"),
        ("E-posta", "email"),
        ("Mesajınız", "multiline"),
    ]


def test_event_factory_traits(db):
    home = make_home()
    index = EventIndexPageFactory(parent=home)
    assert not EventPageFactory(parent=index).is_past
    assert EventPageFactory(parent=index, past=True).end < timezone.now()
