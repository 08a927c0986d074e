"""The collections documents are filed in: the public library and the private working files.

Attachments that the project's forms upload (reports' and minutes' attachments, motion
and event documents) go into the private collection "Çalışma belgeleri"; who may
download one is motions.access.can_download_document, and only the secretariat may
choose or change them in the admin (per-collection permissions, motions migration 0007).
Everything in the other collections is the council's public document library.
"""

from wagtail.models import Collection

PRIVATE_COLLECTION_NAME = "Çalışma belgeleri"
LIBRARY_COLLECTION_NAME = "Belge kütüphanesi"


def _child_of_root(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def private_collection() -> Collection:
    """The collection of working files (made on first use, normally by a migration)."""
    return _child_of_root(PRIVATE_COLLECTION_NAME)


def library_collection() -> Collection:
    """The public document library's collection (made on first use)."""
    return _child_of_root(LIBRARY_COLLECTION_NAME)


def private_collection_ids() -> list[int]:
    """The private collection and any collection below it: one query."""
    private = Collection.objects.filter(depth=2, name=PRIVATE_COLLECTION_NAME).only("path").first()
    if private is None:
        return []
    return list(
        Collection.objects.filter(path__startswith=private.path).values_list("pk", flat=True)
    )
