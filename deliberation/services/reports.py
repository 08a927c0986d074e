"""Reports: drafting, versions, comments and every move on the path to approval.

Why the path is its own state machine (``TRANSITIONS`` in deliberation.models.reports)
and not Wagtail's workflow framework: a Wagtail ``Task`` is finished by one user who
clicks approve or reject. Here a review step is decided by an organ: a quorate meeting
of the Executive Board or the General Assembly whose recorded, numbered vote is
adopted (services.meetings.decision_record calls ``report_apply_decision`` in the same
transaction). Which organ approves is a per-council setting (DeliberationSettings),
a return needs the meeting's reasons, and the approved text is pinned as the
revision the decision approved. Workflows would also bring DraftStateMixin's
live/draft publishing, which reports do not have: approval is a decision, not a publish.

What of Wagtail is used: ``RevisionMixin`` (every save is a revision: History,
side-by-side comparison, restore, the approved revision), ``LockableMixin`` with the
snippet lock and unlock views, the audit log (``log(...)`` for every move, with the
action types registered in wagtail_hooks) and the snippet ``HistoryView`` that shows it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Revision

from deliberation import access, notifications
from deliberation.errors import DeliberationError
from deliberation.models import (
    TRANSITIONS,
    Decision,
    DecisionKind,
    DeliberationSettings,
    Organ,
    OrganKind,
    Report,
    ReportAction,
    ReportComment,
    ReportEvent,
)
from deliberation.people import display_name

# Moves the group itself makes; the others are decisions of reviewing organs.
GROUP_ACTIONS = (
    ReportAction.ADOPT,
    ReportAction.REOPEN,
    ReportAction.SUBMIT,
    ReportAction.WITHDRAW,
)


def _locked(report_id: int) -> Report:
    try:
        return Report.objects.select_for_update().get(pk=report_id)
    except Report.DoesNotExist:
        raise DeliberationError(_("This report does not exist."), code="not_found") from None


def _record(report, *, action, actor, from_status="", note="", decision=None, revision=None):
    """Write the timeline entry and the audit log entry of one change."""
    ReportEvent.objects.create(
        report=report,
        action=action,
        from_status=from_status,
        to_status=report.status,
        actor=actor,
        note=note,
        decision=decision,
        revision=revision,
    )
    log(
        instance=report,
        action=f"deliberation.report.{action}",
        user=actor,
        data={
            "from": from_status,
            "to": report.status,
            "note": note,
            "decision": decision.reference if decision else "",
        },
    )


def _validate(report: Report) -> None:
    """Refuse content the model would reject, as a domain error and before any write."""
    try:
        report.full_clean()
    except ValidationError as error:
        raise DeliberationError(" ".join(error.messages)) from None


def _require_editable(actor, report: Report, *, forbidden: str) -> None:
    """Refuse a change of the text unless the report is a draft the actor may edit."""
    if access.can_edit_report(actor, report):
        return
    if not report.is_editable:
        raise DeliberationError(
            _("Only drafts can be edited; this report is “%(status)s”.")
            % {"status": report.get_status_display()},
            code="state",
        )
    raise DeliberationError(forbidden, code="forbidden")


def _check_lock(report: Report, actor) -> None:
    lock = report.get_lock()
    if lock and lock.for_user(actor):
        raise DeliberationError(
            _("This report is locked by another member while they edit it. Try again later."),
            code="conflict",
        )


def report_create(*, actor, group: Organ, title: str, summary: str, **sections) -> Report:
    """A member of a working group or assembly starts a report (a draft)."""
    if not group.writes_reports:
        raise DeliberationError(_("Only working groups and assemblies write reports."))
    if not (access.is_member_of(actor, group.pk) or access.is_secretariat(actor)):
        raise DeliberationError(
            _("Only members of %(group)s can start a report for it.") % {"group": group},
            code="forbidden",
        )
    with transaction.atomic():
        report = Report(group=group, title=title, summary=summary, created_by=actor, **sections)
        _validate(report)
        report.save()
        revision = report.save_revision(user=actor, log_action=True)
        _record(report, action=ReportAction.CREATE, actor=actor, revision=revision)
    return report


def report_save(*, actor, report: Report, base_revision_id: int | None) -> Report:
    """Save an edited draft as a new version, refusing to overwrite a newer one.

    ``report`` carries the edited (unsaved) values; ``base_revision_id`` is the version
    the editor started from. If someone saved in between, nothing is overwritten and
    the editor is told, so they can compare and merge; a save that names no version
    cannot be checked and is refused with its own message.
    """
    with transaction.atomic():
        current = _locked(report.pk)
        _require_editable(actor, current, forbidden=_("You may not edit this report."))
        _check_lock(current, actor)
        if base_revision_id is None and current.latest_revision_id is not None:
            raise DeliberationError(
                _(
                    "Your changes were not saved: the editor did not say which version of "
                    "the draft it started from, so they could not be checked against saves "
                    "made in the meantime. Copy your changes, reload the draft and apply "
                    "them again."
                ),
                code="conflict",
            )
        if current.latest_revision_id != base_revision_id:
            latest = current.latest_revision
            raise DeliberationError(
                _(
                    "Someone else (%(user)s) saved this draft at %(time)s while you were editing. "
                    "Your changes were not saved over theirs: copy them, reload the draft "
                    "and apply them again, or compare the versions in the history."
                )
                % {
                    "user": display_name(latest.user) if latest and latest.user else "?",
                    "time": timezone.localtime(latest.created_at).strftime("%H.%M")
                    if latest
                    else "?",
                },
                code="conflict",
            )
        # The state and the approval record are the services' to change, never a form's.
        report.status = current.status
        report.status_changed_at = current.status_changed_at
        report.submitted_at = current.submitted_at
        report.approved_revision_id = current.approved_revision_id
        report.group_id = current.group_id
        _validate(report)
        report.save()
        revision = report.save_revision(user=actor, log_action=True)
        _record(
            report,
            action=ReportAction.EDIT,
            actor=actor,
            from_status=report.status,
            revision=revision,
        )
    return report


_KEPT_ON_RESTORE = (
    "pk",
    "status",
    "status_changed_at",
    "submitted_at",
    "approved_revision_id",
    "approved_on",
    "group_id",
    "locked",
    "locked_by_id",
    "locked_at",
    "created_by_id",
    "created_at",
)


def report_restore(*, actor, report_id: int, revision_id: int) -> Report:
    """Make an older version the current draft; the versions in between stay in history."""
    with transaction.atomic():
        current = _locked(report_id)
        _require_editable(
            actor, current, forbidden=_("You may not restore versions of this report now.")
        )
        _check_lock(current, actor)
        try:
            revision = current.revisions.get(pk=revision_id)
        except Revision.DoesNotExist:
            raise DeliberationError(_("This version does not belong to the report.")) from None
        restored = revision.as_object()
        # A version holds the text; the state, the approval record and the lock are
        # today's and must not travel back with it.
        for field in _KEPT_ON_RESTORE:
            setattr(restored, field, getattr(current, field))
        restored.save()
        new_revision = restored.save_revision(user=actor, log_action=True)
        created = timezone.localtime(revision.created_at).strftime("%d.%m.%Y %H.%M")
        _record(
            restored,
            action=ReportAction.RESTORE,
            actor=actor,
            from_status=restored.status,
            note=_("Version of %(time)s restored.") % {"time": created},
            revision=new_revision,
        )
    return restored


def report_comment_add(*, actor, report_id: int, body: str) -> ReportComment:
    body = (body or "").strip()
    if not body:
        raise DeliberationError(_("Write a comment before sending it."))
    with transaction.atomic():
        report = _locked(report_id)
        if not access.can_comment(actor, report):
            raise DeliberationError(_("You may not comment on this report."), code="forbidden")
        comment = ReportComment.objects.create(
            report=report, author=actor, body=body, revision=report.latest_revision
        )
        log(
            instance=report,
            action="deliberation.report.comment",
            user=actor,
            data={"comment": body[:200]},
        )
    return comment


def _check_group_action(actor, report: Report, action: str) -> None:
    if action not in GROUP_ACTIONS:
        raise DeliberationError(
            _("This step is taken only as a decision of a meeting."), code="forbidden"
        )
    if not (access.leads(actor, report.group_id) or access.is_secretariat(actor)):
        raise DeliberationError(
            _("Only the chair or deputy chair of %(group)s can do this.") % {"group": report.group},
            code="forbidden",
        )


def _move(report: Report, action: str) -> str:
    """Apply one row of the transition table; return the state it left."""
    transition = TRANSITIONS[action]
    if report.status not in transition.sources:
        raise DeliberationError(
            _("“%(action)s” is not possible while the report is “%(status)s”.")
            % {"action": ReportAction(action).label, "status": report.get_status_display()},
            code="state",
        )
    from_status = report.status
    report.status = transition.target
    report.status_changed_at = timezone.now()
    return from_status


def report_transition(*, actor, report_id: int, action: str, note: str = "") -> Report:
    """A move the group makes: adopt, reopen, submit for review, or withdraw."""
    with transaction.atomic():
        report = _locked(report_id)
        _check_group_action(actor, report, action)
        from_status = _move(report, action)
        fields = ["status", "status_changed_at"]
        if action == ReportAction.SUBMIT and report.submitted_at is None:
            report.submitted_at = report.status_changed_at
            fields.append("submitted_at")
        report.save(update_fields=fields)
        _record(
            report,
            action=action,
            actor=actor,
            from_status=from_status,
            note=note.strip(),
            revision=report.latest_revision,
        )
        if action == ReportAction.SUBMIT:
            notifications.on_commit_send(
                "deliberation/email/report_in_review",
                {
                    "report": report,
                    "url": notifications.admin_url(
                        reverse("deliberation_report:edit", args=[report.pk])
                    ),
                },
                notifications.secretariat_emails(),
            )
    return report


def _action_for_decision(report: Report, decision: Decision, config: DeliberationSettings) -> str:
    """Which move of the table a reviewing organ's adopted decision makes."""
    expected_kind = report.reviewing_organ_kind
    if expected_kind is None:
        raise DeliberationError(
            _("The report “%(report)s” is not under review (it is “%(status)s”).")
            % {"report": report, "status": report.get_status_display()},
            code="state",
        )
    if decision.organ.kind != expected_kind:
        raise DeliberationError(
            _("Only the %(organ)s can decide on this report now.")
            % {"organ": OrganKind(expected_kind).label},
            # The clerk may record decisions; it is the report's state that decides
            # which organ's decision can move it (e.g. it moved on in the meantime).
            code="state",
        )
    final = expected_kind == OrganKind.GENERAL_ASSEMBLY or config.board_is_final()
    mapping = {
        DecisionKind.RETURN: ReportAction.RETURN,
        DecisionKind.REJECT: ReportAction.REJECT,
        DecisionKind.APPROVE: ReportAction.APPROVE if final else None,
        DecisionKind.OPINION: None if final else ReportAction.FORWARD,
    }
    action = mapping.get(decision.kind)
    if action is None:
        raise DeliberationError(
            _(
                "Under this council's rules the %(organ)s cannot take "
                "the decision “%(kind)s” on a report."
            )
            % {"organ": decision.organ, "kind": decision.get_kind_display()},
            # Not a move of this council's path from the report's state.
            code="state",
        )
    return action


def report_apply_decision(*, actor, report_id: int, decision: Decision) -> Report:
    """Move a report as an adopted decision of a reviewing organ says.

    Called by services.meetings.decision_record inside its transaction; the report's
    row lock makes two concurrent decisions on one report impossible.
    """
    report = _locked(report_id)
    action = _action_for_decision(report, decision, DeliberationSettings.load())
    if action == ReportAction.RETURN and not decision.text.strip():
        raise DeliberationError(_("Give the reasons for returning the report to the group."))
    from_status = _move(report, action)
    fields = ["status", "status_changed_at"]
    if action == ReportAction.APPROVE:
        report.approved_revision = report.latest_revision or report.save_revision(user=actor)
        report.approved_on = decision.decided_on
        fields += ["approved_revision", "approved_on"]
    report.save(update_fields=fields)
    _record(
        report,
        action=action,
        actor=actor,
        from_status=from_status,
        note=decision.text,
        decision=decision,
        revision=report.latest_revision,
    )
    if action in (ReportAction.RETURN, ReportAction.APPROVE, ReportAction.REJECT):
        notifications.on_commit_send(
            "deliberation/email/report_decided",
            {"report": report, "decision": decision, "action": ReportAction(action).label},
            notifications.group_member_emails(report.group_id),
        )
    elif action == ReportAction.FORWARD:
        notifications.on_commit_send(
            "deliberation/email/report_in_review",
            {
                "report": report,
                "url": notifications.admin_url(
                    reverse("deliberation_report:edit", args=[report.pk])
                ),
            },
            notifications.secretariat_emails(),
        )
    return report
