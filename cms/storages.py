"""Where documents are kept: a storage with no public URL, read only by the serve view."""

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder outside MEDIA_ROOT whose files have no URL of their own.

    Wagtail's documents serve view (which runs the before_serve_document checks) is the
    only way to a file: asking for a direct URL raises NotImplementedError, which Wagtail
    takes as "serve it through the view".
    """

    def url(self, name):
        raise NotImplementedError("Documents are served only through the checked serve view.")


def document_storage():
    """The "documents" storage of settings.STORAGES (a callable keeps migrations stable)."""
    return storages["documents"]
