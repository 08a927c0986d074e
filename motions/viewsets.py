"""The motions back office in the Wagtail admin: one menu, "Motions" (Önergeler).

Only the secretariat sees it (motions.access.can_record_motions, through the
permission policies registered in motions.wagtail_hooks). Motions are created and
followed up through motions.services: status, due dates and the other derived fields
are never form fields. A change to the assembly's calendar (a meeting, the rule, a
public holiday) recomputes the due dates it can move.
"""

from collections import defaultdict

import django_filters
from django.contrib.admin.utils import quote
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.dates import MONTHS
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from deliberation.policies import SecretariatPermissionPolicy

from . import access, selectors, services
from .admin_views import (
    CoverLetterView,
    MotionFollowUpView,
    MotionRecordEventView,
    ReportSubmitListView,
    ReportSubmitView,
    motion_update_details,
)
from .errors import MotionError
from .forms import (
    AssemblyMeetingForm,
    MotionCreateForm,
    MotionDetailsForm,
    MunicipalityForm,
    long_date,
    store_document,
)
from .models import (
    AssemblyMeeting,
    AssemblyMeetingKind,
    Motion,
    MotionEvent,
    MotionStatus,
    Municipality,
    PublicHoliday,
)

# -- Permission policies: the secretariat only; what must stay on record is never deleted --


class MotionPermissionPolicy(SecretariatPermissionPolicy):
    def __init__(self):
        super().__init__(Motion, ("add", "change", "view"))


class MunicipalityPermissionPolicy(SecretariatPermissionPolicy):
    def __init__(self):
        super().__init__(Municipality)

    def instance_allows(self, action, instance) -> bool:
        if action == "delete":
            return not (instance.motions.exists() or instance.meetings.exists())
        return True


class AssemblyMeetingPermissionPolicy(SecretariatPermissionPolicy):
    def __init__(self):
        super().__init__(AssemblyMeeting)

    def instance_allows(self, action, instance) -> bool:
        if action == "delete":
            return not instance.motion_events.exists()
        return True


class PublicHolidayPermissionPolicy(SecretariatPermissionPolicy):
    def __init__(self):
        super().__init__(PublicHoliday)


def register_policies() -> None:
    """Register the policies before any Wagtail code asks for a fallback one."""
    from wagtail.permissions import policy_registry, register_permission_policy

    for model, policy_class in (
        (Motion, MotionPermissionPolicy),
        (Municipality, MunicipalityPermissionPolicy),
        (AssemblyMeeting, AssemblyMeetingPermissionPolicy),
        (PublicHoliday, PublicHolidayPermissionPolicy),
    ):
        if not isinstance(policy_registry.get_by_type(model, fallback=False), policy_class):
            register_permission_policy(model, policy_class())


class ProtectedDeleteView(generic.DeleteView):
    """Refuse, with a message, to delete what the record still refers to."""

    protected_message = gettext_lazy("This cannot be deleted: motions refer to it.")

    def dispatch(self, request, *args, **kwargs):
        # Others are turned away by Wagtail's own permission check.
        refused = not self.permission_policy.user_has_permission_for_instance(
            request.user, "delete", self.object
        )
        if refused and access.can_record_motions(request.user):
            messages.error(request, self.protected_message)
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


def _year_choices():
    years = Motion.objects.dates("submitted_on", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years]


def _municipality_year_choices():
    years = AssemblyMeeting.objects.dates("date", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years]


# -- Municipalities -----------------------------------------------------------------------


class _CalendarRefusalMixin:
    """A change of the calendar refreshes the motions' deadlines in the same transaction;
    if the service refuses, nothing is saved and the form says why (never a 500)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except MotionError as error:
            return _refused(self, form, error, _("The change could not be saved."))


class _CalendarDeleteRefusalMixin:
    """The delete counterpart: the row stays, and a message says why."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except MotionError as error:
            messages.error(self.request, error.message)
            return redirect(self.index_url_name)


class MunicipalityEditView(_CalendarRefusalMixin, generic.EditView):
    RULE_FIELDS = {"is_metropolitan", "regular_weekday", "recess_month"}

    def save_instance(self):
        instance = super().save_instance()
        if self.RULE_FIELDS & set(self.form.changed_data):
            services.motions_refresh_due(actor=self.request.user, municipality_id=instance.pk)
        return instance


class MunicipalityViewSet(ModelViewSet):
    model = Municipality
    icon = "site"
    url_namespace = "motions_municipality"
    url_prefix = "motions/municipalities"
    menu_label = gettext_lazy("Municipalities")
    menu_order = 500
    edit_view_class = MunicipalityEditView
    delete_view_class = ProtectedDeleteView
    copy_view_enabled = False
    search_fields = ["name"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            MultiFieldPanel(
                [
                    FieldPanel("is_metropolitan"),
                    FieldPanel("regular_weekday"),
                    FieldPanel("recess_month"),
                ],
                heading=gettext_lazy("The assembly's regular meeting rule (Law 5393 art. 20)"),
            ),
        ],
        base_form_class=MunicipalityForm,
    )

    @cached_property
    def list_display(self):
        return [
            "name",
            BooleanColumn("is_metropolitan", label=gettext_lazy("Metropolitan")),
            Column(
                "regular_weekday",
                label=gettext_lazy("Regular meeting day"),
                accessor=_weekday_label,
            ),
            Column("recess_month", label=gettext_lazy("Recess month"), accessor=_recess_label),
        ]


def _weekday_label(municipality) -> str:
    week = _("second week") if municipality.is_metropolitan else _("first week")
    return f"{municipality.get_regular_weekday_display()}, {week}"


def _recess_label(municipality) -> str:
    return str(MONTHS.get(municipality.recess_month, "")) if municipality.recess_month else "–"


# -- Assembly meetings --------------------------------------------------------------------


class AssemblyMeetingFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Municipality"), queryset=Municipality.objects.all()
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"), choices=AssemblyMeetingKind.choices
    )
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("Year"), choices=_municipality_year_choices, method="filter_year"
    )

    class Meta:
        model = AssemblyMeeting
        fields = ["municipality", "kind", "year"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(date__year=int(value)) if value else queryset


class AssemblyMeetingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return AssemblyMeeting.objects.select_related("municipality").annotate(
            referred=Exists(MotionEvent.objects.filter(meeting=OuterRef("pk")))
        )

    def get_delete_url(self, instance):
        # A meeting events refer to stays; don't offer what would be refused.
        return None if getattr(instance, "referred", False) else super().get_delete_url(instance)


def _refresh_meeting(actor, *places) -> None:
    """Recompute the due dates a meeting recorded, moved or removed can change."""
    dates_by_municipality = defaultdict(list)
    for municipality_id, day in places:
        dates_by_municipality[municipality_id].append(day)
    for municipality_id, dates in dates_by_municipality.items():
        services.motions_refresh_due(actor=actor, municipality_id=municipality_id, dates=dates)


class AssemblyMeetingCreateView(_CalendarRefusalMixin, generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        _refresh_meeting(self.request.user, (instance.municipality_id, instance.date))
        return instance


class AssemblyMeetingEditView(_CalendarRefusalMixin, generic.EditView):
    def save_instance(self):
        # The form has already changed self.object; the stored row still has the old date.
        previous = (
            AssemblyMeeting.objects.filter(pk=self.object.pk)
            .values_list("municipality_id", "date")
            .get()
        )
        instance = super().save_instance()
        _refresh_meeting(self.request.user, (instance.municipality_id, instance.date), previous)
        return instance


class AssemblyMeetingDeleteView(_CalendarDeleteRefusalMixin, ProtectedDeleteView):
    protected_message = gettext_lazy(
        "This meeting cannot be deleted: motion events refer to it. Correct those events first."
    )

    def delete_action(self):
        previous = (self.object.municipality_id, self.object.date)
        super().delete_action()
        _refresh_meeting(self.request.user, previous)


class AssemblyMeetingViewSet(ModelViewSet):
    model = AssemblyMeeting
    icon = "date"
    url_namespace = "motions_meeting"
    url_prefix = "motions/assembly-meetings"
    menu_label = gettext_lazy("Assembly meetings")
    menu_order = 300
    index_view_class = AssemblyMeetingIndexView
    add_view_class = AssemblyMeetingCreateView
    edit_view_class = AssemblyMeetingEditView
    delete_view_class = AssemblyMeetingDeleteView
    filterset_class = AssemblyMeetingFilterSet
    copy_view_enabled = False
    list_per_page = 50
    edit_handler = ObjectList(
        [FieldPanel("municipality"), FieldPanel("date"), FieldPanel("kind"), FieldPanel("note")],
        base_form_class=AssemblyMeetingForm,
    )

    @cached_property
    def list_display(self):
        return [
            "date",
            "municipality",
            "kind",
            "note",
            BooleanColumn("referred", label=gettext_lazy("Motion events refer to it")),
        ]


# -- Public holidays ----------------------------------------------------------------------


class PublicHolidayFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("Year"), choices=lambda: _holiday_year_choices(), method="filter_year"
    )

    class Meta:
        model = PublicHoliday
        fields = ["year"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(date__year=int(value)) if value else queryset


def _holiday_year_choices():
    years = PublicHoliday.objects.dates("date", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years]


class _HolidayRefreshMixin:
    def save_instance(self):
        instance = super().save_instance()
        services.motions_refresh_due(actor=self.request.user, holidays_changed=True)
        return instance


class PublicHolidayCreateView(_CalendarRefusalMixin, _HolidayRefreshMixin, generic.CreateView):
    pass


class PublicHolidayEditView(_CalendarRefusalMixin, _HolidayRefreshMixin, generic.EditView):
    pass


class PublicHolidayDeleteView(_CalendarDeleteRefusalMixin, generic.DeleteView):
    def delete_action(self):
        super().delete_action()
        services.motions_refresh_due(actor=self.request.user, holidays_changed=True)


class PublicHolidayViewSet(ModelViewSet):
    model = PublicHoliday
    icon = "calendar"
    url_namespace = "motions_holiday"
    url_prefix = "motions/public-holidays"
    menu_label = gettext_lazy("Public holidays")
    menu_order = 600
    add_view_class = PublicHolidayCreateView
    edit_view_class = PublicHolidayEditView
    delete_view_class = PublicHolidayDeleteView
    filterset_class = PublicHolidayFilterSet
    copy_view_enabled = False
    list_per_page = 100
    ordering = "-date"
    edit_handler = ObjectList([FieldPanel("date"), FieldPanel("name")])

    @cached_property
    def list_display(self):
        return [
            "date",
            "name",
        ]


# -- Motions ------------------------------------------------------------------------------


class MotionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=MotionStatus.choices)
    overdue = django_filters.ChoiceFilter(
        label=gettext_lazy("Overdue"),
        choices=[("1", gettext_lazy("Overdue")), ("0", gettext_lazy("Not overdue"))],
        method="filter_overdue",
    )
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("Year of submission"), choices=_year_choices, method="filter_year"
    )
    municipality = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Municipal assembly"), queryset=Municipality.objects.all()
    )

    class Meta:
        model = Motion
        fields = ["status", "overdue", "year", "municipality"]

    def filter_overdue(self, queryset, name, value):
        if value in ("0", "1"):
            return queryset.filter(overdue=value == "1")
        return queryset

    def filter_year(self, queryset, name, value):
        return queryset.filter(submitted_on__year=int(value)) if value else queryset


def _due_label(motion) -> str:
    if not motion.due_on:
        return "–"
    if motion.due_estimated:
        return _("%(date)s (estimated)") % {"date": long_date(motion.due_on)}
    return long_date(motion.due_on)


def _overdue_label(motion) -> str:
    days = getattr(motion, "days_overdue", None)
    if not getattr(motion, "overdue", False) or days is None:
        return ""
    return ngettext("%(days)s day overdue", "%(days)s days overdue", days) % {"days": days}


class MotionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.with_overdue(Motion.objects.select_related("municipality", "origin"))

    def search_queryset(self, queryset):
        # Turkish-folded, as on the public pages: "İzmir", "IZMIR" and "izmir" alike.
        if not self.is_searching:
            return queryset
        return selectors.search_motions(queryset, self.search_query)

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # The reference opens the follow-up screen, where events are recorded.
        return self._get_custom_column(
            field_name,
            self._get_title_column_class(column_class),
            get_url=lambda motion: reverse("motions_motion:inspect", args=[quote(motion.pk)]),
            **kwargs,
        )

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        buttons.append(
            HeaderButton(
                _("Submit an approved report"),
                url=reverse("motions_submit:index"),
                icon_name="mail",
            )
        )
        return buttons


def _refused(view, form, error, message):
    """Re-show the form with the service's refusal; what the user typed stays."""
    form.add_error(None, error.message)
    if form.cleaned_data.get("uploads"):
        form.add_error("uploads", _("The files were not kept; choose them again."))
    view.produced_error_code = error.code
    view.produced_error_message = None
    messages.validation_error(view.request, message, form)
    return view.form_invalid(form)


class MotionCreateView(generic.CreateView):
    """Enter a motion directly, through services.motion_create."""

    def save_instance(self):
        data = self.form.cleaned_data
        documents = list(data.get("documents") or [])
        documents += [
            store_document(upload, user=self.request.user) for upload in data.get("uploads") or []
        ]
        return services.motion_create(
            actor=self.request.user,
            reference=data.get("reference") or None,
            title=data["title"],
            summary=data["summary"],
            origin=data.get("origin"),
            municipality=data.get("municipality"),
            recipient=data.get("recipient", ""),
            submitted_on=data["submitted_on"],
            outgoing_number=data.get("outgoing_number", ""),
            is_public=data.get("is_public", True),
            topics=list(data.get("topics") or []),
            documents=documents,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except MotionError as error:
            return _refused(self, form, error, _("The motion could not be saved."))

    def get_success_message(self, instance):
        return _("Motion %(reference)s entered. Record what the assembly did with it.") % {
            "reference": instance.reference
        }

    def get_success_url(self):
        return reverse("motions_motion:inspect", args=[quote(self.object.pk)])


class MotionEditView(generic.EditView):
    """Change the wording, topics and publication (never status or deadlines)."""

    def save_instance(self):
        data = self.form.cleaned_data
        return motion_update_details(
            actor=self.request.user,
            motion_id=self.object.pk,
            title=data["title"],
            summary=data["summary"],
            topics=list(data.get("topics") or []),
            is_public=data.get("is_public", False),
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except MotionError as error:
            return _refused(self, form, error, _("The motion could not be saved."))

    def get_success_url(self):
        return reverse("motions_motion:inspect", args=[quote(self.object.pk)])


class MotionViewSet(ModelViewSet):
    model = Motion
    icon = "doc-full"
    url_namespace = "motions_motion"
    url_prefix = "motions/motions"
    menu_label = gettext_lazy("All motions")
    menu_order = 100
    index_view_class = MotionIndexView
    add_view_class = MotionCreateView
    edit_view_class = MotionEditView
    inspect_view_enabled = True
    inspect_view_class = MotionFollowUpView
    filterset_class = MotionFilterSet
    copy_view_enabled = False
    list_per_page = 50

    create_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("summary"),
            MultiFieldPanel(
                [
                    FieldPanel("reference"),
                    FieldPanel("submitted_on"),
                    FieldPanel("outgoing_number"),
                    FieldPanel("municipality"),
                    FieldPanel("recipient"),
                ],
                heading=gettext_lazy("Submission"),
            ),
            FieldPanel("origin"),
            FieldPanel("topics"),
            FieldPanel("documents"),
            FieldPanel("uploads"),
            FieldPanel("is_public"),
        ],
        base_form_class=MotionCreateForm,
    )
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("summary"),
            FieldPanel("topics"),
            FieldPanel("is_public"),
        ],
        base_form_class=MotionDetailsForm,
    )

    @cached_property
    def list_display(self):
        return [
            "reference",
            "title",
            StatusTagColumn(
                "get_status_display",
                label=gettext_lazy("Status"),
                sort_key="status",
                primary=lambda motion: not motion.final,
            ),
            Column(
                "submitted_on",
                label=gettext_lazy("Submitted on"),
                accessor=lambda motion: long_date(motion.submitted_on),
                sort_key="submitted_on",
            ),
            Column(
                "due_on",
                label=gettext_lazy("Due at the meeting of"),
                accessor=_due_label,
                sort_key="due_on",
            ),
            Column(
                "days_overdue",
                label=gettext_lazy("Overdue"),
                accessor=_overdue_label,
                sort_key="days_overdue",
            ),
            BooleanColumn("is_public", label=gettext_lazy("Public on the site")),
        ]

    def get_add_view_kwargs(self, **kwargs):
        handler = self.create_handler.bind_to_model(self.model)
        return super().get_add_view_kwargs(
            panel=handler, form_class=handler.get_form_class(), **kwargs
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("record/<int:pk>/", MotionRecordEventView.as_view(), name="record_event"),
            path("cover-letter/<int:pk>/", CoverLetterView.as_view(), name="cover_letter"),
        ]


# -- Submitting approved reports ----------------------------------------------------------


class ReportSubmissionViewSet(ViewSet):
    """Approved reports waiting to go to the assembly, and the submission form."""

    name = "motions_submit"
    url_prefix = "motions/submit"
    icon = "mail"
    menu_label = gettext_lazy("Submit an approved report")
    menu_order = 200

    @cached_property
    def menu_item_class(self):
        return type(
            "ReportSubmissionMenuItem",
            (MenuItem,),
            {"is_shown": lambda item, request: access.can_record_motions(request.user)},
        )

    def get_urlpatterns(self):
        return [
            path("", ReportSubmitListView.as_view(), name="index"),
            path("<int:report_pk>/", ReportSubmitView.as_view(), name="submit"),
        ]


class MotionsViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Motions")
    menu_icon = "clipboard-list"
    menu_order = 160
    items = (
        MotionViewSet,
        ReportSubmissionViewSet,
        AssemblyMeetingViewSet,
        MunicipalityViewSet,
        PublicHolidayViewSet,
    )
