"""Give the secretariat the motions models and the document library.

What the secretariat may do is decided by the services (deliberation.roles.is_secretariat);
these model permissions make Wagtail's site history show motion entries to them and let
them upload documents (minutes attachments, motion documents) to the root collection.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SECRETARIAT_GROUP = "Sekreterya"
DOCUMENT_PERMISSIONS = ["add_councildocument", "change_councildocument", "choose_councildocument"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    secretariat.permissions.add(*Permission.objects.filter(content_type__app_label="motions"))
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="cms", codename__in=DOCUMENT_PERMISSIONS
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=secretariat, collection=root, permission=permission
        )


class Migration(migrations.Migration):
    dependencies = [
        ("motions", "0002_alert_subscriptions"),
        ("deliberation", "0002_admin_groups"),
        ("cms", "0004_motion_pages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
