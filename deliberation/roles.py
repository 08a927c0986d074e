"""Who may do what: the roles of the deliberation back office, read from memberships."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from .models import OPEN_STATUSES_FOR_REVIEWERS, Membership, OrganKind, Report, ReportAction
from .models.organs import LEADING_ROLES

SECRETARIAT_GROUP = "Sekreterya"
REVIEWING_KINDS = (OrganKind.EXECUTIVE_BOARD, OrganKind.GENERAL_ASSEMBLY)


def is_secretariat(user: AbstractBaseUser | AnonymousUser) -> bool:
    """The council's secretariat (and superusers) manage organs, meetings and decisions."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists()


def current_memberships(user):
    if not user.is_authenticated:
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


def visible_reports(user):
    """Reports the user may see in the back office: drafts never leave the circle."""
    if is_secretariat(user):
        return Report.objects.all()
    own = Report.objects.filter(group_id__in=group_ids(user))
    if is_reviewer(user):
        # Once submitted, a report stays visible to the reviewing organs, also after it
        # was returned to its group (the returned versions are part of what they review).
        reviewed = Report.objects.filter(
            Q(status__in=OPEN_STATUSES_FOR_REVIEWERS) | Q(events__action=ReportAction.SUBMIT)
        )
        return (own | reviewed).distinct()
    return own


def can_view_report(user, report: Report) -> bool:
    return visible_reports(user).filter(pk=report.pk).exists()


def can_edit_report(user, report: Report) -> bool:
    """Members of the report's group edit it while it is a draft."""
    return report.is_editable and (is_member_of(user, report.group_id) or is_secretariat(user))


def can_comment(user, report: Report) -> bool:
    return can_view_report(user, report)
