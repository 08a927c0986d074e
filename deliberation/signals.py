"""Keep the admin-access group in step with memberships.

Members of organs work in the Wagtail admin (their reports, comments, reviews) but are
not staff: belonging to the MEMBERS_GROUP gives them the "access admin" permission and
nothing else; what they see there follows from their memberships (access.py).
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Membership

# Created by migration 0002 with the "access admin" permission only.
MEMBERS_GROUP = "Çalışma grubu üyeleri"


def sync_admin_access(person_id: int) -> None:
    """Add the person to MEMBERS_GROUP while they hold a current or future membership."""
    group = Group.objects.filter(name=MEMBERS_GROUP).first()
    if group is None:
        return
    today = timezone.localdate()
    holds_membership = (
        Membership.objects.filter(person_id=person_id).exclude(ends_on__lt=today).exists()
    )
    if holds_membership:
        group.user_set.add(person_id)
    else:
        group.user_set.remove(person_id)


@receiver(post_save, sender=Membership, dispatch_uid="deliberation_membership_saved")
def membership_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures
        return
    # In the same transaction as the membership, so both stand or fall together.
    sync_admin_access(instance.person_id)


@receiver(post_delete, sender=Membership, dispatch_uid="deliberation_membership_deleted")
def membership_deleted(sender, instance, **kwargs):
    sync_admin_access(instance.person_id)
