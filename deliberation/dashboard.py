"""The "waiting for me" (Bekleyenler) panel on the admin dashboard.

Each list is one query whatever its length (select_related, a subquery for the last
timeline entry), plus one count.
"""

from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from . import permissions
from .models import JoinRequest, JoinRequestStatus, Report, ReportAction, ReportEvent, ReportStatus

LIMIT = 10


@dataclass
class WaitingItem:
    title: str
    url: str
    detail: str = ""
    since: object = None


@dataclass
class WaitingList:
    heading: str
    items: list[WaitingItem] = field(default_factory=list)
    total: int = 0
    more_url: str = ""

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def _report_item(report, detail="") -> WaitingItem:
    return WaitingItem(
        title=report.title,
        url=reverse("deliberation_report:inspect", args=[quote(report.pk)]),
        detail=detail or report.group.name,
        since=report.status_changed_at,
    )


def _request_item(join_request) -> WaitingItem:
    person = join_request.person
    return WaitingItem(
        title=person.get_full_name() or person.get_username(),
        url=reverse("deliberation_joinrequest:edit", args=[quote(join_request.pk)]),
        detail=join_request.organ.name,
        since=join_request.created_at,
    )


def _reports_list(heading, queryset, detail=None, more_url="") -> WaitingList:
    reports = list(queryset.select_related("group")[:LIMIT])
    total = len(reports) if len(reports) < LIMIT else queryset.count()
    return WaitingList(
        heading=heading,
        items=[_report_item(report, detail(report) if detail else "") for report in reports],
        total=total,
        more_url=more_url,
    )


def _requests_list(queryset) -> WaitingList:
    join_requests = list(queryset.select_related("organ", "person").order_by("created_at")[:LIMIT])
    total = len(join_requests) if len(join_requests) < LIMIT else queryset.count()
    return WaitingList(
        heading=_("Requests to join waiting for an answer"),
        items=[_request_item(join_request) for join_request in join_requests],
        total=total,
        more_url=reverse("deliberation_joinrequest:index"),
    )


def returned_drafts(group_ids):
    """Drafts of these groups whose last timeline entry is a return by a reviewing organ."""
    last = ReportEvent.objects.filter(report=OuterRef("pk")).order_by("-at", "-pk")
    return (
        Report.objects.filter(group_id__in=group_ids, status=ReportStatus.DRAFT)
        .annotate(
            last_action=Subquery(last.values("action")[:1]),
            last_note=Subquery(last.values("note")[:1]),
        )
        .filter(last_action=ReportAction.RETURN)
        .order_by("-status_changed_at")
    )


def waiting_for(user) -> list[WaitingList]:
    """What is waiting for this user's action, by role; empty lists are left out."""
    lists = []
    reports_url = reverse("deliberation_report:list")
    secretariat = permissions.is_secretariat(user)
    led = permissions.led_group_ids(user)
    groups = permissions.group_ids(user)

    if secretariat:
        in_review = Report.objects.filter(
            status__in=[ReportStatus.BOARD_REVIEW, ReportStatus.ASSEMBLY_REVIEW]
        ).order_by("status_changed_at")
        lists.append(
            _reports_list(
                _("Reports awaiting a decision of the Executive Board or the General Assembly"),
                in_review,
                detail=lambda report: f"{report.group.name} · {report.get_status_display()}",
                more_url=reports_url,
            )
        )
    if led:
        adopted = Report.objects.filter(
            group_id__in=led, status=ReportStatus.GROUP_ADOPTED
        ).order_by("status_changed_at")
        lists.append(
            _reports_list(
                _("Reports your group adopted, to submit to the Executive Board"),
                adopted,
                more_url=f"{reports_url}?status={ReportStatus.GROUP_ADOPTED}",
            )
        )
    if groups:
        lists.append(
            _reports_list(
                _("Reports returned to your group for reconsideration"),
                returned_drafts(groups),
                detail=lambda report: report.last_note or report.group.name,
            )
        )
    if secretariat or led:
        pending = JoinRequest.objects.filter(status=JoinRequestStatus.PENDING)
        if not secretariat:
            pending = pending.filter(organ_id__in=led)
        lists.append(_requests_list(pending))
    return [waiting for waiting in lists if waiting.total]


class WaitingForMePanel(Component):
    name = "deliberation_waiting_for_me"
    template_name = "deliberation/admin/dashboard_waiting.html"
    order = 50  # above Wagtail's own panels

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        has_role = (
            permissions.is_secretariat(user)
            or permissions.group_ids(user)
            or permissions.led_group_ids(user)
            or permissions.is_reviewer(user)
        )
        return {
            "request": request,
            "has_role": bool(has_role),
            "lists": waiting_for(user) if has_role else [],
        }
