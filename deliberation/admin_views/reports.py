"""A report's own screens: its page (status, timeline, comments, actions), restoring a
version, and comparing any two versions."""

from django.contrib.admin.utils import quote, unquote
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import InspectView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton

from deliberation import access, services
from deliberation.errors import DeliberationError
from deliberation.forms import (
    CompareVersionsForm,
    ReportCommentForm,
    ReportTransitionForm,
    revision_label,
)
from deliberation.models import TRANSITIONS, Report, ReportAction, ReportStatus

TRANSITION_BUTTONS = {
    ReportAction.ADOPT: gettext_lazy("Adopt as the group's report"),
    ReportAction.REOPEN: gettext_lazy("Reopen for editing"),
    ReportAction.SUBMIT: gettext_lazy("Submit to the Executive Board"),
    ReportAction.WITHDRAW: gettext_lazy("Withdraw the report"),
}


def _report_url(name: str, report, *args) -> str:
    return reverse(f"deliberation_report:{name}", args=[quote(report.pk), *args])


class ReportDetailView(InspectView):
    """A report's page: status, approval record, text, timeline, comments and actions."""

    any_permission_required = ["view"]
    template_name = "deliberation/admin/report_detail.html"
    page_title = gettext_lazy("Report")

    def get_object(self, queryset=None):
        reports = access.visible_reports(self.request.user).select_related(
            "group", "created_by", "locked_by", "latest_revision"
        )
        return get_object_or_404(reports, pk=unquote(str(self.pk)))

    def get_fields(self):
        return []  # the template lays the report out itself

    @cached_property
    def can_edit(self):
        return access.can_edit_report(self.request.user, self.object)

    def get_edit_url(self):
        return _report_url("edit", self.object) if self.can_edit else None

    def get_delete_url(self):
        return None  # reports are withdrawn, never deleted

    @cached_property
    def header_buttons(self):
        buttons = []
        if self.can_edit:
            buttons.append(
                HeaderButton(_("Edit"), url=_report_url("edit", self.object), icon_name="edit")
            )
        buttons.append(
            HeaderButton(_("History"), url=_report_url("history", self.object), icon_name="history")
        )
        return buttons

    @cached_property
    def header_more_buttons(self):
        return []

    def available_actions(self):
        """The group's moves this user may make on the report in its current state."""
        if not access.can_lead_report(self.request.user, self.object):
            return []
        return [
            action
            for action in ReportTransitionForm.ACTIONS
            if self.object.status in TRANSITIONS[action].sources
        ]

    def post(self, request, *args, **kwargs):
        transition_form = comment_form = None
        if request.POST.get("form") == "comment":
            comment_form = ReportCommentForm(request.POST)
            if comment_form.is_valid():
                try:
                    services.report_comment_add(
                        actor=request.user,
                        report_id=self.object.pk,
                        body=comment_form.cleaned_data["body"],
                    )
                except DeliberationError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, _("Your comment was added."))
                    return redirect(_report_url("inspect", self.object) + "#comments")
        elif request.POST.get("form") == "transition":
            transition_form = ReportTransitionForm(request.POST)
            if transition_form.is_valid():
                action = transition_form.cleaned_data["action"]
                try:
                    report = services.report_transition(
                        actor=request.user,
                        report_id=self.object.pk,
                        action=action,
                        note=transition_form.cleaned_data["note"],
                    )
                except DeliberationError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(
                        request,
                        _("“%(report)s” is now “%(status)s”.")
                        % {"report": report.title, "status": report.get_status_display()},
                    )
                    return redirect(_report_url("inspect", self.object))
            else:
                messages.error(request, _("The action could not be taken; see below."))
        else:
            return redirect(_report_url("inspect", self.object))
        return self.render_to_response(
            self.get_context_data(transition_form=transition_form, comment_form=comment_form)
        )

    def get_context_data(self, transition_form=None, comment_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        events = list(
            report.events.select_related(
                "actor", "decision__organ", "decision__agenda_item__meeting"
            )
        )
        approval = next(
            (
                event.decision
                for event in reversed(events)
                if event.action == ReportAction.APPROVE and event.decision_id
            ),
            None,
        )
        actions = []
        for action in self.available_actions():
            bound = transition_form is not None and transition_form.data.get("action") == action
            actions.append(
                {
                    "action": action,
                    "label": TRANSITION_BUTTONS[action],
                    "needs_note": action in ReportTransitionForm.NOTE_REQUIRED,
                    "form": transition_form
                    if bound
                    else ReportTransitionForm(initial={"action": action}),
                }
            )
        revisions = list(report.revisions.select_related("user").order_by("-created_at", "-pk"))
        context.update(
            {
                "report": report,
                "sections": [
                    (Report._meta.get_field(name).verbose_name, getattr(report, name))
                    for name in ("problem", "findings", "recommendations", "references")
                    if getattr(report, name)
                ],
                "topics": list(report.topics.all()),
                "attachments": list(report.attachments.all()),
                "events": events,
                "approval": approval,
                "comments": list(report.comments.select_related("author")),
                "comment_form": comment_form or ReportCommentForm(),
                "can_comment": access.can_view_report(self.request.user, report),
                "actions": actions,
                "can_edit": self.can_edit,
                "revisions": revisions,
                "compare_form": CompareVersionsForm(revisions=revisions)
                if len(revisions) > 1
                else None,
                "compare_url": _report_url("compare_any", report),
                "lock": report.get_lock(),
                "in_review": report.status
                in (ReportStatus.BOARD_REVIEW, ReportStatus.ASSEMBLY_REVIEW),
            }
        )
        return context


class ReportRestoreView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Look at an earlier version and make it the current draft (services.report_restore)."""

    model = Report
    permission_required = "change"
    index_url_name = None
    edit_url_name = None
    history_url_name = None
    inspect_url_name = None
    template_name = "deliberation/admin/report_restore.html"
    page_title = gettext_lazy("Earlier version")
    header_icon = "history"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        reports = access.visible_reports(request.user).select_related("group")
        self.object = get_object_or_404(reports, pk=unquote(str(kwargs["pk"])))
        self.revision = get_object_or_404(
            self.object.revisions.select_related("user"), pk=kwargs["revision_id"]
        )

    def dispatch(self, request, *args, **kwargs):
        if not access.can_edit_report(request.user, self.object):
            messages.info(
                request,
                _("Only members of the group can restore versions, and only of a draft."),
            )
            return redirect(_report_url("history", self.object))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("deliberation_report:list"), "label": _("Reports")},
            {"url": _report_url("inspect", self.object), "label": self.object.title},
            {"url": _report_url("history", self.object), "label": _("History")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.object.title},
        ]

    def post(self, request, *args, **kwargs):
        try:
            services.report_restore(
                actor=request.user, report_id=self.object.pk, revision_id=self.revision.pk
            )
        except DeliberationError as error:
            messages.error(request, error.message)
            return self.get(request, *args, **kwargs)
        messages.success(
            request,
            _("The version of %(version)s is the current draft again.")
            % {"version": revision_label(self.revision)},
        )
        return redirect(_report_url("edit", self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = self.revision.as_object()
        context.update(
            {
                "report": self.object,
                "revision": self.revision,
                "revision_label": revision_label(self.revision),
                "version": version,
                "sections": [
                    (Report._meta.get_field(name).verbose_name, getattr(version, name))
                    for name in ("problem", "findings", "recommendations", "references")
                    if getattr(version, name)
                ],
                "is_current": self.revision.pk == self.object.latest_revision_id,
                "compare_url": _report_url(
                    "revisions_compare", self.object, self.revision.pk, "latest"
                ),
            }
        )
        return context


class ReportCompareRedirectView(View):
    """Turn the "compare any two versions" form into Wagtail's compare URL."""

    def get(self, request, pk):
        report = get_object_or_404(access.visible_reports(request.user), pk=pk)
        revisions = list(report.revisions.select_related("user").order_by("-created_at", "-pk"))
        form = CompareVersionsForm(request.GET, revisions=revisions)
        if not form.is_valid():
            messages.error(request, _("Choose two versions of this report to compare."))
            return redirect(_report_url("inspect", report) + "#versions")
        # Older version on the left, whatever order they were picked in.
        age = {revision.pk: position for position, revision in enumerate(reversed(revisions))}
        older, newer = sorted(
            (form.cleaned_data["revision_a"], form.cleaned_data["revision_b"]), key=age.get
        )
        return redirect(_report_url("revisions_compare", report, older, newer))
