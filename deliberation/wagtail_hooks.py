"""Wagtail admin hooks of the deliberation back office."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from .dashboard import WaitingForMePanel
from .models import ReportStatus
from .viewsets import DeliberationViewSetGroup

register_snippet(DeliberationViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_waiting_for_me_panel(request, panels):
    panels.append(WaitingForMePanel())


def _status_label(value) -> str:
    try:
        return str(ReportStatus(value).label)
    except ValueError:
        return value or ""


class ReportLogFormatter(LogFormatter):
    """A report's move: "Submitted to the Executive Board: Adopted → Under review"."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = str(self.message)
        source, target = data.get("from"), data.get("to")
        if source and target and source != target:
            message = f"{message}: {_status_label(source)} → {_status_label(target)}"
        if data.get("decision"):
            message = _("%(message)s (decision %(decision)s)") % {
                "message": message,
                "decision": data["decision"],
            }
        return message

    def format_comment(self, log_entry):
        data = log_entry.data or {}
        return data.get("note") or data.get("comment") or data.get("reason") or ""


class AttendanceLogFormatter(LogFormatter):
    label = _("Meeting: record attendance")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if "present" in data:
            return _("Attendance recorded: %(present)s of %(members)s members present") % {
                "present": data.get("present"),
                "members": data.get("members"),
            }
        return _("Attendance recorded")


class DecisionLogFormatter(LogFormatter):
    label = _("Meeting: record a decision")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if not data.get("decision"):
            return _("Decision recorded")
        message = (
            _("Decision %(decision)s on “%(item)s” recorded: adopted")
            if data.get("adopted")
            else _("Decision %(decision)s on “%(item)s” recorded: not adopted")
        )
        return message % {"decision": data["decision"], "item": data.get("item", "")}


REPORT_ACTIONS = {
    "create": (_("Report: create"), _("Report started")),
    "edit": (_("Report: save a version"), _("New version saved")),
    "adopt": (_("Report: adopt"), _("Adopted by the group")),
    "reopen": (_("Report: reopen"), _("Reopened for editing")),
    "submit": (_("Report: submit"), _("Submitted to the Executive Board")),
    "forward": (_("Report: forward"), _("Opinion given, forwarded to the General Assembly")),
    "approve": (_("Report: approve"), _("Approved")),
    "return": (_("Report: return"), _("Returned to the group for reconsideration")),
    "reject": (_("Report: reject"), _("Rejected")),
    "withdraw": (_("Report: withdraw"), _("Withdrawn by the group")),
    "restore": (_("Report: restore a version"), _("Earlier version restored")),
    "comment": (_("Report: comment"), _("Comment added")),
    "submit_to_assembly": (
        _("Report: submit to the municipal assembly"),
        _("Submitted to the municipal assembly as a motion"),
    ),
}

JOIN_REQUEST_ACTIONS = {
    "create": (_("Join request: ask"), _("Asked to join")),
    "accept": (_("Join request: accept"), _("Request to join accepted")),
    "decline": (_("Join request: decline"), _("Request to join declined")),
}


@hooks.register("register_log_actions")
def register_deliberation_log_actions(actions):
    for name, (label, message) in REPORT_ACTIONS.items():
        formatter = type(
            "ReportLogFormatter", (ReportLogFormatter,), {"label": label, "message": message}
        )
        actions.register_action(f"deliberation.report.{name}")(formatter)

    for name, (label, message) in JOIN_REQUEST_ACTIONS.items():
        formatter = type(
            "JoinRequestLogFormatter",
            (ReportLogFormatter,),  # shows the reason given as the comment
            {"label": label, "message": message},
        )
        actions.register_action(f"deliberation.join_request.{name}")(formatter)

    actions.register_action("deliberation.meeting.attendance")(AttendanceLogFormatter)
    actions.register_action("deliberation.meeting.decision")(DecisionLogFormatter)
    actions.register_action(
        "deliberation.meeting.publish_minutes",
        _("Meeting: publish minutes"),
        _("Minutes published"),
    )
