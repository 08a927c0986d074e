"""Permission policies of the deliberation back office, read from memberships (roles.py).

Wagtail's admin views ask a model's permission policy what a user may do, often once
per listing row; the role lookups are therefore memoised on the user object for the
request, so a listing costs the same number of queries whatever its length.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import BasePermissionPolicy

from . import roles
from .models import JoinRequest, Report, ReportStatus
from .models.organs import AUTHORING_KINDS, LEADING_ROLES

_CACHE_ATTR = "_deliberation_roles"


def _memo(user, key: str, compute):
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        try:
            setattr(user, _CACHE_ATTR, cache)
        except AttributeError:  # e.g. AnonymousUser on some setups; just don't cache
            return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_secretariat(user) -> bool:
    """roles.is_secretariat, remembered for the request."""
    return _active(user) and _memo(user, "secretariat", lambda: roles.is_secretariat(user))


def group_ids(user) -> frozenset[int]:
    """The authoring organs (working groups, assemblies) the user currently belongs to."""
    if not _active(user):
        return frozenset()
    return _memo(user, "groups", lambda: frozenset(roles.group_ids(user)))


def led_group_ids(user) -> frozenset[int]:
    """The organs the user currently chairs or deputy-chairs."""
    if not _active(user):
        return frozenset()
    return _memo(user, "led", lambda: frozenset(roles.led_group_ids(user)))


def organ_ids(user) -> frozenset[int]:
    """Every organ the user currently belongs to, reviewing organs included."""
    if not _active(user):
        return frozenset()
    return _memo(
        user,
        "organs",
        lambda: frozenset(roles.current_memberships(user).values_list("organ_id", flat=True)),
    )


def is_reviewer(user) -> bool:
    """A current member of the Executive Board or the General Assembly."""
    return _active(user) and _memo(user, "reviewer", lambda: roles.is_reviewer(user))


def reviewing_organs(user) -> dict[int, str]:
    """The reviewing organs (Executive Board, General Assembly) the user sits on: id -> kind."""
    if not _active(user):
        return {}
    return _memo(
        user,
        "reviewing",
        lambda: dict(
            roles.current_memberships(user)
            .filter(organ__kind__in=roles.REVIEWING_KINDS)
            .values_list("organ_id", "organ__kind")
        ),
    )


def forget_roles(user) -> None:
    """Drop the remembered roles, e.g. after a membership changed in this request."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


# -- Reports ----------------------------------------------------------------------------


def visible_reports(user):
    """roles.visible_reports, from the roles remembered for the request."""
    if not _active(user):
        return Report.objects.none()
    return roles.visible_reports_for(
        secretariat=is_secretariat(user), groups=group_ids(user), reviewer=is_reviewer(user)
    )


def can_view_report(user, report: Report) -> bool:
    """roles.can_view_report (the same rule as visible_reports), without a query per report."""
    if not _active(user):
        return False
    return roles.report_visible_to(
        report,
        secretariat=is_secretariat(user),
        groups=group_ids(user),
        reviewer=is_reviewer(user),
    )


def can_edit_report(user, report: Report) -> bool:
    """Same rule as roles.can_edit_report: drafts, by their group or the secretariat."""
    return report.status == ReportStatus.DRAFT and (
        report.group_id in group_ids(user) or is_secretariat(user)
    )


def can_lead_report(user, report: Report) -> bool:
    """The group's moves (adopt, reopen, submit, withdraw): its chair or the secretariat."""
    return report.group_id in led_group_ids(user) or is_secretariat(user)


def _members_filter(kinds=None, leading=False) -> Q:
    from .models import Membership

    memberships = Membership.objects.current()
    if kinds is not None:
        memberships = memberships.filter(organ__kind__in=kinds)
    if leading:
        memberships = memberships.filter(role__in=LEADING_ROLES)
    return Q(pk__in=memberships.values("person_id"))


def _secretariat_filter() -> Q:
    return Q(is_superuser=True) | Q(groups__name=roles.SECRETARIAT_GROUP)


class ReportPermissionPolicy(BasePermissionPolicy):
    """Who may do what with reports in the admin.

    add: members of working groups and assemblies, and the secretariat.
    change / lock: the same people, on drafts of their own groups (roles.can_edit_report).
    unlock: whoever locked the draft, the group's chair (or deputy) and the secretariat.
    view: whoever roles.visible_reports shows the report to.
    delete: nobody, not even superusers; a report is withdrawn, never deleted.
    """

    _authoring_actions = frozenset({"add", "change", "lock", "unlock"})

    def __init__(self):
        super().__init__(Report)

    def user_has_permission(self, user, action):
        if not _active(user):
            return False
        if action in self._authoring_actions:
            return is_secretariat(user) or bool(group_ids(user))
        if action == "view":
            return is_secretariat(user) or bool(group_ids(user)) or is_reviewer(user)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not _active(user):
            return False
        if action in ("change", "lock"):
            return can_edit_report(user, instance)
        if action == "unlock":
            # The one who locked it, the group's chair or the secretariat: a colleague
            # must not be able to lift the lock they are waiting on.
            return instance.locked_by_id == user.pk or can_lead_report(user, instance)
        if action == "view":
            return can_view_report(user, instance)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        if not _active(user):
            return Report.objects.none()
        actions = set(actions)
        if "view" in actions:
            return visible_reports(user)
        if actions & {"change", "lock", "unlock"}:
            editable = Report.objects.filter(status=ReportStatus.DRAFT)
            if is_secretariat(user):
                return editable
            return editable.filter(group_id__in=group_ids(user))
        return Report.objects.none()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        actions = set(actions)
        condition = Q(pk__in=[])
        if actions & self._authoring_actions:
            condition |= _secretariat_filter() | _members_filter(AUTHORING_KINDS)
        if "view" in actions:
            condition |= (
                _secretariat_filter()
                | _members_filter(AUTHORING_KINDS)
                | _members_filter(roles.REVIEWING_KINDS)
            )
        return users.filter(condition).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = get_user_model().objects.filter(is_active=True)
        actions = set(actions)
        condition = Q(pk__in=[])
        group_members = Q(
            pk__in=instance.group.memberships.current().values("person_id")
            if instance.group_id
            else []
        )
        if actions & {"change", "lock", "unlock"} and instance.status == ReportStatus.DRAFT:
            condition |= _secretariat_filter() | group_members
        if "view" in actions:
            condition |= _secretariat_filter() | group_members
            if instance.submitted_at is not None:
                condition |= _members_filter(roles.REVIEWING_KINDS)
        return users.filter(condition).distinct()


# -- Meetings -----------------------------------------------------------------------------


def can_view_minutes(user, meeting) -> bool:
    """Published minutes are public; until then, the organ's members and the secretariat."""
    if meeting.minutes_published:
        return True
    return is_secretariat(user) or meeting.organ_id in organ_ids(user)


# -- The secretariat's records ------------------------------------------------------------


class SecretariatPermissionPolicy(BasePermissionPolicy):
    """Only the secretariat (and superusers) manage a model; others never see it.

    ``actions`` lists what the secretariat may do; records that must never disappear
    (organs, meetings with decisions) leave out "delete".
    """

    def __init__(self, model, actions=("add", "change", "delete", "view")):
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and is_secretariat(user)

    def user_has_any_permission(self, user, actions):
        return bool(self.actions & set(actions)) and is_secretariat(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.instance_allows(action, instance)

    def instance_allows(self, action, instance) -> bool:
        """A per-record veto, e.g. a meeting with decisions cannot be deleted."""
        return True

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        if not self.actions & set(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(_secretariat_filter(), is_active=True).distinct()


class MeetingPermissionPolicy(SecretariatPermissionPolicy):
    def instance_allows(self, action, instance) -> bool:
        if action == "delete":
            return not instance.minutes_published and not instance.decisions_exist()
        return True


class JoinRequestPermissionPolicy(BasePermissionPolicy):
    """Requests to join: the group's chair (or deputy) and the secretariat decide them.

    Nobody adds, edits or deletes them in the admin: people ask from the group's page,
    and deciding goes through services.join_request_decide.
    """

    def __init__(self):
        super().__init__(JoinRequest)

    def user_has_permission(self, user, action):
        if action not in ("view", "change"):
            return False
        return is_secretariat(user) or bool(led_group_ids(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in ("view", "change"):
            return False
        return is_secretariat(user) or instance.organ_id in led_group_ids(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not set(actions) & {"view", "change"}:
            return JoinRequest.objects.none()
        if is_secretariat(user):
            return JoinRequest.objects.all()
        return JoinRequest.objects.filter(organ_id__in=led_group_ids(user))

    def users_with_any_permission(self, actions):
        if not set(actions) & {"view", "change"}:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(_secretariat_filter() | _members_filter(leading=True))
            .distinct()
        )


def register_policies() -> None:
    """Register the policies before any Wagtail code asks for a fallback one."""
    from wagtail.permissions import register_permission_policy

    from .models import AgendaItem, Meeting, Membership, Organ, Topic

    register_permission_policy(Report, ReportPermissionPolicy())
    register_permission_policy(JoinRequest, JoinRequestPermissionPolicy())
    register_permission_policy(Organ, SecretariatPermissionPolicy(Organ, ("add", "change", "view")))
    register_permission_policy(Membership, SecretariatPermissionPolicy(Membership))
    register_permission_policy(Topic, SecretariatPermissionPolicy(Topic))
    register_permission_policy(Meeting, MeetingPermissionPolicy(Meeting))
    register_permission_policy(AgendaItem, SecretariatPermissionPolicy(AgendaItem))
