"""Who may see, edit, decide or download what in deliberation: the one access policy.

Every channel asks this module and nothing else: the services before they change a
state, the admin views, Wagtail's permission policies (policies.py) and choosers, the
document serve hook, the public pages, search, feeds, the sitemap and the API. A rule
that a second place needs is called from here, never written again there.

The rules read a snapshot of the user's roles (``roles_of``), taken once per request and
kept on the user object, so that a listing asks the same few queries whatever its length.
A deactivated account has no roles at all: it is treated as anonymous everywhere.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import JoinRequest, Meeting, Membership, OrganKind, Report, ReportStatus
from .models.organs import AUTHORING_KINDS, LEADING_ROLES

SECRETARIAT_GROUP = "Sekreterya"
REVIEWING_KINDS = (OrganKind.EXECUTIVE_BOARD, OrganKind.GENERAL_ASSEMBLY)

_SNAPSHOT_ATTR = "_deliberation_roles"


# -- The user's roles ---------------------------------------------------------------------


@dataclass(frozen=True)
class Roles:
    """What a user is in the council today, read from their current memberships."""

    secretariat: bool = False
    organs: frozenset[int] = frozenset()  # every organ they currently belong to
    groups: frozenset[int] = frozenset()  # working groups and assemblies: they write reports
    led: frozenset[int] = frozenset()  # organs they chair or deputy-chair
    reviewing: tuple[tuple[int, str], ...] = ()  # Executive Board / General Assembly: id, kind

    @property
    def reviewer(self) -> bool:
        return bool(self.reviewing)

    @property
    def any(self) -> bool:
        """Any role in the back office's deliberation work."""
        return self.secretariat or bool(self.organs)


NO_ROLES = Roles()


def is_active_user(user) -> bool:
    """Signed in with an active account; everyone else is anonymous to these rules."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def _read_roles(user) -> Roles:
    secretariat = user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists()
    rows = list(
        Membership.objects.current()
        .filter(person=user)
        .values_list("organ_id", "organ__kind", "role")
    )
    return Roles(
        secretariat=secretariat,
        organs=frozenset(organ for organ, _kind, _role in rows),
        groups=frozenset(organ for organ, kind, _role in rows if kind in AUTHORING_KINDS),
        led=frozenset(organ for organ, _kind, role in rows if role in LEADING_ROLES),
        reviewing=tuple(
            sorted({(organ, kind) for organ, kind, _role in rows if kind in REVIEWING_KINDS})
        ),
    )


def roles_of(user) -> Roles:
    """The user's roles, read once and remembered on the user object for the request."""
    if not is_active_user(user):
        return NO_ROLES
    roles = getattr(user, _SNAPSHOT_ATTR, None)
    if roles is None:
        roles = _read_roles(user)
        with contextlib.suppress(AttributeError):  # an object that takes no attributes
            setattr(user, _SNAPSHOT_ATTR, roles)
    return roles


def forget_roles(user) -> None:
    """Drop the remembered roles, e.g. after a membership of this user changed."""
    if hasattr(user, _SNAPSHOT_ATTR):
        delattr(user, _SNAPSHOT_ATTR)


def is_secretariat(user) -> bool:
    """The council's secretariat (Django group "Sekreterya") and superusers."""
    return roles_of(user).secretariat


def group_ids(user) -> frozenset[int]:
    """The working groups and assemblies whose reports the user writes."""
    return roles_of(user).groups


def led_group_ids(user) -> frozenset[int]:
    """The organs the user chairs or deputy-chairs."""
    return roles_of(user).led


def organ_ids(user) -> frozenset[int]:
    """Every organ the user currently belongs to, reviewing organs included."""
    return roles_of(user).organs


def is_reviewer(user) -> bool:
    """A current member of the Executive Board or the General Assembly."""
    return roles_of(user).reviewer


def reviewing_organs(user) -> dict[int, str]:
    """The reviewing organs the user sits on: id -> kind."""
    return dict(roles_of(user).reviewing)


def is_member_of(user, organ_id: int | None) -> bool:
    return organ_id in roles_of(user).organs


def leads(user, organ_id: int | None) -> bool:
    return organ_id in roles_of(user).led


# -- Reports, their versions, comments and attachments ------------------------------------
#
# Drafts, returned versions and comments stay with the report's group, the reviewing
# organs and the secretariat (domain.md). The reviewing organs see a report from its
# first submission on, also once they returned it to the group: what they review is its
# history. A draft that was never submitted stays with its group and the secretariat.
# The public sees a report only once it is approved, and then only its approved version.


def _report_visible(report: Report, roles: Roles) -> bool:
    return (
        roles.secretariat
        or report.group_id in roles.groups
        or (roles.reviewer and report.submitted_at is not None)
    )


def visible_reports(user):
    """The reports the user may open in the back office: ``can_view_report`` as a query."""
    roles = roles_of(user)
    if roles.secretariat:
        return Report.objects.all()
    if not roles.any:
        return Report.objects.none()
    condition = Q(group_id__in=sorted(roles.groups))
    if roles.reviewer:
        condition |= Q(submitted_at__isnull=False)
    return Report.objects.filter(condition)


def can_view_report(user, report: Report) -> bool:
    """The report with its versions, history, comments and attachments."""
    return _report_visible(report, roles_of(user))


def can_comment(user, report: Report) -> bool:
    """Whoever may see a report may comment on it."""
    return can_view_report(user, report)


def can_start_report(user, group_id: int | None = None) -> bool:
    """Members of a working group or assembly start reports for it; so does the secretariat."""
    roles = roles_of(user)
    if group_id is None:
        return roles.secretariat or bool(roles.groups)
    return roles.secretariat or group_id in roles.groups


def can_edit_report(user, report: Report) -> bool:
    """Save, lock or restore: drafts only, by their group's members or the secretariat."""
    roles = roles_of(user)
    return report.status == ReportStatus.DRAFT and (
        report.group_id in roles.groups or roles.secretariat
    )


def editable_reports(user):
    """``can_edit_report`` as a query."""
    roles = roles_of(user)
    drafts = Report.objects.filter(status=ReportStatus.DRAFT)
    if roles.secretariat:
        return drafts
    return drafts.filter(group_id__in=sorted(roles.groups))


def can_lead_report(user, report: Report) -> bool:
    """The group's moves (adopt, reopen, submit, withdraw): its chair or deputy, the secretariat."""
    roles = roles_of(user)
    return report.group_id in roles.led or roles.secretariat


def can_unlock_report(user, report: Report) -> bool:
    """Whoever locked the draft, the group's chair and the secretariat lift a lock.

    A colleague must not be able to lift the lock they are waiting on.
    """
    return is_active_user(user) and (
        report.locked_by_id == user.pk or can_lead_report(user, report)
    )


def public_reports():
    """Reports anyone may read: approved, and then only their approved version."""
    return Report.objects.approved()


def report_is_public(report: Report) -> bool:
    """``public_reports`` for one report."""
    return report.status == ReportStatus.APPROVED and report.approved_revision_id is not None


# -- Meetings and minutes -------------------------------------------------------------------


def can_manage_meetings(user) -> bool:
    """Organs, memberships, meetings, attendance, decisions and minutes: the secretariat."""
    return is_secretariat(user)


def can_view_minutes(user, meeting: Meeting) -> bool:
    """Published minutes are public; until then, the organ's members and the secretariat."""
    if meeting.minutes_published:
        return True
    roles = roles_of(user)
    return roles.secretariat or meeting.organ_id in roles.organs


def published_meetings():
    """Meetings whose minutes anyone may read."""
    return Meeting.objects.filter(minutes_published_at__isnull=False)


# -- Join requests and people ------------------------------------------------------------------


def can_decide_join_request(user, join_request: JoinRequest) -> bool:
    """The group's chair (or deputy) and the secretariat accept or decline a request."""
    roles = roles_of(user)
    return roles.secretariat or join_request.organ_id in roles.led


def decides_join_requests(user) -> bool:
    """Someone who decides requests to join some group."""
    roles = roles_of(user)
    return roles.secretariat or bool(roles.led)


def decidable_join_requests(user):
    """``can_decide_join_request`` as a query."""
    roles = roles_of(user)
    if roles.secretariat:
        return JoinRequest.objects.all()
    return JoinRequest.objects.filter(organ_id__in=sorted(roles.led))


def can_ask_to_join(user, organ_id: int) -> bool:
    """Anyone signed in who does not yet belong to the group may ask to join it."""
    return is_active_user(user) and not is_member_of(user, organ_id)


def can_see_email_addresses(user) -> bool:
    """E-mail addresses are personal data (KVKK): only the secretariat, which writes to people."""
    return is_secretariat(user)


def public_memberships(organ_id: int | None = None):
    """Members whose names may be shown on public pages: current, with consent, and with an
    account that is still active (a deactivated account is nobody's to name)."""
    memberships = Membership.objects.current().public().filter(person__is_active=True)
    if organ_id is not None:
        memberships = memberships.filter(organ_id=organ_id)
    return memberships


# -- The same rules, the other way round: who may do it (for notices and Wagtail) --------------


def _current_members(*, organ_id=None, kinds=None, leading=False) -> Q:
    memberships = Membership.objects.current()
    if organ_id is not None:
        memberships = memberships.filter(organ_id=organ_id)
    if kinds is not None:
        memberships = memberships.filter(organ__kind__in=kinds)
    if leading:
        memberships = memberships.filter(role__in=LEADING_ROLES)
    return Q(pk__in=memberships.values("person_id"))


def _secretariat() -> Q:
    return Q(is_superuser=True) | Q(groups__name=SECRETARIAT_GROUP)


def _active_users(condition: Q):
    return get_user_model().objects.filter(condition, is_active=True).distinct()


def secretariat_users():
    """The active accounts ``is_secretariat`` is true of."""
    return _active_users(_secretariat())


def report_authors(report: Report | None = None):
    """Who may start reports, or edit this draft: ``can_start_report`` / ``can_edit_report``."""
    if report is None:
        return _active_users(_secretariat() | _current_members(kinds=AUTHORING_KINDS))
    return _active_users(_secretariat() | _current_members(organ_id=report.group_id))


def report_readers(report: Report | None = None):
    """Who may see some report, or this one: ``can_view_report`` the other way round."""
    if report is None:
        return _active_users(
            _secretariat() | _current_members(kinds=(*AUTHORING_KINDS, *REVIEWING_KINDS))
        )
    condition = _secretariat() | _current_members(organ_id=report.group_id)
    if report.submitted_at is not None:
        condition |= _current_members(kinds=REVIEWING_KINDS)
    return _active_users(condition)


def join_request_deciders():
    """Who decides some request to join: ``decides_join_requests`` the other way round."""
    return _active_users(_secretariat() | _current_members(leading=True))
