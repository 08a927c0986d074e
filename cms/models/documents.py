"""The council's document library: declarations, directives and reports."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import Collection
from wagtail.search import index

from cms.storages import document_storage
from deliberation.files import private_collection_ids
from shared.query_params import parse_int

from .mixins import BasePage


class DocumentKind(models.TextChoices):
    DECLARATION = "declaration", _("Final declaration (sonuç bildirgesi)")
    DIRECTIVE = "directive", _("Directive (yönerge)")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class CouncilDocument(AbstractDocument):
    # Kept outside MEDIA_ROOT, without a URL: served only by the checked serve view.
    file = models.FileField(upload_to="documents", storage=document_storage, verbose_name=_("file"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = (*WagtailDocument.admin_form_fields, "kind", "issued_on", "description")
    search_fields = [*AbstractDocument.search_fields, index.SearchField("description")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        """Refuse to replace the file of a document the record refers to (its uploader may
        otherwise edit it in Wagtail's document screens)."""
        super().clean()
        from motions.access import document_is_on_record

        if not self.pk:
            return
        stored = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        if stored is not None and stored != self.file.name and document_is_on_record(self):
            raise ValidationError(
                {
                    "file": _(
                        "This file is part of a report, minutes or a motion on record and cannot "
                        "be replaced. Upload the new version as a new document."
                    )
                }
            )

    @property
    def year(self):
        return (self.issued_on or self.created_at.date()).year


LIBRARY_KINDS = [DocumentKind.DECLARATION, DocumentKind.DIRECTIVE, DocumentKind.REPORT]


def public_library_documents():
    """Documents of the library kinds that anyone may download, outside restricted collections.

    motions.access decides who may download a document: a working file attached to a
    draft or to unpublished minutes is not listed, even if someone filed it here.
    """
    from motions.access import public_documents

    restricted = Collection.objects.filter(view_restrictions__isnull=False)
    restricted_ids = set(private_collection_ids())
    for collection in restricted:
        restricted_ids.update(
            collection.get_descendants(inclusive=True).values_list("pk", flat=True)
        )
    return (
        public_documents(CouncilDocument.objects.filter(kind__in=LIBRARY_KINDS))
        .exclude(collection_id__in=restricted_ids)
        .annotate(sort_year=ExtractYear(models.functions.Coalesce("issued_on", "created_at__date")))
    )


class DocumentIndexPage(BasePage):
    intro = models.TextField(_("intro"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("document index")

    def intro_text(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = public_library_documents()
        years = sorted(set(documents.values_list("sort_year", flat=True)), reverse=True)
        kind = request.GET.get("kind", "").strip()
        year_text = request.GET.get("year", "").strip()
        # Filters that are not understood are left out, and the visitor is told so.
        errors = []
        if kind in DocumentKind.values:
            documents = documents.filter(kind=kind)
        elif kind:
            errors.append(_("Unknown kind of document."))
            kind = ""
        year = parse_int(year_text, minimum=1, maximum=9999) if year_text else None
        if year is not None:
            documents = documents.filter(sort_year=year)
        elif year_text:
            errors.append(_("The year is a four-digit number."))
        documents = documents.order_by("-sort_year", "-issued_on", "title")
        context.update(
            documents=Paginator(documents, 25).get_page(request.GET.get("page")),
            kinds=[
                (value, label) for value, label in DocumentKind.choices if value in LIBRARY_KINDS
            ],
            years=years,
            current_kind=kind,
            current_year=str(year) if year is not None else "",
            filter_errors=errors,
        )
        return context
