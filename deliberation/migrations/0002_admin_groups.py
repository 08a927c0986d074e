"""The two groups of the deliberation back office.

"Sekreterya" (the council's secretariat): Wagtail admin access and the permissions on
every deliberation model, so Wagtail's site history and the settings menu show them.
What the secretariat may do is decided by deliberation.permissions (roles.is_secretariat),
which reads membership of this group.

"Çalışma grubu üyeleri" (members of organs): Wagtail admin access only; deliberation.signals
adds and removes people as their memberships change. Current members are added here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q
from django.utils import timezone

SECRETARIAT_GROUP = "Sekreterya"
MEMBERS_GROUP = "Çalışma grubu üyeleri"

DELIBERATION_MODELS = [
    "organ",
    "membership",
    "joinrequest",
    "topic",
    "report",
    "reportevent",
    "reportcomment",
    "meeting",
    "attendance",
    "agendaitem",
    "decision",
    "vote",
    "deliberationsettings",
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran (post_migrate); make
    # sure the ones this migration hands out exist on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Membership = apps.get_model("deliberation", "Membership")

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )

    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    secretariat.permissions.add(
        access_admin,
        *Permission.objects.filter(
            content_type__app_label="deliberation",
            content_type__model__in=DELIBERATION_MODELS,
        ),
    )

    members, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    members.permissions.add(access_admin)

    today = timezone.localdate()
    person_ids = (
        Membership.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .values_list("person_id", flat=True)
        .distinct()
    )
    members.user_set.add(*person_ids)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[SECRETARIAT_GROUP, MEMBERS_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("deliberation", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
