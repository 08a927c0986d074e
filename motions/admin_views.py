"""Screens of the motions back office that Wagtail's generic views don't cover.

The secretariat submits approved reports (and prints their cover letter), follows each
motion up and records what the municipal assembly did. Each screen collects input and
calls one function of motions.services; a refusal (MotionError) comes back as a form
error with what was typed kept, never as a server error.
"""

from django.conf import settings
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import CharField, DateField, Value
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import InspectView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from deliberation.models import DecisionKind, Report, ReportAction, ReportEvent
from shared import site
from shared.query_params import parse_id

from . import access, selectors, services
from .errors import MotionError
from .forms import MotionEventForm, ReportSubmitForm, long_date, store_document
from .models import TRANSITIONS, EventKind, Motion, MotionEvent, MotionStatus

# Decisions that carried the report towards approval; a return starts the path again.
APPROVAL_DECISION_KINDS = (DecisionKind.ADOPT, DecisionKind.OPINION, DecisionKind.APPROVE)


def motion_url(name: str, motion, *args) -> str:
    return reverse(f"motions_motion:{name}", args=[quote(motion.pk), *args])


class SecretariatOnlyMixin:
    """The follow-up of motions is the secretariat's to record."""

    def dispatch(self, request, *args, **kwargs):
        if not access.can_record_motions(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# -- A write the back office needs besides motions.services ------------------------------
# It follows the services' shape (secretariat only, atomic, row lock, audit entry) and
# leaves every derived field to services.refresh.


def motion_update_details(
    *, actor, motion_id: int, title: str, summary: str, topics, is_public: bool
) -> Motion:
    """Change what may change after submission: wording, topics, publication."""
    if not access.can_record_motions(actor):
        raise MotionError(
            _("Only the secretariat records motions and their follow-up."), code="forbidden"
        )
    if not title.strip() or not summary.strip():
        raise MotionError(_("A motion needs a title and a plain summary."))
    with transaction.atomic():
        try:
            motion = Motion.objects.select_for_update().get(pk=motion_id)
        except Motion.DoesNotExist:
            raise MotionError(_("This motion does not exist."), code="not_found") from None
        changed = [
            name
            for name, value in (("title", title.strip()), ("summary", summary.strip()))
            if getattr(motion, name) != value
        ]
        motion.title, motion.summary = title.strip(), summary.strip()
        if motion.is_public != is_public:
            changed.append("is_public")
        motion.is_public = is_public
        motion.save()
        motion.topics.set(topics)
        services.refresh(motion)
        log(instance=motion, action="wagtail.edit", user=actor, data={"fields": changed})
    return motion


# -- Submitting an approved report -------------------------------------------------------


def reports_to_submit():
    """Approved reports that have not gone to the assembly yet."""
    return (
        Report.objects.approved()
        .filter(motion__isnull=True)
        .select_related("group")
        .order_by("-approved_on", "-pk")
    )


class ReportSubmitListView(SecretariatOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "motions/admin/report_submit_list.html"
    page_title = gettext_lazy("Submit an approved report")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reports"] = list(reports_to_submit())
        context["recent"] = list(
            Motion.objects.filter(report__isnull=False)
            .select_related("report", "municipality")
            .order_by("-created_at")[:10]
        )
        return context


class ReportSubmitView(SecretariatOnlyMixin, WagtailAdminTemplateMixin, FormView):
    """The submission form: where to, when, with which evrak sayısı (motion_submit_report)."""

    form_class = ReportSubmitForm
    template_name = "motions/admin/report_submit.html"
    page_title = gettext_lazy("Submit an approved report")
    header_icon = "mail"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = get_object_or_404(
            Report.objects.approved().select_related("group"), pk=kwargs["report_pk"]
        )

    def get(self, request, *args, **kwargs):
        motion = Motion.objects.filter(report=self.report).first()
        if motion is not None:
            messages.info(
                request,
                _("This report was already submitted as motion %(reference)s.")
                % {"reference": motion.reference},
            )
            return redirect(motion_url("inspect", motion))
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.report.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("motions_motion:index"), "label": _("Motions")},
            {"url": reverse("motions_submit:index"), "label": _("Submit an approved report")},
            {"url": "", "label": self.report.title},
        ]

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            motion = services.motion_submit_report(
                actor=self.request.user,
                report_id=self.report.pk,
                submitted_on=data["submitted_on"],
                municipality=data["municipality"],
                recipient=data["recipient"],
                outgoing_number=data["outgoing_number"],
                summary=data["summary"],
            )
        except MotionError as error:
            form.add_error(None, error.message)
            messages.error(self.request, _("The report could not be submitted."))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The report was submitted as motion %(reference)s. Print its cover letter.")
            % {"reference": motion.reference},
            buttons=[messages.button(motion_url("cover_letter", motion), _("Cover letter"))],
        )
        return redirect(motion_url("inspect", motion))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        approved = self.report.approved_version()
        context.update(
            {
                "report": self.report,
                "approved": approved,
                "decisions": approval_decisions(self.report),
            }
        )
        return context


def approval_decisions(report: Report) -> list:
    """The decisions of the report's path to approval, in order (after any return)."""
    events = (
        ReportEvent.objects.filter(report=report, decision__isnull=False)
        .select_related("decision__organ", "decision__agenda_item__meeting")
        .order_by("at", "pk")
    )
    decisions = []
    for event in events:
        if event.action == ReportAction.RETURN:
            decisions = []
            continue
        decision = event.decision
        if (
            decision.adopted
            and decision.kind in APPROVAL_DECISION_KINDS
            and decision not in decisions
        ):
            decisions.append(decision)
    return decisions


class CoverLetterView(SecretariatOnlyMixin, TemplateView):
    """The cover letter (üst yazı) to the assembly, laid out for A4 and printed from the
    browser. It is official correspondence, so it is written in the council's language
    whatever the language of the admin."""

    template_name = "motions/admin/cover_letter.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.motion = get_object_or_404(
            Motion.objects.select_related("municipality", "origin", "report__group"),
            pk=kwargs["pk"],
        )

    def get(self, request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            response = super().get(request, *args, **kwargs)
            response.render()
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        motion = self.motion
        report = motion.report
        approved = report.approved_version() if report else None
        context.update(
            {
                "motion": motion,
                "report": report,
                "approved": approved,
                "decisions": approval_decisions(report) if report else [],
                "attachments": list(approved.attachments.all()) if approved else [],
                "council": site.council(self.request),
                "follow_up_url": motion_url("inspect", motion),
                "language_code": settings.LANGUAGE_CODE,
            }
        )
        return context


# -- Following a motion up ---------------------------------------------------------------


# The overdue rule read from the whole record's values (see _annotated).
RECORD_FIELDS = selectors.OverdueFields(
    status="record_status_code",
    on_agenda_on="record_on_agenda_on",
    committee_due_on="record_committee_due_on",
)


def _annotated(motion_id) -> Motion:
    """The motion with the overdue rule counted on the whole record, internal events
    included: the stored fields are the public ones, and the secretariat must be warned
    of a late placing that was not made public."""
    queryset = Motion.objects.select_related("municipality", "origin", "report__group")
    motion = get_object_or_404(queryset, pk=motion_id)
    record = services.motion_record_dates(motion)
    return selectors.with_overdue(
        queryset.annotate(
            record_status_code=Value(record["status"], output_field=CharField()),
            record_on_agenda_on=Value(record["on_agenda_on"], output_field=DateField()),
            record_committee_due_on=Value(record["committee_due_on"], output_field=DateField()),
        ),
        fields=RECORD_FIELDS,
    ).get(pk=motion.pk)


def record_status(motion: Motion) -> str:
    """The status the whole record gives, internal events included (services.refresh
    stores the public one)."""
    return services.motion_record_state(motion).status


def possible_next(motion: Motion, status: str | None = None) -> list[str]:
    """The event kinds the transition table allows now, as labels."""
    status = status or record_status(motion)
    return [EventKind(kind).label for kind in TRANSITIONS.get(status, {})]


class MotionFollowUpView(InspectView):
    """A motion's follow-up: status, deadlines and the whole timeline, corrections too."""

    any_permission_required = ["add", "change", "view"]
    template_name = "motions/admin/motion_follow_up.html"
    page_title = gettext_lazy("Follow-up")

    def get_object(self, queryset=None):
        return _annotated(unquote(str(self.pk)))

    def get_fields(self):
        return []

    def get_delete_url(self):
        return None  # a motion's record stays whole

    @cached_property
    def header_buttons(self):
        motion = self.object
        buttons = [
            HeaderButton(
                _("Record an event"), url=motion_url("record_event", motion), icon_name="plus"
            ),
            HeaderButton(_("Edit details"), url=motion_url("edit", motion), icon_name="edit"),
            HeaderButton(
                _("Cover letter"), url=motion_url("cover_letter", motion), icon_name="doc-full"
            ),
            HeaderButton(_("History"), url=motion_url("history", motion), icon_name="history"),
        ]
        return buttons

    @cached_property
    def header_more_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        motion = self.object
        events = list(
            motion.events.select_related(
                "meeting", "document", "recorded_by", "supersedes", "superseded_by"
            ).order_by("date", "recorded_at", "pk")
        )
        for event in events:
            try:
                event.correction = event.superseded_by
            except type(event).superseded_by.RelatedObjectDoesNotExist:
                event.correction = None
        status = motion.record_status_code
        context.update(
            {
                "motion": motion,
                "events": events,
                "documents": list(motion.documents.all()),
                "possible_next": possible_next(motion, status),
                "record_status": MotionStatus(status).label,
                "record_differs": status != motion.status,
                "today": timezone.localdate(),
            }
        )
        return context


class MotionRecordEventView(SecretariatOnlyMixin, WagtailAdminTemplateMixin, FormView):
    """Record an event (services.motion_record_event), or correct one: ``?corrects=<id>``
    opens the form filled in as the wrong event was, and saving supersedes it."""

    form_class = MotionEventForm
    template_name = "motions/admin/record_event.html"
    header_icon = "plus"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.motion = get_object_or_404(
            Motion.objects.select_related("municipality"), pk=kwargs["pk"]
        )
        self.corrected = None
        raw = request.POST.get("corrects") or request.GET.get("corrects") or ""
        if raw:
            self.corrected = get_object_or_404(
                self.motion.events.select_related("meeting", "document"),
                pk=parse_id(raw) or 0,
            )

    def get(self, request, *args, **kwargs):
        if (
            self.corrected is not None
            and MotionEvent.objects.filter(supersedes=self.corrected).exists()
        ):
            messages.info(request, _("This event was already corrected; correct the correction."))
            return redirect(motion_url("inspect", self.motion) + "#timeline")
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Correct an event") if self.corrected else _("Record an event")

    def get_page_subtitle(self):
        return str(self.motion)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("motions_motion:index"), "label": _("Motions")},
            {"url": motion_url("inspect", self.motion), "label": self.motion.reference},
            {"url": "", "label": self.get_page_title(), "sublabel": self.motion.title},
        ]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["motion"] = self.motion
        return kwargs

    def get_initial(self):
        if self.corrected is not None:
            return MotionEventForm.initial_from(self.corrected)
        allowed = list(TRANSITIONS.get(record_status(self.motion), {}))
        return {"kind": allowed[0] if allowed else "", "is_public": True}

    def form_valid(self, form):
        data = form.cleaned_data
        upload = data.get("upload")
        try:
            with transaction.atomic():
                document = data.get("document")
                if upload:
                    document = store_document(upload, user=self.request.user)
                event = services.motion_record_event(
                    actor=self.request.user,
                    motion_id=self.motion.pk,
                    kind=data["kind"],
                    on=data["date"],
                    meeting=data.get("meeting"),
                    committees=data["committees"],
                    zoning_committee=data["zoning_committee"],
                    outcome=data["outcome"],
                    decision_number=data["decision_number"],
                    progress=data["progress"],
                    note=data["note"],
                    document=document,
                    is_public=data["is_public"],
                    supersedes_id=self.corrected.pk if self.corrected else None,
                )
        except MotionError as error:
            form.add_error(None, error.message)
            if upload:
                form.add_error("upload", _("The file was not kept; choose it again."))
            messages.error(self.request, _("The event could not be recorded."))
            return self.form_invalid(form)
        self.motion.refresh_from_db()
        if not event.is_public:
            # An internal event moves only the record; the public sees the same as before.
            message = _(
                "Recorded as internal: %(event)s on %(date)s. The public still sees "
                "the motion as “%(status)s”."
            )
        elif self.corrected:
            message = _(
                "Correction recorded: %(event)s on %(date)s. The motion is now “%(status)s”."
            )
        else:
            message = _("Recorded: %(event)s on %(date)s. The motion is now “%(status)s”.")
        messages.success(
            self.request,
            message
            % {
                "event": event.label,
                "date": long_date(event.date),
                "status": self.motion.get_status_display(),
            },
        )
        return redirect(motion_url("inspect", self.motion) + "#timeline")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(
            {
                "motion": self.motion,
                "corrected": self.corrected,
                "possible_next": possible_next(self.motion),
                "media": form.media,
                "meeting_add_url": reverse("motions_meeting:add"),
            }
        )
        return context
