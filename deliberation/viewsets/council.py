"""The secretariat's records: organs, memberships, topics, meetings; and join requests.

The permission policies (deliberation.policies) keep these menus and views to the
secretariat; join requests are shared with the chairs of the groups they concern.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import BooleanColumn, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from deliberation import policies, services
from deliberation.admin_views import (
    DecisionRecordView,
    JoinRequestDecideView,
    MeetingAttendanceView,
    MeetingDetailView,
    MeetingPublishMinutesView,
)
from deliberation.errors import DeliberationError
from deliberation.forms import MeetingForm, person_label
from deliberation.models import (
    JoinRequest,
    JoinRequestStatus,
    Meeting,
    Membership,
    Organ,
    OrganKind,
    Role,
    Topic,
)

# -- Organs -------------------------------------------------------------------------------


class OrganIndexView(generic.IndexView):
    def get_base_queryset(self):
        today = timezone.localdate()
        current = Q(memberships__starts_on__lte=today) & (
            Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=today)
        )
        return Organ.objects.annotate(
            current_members=Count("memberships__person", filter=current, distinct=True)
        )


class OrganViewSet(ModelViewSet):
    model = Organ
    icon = "group"
    url_namespace = "deliberation_organ"
    url_prefix = "deliberation/organs"
    menu_label = gettext_lazy("Organs and groups")
    menu_order = 400
    index_view_class = OrganIndexView
    form_fields = ["name", "slug", "kind", "purpose", "is_active", "accepts_join_requests"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False

    @cached_property
    def list_display(self):
        return [
            "name",
            "kind",
            NumberColumn("current_members", label=_("Members today"), sort_key="current_members"),
            BooleanColumn("is_active", label=_("Active")),
        ]


# -- Memberships --------------------------------------------------------------------------


class MembershipFilterSet(WagtailFilterSet):
    organ = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Organ"), queryset=Organ.objects.all()
    )
    role = django_filters.ChoiceFilter(label=gettext_lazy("Role"), choices=Role.choices)
    period = django_filters.ChoiceFilter(
        label=gettext_lazy("Active"),
        choices=[
            ("current", gettext_lazy("Current")),
            ("ended", gettext_lazy("Ended")),
            ("future", gettext_lazy("Not started yet")),
        ],
        method="filter_period",
    )

    class Meta:
        model = Membership
        fields = ["organ", "role", "period"]

    def filter_period(self, queryset, name, value):
        today = timezone.localdate()
        if value == "current":
            return queryset.active_on(today)
        if value == "ended":
            return queryset.filter(ends_on__lt=today)
        if value == "future":
            return queryset.filter(starts_on__gt=today)
        return queryset


class MembershipIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Membership.objects.select_related("organ", "person")


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    url_namespace = "deliberation_membership"
    url_prefix = "deliberation/memberships"
    menu_label = gettext_lazy("Memberships")
    menu_order = 500
    index_view_class = MembershipIndexView
    filterset_class = MembershipFilterSet
    form_fields = ["organ", "person", "role", "represents", "starts_on", "ends_on", "show_publicly"]
    search_fields = ["person__first_name", "person__last_name", "represents"]
    search_backend_name = None
    copy_view_enabled = False
    list_per_page = 50

    @cached_property
    def list_display(self):
        return [
            "person_name",
            "organ",
            "role",
            "represents",
            DateColumn("starts_on", label=_("From"), sort_key="starts_on"),
            DateColumn("ends_on", label=_("Until"), sort_key="ends_on"),
            BooleanColumn("show_publicly", label=_("Public")),
        ]


# -- Topics -------------------------------------------------------------------------------


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    url_namespace = "deliberation_topic"
    url_prefix = "deliberation/topics"
    menu_label = gettext_lazy("Topics")
    menu_order = 600
    form_fields = ["name", "slug"]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


# -- Meetings -----------------------------------------------------------------------------


class AgendaItemsPanel(Panel):
    """The meeting's agenda, edited in the same form (MeetingForm.agenda_formset)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "deliberation/admin/panels/agenda_items.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["formset"] = self.form.agenda_formset
            return context


class MeetingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Meeting.objects.select_related("organ").annotate(
            items=Count("agenda_items", distinct=True)
        )

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # The title opens the meeting's page, where attendance and decisions are recorded.
        return self._get_custom_column(
            field_name,
            self._get_title_column_class(column_class),
            get_url=lambda meeting: reverse(
                "deliberation_meeting:inspect", args=[quote(meeting.pk)]
            ),
            **kwargs,
        )


class MeetingCreateView(generic.CreateView):
    def get_success_url(self):
        return reverse("deliberation_meeting:inspect", args=[quote(self.object.pk)])


class MeetingEditView(generic.EditView):
    def get_success_url(self):
        return reverse("deliberation_meeting:inspect", args=[quote(self.object.pk)])

    def save_instance(self):
        # The meeting goes through its service, which keeps what the record rests on.
        form = self.form
        meeting = services.meeting_save(
            actor=self.request.user,
            meeting=form.instance,
            minutes_attachment_ids=None
            if form.fields["minutes_attachments"].disabled
            else [document.pk for document in form.cleaned_data["minutes_attachments"]],
            agenda=form.agenda_formset,
        )
        return meeting

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DeliberationError as error:
            form.add_error(None, error.message)
            self.produced_error_message = error.message
            return self.form_invalid(form)


class MeetingDeleteView(generic.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        # The generic view only asks the model-level permission; a meeting that is part
        # of the record (decisions, published minutes) must stay.
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, "delete", self.object
        ):
            messages.error(
                request,
                _("A meeting with recorded decisions or published minutes cannot be deleted."),
            )
            return redirect("deliberation_meeting:inspect", quote(self.object.pk))
        return super().dispatch(request, *args, **kwargs)


class MeetingViewSet(ModelViewSet):
    model = Meeting
    icon = "date"
    url_namespace = "deliberation_meeting"
    url_prefix = "deliberation/meetings"
    menu_label = gettext_lazy("Meetings")
    menu_order = 200
    index_view_class = MeetingIndexView
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    delete_view_class = MeetingDeleteView
    inspect_view_enabled = True
    inspect_view_class = MeetingDetailView
    inspect_template_name = "deliberation/admin/meeting_detail.html"
    list_filter = ["organ"]
    copy_view_enabled = False

    edit_handler = ObjectList(
        [
            FieldPanel("organ"),
            FieldPanel("starts_at"),
            FieldPanel("place"),
            AgendaItemsPanel(heading=gettext_lazy("Agenda")),
            FieldPanel("minutes"),
            FieldPanel("minutes_attachments"),
        ],
        base_form_class=MeetingForm,
    )

    @cached_property
    def list_display(self):
        return [
            "__str__",
            DateColumn("starts_at", label=_("Date and time"), sort_key="starts_at"),
            "place",
            NumberColumn("items", label=_("Agenda items"), sort_key="items"),
            BooleanColumn("minutes_published", label=_("Minutes published")),
        ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("attendance/<int:pk>/", MeetingAttendanceView.as_view(), name="attendance"),
            path("decision/<int:item_pk>/", DecisionRecordView.as_view(), name="record_decision"),
            path(
                "publish-minutes/<int:pk>/",
                MeetingPublishMinutesView.as_view(),
                name="publish_minutes",
            ),
        ]


# -- Join requests ------------------------------------------------------------------------


class JoinRequestFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[
            ("pending", gettext_lazy("Waiting for an answer")),
            ("decided", gettext_lazy("Decided")),
            ("all", gettext_lazy("All")),
        ],
        method="filter_state",
        empty_label=None,
    )
    organ = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Working group"),
        queryset=lambda request: Organ.objects.filter(kind=OrganKind.WORKING_GROUP),
    )

    class Meta:
        model = JoinRequest
        fields = ["state", "organ"]

    def filter_state(self, queryset, name, value):
        if value == "decided":
            return queryset.exclude(status=JoinRequestStatus.PENDING)
        if value == "all":
            return queryset
        return queryset.filter(status=JoinRequestStatus.PENDING)


class JoinRequestIndexView(generic.IndexView):
    def get_base_queryset(self):
        policy = policies.JoinRequestPermissionPolicy()
        queryset = policy.instances_user_has_any_permission_for(self.request.user, ["view"])
        if self.request.GET.get("state") not in ("decided", "all"):
            queryset = queryset.filter(status=JoinRequestStatus.PENDING)
        return queryset.select_related("organ", "person")

    @cached_property
    def columns(self):
        return [
            # Names only: a chair does not need the applicant's e-mail address (KVKK).
            self._get_title_column("person", accessor=lambda r: person_label(r.person)),
            self._get_custom_column("organ"),
            self._get_custom_column("represents"),
            DateColumn("created_at", label=_("Requested at"), sort_key="created_at"),
            self._get_custom_column("status"),
        ]

    def get_list_more_buttons(self, instance):
        if instance.status != JoinRequestStatus.PENDING:
            return super().get_list_more_buttons(instance)
        url = reverse("deliberation_joinrequest:edit", args=[quote(instance.pk)])
        return [
            Button(_("Accept…"), url=f"{url}?decision=accept", icon_name="check", priority=10),
            Button(_("Decline…"), url=f"{url}?decision=decline", icon_name="cross", priority=20),
        ]


class JoinRequestViewSet(ModelViewSet):
    model = JoinRequest
    icon = "mail"
    url_namespace = "deliberation_joinrequest"
    url_prefix = "deliberation/join-requests"
    menu_label = gettext_lazy("Join requests")
    menu_order = 300
    index_view_class = JoinRequestIndexView
    filterset_class = JoinRequestFilterSet
    copy_view_enabled = False
    ordering = "-created_at"

    def get_urlpatterns(self):
        # No add/edit/delete forms: people ask from the group's page, and the decision
        # is taken on the "edit" screen, which is the accept/decline form.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("decide/<int:pk>/", JoinRequestDecideView.as_view(), name="edit"),
        ]
