"""The secretariat's meeting screens: the meeting's page, attendance, decisions, minutes."""

from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import InspectView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from deliberation import access, rules, services
from deliberation.errors import DeliberationError
from deliberation.forms import AttendanceForm, DecisionForm, person_label
from deliberation.models import (
    AgendaItem,
    DecisionKind,
    DeliberationSettings,
    Meeting,
    Report,
    ReportStatus,
)


class SecretariatOnlyMixin:
    """Meetings, attendance and decisions are the secretariat's to record."""

    def dispatch(self, request, *args, **kwargs):
        if not access.is_secretariat(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _meeting_url(name: str, meeting) -> str:
    return reverse(f"deliberation_meeting:{name}", args=[quote(meeting.pk)])


class MeetingBreadcrumbsMixin:
    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("deliberation_meeting:index"), "label": _("Meetings")},
            {"url": _meeting_url("inspect", self.meeting), "label": str(self.meeting)},
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.meeting)},
        ]


class MeetingDetailView(InspectView):
    """A meeting's page: the numbers, attendance, agenda with decisions, and minutes."""

    any_permission_required = ["view"]
    template_name = "deliberation/admin/meeting_detail.html"
    page_title = gettext_lazy("Meeting")

    def get_object(self, queryset=None):
        return get_object_or_404(Meeting.objects.select_related("organ"), pk=unquote(str(self.pk)))

    def get_fields(self):
        return []

    @cached_property
    def header_buttons(self):
        meeting = self.object
        buttons = [
            HeaderButton(
                _("Record attendance"),
                url=_meeting_url("attendance", meeting),
                icon_name="group",
            ),
            HeaderButton(_("Edit"), url=_meeting_url("edit", meeting), icon_name="edit"),
        ]
        if not meeting.minutes_published:
            buttons.append(
                HeaderButton(
                    _("Publish minutes"),
                    url=_meeting_url("publish_minutes", meeting),
                    icon_name="upload",
                )
            )
        return buttons

    @cached_property
    def header_more_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        attendances = sorted(
            meeting.attendances.select_related("person"),
            key=lambda attendance: person_label(attendance.person).casefold(),
        )
        context.update(
            {
                "meeting": meeting,
                "quorum": meeting.quorum(),
                "attendances": attendances,
                "agenda_items": list(
                    meeting.agenda_items.select_related("report__group", "decision")
                ),
                "attachments": list(meeting.minutes_attachments.all()),
            }
        )
        return context


class MeetingAttendanceView(
    SecretariatOnlyMixin, MeetingBreadcrumbsMixin, WagtailAdminTemplateMixin, FormView
):
    """Tick who of the organ's members were present (services.meeting_record_attendance)."""

    form_class = AttendanceForm
    template_name = "deliberation/admin/meeting_attendance.html"
    page_title = gettext_lazy("Record attendance")
    header_icon = "group"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.meeting = get_object_or_404(Meeting.objects.select_related("organ"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.meeting)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["memberships"] = (
            self.meeting.organ.memberships_on(self.meeting.meeting_date)
            .select_related("person")
            .order_by("person__first_name", "person__last_name", "pk")
        )
        return kwargs

    def get_initial(self):
        return {
            "present": list(
                self.meeting.attendances.filter(present=True).values_list("person_id", flat=True)
            )
        }

    def form_valid(self, form):
        try:
            services.meeting_record_attendance(
                actor=self.request.user,
                meeting_id=self.meeting.pk,
                present_ids=form.cleaned_data["present"],
            )
        except DeliberationError as error:
            messages.error(self.request, error.message)
            return self.form_invalid(form)
        quorum = self.meeting.quorum()
        message = _(
            "Attendance recorded: %(present)s of %(members)s members present, "
            "%(needed)s needed for a quorum."
        )
        if quorum["has_quorum"]:
            messages.success(self.request, message % quorum)
        else:
            messages.warning(self.request, message % quorum + " " + _("The meeting has no quorum."))
        return redirect(_meeting_url("inspect", self.meeting))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meeting"] = self.meeting
        context["quorum"] = self.meeting.quorum()
        context["decisions_exist"] = self.meeting.decisions_exist()
        return context


class DecisionRecordView(
    SecretariatOnlyMixin, MeetingBreadcrumbsMixin, WagtailAdminTemplateMixin, FormView
):
    """Record an organ's decision on an agenda item, with its vote (services.decision_record)."""

    form_class = DecisionForm
    template_name = "deliberation/admin/decision_record.html"
    page_title = gettext_lazy("Record a decision")
    header_icon = "success"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.item = get_object_or_404(
            AgendaItem.objects.select_related("meeting__organ", "report__group"),
            pk=kwargs["item_pk"],
        )
        self.meeting = self.item.meeting

    def get(self, request, *args, **kwargs):
        if hasattr(self.item, "decision"):
            messages.info(request, _("A decision on this agenda item is already recorded."))
            return redirect(_meeting_url("inspect", self.meeting))
        return super().get(request, *args, **kwargs)

    @cached_property
    def quorum(self):
        return self.meeting.quorum()

    @cached_property
    def config(self):
        return DeliberationSettings.load()

    @cached_property
    def present_people(self):
        present = self.meeting.attendances.filter(present=True).values("person_id")
        return list(
            get_user_model()
            .objects.filter(pk__in=present)
            .order_by("first_name", "last_name", "username")
        )

    def get_page_subtitle(self):
        return self.item.title

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["present_people"] = self.present_people
        kwargs["casting_vote"] = self.config.chair_casting_vote
        return kwargs

    def get_initial(self):
        initial = {}
        report = self.item.report
        if report is not None:
            if report.status == ReportStatus.ASSEMBLY_REVIEW or (
                report.status == ReportStatus.BOARD_REVIEW and self.config.board_is_final()
            ):
                initial["kind"] = DecisionKind.APPROVE
            elif report.status == ReportStatus.BOARD_REVIEW:
                initial["kind"] = DecisionKind.OPINION
        return initial

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            decision = services.decision_record(
                actor=self.request.user,
                agenda_item_id=self.item.pk,
                kind=data["kind"],
                yes=data["yes"] if data["votes"] is None else 0,
                no=data["no"] if data["votes"] is None else 0,
                abstain=data["abstain"] if data["votes"] is None else 0,
                votes=data["votes"],
                chair_vote=data.get("chair_vote") or None,
                text=data["text"],
            )
        except DeliberationError as error:
            messages.error(self.request, error.message)
            return self.form_invalid(form)
        result = _("adopted") if decision.adopted else _("not adopted")
        message = _(
            "Decision %(reference)s recorded: %(result)s. %(yes)s yes, %(no)s no, "
            "%(abstain)s abstain; %(present)s present, %(needed)s votes needed."
        ) % {
            "reference": decision.reference,
            "result": result,
            "yes": decision.yes,
            "no": decision.no,
            "abstain": decision.abstain,
            "present": decision.present,
            "needed": rules.absolute_majority(decision.present),
        }
        if self.item.report_id:
            report = Report.objects.get(pk=self.item.report_id)
            message += " " + _("The report is now “%(status)s”.") % {
                "status": report.get_status_display()
            }
        (messages.success if decision.adopted else messages.warning)(self.request, message)
        return redirect(_meeting_url("inspect", self.meeting))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        present = self.quorum["present"]
        context.update(
            {
                "item": self.item,
                "meeting": self.meeting,
                "quorum": self.quorum,
                "needed_to_adopt": rules.absolute_majority(present) if present else None,
                "casting_vote": self.config.chair_casting_vote,
            }
        )
        return context


class MeetingPublishMinutesView(
    SecretariatOnlyMixin, MeetingBreadcrumbsMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Confirm, then publish the approved minutes (services.meeting_publish_minutes)."""

    template_name = "deliberation/admin/meeting_publish_minutes.html"
    page_title = gettext_lazy("Publish minutes")
    header_icon = "upload"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.meeting = get_object_or_404(Meeting.objects.select_related("organ"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.meeting)

    def post(self, request, *args, **kwargs):
        try:
            services.meeting_publish_minutes(actor=request.user, meeting_id=self.meeting.pk)
        except DeliberationError as error:
            messages.error(request, error.message)
            return self.get(request, *args, **kwargs)
        messages.success(request, _("The minutes are published on the organ's page."))
        return redirect(_meeting_url("inspect", self.meeting))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meeting"] = self.meeting
        context["attachments"] = list(self.meeting.minutes_attachments.all())
        return context
