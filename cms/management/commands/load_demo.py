"""Load the Turkish demo site: pages, events, documents, images, demo logins, and the
council's organs, reports and motions (deliberation.demo, motions.demo).

Idempotent: everything is looked up by slug, title, name or username first and only what
is missing is created, so running the command again changes nothing. Content an editor
has changed is never overwritten.
"""

from collections import Counter
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms import demo
from cms.models import (
    ContactFormField,
    ContactPage,
    CouncilSettings,
    DocumentIndexPage,
    EventIndexPage,
    EventKind,
    EventPage,
    HomePage,
    MotionIndexPage,
    MotionStatisticsPage,
    NewsIndexPage,
    NewsPage,
    OrganIndexPage,
    Organisation,
    OrganPage,
    StandardPage,
)
from deliberation import demo as deliberation_demo
from deliberation.files import library_collection
from motions import demo as motions_demo

# Published on purpose: these are the logins of a local demo, printed after loading.
# The command refuses to create them on a DEBUG=False site unless told to (--force).
DEMO_USERS = [
    {
        "username": "admin",
        "password": "demo-admin-2026",  # noqa: S105
        "email": f"admin@{demo.DEMO_DOMAIN}",
        "first_name": "Demo",
        "last_name": "Yönetici",
        "superuser": True,
        "label": "süper kullanıcı",
    },
    {
        "username": "editor",
        "password": "demo-editor-2026",  # noqa: S105
        "email": f"editor@{demo.DEMO_DOMAIN}",
        "first_name": "Demo",
        "last_name": "Editör",
        "superuser": False,
        "label": "Editors grubu",
    },
]
EDITORS_GROUP = "Editors"
WELCOME_PAGE_SLUG = "home"  # the page Wagtail's initial migration creates


class DemoLoader:
    """Creates whatever part of the demo site is missing and counts what it created."""

    def __init__(self, *, hostname: str, port: int, today: date):
        self.hostname = hostname
        self.port = port
        self.today = today
        self.created: Counter[str] = Counter()
        self.logins: list[tuple[dict, bool]] = []

    def run(self, *, with_users: bool) -> None:
        images = self.ensure_images()
        documents = self.ensure_documents()
        site, home = self.ensure_home(images)
        self.ensure_settings(site)
        self.ensure_about_page(home, images)
        self.ensure_news(home, images, documents)
        self.ensure_events(home, images, documents)
        self.ensure_document_index(home)
        if with_users:
            self.ensure_users()
            # Organs, reports and motions need their people: they come with the users.
            self.ensure_council_records(home)
        self.ensure_contact_page(home)

    # --- pages -----------------------------------------------------------------------

    def ensure_page(self, parent: Page, slug: str, build) -> Page:
        """The child of parent with this slug; built, added and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = build()
        page.slug = slug
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created["sayfa"] += 1
        return page

    def ensure_home(self, images) -> tuple[Site, HomePage]:
        root = Page.get_first_root_node()
        welcome = (
            root.get_children()
            .filter(
                slug=WELCOME_PAGE_SLUG,
                numchild=0,
                content_type=ContentType.objects.get_for_model(Page),
            )
            .first()
        )
        site = Site.objects.filter(is_default_site=True).first()
        home = root.get_children().filter(slug=demo.HOME_SLUG).first()
        replaceable = {None, root.pk} | ({welcome.pk} if welcome else set())
        if site is not None and home is not None and site.root_page_id == home.pk:
            pass
        elif site is not None and site.root_page_id not in replaceable:
            raise CommandError(
                f"Varsayılan site “{site.root_page.title}” sayfasına bağlı; demo içerik "
                "yalnızca boş bir Wagtail kurulumuna yüklenir. Hiçbir şey değiştirilmedi."
            )

        home = self.ensure_page(
            root,
            demo.HOME_SLUG,
            lambda: HomePage(
                title=demo.COUNCIL_NAME,
                intro=demo.HOME_INTRO,
                body=demo.home_body(),
                social_image=images[demo.CITY_IMAGE.key],
                seo_title=f"{demo.COUNCIL_NAME} (demo)",
                search_description=(
                    "Örnek Kent Konseyi demo sitesi: kent konseyinin haberleri, "
                    "etkinlikleri, belgeleri ve katılım yolları."
                ),
            ),
        )
        if site is None:
            site = Site.objects.create(
                hostname=self.hostname,
                port=self.port,
                site_name=demo.COUNCIL_NAME,
                root_page=home,
                is_default_site=True,
            )
            self.created["site"] += 1
        elif site.root_page_id != home.pk:
            site.hostname = self.hostname
            site.port = self.port
            site.site_name = demo.COUNCIL_NAME
            site.root_page = home
            site.save()
            self.created["site"] += 1
        if welcome is not None and not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()
        return site, home.specific

    def ensure_settings(self, site: Site) -> None:
        """Fill the council settings that are still blank or at their default value."""
        council = CouncilSettings.for_site(site)
        changed = []
        for name, value in demo.SETTINGS.items():
            default = CouncilSettings._meta.get_field(name).get_default()
            if getattr(council, name) in ("", None, default) and getattr(council, name) != value:
                setattr(council, name, value)
                changed.append(name)
        if not council.is_demo:
            council.is_demo = True
            changed.append("is_demo")
        if changed:
            council.save(update_fields=changed)
            self.created["ayar"] += len(changed)

    def ensure_about_page(self, home: HomePage, images) -> None:
        self.ensure_page(
            home,
            "kent-konseyi-nedir",
            lambda: StandardPage(
                title="Kent Konseyi nedir?",
                intro=demo.ABOUT_INTRO,
                body=demo.about_body(images[demo.CITY_IMAGE.key]),
                show_in_menus=True,
                search_description=(
                    "Kent konseyinin yasal dayanağı, üyeleri, çalışma grupları ve meclisleri, "
                    "toplantı ve karar yeter sayıları."
                ),
            ),
        )

    def ensure_news(self, home: HomePage, images, documents) -> None:
        index = self.ensure_page(
            home,
            "haberler",
            lambda: NewsIndexPage(
                title="Haberler",
                intro="Kent konseyimizden ve kent konseyleri ağından haberler.",
                show_in_menus=True,
                search_description="Örnek Kent Konseyi ve kent konseyleri ağından haberler.",
            ),
        )
        for item in demo.news_items(declaration=documents[demo.DECLARATION_TITLE]):

            def build(item=item):
                page = NewsPage(
                    title=item.title,
                    date=item.day,
                    intro=item.intro,
                    body=item.body,
                    image=images[demo.PANEL_IMAGE.key] if item.with_image else None,
                    search_description=item.search_description,
                )
                page.tags.add(*item.tags)
                return page

            self.ensure_page(index, item.slug, build)

    def ensure_events(self, home: HomePage, images, documents) -> None:
        index = self.ensure_page(
            home,
            "etkinlikler",
            lambda: EventIndexPage(
                title="Etkinlikler",
                intro=(
                    "Kent konseyimizin ve kent konseyleri ağının panelleri, çalıştayları ve "
                    "toplantıları."
                ),
                show_in_menus=True,
                search_description="Yaklaşan ve geçmiş paneller, çalıştaylar ve toplantılar.",
            ),
        )
        network_councils = self.ensure_organisations(demo.NETWORK_MEETING_COUNCILS)
        panel_partners = self.ensure_organisations(demo.PANEL_PARTNERS)

        network_day = date(2010, 11, 24)
        self.ensure_page(
            index,
            "isbirligi-agi-calisma-grubu-gaziantep-2010",
            lambda: EventPage(
                title="Kent Konseyleri İletişim ve İşbirliği Ağı Çalışma Grubu Toplantısı",
                kind=EventKind.MEETING,
                start=demo.at(network_day, 10),
                end=demo.at(network_day, 17),
                venue_name="Gaziantep Kent Konseyi",
                venue_address="Gaziantep",
                intro=demo.NETWORK_MEETING_INTRO,
                body=demo.network_meeting_body(documents[demo.DECLARATION_TITLE]),
                partners=network_councils,
                search_description=(
                    "24 Kasım 2010, Gaziantep: kent konseyleri işbirliği ağının strateji "
                    "belgesine son şeklini veren Çalışma Grubu toplantısı."
                ),
            ),
        )

        panel_day = date(2026, 2, 7)
        self.ensure_page(
            index,
            "yerel-demokrasi-ve-sivil-toplum-paneli",
            lambda: EventPage(
                title="Yerel Demokrasi ve Sivil Toplum Paneli",
                kind=EventKind.PANEL,
                start=demo.at(panel_day, 10),
                end=demo.at(panel_day, 16),
                venue_name="İzmir Tarihi Havagazı Fabrikası Sanat Kafe",
                venue_address="İzmir",
                intro=demo.PANEL_INTRO,
                image=images[demo.PANEL_IMAGE.key],
                body=demo.panel_body(),
                programme=demo.panel_programme(),
                partners=panel_partners,
                search_description=(
                    "7 Şubat 2026, İzmir: yerel demokrasi ve sivil toplum üzerine beş "
                    "oturumluk panel."
                ),
            ),
        )

        workshop_day = date(2026, 2, 9)
        self.ensure_page(
            index,
            "yerel-demokrasi-ve-sivil-toplum-calistayi",
            lambda: EventPage(
                title="Yerel Demokrasi ve Sivil Toplum Çalıştayı",
                kind=EventKind.WORKSHOP,
                start=demo.at(workshop_day, 10),
                end=demo.at(workshop_day, 17),
                venue_name="Uğur Mumcu Kültür ve Sanat Merkezi",
                venue_address="İzmir",
                intro=demo.WORKSHOP_INTRO,
                body=demo.workshop_body(),
                partners=panel_partners,
                search_description=(
                    "9 Şubat 2026, İzmir: örgütlenme modelleri ve sivil toplum, yerel ve "
                    "merkezi yönetim arasındaki iş birliği üzerine çalıştay."
                ),
            ),
        )

        assembly_day = demo.next_general_assembly_day(self.today)
        self.ensure_page(
            index,
            "genel-kurul-toplantisi",
            lambda: EventPage(
                title=demo.general_assembly_title(assembly_day),
                kind=EventKind.MEETING,
                start=demo.at(assembly_day, 10),
                end=demo.at(assembly_day, 13),
                venue_name=f"{demo.COUNCIL_NAME} Toplantı Salonu",
                venue_address=demo.SETTINGS["address"],
                intro=demo.GENERAL_ASSEMBLY_INTRO,
                body=demo.general_assembly_body(),
                programme=demo.general_assembly_programme(),
                search_description=(
                    f"{demo.turkish_date(assembly_day)}: {demo.COUNCIL_NAME} Genel Kurulunun "
                    "olağan toplantısı ve gündemi."
                ),
            ),
        )

    def ensure_document_index(self, home: HomePage) -> None:
        self.ensure_page(
            home,
            "belgeler",
            lambda: DocumentIndexPage(
                title="Belgeler",
                intro="Sonuç bildirgeleri, çalışma yönergesi ve faaliyet raporları.",
                show_in_menus=True,
                search_description=(
                    "Kent konseyinin sonuç bildirgeleri, çalışma yönergesi ve raporları."
                ),
            ),
        )

    def ensure_contact_page(self, home: HomePage) -> None:
        def build():
            page = ContactPage(
                title="İletişim",
                intro=demo.CONTACT_INTRO,
                privacy_notice=demo.CONTACT_PRIVACY_NOTICE,
                thank_you_text=demo.CONTACT_THANK_YOU,
                to_address=demo.SETTINGS["email"],
                from_address=f"web@{demo.DEMO_DOMAIN}",
                subject="Web sitesi iletişim formu",
                show_in_menus=True,
                search_description="Örnek Kent Konseyi Genel Sekreterliğine yazın.",
            )
            page.form_fields = [
                ContactFormField(
                    sort_order=order,
                    label=label,
                    field_type=field_type,
                    required=required,
                    help_text=help_text,
                )
                for order, (label, field_type, required, help_text) in enumerate(
                    demo.CONTACT_FIELDS
                )
            ]
            return page

        self.ensure_page(home, "iletisim", build)

    def ensure_council_records(self, home: HomePage) -> None:
        """The organs with their reports and meetings, the motions, and their pages."""
        council = deliberation_demo.load(today=self.today)
        self.created.update(council.created)
        self.logins.extend(council.logins)
        organ_index = self.ensure_page(
            home,
            "organlar",
            lambda: OrganIndexPage(
                title="Organlar",
                intro=(
                    "Genel Kurul, Yürütme Kurulu, meclisler ve çalışma grupları: üyeleri, "
                    "toplantıları, yayımlanan tutanakları ve kabul edilen raporları."
                ),
                show_in_menus=True,
                search_description=(
                    "Örnek Kent Konseyinin organları, çalışma grupları ve meclisleri."
                ),
            ),
        )
        for slug, organ in council.organs.items():
            self.ensure_page(
                organ_index,
                slug,
                lambda organ=organ, slug=slug: OrganPage(
                    title=organ.name,
                    organ=organ,
                    intro=council.page_intros[slug],
                    search_description=council.page_intros[slug],
                ),
            )

        motions = motions_demo.load(today=self.today, council=council)
        self.created.update(motions.created)
        motion_index = self.ensure_page(
            home,
            "onerge-takibi",
            lambda: MotionIndexPage(
                title="Önerge Takibi",
                intro=(
                    "Kent konseyinin belediye meclisine sunduğu önergeler: gündeme alınıp "
                    "alınmadıkları, komisyon süreçleri, kararlar ve uygulama. 5393 sayılı "
                    "Kanunun 76. maddesine göre önergeler meclisin ilk toplantısında "
                    "gündeme alınmalıdır."
                ),
                show_in_menus=True,
                search_description=(
                    "Kent konseyi önergelerinin belediye meclisindeki durumu, süreleri ve "
                    "kararları."
                ),
            ),
        )
        self.ensure_page(
            motion_index,
            "istatistikler",
            lambda: MotionStatisticsPage(
                title="İstatistikler",
                intro=(
                    "Önergelerin durumlara göre dağılımı, kabul oranı, gündeme alınma ve "
                    "karar süreleri, süresi geçen önergeler."
                ),
                search_description="Kent konseyi önergelerine ilişkin istatistikler.",
            ),
        )

    # --- snippets, media and users ---------------------------------------------------

    def ensure_organisations(self, names: list[str]) -> list[Organisation]:
        organisations = []
        for name in names:
            organisation, created = Organisation.objects.get_or_create(name=name)
            if created:
                self.created["kuruluş"] += 1
            organisations.append(organisation)
        return organisations

    def ensure_images(self) -> dict:
        image_model = get_image_model()
        images = {}
        for spec in demo.DEMO_IMAGES:
            image = image_model.objects.filter(title=spec.title).first()
            if image is None:
                image = image_model(
                    title=spec.title,
                    description=spec.description,
                    file=ImageFile(ContentFile(demo.demo_image_png(spec)), name=spec.filename),
                )
                image.save()
                image.get_file_size()
                image.get_file_hash()
                self.created["görsel"] += 1
            images[spec.key] = image
        return images

    def ensure_documents(self) -> dict:
        document_model = get_document_model()
        documents = {}
        library = library_collection()
        for spec in demo.DEMO_DOCUMENTS:
            document = document_model.objects.filter(title=spec.title).first()
            if document is None:
                content = demo.simple_pdf(
                    title=spec.title,
                    heading=spec.heading,
                    paragraphs=spec.paragraphs,
                    footer=f"{demo.COUNCIL_NAME} – demo belge",
                )
                document = document_model(
                    title=spec.title,
                    kind=spec.kind,
                    issued_on=spec.issued_on,
                    description=spec.description,
                    file=ContentFile(content, name=spec.filename),
                    collection=library,
                )
                document.save()
                document.get_file_size()
                document.get_file_hash()
                self.created["belge"] += 1
            documents[spec.title] = document
        return documents

    def ensure_users(self) -> None:
        user_model = get_user_model()
        editors = Group.objects.filter(name=EDITORS_GROUP).first()
        for spec in DEMO_USERS:
            user = user_model.objects.filter(username=spec["username"]).first()
            if user is None:
                fields = {
                    "email": spec["email"],
                    "first_name": spec["first_name"],
                    "last_name": spec["last_name"],
                }
                if spec["superuser"]:
                    user = user_model.objects.create_superuser(
                        spec["username"], password=spec["password"], **fields
                    )
                else:
                    user = user_model.objects.create_user(
                        spec["username"], password=spec["password"], **fields
                    )
                    if editors is not None:
                        user.groups.add(editors)
                self.created["kullanıcı"] += 1
            self.logins.append((spec, user.check_password(spec["password"])))


class Command(BaseCommand):
    help = (
        "Türkçe demo içeriğini yükler: ana sayfa, sayfalar, haberler, etkinlikler, belgeler, "
        "görseller, demo kullanıcıları; organlar, raporlar, toplantılar ve önergeler. "
        "Tekrar çalıştırmak hiçbir şeyi değiştirmez."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users", action="store_true", help="Demo kullanıcılarını oluşturma."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="DEBUG kapalıyken de parolası herkesçe bilinen demo kullanıcılarını oluştur.",
        )
        parser.add_argument("--hostname", default="localhost", help="Sitenin alan adı.")
        parser.add_argument("--port", type=int, default=8000, help="Sitenin bağlantı noktası.")

    def handle(self, *args, **options):
        with_users = not options["no_users"]
        if with_users and not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG kapalı: demo kullanıcılarının parolaları herkesçe bilinir. Kullanıcısız "
                "yüklemek için --no-users, yine de oluşturmak için --force kullanın."
            )
        loader = DemoLoader(
            hostname=options["hostname"], port=options["port"], today=timezone.localdate()
        )
        # The demo's meetings, decisions and motion events are history, not news: the
        # services' e-mails about them are not sent.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
            transaction.atomic(),
        ):
            loader.run(with_users=with_users)

        if loader.created:
            summary = ", ".join(f"{count} {label}" for label, count in loader.created.items())
            self.stdout.write(self.style.SUCCESS(f"Demo içerik yüklendi: {summary} oluşturuldu."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo içerik zaten yüklü; hiçbir şey değişmedi."))

        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        for spec, password_works in loader.logins:
            password = spec["password"] if password_works else "(demo parolası değiştirilmiş)"
            self.stdout.write(
                f"Yönetim paneli: {admin_url}  kullanıcı: {spec['username']}  "
                f"parola: {password}  ({spec['label']})"
            )
        if not with_users:
            self.stdout.write(
                "Organlar, raporlar ve önergeler demo kişilerle birlikte yüklenir; "
                "--no-users ile yüklenmedi."
            )
        if loader.logins:
            self.stdout.write(
                self.style.WARNING(
                    "Bu parolalar herkesçe bilinir; siteyi başkalarına açmadan önce değiştirin."
                )
            )
