"""Wagtail permission policies of the deliberation back office.

Wagtail's admin views, listings and choosers ask a model's permission policy what a user
may do; these policies answer from the one access policy (access.py), so the admin and
every other channel apply the same rules.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import BasePermissionPolicy

from . import access
from .models import JoinRequest, Report, ReportStatus


class ReportPermissionPolicy(BasePermissionPolicy):
    """Who may do what with reports in the admin; every answer comes from access.py.

    add: members of working groups and assemblies, and the secretariat.
    change / lock: access.can_edit_report.  unlock: access.can_unlock_report.
    view: access.can_view_report.  delete: nobody; a report is withdrawn, never deleted.
    """

    _editing_actions = frozenset({"change", "lock", "unlock"})

    def __init__(self):
        super().__init__(Report)

    def user_has_permission(self, user, action):
        if action == "add" or action in self._editing_actions:
            return access.can_start_report(user)
        if action == "view":
            return access.roles_of(user).any
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "lock"):
            return access.can_edit_report(user, instance)
        if action == "unlock":
            return access.can_unlock_report(user, instance)
        if action == "view":
            return access.can_view_report(user, instance)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        actions = set(actions)
        if "view" in actions:
            return access.visible_reports(user)
        if actions & self._editing_actions:
            return access.editable_reports(user)
        return Report.objects.none()

    def users_with_any_permission(self, actions):
        actions = set(actions)
        if actions & ({"add"} | self._editing_actions):
            return access.report_authors()
        if "view" in actions:
            return access.report_readers()
        return get_user_model().objects.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        actions = set(actions)
        if "view" in actions:
            return access.report_readers(instance)
        if actions & self._editing_actions and instance.status == ReportStatus.DRAFT:
            return access.report_authors(instance)
        return get_user_model().objects.none()


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
        return action in self.actions and access.is_secretariat(user)

    def user_has_any_permission(self, user, actions):
        return bool(self.actions & set(actions)) and access.is_secretariat(user)

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
        return access.secretariat_users()


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
        return access.decides_join_requests(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in ("view", "change") and access.can_decide_join_request(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not set(actions) & {"view", "change"}:
            return JoinRequest.objects.none()
        return access.decidable_join_requests(user)

    def users_with_any_permission(self, actions):
        if not set(actions) & {"view", "change"}:
            return get_user_model().objects.none()
        return access.join_request_deciders()


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
