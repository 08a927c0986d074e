"""Private working files: their own collection, storage and per-collection permissions.

- Two collections under the root: "Çalışma belgeleri" (private: attachments of reports
  and minutes, motion and event documents) and "Belge kütüphanesi" (the public library).
- Documents in the root or in the old "Önergeler" upload collection move: those a
  report, a meeting, a motion or an event refers to (and that are not of a library kind)
  and everything from "Önergeler" into the private collection, the rest of the root's
  into the library. Documents in collections someone made by hand stay where they are.
- Per-collection document permissions: the secretariat adds, changes and chooses in
  every collection (on the root); every other group's permissions on the root move to
  the library, so it no longer reaches the private collection; members of organs may
  choose from the library and add to the private collection (their own uploads).
- Files move from MEDIA_ROOT (public under /media/) into the "documents" storage.
"""

from django.core.files.storage import storages
from django.db import migrations

SECRETARIAT_GROUP = "Sekreterya"
MEMBERS_GROUP = "Çalışma grubu üyeleri"
PRIVATE_COLLECTION_NAME = "Çalışma belgeleri"
LIBRARY_COLLECTION_NAME = "Belge kütüphanesi"
OLD_UPLOAD_COLLECTION_NAME = "Önergeler"
LIBRARY_KINDS = ("declaration", "directive", "report")


def _child(name):
    """The root's child of that name, added in name order if missing.

    Collections are a treebeard tree kept sorted by name; the live model's add_child
    keeps it so (a historical model has no tree methods). Only the root and its
    children are touched, at a point where wagtailcore's schema is the current one.
    """
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _owned_document_ids(apps):
    Report = apps.get_model("deliberation", "Report")
    Meeting = apps.get_model("deliberation", "Meeting")
    Motion = apps.get_model("motions", "Motion")
    MotionEvent = apps.get_model("motions", "MotionEvent")
    owned = set(Report.attachments.through.objects.values_list("councildocument_id", flat=True))
    owned |= set(
        Meeting.minutes_attachments.through.objects.values_list("councildocument_id", flat=True)
    )
    owned |= set(Motion.documents.through.objects.values_list("councildocument_id", flat=True))
    owned |= set(
        MotionEvent.objects.filter(document__isnull=False).values_list("document_id", flat=True)
    )
    return owned


def move_files(Document):
    """Copy each file from MEDIA_ROOT into the documents storage, then remove the public copy."""
    public, private = storages["default"], storages["documents"]
    for document in Document.objects.exclude(file=""):
        name = document.file.name
        if private.exists(name) or not public.exists(name):
            continue
        with public.open(name, "rb") as source:
            stored = private.save(name, source)
        if stored != name:
            Document.objects.filter(pk=document.pk).update(file=stored)
        public.delete(name)


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Document = apps.get_model("cms", "CouncilDocument")

    move_files(Document)

    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    private = Collection.objects.get(pk=_child(PRIVATE_COLLECTION_NAME).pk)
    library = Collection.objects.get(pk=_child(LIBRARY_COLLECTION_NAME).pk)
    root.refresh_from_db()

    old_uploads = Collection.objects.filter(depth=2, name=OLD_UPLOAD_COLLECTION_NAME).first()
    if old_uploads is not None:
        Document.objects.filter(collection=old_uploads).update(collection=private)
    in_root = Document.objects.filter(collection=root)
    in_root.filter(pk__in=_owned_document_ids(apps)).exclude(kind__in=LIBRARY_KINDS).update(
        collection=private
    )
    in_root.update(collection=library)

    document_permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(
            content_type__app_label="wagtaildocs", content_type__model="document"
        )
    }
    if not document_permissions:
        return
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    for grant in GroupCollectionPermission.objects.filter(
        collection=root, permission__in=document_permissions.values()
    ).exclude(group=secretariat):
        GroupCollectionPermission.objects.get_or_create(
            group_id=grant.group_id, collection=library, permission_id=grant.permission_id
        )
        grant.delete()
    for codename in ("add_document", "change_document", "choose_document"):
        if codename in document_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=secretariat, collection=root, permission=document_permissions[codename]
            )
    members = Group.objects.filter(name=MEMBERS_GROUP).first()
    if members is not None:
        for collection, codename in ((library, "choose_document"), (private, "add_document")):
            if codename in document_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=members, collection=collection, permission=document_permissions[codename]
                )


class Migration(migrations.Migration):
    dependencies = [
        ("motions", "0007_subscription_deletion_personal_data"),
        ("cms", "0006_document_storage"),
        ("deliberation", "0004_reportevent_submit_to_assembly"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
