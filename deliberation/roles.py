"""Who may do what: the roles of the deliberation back office, read from memberships."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from .models import Membership, OrganKind, Report
from .models.organs import LEADING_ROLES

SECRETARIAT_GROUP = "Sekreterya"
REVIEWING_KINDS = (OrganKind.EXECUTIVE_BOARD, OrganKind.GENERAL_ASSEMBLY)


def is_secretariat(user: AbstractBaseUser | AnonymousUser) -> bool:
    """The council's secretariat (and superusers) manage organs, meetings and decisions."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists()


def current_memberships(user):
    if not user.is_authenticated or not user.is_active:
        return Membership.objects.none()
    return Membership.objects.current().filter(person=user)


def group_ids(user) -> set[int]:
    """Organs whose reports the user writes (current member of an authoring organ)."""
    return set(
        current_memberships(user)
        .filter(organ__kind__in=(OrganKind.WORKING_GROUP, OrganKind.ASSEMBLY))
        .values_list("organ_id", flat=True)
    )


def led_group_ids(user) -> set[int]:
    """Organs the user chairs or deputy-chairs."""
    return set(
        current_memberships(user).filter(role__in=LEADING_ROLES).values_list("organ_id", flat=True)
    )


def is_reviewer(user) -> bool:
    """A current member of the Executive Board or the General Assembly."""
    return current_memberships(user).filter(organ__kind__in=REVIEWING_KINDS).exists()


def is_member_of(user, organ_id: int) -> bool:
    return current_memberships(user).filter(organ_id=organ_id).exists()


def leads(user, organ_id: int) -> bool:
    return current_memberships(user).filter(organ_id=organ_id, role__in=LEADING_ROLES).exists()


# -- Who may see a report: the one rule, for a listing and for a single report ----------
#
# Drafts, returned versions and comments stay with the report's group, the reviewing
# organs and the secretariat (domain.md). The reviewing organs see a report from its
# first submission on, also once they returned it to the group: what they review is its
# history. A draft that was never submitted stays with its group and the secretariat.


def report_visible_to(report: Report, *, secretariat: bool, groups, reviewer: bool) -> bool:
    """Whether someone with these roles sees the report; visible_reports_for, in Python."""
    return (
        secretariat or report.group_id in groups or (reviewer and report.submitted_at is not None)
    )


def visible_reports_for(*, secretariat: bool, groups, reviewer: bool):
    """The reports someone with these roles sees; report_visible_to, as a query."""
    if secretariat:
        return Report.objects.all()
    condition = Q(group_id__in=list(groups))
    if reviewer:
        condition |= Q(submitted_at__isnull=False)
    return Report.objects.filter(condition)


def visible_reports(user):
    """Reports the user may see in the back office: drafts never leave the circle."""
    return visible_reports_for(
        secretariat=is_secretariat(user), groups=group_ids(user), reviewer=is_reviewer(user)
    )


def can_view_report(user, report: Report) -> bool:
    return report_visible_to(
        report,
        secretariat=is_secretariat(user),
        groups=group_ids(user),
        reviewer=is_reviewer(user),
    )


def can_edit_report(user, report: Report) -> bool:
    """Members of the report's group edit it while it is a draft."""
    return report.is_editable and (is_member_of(user, report.group_id) or is_secretariat(user))


def can_comment(user, report: Report) -> bool:
    return can_view_report(user, report)
