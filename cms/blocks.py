"""StreamField blocks shared by the content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/figure.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Defaults to the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/blocks/document.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Caption"), help_text=_("Describes the table for screen readers.")
    )
    table = TableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/blocks/table.html"


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        template="components/blocks/richtext.html",
    )
    image = FigureBlock()
    document = DocumentLinkBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Embed"), template="components/blocks/embed.html")
    table = CaptionedTableBlock()


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    organisation = blocks.CharBlock(label=_("Organisation"), required=False, max_length=200)
    role = blocks.CharBlock(
        label=_("Role"), required=False, max_length=120, help_text=_("e.g. panellist, keynote")
    )

    class Meta:
        icon = "user"
        label = _("Speaker")


class SessionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=250)
    starts_at = blocks.TimeBlock(label=_("Starts at"), required=False)
    ends_at = blocks.TimeBlock(label=_("Ends at"), required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)
    moderator = blocks.CharBlock(
        label=_("Moderator"), required=False, max_length=250, help_text=_("Name and organisation")
    )
    speakers = blocks.ListBlock(SpeakerBlock(), label=_("Speakers"), default=[])

    class Meta:
        icon = "time"
        label = _("Session")
