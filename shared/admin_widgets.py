"""Admin widgets of Wagtail's, refusing malformed input instead of failing on it.

A browser only ever posts what these widgets render; a request made by hand can post
anything, and Wagtail's own widgets then raise while reading or redisplaying it, so
the admin answered 500 where the form should say the value is not valid.
"""

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.documents.widgets import AdminDocumentChooser


class DraftailEditor(DraftailRichTextArea):
    """Wagtail's Draftail editor. Its content is posted as Draftail's JSON; anything
    else (not JSON, or JSON of another shape) is treated as empty, so the form answers
    "this field is required" where the field is required."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            return None


class DocumentChooser(AdminDocumentChooser):
    """Wagtail's document chooser. A form shown again after an error redisplays the
    posted value; a value that is not a document's id shows as "no document chosen"."""

    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError):
            return None
