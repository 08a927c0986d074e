"""factory_boy factories for the public site's pages, images and documents."""

import datetime
import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, Site
from wagtail.rich_text import RichText

from cms.models import (
    ContactFormField,
    ContactPage,
    CouncilDocument,
    CouncilSettings,
    DocumentIndexPage,
    DocumentKind,
    EventIndexPage,
    EventKind,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    Organisation,
    StandardPage,
)
from shared.text import fold


def png_bytes(width: int = 64, height: int = 48, colour: str = "#c8102e") -> bytes:
    """A real, decodable PNG of the given size."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def root_collection() -> Collection:
    return Collection.get_first_root_node()


def paragraph(html: str) -> list[tuple[str, RichText]]:
    """Stream data for a body holding one rich-text paragraph."""
    return [("paragraph", RichText(html))]


class CollectionFactory(factory.django.DjangoModelFactory):
    """A child of the root collection, optionally behind a view restriction."""

    class Meta:
        model = Collection
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Koleksiyon {n}")

    class Params:
        restricted = factory.Trait(
            restriction=factory.RelatedFactory(
                "tests.factories.CollectionViewRestrictionFactory",
                factory_related_name="collection",
            )
        )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return root_collection().add_child(instance=model_class(*args, **kwargs))


class CollectionViewRestrictionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectionViewRestriction

    collection = factory.SubFactory(CollectionFactory)
    restriction_type = CollectionViewRestriction.LOGIN


class ImageFactory(factory.django.DjangoModelFactory):
    """A Wagtail image backed by a real small PNG, so renditions can be made."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Görsel {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttributeSequence(
        lambda _obj, n: ContentFile(png_bytes(), name=f"gorsel-{n}.png")
    )


class CouncilDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilDocument

    title = factory.Sequence(lambda n: f"Belge {n}")
    kind = DocumentKind.REPORT
    issued_on = datetime.date(2025, 6, 1)
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttributeSequence(
        lambda _obj, n: ContentFile(b"%PDF-1.4\n% test\n", name=f"belge-{n}.pdf")
    )

    class Params:
        declaration = factory.Trait(kind=DocumentKind.DECLARATION)
        directive = factory.Trait(kind=DocumentKind.DIRECTIVE)
        restricted = factory.Trait(
            collection=factory.LazyFunction(lambda: CollectionFactory(restricted=True))
        )


class BasePageFactory(wagtail_factories.PageFactory):
    """Pages are published unless a trait says otherwise."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    live = True
    slug = factory.LazyAttribute(lambda obj: slugify(fold(obj.title)))

    class Params:
        draft = factory.Trait(live=False)

    @factory.post_generation
    def unpublished(obj, create, extracted, **kwargs):  # noqa: N805
        """Publish and then withdraw the page, as an editor would."""
        if create and extracted:
            obj.save_revision().publish()
            obj.unpublish()
            obj.refresh_from_db()


class HomePageFactory(BasePageFactory):
    class Meta:
        model = HomePage

    title = "Ana Sayfa"
    slug = "anasayfa"


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Sayfa {n}")
    intro = "Genel bilgi sayfası."


class NewsIndexPageFactory(BasePageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Haberler"
    slug = "haberler"
    intro = "Kent konseyinden haberler."


class NewsPageFactory(BasePageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Haber {n}")
    date = datetime.date(2026, 1, 15)
    intro = factory.LazyAttribute(lambda obj: f"{obj.title} için kısa özet.")
    body = factory.LazyFunction(lambda: paragraph("<p>Haberin ayrıntıları.</p>"))

    class Params:
        with_image = factory.Trait(image=factory.SubFactory(ImageFactory))

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.tags.add(*extracted)
            obj.save()


class EventIndexPageFactory(BasePageFactory):
    class Meta:
        model = EventIndexPage

    title = "Etkinlikler"
    slug = "etkinlikler"
    intro = "Panel, çalıştay ve buluşmalar."


def _in_days(days: int, hour: int = 10) -> datetime.datetime:
    local = timezone.localtime() + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventPageFactory(BasePageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Etkinlik {n}")
    kind = EventKind.PANEL
    start = factory.LazyFunction(lambda: _in_days(10, 10))
    end = factory.LazyAttribute(lambda obj: obj.start + datetime.timedelta(hours=2))
    venue_name = "Kültür Merkezi"
    venue_address = "Cumhuriyet Bulvarı No: 1, Konak"
    intro = factory.LazyAttribute(lambda obj: f"{obj.title} hakkında bilgi.")

    class Params:
        past = factory.Trait(start=factory.LazyFunction(lambda: _in_days(-30, 14)))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Dernek {n}")


class DocumentIndexPageFactory(BasePageFactory):
    class Meta:
        model = DocumentIndexPage

    title = "Belgeler"
    slug = "belgeler"
    intro = "Sonuç bildirgeleri, yönergeler ve raporlar."


class ContactFormFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactFormField

    label = factory.Sequence(lambda n: f"Alan {n}")
    field_type = "singleline"
    required = True


class ContactPageFactory(BasePageFactory):
    """A contact page with name, e-mail and message fields, mailing the secretariat."""

    class Meta:
        model = ContactPage

    title = "İletişim"
    slug = "iletisim"
    intro = "<p>Bize yazın.</p>"
    privacy_notice = "<p>Kişisel verileriniz KVKK kapsamında işlenir.</p>"
    thank_you_text = "<p>Mesajınız için teşekkür ederiz.</p>"
    to_address = "sekreterya@example.org"
    from_address = "web@example.org"
    subject = "Web sitesinden yeni mesaj"

    @factory.post_generation
    def fields(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        specs = extracted or [
            {"label": "Adınız", "field_type": "singleline"},
            {"label": "E-posta", "field_type": "email"},
            {"label": "Mesajınız", "field_type": "multiline"},
        ]
        for order, spec in enumerate(specs):
            ContactFormFieldFactory(page=obj, sort_order=order, **spec)


def make_home(**kwargs) -> HomePage:
    """A home page as the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root, **kwargs)
    site, _ = Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    council = CouncilSettings.for_site(site)
    council.council_name = "Deneme Kent Konseyi"
    council.save()
    return home
