"""The load_demo command: idempotent, and the demo site carries the seed texts' facts."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from cms.models import (
    ContactPage,
    CouncilDocument,
    CouncilSettings,
    DocumentKind,
    EventIndexPage,
    EventKind,
    EventPage,
    HomePage,
    NewsPage,
    Organisation,
    StandardPage,
)

pytestmark = pytest.mark.django_db

ISTANBUL = ZoneInfo("Europe/Istanbul")

PANEL_SESSIONS = [
    "Kent ve Kentli Hakkı",
    "STK’lar ve Kent Konseyleri",
    "Katılımcılık – Gönüllülük – Yeni Nesil Örgütlenmeler",
    "Savunuculuk Modelleri ve İletişim",
    "İzmir’den, Türkiye’den ve Dünyadan Saha Uygulamaları",
]


def load_demo(**options) -> str:
    out = StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": CouncilDocument.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "organisations": Organisation.objects.count(),
        "sites": Site.objects.count(),
        "tags": Tag.objects.count(),
    }


def event(slug: str) -> EventPage:
    return EventPage.objects.get(slug=slug)


class DemoContentTests(TestCase):
    """The demo content, loaded once for the class (the test settings run with DEBUG off)."""

    @classmethod
    def setUpTestData(cls):
        cls.output = load_demo(force=True)

    def test_running_twice_changes_nothing(self):
        before = counts()
        second = load_demo(force=True)

        assert counts() == before
        # tree root + home + 14 website pages + organs index with 7 organ pages
        # + motions index and its statistics page
        assert before["pages"] == 26
        assert before["documents"] == 3
        assert before["images"] == 2
        assert before["users"] == 70  # admin, editor and the council's demo people
        assert "hiçbir şey değişmedi" in second

    def test_home_page_replaces_the_wagtail_welcome_page(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific

        assert isinstance(home, HomePage)
        assert home.title == "Örnek Kent Konseyi"
        assert home.depth == 2
        assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
        assert Page.objects.filter(depth=2).count() == 1

        council = CouncilSettings.for_site(site)
        assert council.is_demo
        assert council.council_name == "Örnek Kent Konseyi"
        assert council.email and council.phone and council.footer_text
        assert len(council.social_links()) >= 2

    def test_pages_are_published_turkish_and_described(self):
        home = HomePage.objects.get()
        menu = [page.title for page in home.get_children().live().in_menu()]

        assert menu == [
            "Kent Konseyi nedir?",
            "Haberler",
            "Etkinlikler",
            "Belgeler",
            "Organlar",
            "Önerge Takibi",
            "İletişim",
        ]
        for page in home.get_descendants(inclusive=True).specific():
            assert page.live
            assert page.search_description, page.title
            assert page.locale.language_code == "tr"

    def test_about_page_explains_quorum_and_working_groups(self):
        about = StandardPage.objects.get(slug="kent-konseyi-nedir")
        blocks = {block.block_type for block in about.body}
        text = " ".join(str(block.value) for block in about.body)

        assert {"heading", "paragraph", "quote"} <= blocks
        assert "üye tam sayısının salt çoğunluğu ile olağan olarak toplanır" in text
        assert "5393" in text
        assert "üyesi olmak şart değildir" in text

    def test_panel_has_the_five_sessions_and_speakers_of_the_seed(self):
        panel = event("yerel-demokrasi-ve-sivil-toplum-paneli")

        assert panel.kind == EventKind.PANEL
        assert panel.start == datetime.datetime(2026, 2, 7, 10, 0, tzinfo=ISTANBUL)
        assert panel.end == datetime.datetime(2026, 2, 7, 16, 0, tzinfo=ISTANBUL)
        assert panel.venue_name == "İzmir Tarihi Havagazı Fabrikası Sanat Kafe"
        assert [session["title"] for session in panel.sessions] == PANEL_SESSIONS

        speakers = {
            (speaker["name"], speaker["organisation"])
            for session in panel.sessions
            for speaker in session["speakers"]
        }
        names = {name for name, _organisation in speakers}
        assert {"Özgür Topaç", "Ahmet Şerif İzgören", "Kazım Kurt"} <= names
        assert ("Temsilci", "İzmir Barosu") in speakers
        last_session = {speaker["organisation"] for speaker in panel.sessions[-1]["speakers"]}
        assert "UNDP Türkiye" in last_session

        partners = set(panel.partners.values_list("name", flat=True))
        assert {
            "İzmir Demokrasi Platformu",
            "İzmir Kadın Kuruluşları Birliği",
            "Tülay Aktaş Gönüllü Kuruluşlar Güç Birliği",
            "Kadın Cinayetlerini Durduracağız Platformu",
            "Engelsiz Yaşam Hakkı Ağı",
            "365 Gün Engelliyiz Platformu",
            "Afalina Hayvan Hakları Topluluğu",
            "Öğrenci Kolektifleri",
        } <= partners

    def test_workshop_network_meeting_and_upcoming_assembly(self):
        workshop = event("yerel-demokrasi-ve-sivil-toplum-calistayi")
        assert workshop.kind == EventKind.WORKSHOP
        assert workshop.start == datetime.datetime(2026, 2, 9, 10, 0, tzinfo=ISTANBUL)
        assert workshop.end == datetime.datetime(2026, 2, 9, 17, 0, tzinfo=ISTANBUL)
        assert workshop.venue_name == "Uğur Mumcu Kültür ve Sanat Merkezi"

        meeting = event("isbirligi-agi-calisma-grubu-gaziantep-2010")
        assert meeting.kind == EventKind.MEETING
        assert meeting.start.astimezone(ISTANBUL).date() == datetime.date(2010, 11, 24)
        assert meeting.is_past
        assert "Gaziantep Kent Konseyi" in meeting.partners.values_list("name", flat=True)

        upcoming = list(EventIndexPage.objects.get().upcoming())
        assert [page.slug for page in upcoming] == ["genel-kurul-toplantisi"]
        assert upcoming[0].start > timezone.now()
        assert "Genel Kurul" in upcoming[0].title

    def test_documents_are_generated_pdfs_with_metadata(self):
        declaration = CouncilDocument.objects.get(kind=DocumentKind.DECLARATION)
        assert "Sonuç Bildirgesi" in declaration.title
        assert declaration.issued_on == datetime.date(2010, 11, 24)

        kinds = set(CouncilDocument.objects.values_list("kind", flat=True))
        assert kinds == {DocumentKind.DECLARATION, DocumentKind.DIRECTIVE, DocumentKind.REPORT}
        for document in CouncilDocument.objects.all():
            assert document.description
            with document.open_file() as handle:
                content = handle.read()
            assert content.startswith(b"%PDF-1.4")
            assert content.rstrip().endswith(b"%%EOF")
            assert document.file_size == len(content)
            # The public library: in its collection, downloadable by anyone.
            assert document.collection.name == "Belge kütüphanesi"
            assert self.client.get(document.url).status_code == 200

    def test_news_tags_and_demo_images(self):
        news = NewsPage.objects.all()
        tags = set(Tag.objects.values_list("name", flat=True))

        assert 4 <= news.count() <= 5
        assert all(2025 <= page.date.year <= 2026 for page in news)
        assert {"panel", "çalıştay", "yerel demokrasi"} <= tags
        assert news.filter(image__isnull=False).exists()
        for image in get_image_model().objects.all():
            assert image.title.startswith("Demo")
            assert image.description
            assert image.width == 1200

    def test_contact_form_and_privacy_notice(self):
        contact = ContactPage.objects.get()
        fields = {field.label: field for field in contact.form_fields.all()}

        assert list(fields) == ["Ad soyad", "E-posta", "Konu", "Mesaj"]
        assert fields["E-posta"].field_type == "email"
        assert all(field.required for field in fields.values())
        assert contact.to_address and contact.from_address and contact.subject
        assert "6698" in contact.privacy_notice
        assert contact.thank_you_text

    def test_demo_logins_are_created_and_printed(self):
        users = get_user_model().objects
        admin, editor = users.get(username="admin"), users.get(username="editor")

        assert admin.is_superuser
        assert admin.check_password("demo-admin-2026")
        assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
        assert editor.has_perm("wagtailadmin.access_admin")
        assert "kullanıcı: editor  parola: demo-editor-2026" in self.output
        assert "/admin/" in self.output

    def test_demo_pages_render(self):
        paths = [
            "/",
            "/kent-konseyi-nedir/",
            "/haberler/",
            "/haberler/yerel-demokrasi-ve-sivil-toplum-paneli-7-subatta/",
            "/etkinlikler/",
            "/etkinlikler/gecmis/",
            "/etkinlikler/yerel-demokrasi-ve-sivil-toplum-paneli/",
            "/belgeler/",
            "/iletisim/",
        ]
        for path in paths:
            response = self.client.get(path)

            assert response.status_code == 200, path
            assert "Örnek Kent Konseyi" in response.content.decode(), path


def test_refuses_demo_logins_with_debug_off_unless_forced():
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="--no-users"):
        load_demo()
    assert Page.objects.count() == pages

    load_demo(no_users=True)
    assert HomePage.objects.exists()
    assert not get_user_model().objects.exists()


def test_refuses_to_replace_a_real_site():
    root = Page.get_first_root_node()
    real = StandardPage(title="Gerçek ana sayfa", slug="gercek")
    root.add_child(instance=real)
    Site.objects.filter(is_default_site=True).update(root_page=real)

    with pytest.raises(CommandError, match="Gerçek ana sayfa"):
        load_demo(force=True)
    assert not HomePage.objects.exists()
    assert Site.objects.get(is_default_site=True).root_page_id == real.pk
