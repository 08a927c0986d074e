"""Reports in the admin: Wagtail's snippet views, scoped to what each role may see.

Every view fetches the report through access.visible_reports, so a report outside the
user's circle is a 404 everywhere (listing, editor, history, compare, chooser), and
every write goes through deliberation.services.
"""

import django_filters
from django.contrib.admin.utils import quote, unquote
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    DateColumn,
    StatusTagColumn,
    UpdatedAtColumn,
)
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from deliberation import access, services
from deliberation.admin_views import (
    ReportCompareRedirectView,
    ReportDetailView,
    ReportRestoreView,
)
from deliberation.errors import DeliberationError
from deliberation.forms import ReportForm
from deliberation.models import Organ, Report, ReportStatus
from deliberation.models.organs import AUTHORING_KINDS
from shared.query_params import parse_id

SECTION_FIELDS = ("problem", "findings", "recommendations", "references")


def _visible(request):
    return access.visible_reports(request.user)


def _report_groups(request):
    groups = Organ.objects.filter(kind__in=AUTHORING_KINDS)
    user = request.user if request else None
    if user is None or access.is_secretariat(user) or access.is_reviewer(user):
        return groups
    return groups.filter(pk__in=access.group_ids(user))


class ReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=ReportStatus.choices)
    group = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Working group or assembly"), queryset=_report_groups
    )

    class Meta:
        model = Report
        fields = ["status", "group"]


class ReportIndexView(snippet_views.IndexView):
    @cached_property
    def columns(self):
        # No bulk actions: the only one Wagtail offers snippets is deleting, which
        # nobody may do to a report.
        return [
            column
            for column in super().columns
            if not isinstance(column, BulkActionsCheckboxColumn)
        ]

    def get_edit_url(self, instance):
        # Drafts open in the editor for those who may edit them; everything else
        # opens the report's page (status, timeline, comments, actions).
        if access.can_edit_report(self.request.user, instance):
            return super().get_edit_url(instance)
        return None


class ScopedObjectMixin:
    """Fetch the report through access.visible_reports: outside the circle it is a 404."""

    def get_base_object_queryset(self):
        return _visible(self.request).select_related("latest_revision")


class ReportCreateView(snippet_views.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        report = services.report_create(
            actor=self.request.user,
            group=data["group"],
            title=data["title"],
            summary=data["summary"],
            topics=list(data.get("topics") or []),
            attachments=list(data.get("attachments") or []),
            **{name: data.get(name, "") for name in SECTION_FIELDS},
        )
        self.new_revision = report.latest_revision
        return report

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DeliberationError as error:
            return _refused(self, form, error)

    def get_success_url(self):
        return reverse("deliberation_report:edit", args=[quote(self.object.pk)])


def _refused(view, form, error, buttons=None):
    """Re-show the form with the service's refusal; what the user typed stays."""
    form.add_error(None, error.message)
    view.produced_error_code = error.code
    view.produced_error_message = None  # we add our own message below
    messages.validation_error(
        view.request, _("The report could not be saved."), form, buttons=buttons
    )
    return view.form_invalid(form)


class ReportEditView(snippet_views.EditView):
    """The draft editor; saving goes through services.report_save.

    The form carries the version the editor loaded (Wagtail's ``loaded_revision_id``).
    If someone saved in between, nothing is overwritten: the form comes back with the
    user's text, the conflict is explained and a link compares the two versions.
    """

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Every save is a version with a timeline entry; no background autosaves.
        self.autosave_enabled = False
        self.conflict_compare_url = None

    def get_queryset(self):
        return _visible(self.request)

    def dispatch(self, request, *args, **kwargs):
        if not access.can_edit_report(request.user, self.object):
            if self.object.is_editable:
                message = _("Only members of %(group)s can edit this report.")
            else:
                message = _("This report is “%(status)s”; only drafts can be edited.")
            messages.info(
                request,
                message % {"group": self.object.group, "status": self.object.get_status_display()},
            )
            return redirect("deliberation_report:inspect", quote(self.object.pk))
        return super().dispatch(request, *args, **kwargs)

    def user_has_permission(self, permission):
        if permission in ("change", "lock", "unlock") and getattr(self, "object", None):
            return self.permission_policy.user_has_permission_for_instance(
                self.request.user, permission, self.object
            )
        return super().user_has_permission(permission)

    @cached_property
    def base_revision_id(self):
        """The version the editor started from, if the form names one of this report's."""
        revision_id = parse_id(self.request.POST.get("loaded_revision_id", ""))
        if revision_id is None or not self.object.revisions.filter(pk=revision_id).exists():
            return None
        return revision_id

    def save_instance(self):
        report = self.form.save(commit=False)
        report = services.report_save(
            actor=self.request.user, report=report, base_revision_id=self.base_revision_id
        )
        self.new_revision = report.latest_revision
        return report

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DeliberationError as error:
            buttons = []
            if error.code == "conflict" and self.base_revision_id:
                self.conflict_compare_url = reverse(
                    "deliberation_report:revisions_compare",
                    args=[quote(self.object.pk), self.base_revision_id, "latest"],
                )
                buttons.append(
                    messages.button(self.conflict_compare_url, _("Compare with their version"))
                )
            return _refused(self, form, error, buttons=buttons)

    def get_success_url(self):
        return self.get_edit_url()

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            HeaderButton(
                _("Status, timeline and comments"),
                url=reverse("deliberation_report:inspect", args=[quote(self.object.pk)]),
                icon_name="info-circle",
                priority=5,
            )
        )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["conflict_compare_url"] = self.conflict_compare_url
        context["report_detail_url"] = reverse(
            "deliberation_report:inspect", args=[quote(self.object.pk)]
        )
        return context


class ReportHistoryView(ScopedObjectMixin, snippet_views.HistoryView):
    any_permission_required = ["add", "change", "view"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not access.can_edit_report(request.user, self.object):
            # "Review this version" leads to restoring, which only editors may do.
            self.revisions_revert_url_name = None


class ReportUsageView(ScopedObjectMixin, snippet_views.UsageView):
    permission_required = "view"


class ReportCompareView(snippet_views.RevisionsCompareView):
    permission_required = "view"

    def get_object(self, queryset=None):
        return get_object_or_404(_visible(self.request), pk=unquote(str(self.pk)))


class ReportLockView(ScopedObjectMixin, snippet_views.LockView):
    def user_has_permission(self, permission):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, permission, self.object
        )


class ReportUnlockView(ScopedObjectMixin, snippet_views.UnlockView):
    def user_has_permission(self, permission):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, permission, self.object
        )


# -- The chooser (e.g. for agenda items): only reports the user may see; no creating ------


class _VisibleReportsMixin:
    def get_object_list(self):
        return _visible(self.request).select_related("group")


class ReportChooseView(_VisibleReportsMixin, snippet_chooser.ChooseView):
    pass


class ReportChooseResultsView(_VisibleReportsMixin, snippet_chooser.ChooseResultsView):
    pass


class ReportChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return _visible(self.request).get(pk=pk)


class ReportChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return _visible(self.request).filter(pk__in=pks)


class ReportChooserCreateView(snippet_chooser.SnippetCreateView):
    def can_create(self):
        return False  # reports are started in the editor, through services.report_create


class ReportChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ReportChooseView
    choose_results_view_class = ReportChooseResultsView
    chosen_view_class = ReportChosenView
    chosen_multiple_view_class = ReportChosenMultipleView
    create_view_class = ReportChooserCreateView


class ReportViewSet(snippet_views.SnippetViewSet):
    model = Report
    icon = "doc-full"
    url_namespace = "deliberation_report"
    url_prefix = "deliberation/reports"
    menu_label = gettext_lazy("Reports")
    menu_order = 100
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 30
    filterset_class = ReportFilterSet
    search_fields = ["title", "summary"]
    search_backend_name = None

    index_view_class = ReportIndexView
    add_view_class = ReportCreateView
    edit_view_class = ReportEditView
    history_view_class = ReportHistoryView
    usage_view_class = ReportUsageView
    inspect_view_class = ReportDetailView
    revisions_compare_view_class = ReportCompareView
    lock_view_class = ReportLockView
    unlock_view_class = ReportUnlockView
    chooser_viewset_class = ReportChooserViewSet
    edit_template_name = "deliberation/admin/report_edit.html"
    inspect_template_name = "deliberation/admin/report_detail.html"

    edit_handler = ObjectList(
        [
            FieldPanel("group"),
            FieldPanel("title"),
            FieldPanel("summary"),
            MultiFieldPanel(
                [FieldPanel(name) for name in SECTION_FIELDS],
                heading=gettext_lazy("Sections"),
            ),
            FieldPanel("topics"),
            FieldPanel("attachments"),
        ],
        base_form_class=ReportForm,
    )

    @cached_property
    def list_display(self):
        return [
            "title",
            "group",
            StatusTagColumn(
                "get_status_display",
                label=_("Status"),
                sort_key="status",
                primary=lambda report: report.status == ReportStatus.APPROVED,
            ),
            DateColumn("status_changed_at", label=_("Status since"), sort_key="status_changed_at"),
            UpdatedAtColumn(),
        ]

    def get_queryset(self, request):
        return _visible(request).select_related("group", "latest_revision")

    @property
    def revisions_revert_view(self):
        # Restoring goes through services.report_restore, from a confirmation page,
        # instead of Wagtail's "edit the old version" form.
        return self.construct_view(
            ReportRestoreView,
            index_url_name=self.get_url_name("list"),
            edit_url_name=self.get_url_name("edit"),
            history_url_name=self.get_url_name("history"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "compare/<int:pk>/",
                ReportCompareRedirectView.as_view(),
                name="compare_any",
            ),
        ]
