"""The "waiting for me" (Bekleyenler) panel on the admin dashboard.

Each user sees what waits for them, by role: members their group's drafts and returned
reports; chairs and deputies adopted reports to submit and requests to join; members of
the Executive Board or the General Assembly the reports before their organ and its
coming meetings; the secretariat reports in review with no meeting, meetings still to be
recorded and approved reports still to be submitted. Each list is one query whatever its
length (select_related, subqueries, one prefetch for the agendas), plus one count.
"""

from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from . import access
from .models import (
    REVIEWING_ORGAN,
    AgendaItem,
    Attendance,
    JoinRequest,
    JoinRequestStatus,
    Meeting,
    OrganKind,
    Report,
    ReportAction,
    ReportEvent,
    ReportStatus,
)
from .people import display_name

LIMIT = 10


@dataclass
class WaitingItem:
    title: str
    url: str = ""  # empty: shown as text (e.g. a meeting, whose page is the secretariat's)
    detail: str = ""
    since: object = None  # when it started waiting, shown as "3 days ago"
    when: object = None  # when it will happen (a meeting), shown as a date
    links: list[tuple[str, str]] = field(default_factory=list)  # e.g. the agenda's reports


@dataclass
class WaitingList:
    heading: str
    items: list[WaitingItem] = field(default_factory=list)
    total: int = 0
    more_url: str = ""

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def _report_url(report) -> str:
    return reverse("deliberation_report:inspect", args=[quote(report.pk)])


def _meeting_url(meeting) -> str:
    return reverse("deliberation_meeting:inspect", args=[quote(meeting.pk)])


def _report_item(report, detail="") -> WaitingItem:
    return WaitingItem(
        title=report.title,
        url=_report_url(report),
        detail=detail or report.group.name,
        since=report.status_changed_at,
    )


def _request_item(join_request) -> WaitingItem:
    return WaitingItem(
        title=display_name(join_request.person),
        url=reverse("deliberation_joinrequest:edit", args=[quote(join_request.pk)]),
        detail=join_request.organ.name,
        since=join_request.created_at,
    )


def _waiting_list(heading, queryset, to_item, more_url="") -> WaitingList:
    rows = list(queryset[:LIMIT])
    total = len(rows) if len(rows) < LIMIT else queryset.count()
    return WaitingList(
        heading=heading, items=[to_item(row) for row in rows], total=total, more_url=more_url
    )


def _reports_list(heading, queryset, detail=None, more_url="", url=None) -> WaitingList:
    def to_item(report):
        item = _report_item(report, detail(report) if detail else "")
        if url:
            item.url = url(report)
        return item

    return _waiting_list(heading, queryset.select_related("group"), to_item, more_url)


def _requests_list(queryset) -> WaitingList:
    return _waiting_list(
        _("Requests to join waiting for an answer"),
        queryset.select_related("organ", "person").order_by("created_at"),
        _request_item,
        more_url=reverse("deliberation_joinrequest:index"),
    )


def _with_last_event(queryset):
    last = ReportEvent.objects.filter(report=OuterRef("pk")).order_by("-at", "-pk")
    return queryset.annotate(
        last_action=Subquery(last.values("action")[:1]),
        last_note=Subquery(last.values("note")[:1]),
    )


def returned_drafts(group_ids):
    """Drafts of these groups whose last timeline entry is a return by a reviewing organ."""
    return (
        _with_last_event(Report.objects.filter(group_id__in=group_ids, status=ReportStatus.DRAFT))
        .filter(last_action=ReportAction.RETURN)
        .order_by("-status_changed_at")
    )


def group_drafts(group_ids):
    """The groups' other drafts, being written (the returned ones have their own list)."""
    return (
        _with_last_event(Report.objects.filter(group_id__in=group_ids, status=ReportStatus.DRAFT))
        # A draft with no timeline entry yet has a NULL last action: it is a draft too.
        .filter(Q(last_action__isnull=True) | ~Q(last_action=ReportAction.RETURN))
        .order_by("-status_changed_at")
    )


def _scheduled(kind: str):
    """An undecided agenda item of a meeting of this kind of organ names the report."""
    return Exists(
        AgendaItem.objects.filter(
            report=OuterRef("pk"), meeting__organ__kind=kind, decision__isnull=True
        )
    )


def in_review_without_meeting():
    """Reports before a reviewing organ that no meeting of that organ has on its agenda.

    An item of a meeting held but not yet decided counts as scheduled: that meeting
    is in meetings_to_complete.
    """
    condition = Q(pk__in=[])
    for status, kind in REVIEWING_ORGAN.items():
        condition |= Q(status=status) & ~_scheduled(kind)
    return Report.objects.filter(condition).order_by("status_changed_at")


def meetings_to_complete():
    """Meetings held whose attendance, decisions or published minutes are missing."""
    return (
        Meeting.objects.filter(starts_at__lt=timezone.now())
        .annotate(
            attended=Exists(Attendance.objects.filter(meeting=OuterRef("pk"))),
            undecided=Count("agenda_items", filter=Q(agenda_items__decision__isnull=True)),
        )
        .filter(Q(attended=False) | Q(undecided__gt=0) | Q(minutes_published_at__isnull=True))
        .select_related("organ")
        .order_by("starts_at", "pk")
    )


def approved_not_submitted():
    """Approved reports that did not go to the municipal assembly as a motion yet."""
    return Report.objects.approved().filter(motion__isnull=True).order_by("approved_on", "pk")


def upcoming_meetings(organ_ids):
    """The organs' coming meetings, with the reports on their agendas (one prefetch)."""
    agenda_reports = (
        AgendaItem.objects.filter(report__isnull=False)
        .select_related("report")
        .order_by("position", "pk")
    )
    return (
        Meeting.objects.upcoming()
        .filter(organ_id__in=organ_ids)
        .select_related("organ")
        .prefetch_related(Prefetch("agenda_items", agenda_reports, to_attr="report_items"))
    )


def _meeting_work(meeting) -> str:
    missing = []
    if not meeting.attended:
        missing.append(_("attendance not recorded"))
    if meeting.undecided:
        missing.append(
            ngettext(
                "%(count)s agenda item without a decision",
                "%(count)s agenda items without a decision",
                meeting.undecided,
            )
            % {"count": meeting.undecided}
        )
    if not meeting.minutes_published:
        missing.append(_("minutes not published"))
    return " · ".join(missing)


def _upcoming_meeting_item(meeting) -> WaitingItem:
    reports = [item.report for item in meeting.report_items]
    return WaitingItem(
        title=str(meeting.organ),
        detail=meeting.place,
        when=meeting.starts_at,
        links=[(report.title, _report_url(report)) for report in reports],
    )


def waiting_for(user) -> list[WaitingList]:
    """What is waiting for this user's action, by role; empty lists are left out."""
    lists = []
    reports_url = reverse("deliberation_report:list")
    secretariat = access.is_secretariat(user)
    led = access.led_group_ids(user)
    groups = access.group_ids(user)
    reviewing = access.reviewing_organs(user)

    if groups:
        lists.append(
            _reports_list(
                _("Reports returned to your group for reconsideration"),
                returned_drafts(groups),
                detail=lambda report: report.last_note or report.group.name,
            )
        )
        lists.append(
            _reports_list(
                _("Drafts of your groups"),
                group_drafts(groups),
                more_url=f"{reports_url}?status={ReportStatus.DRAFT}",
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
    if reviewing:
        kinds = set(reviewing.values())
        statuses = [status for status, kind in REVIEWING_ORGAN.items() if kind in kinds]
        before_organ = (
            access.visible_reports(user).filter(status__in=statuses).order_by("status_changed_at")
        )
        heading = (
            _("Reports before the Executive Board")
            if kinds == {OrganKind.EXECUTIVE_BOARD}
            else _("Reports before the General Assembly")
            if kinds == {OrganKind.GENERAL_ASSEMBLY}
            else _("Reports before the Executive Board or the General Assembly")
        )
        lists.append(_reports_list(heading, before_organ))
        lists.append(
            _waiting_list(
                _("Coming meetings of your organ"),
                upcoming_meetings(reviewing),
                _upcoming_meeting_item,
            )
        )
    if secretariat:
        lists.append(
            _reports_list(
                _("Reports under review with no meeting to decide on them"),
                in_review_without_meeting(),
                detail=lambda report: f"{report.group.name} · {report.get_status_display()}",
                more_url=reports_url,
            )
        )
        lists.append(
            _waiting_list(
                _("Meetings to complete: attendance, decisions or minutes"),
                meetings_to_complete(),
                lambda meeting: WaitingItem(
                    title=str(meeting),
                    url=_meeting_url(meeting),
                    detail=_meeting_work(meeting),
                    since=meeting.starts_at,
                ),
                more_url=reverse("deliberation_meeting:index"),
            )
        )
        lists.append(
            _reports_list(
                _("Approved reports not yet submitted to the municipal assembly"),
                approved_not_submitted(),
                url=lambda report: reverse("motions_submit:submit", args=[report.pk]),
                more_url=reverse("motions_submit:index"),
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
            access.is_secretariat(user)
            or access.group_ids(user)
            or access.led_group_ids(user)
            or access.is_reviewer(user)
        )
        return {
            "request": request,
            "has_role": bool(has_role),
            "lists": waiting_for(user) if has_role else [],
        }
