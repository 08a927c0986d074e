"""Public pages of the council's organs: members, meetings, minutes and approved reports.

Editors place and describe an organ's page; what the page lists comes from the
deliberation records. Only what is public ever leaves this module: members who
consented (never their e-mail), published minutes and approved reports in the text
as approved. Anything else is a 404 for everyone, signed in or not.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from deliberation import access
from deliberation.accounts import JoinRequestForm
from deliberation.errors import DeliberationError
from deliberation.models import (
    TRANSITIONS,
    AgendaItem,
    DecisionKind,
    JoinRequest,
    JoinRequestStatus,
    OrganKind,
    ReportEvent,
    Role,
)
from deliberation.services import join_request_create
from shared import limits
from shared.text import turkish_sort_key

from .mixins import BasePage

PAST_MEETINGS_SHOWN = 10
MEETINGS_PER_PAGE = 20
ROLE_ORDER = [Role.CHAIR, Role.DEPUTY_CHAIR, Role.RAPPORTEUR, Role.MEMBER]
KIND_ORDER = [
    OrganKind.GENERAL_ASSEMBLY,
    OrganKind.EXECUTIVE_BOARD,
    OrganKind.ASSEMBLY,
    OrganKind.WORKING_GROUP,
]
# The moves of the report's path appear on its public timeline; saved versions,
# restores and comments never do.
PUBLIC_REPORT_ACTIONS = tuple(TRANSITIONS)
PUBLIC_DECISION_TEXT = (DecisionKind.OPINION, DecisionKind.APPROVE)


@dataclass(frozen=True)
class PublicMember:
    """What the public page may show of a member: never the e-mail or user name."""

    name: str
    role: str
    represents: str


@dataclass(frozen=True)
class PublicReport:
    """An approved report in a list, with its title and summary as approved."""

    pk: int
    title: str
    summary: str
    approved_on: date | None
    group: str
    url: str


@dataclass(frozen=True)
class JoinState:
    """Where the person looking at a working group's page stands with it."""

    signed_in: bool
    is_member: bool = False
    pending: JoinRequest | None = None


def approved_reports():
    """Approved reports with what their public lists show fetched up front."""
    return access.public_reports().select_related("approved_revision", "group")


class OrganIndexPage(BasePage):
    intro = models.TextField(_("intro"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["cms.OrganPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organs index")

    def intro_text(self) -> str:
        return self.intro

    def organ_groups(self) -> list[tuple[str, list["OrganPage"]]]:
        """The organs' pages under their kind, in the council's order, names sorted in Turkish."""
        pages = OrganPage.objects.live().public().child_of(self).select_related("organ")
        groups: dict[str, list[OrganPage]] = {kind: [] for kind in KIND_ORDER}
        for organ_page in pages:
            groups.setdefault(organ_page.organ.kind, []).append(organ_page)
        return [
            (OrganKind(kind).label, sorted(items, key=lambda p: turkish_sort_key(p.title)))
            for kind, items in groups.items()
            if items
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organ_groups"] = self.organ_groups()
        return context


class OrganPage(RoutablePageMixin, BasePage):
    organ = models.ForeignKey(
        "deliberation.Organ",
        verbose_name=_("organ"),
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_("Members, meetings, minutes and approved reports are shown from its records."),
    )
    intro = models.TextField(_("intro"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("organ"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("organ_text"),
        index.FilterField("organ"),
    ]
    parent_page_types = ["cms.OrganIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("organ page")
        verbose_name_plural = _("organ pages")

    def clean(self):
        super().clean()
        # One page per organ and language: a unique key on the organ alone would
        # stop the page from being translated.
        clash = (
            OrganPage.objects.filter(organ_id=self.organ_id, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        )
        if self.organ_id and clash:
            raise ValidationError(
                {"organ": gettext("This organ already has a page in this language.")}
            )

    def intro_text(self) -> str:
        return self.intro or (self.organ.purpose if self.organ_id else "")

    def organ_text(self) -> str:
        """The organ's name and purpose, searchable with the page."""
        return f"{self.organ.name} {self.organ.purpose}" if self.organ_id else ""

    # --- What the page shows -----------------------------------------------------------

    def public_members(self) -> list[PublicMember]:
        """Current members who agreed to be shown, chair first, names in Turkish order."""
        memberships = access.public_memberships(self.organ_id).select_related("person")
        members = [
            PublicMember(
                name=membership.person.get_full_name().strip(),
                role=membership.get_role_display(),
                represents=membership.represents,
            )
            for membership in sorted(
                memberships,
                key=lambda m: (
                    ROLE_ORDER.index(m.role) if m.role in ROLE_ORDER else len(ROLE_ORDER),
                    turkish_sort_key(m.person.get_full_name()),
                ),
            )
        ]
        # Without a name there is nothing to show but the user name, which is an e-mail.
        return [member for member in members if member.name]

    def upcoming_meetings(self):
        return self.organ.meetings.upcoming()

    def past_meetings(self):
        return self.organ.meetings.past()

    def organ_page_urls(self, organ_ids, request=None) -> dict[int, str]:
        """URLs of the live, public pages of these organs, preferring this page's language."""
        urls: dict[int, str] = {}
        pages = OrganPage.objects.live().public().filter(organ_id__in=set(organ_ids)).order_by("pk")
        for organ_page in pages:
            if organ_page.organ_id not in urls or organ_page.locale_id == self.locale_id:
                url = organ_page.get_url(request)
                if url:
                    urls[organ_page.organ_id] = url
        return urls

    def subpage_url(self, page_url: str, name: str, pk: int) -> str:
        """The URL of a sub-route (``report``, ``meeting``) of the organ page at ``page_url``."""
        routed = self.reverse_subpage(name, args=[pk])
        return (page_url if page_url.endswith("/") else page_url + "/") + routed

    def public_reports(self, request=None) -> list[PublicReport]:
        """Approved reports: those a group wrote, or those a reviewing organ decided on."""
        organ = self.organ
        if organ.writes_reports:
            reports = approved_reports().filter(group=organ)
        else:
            reports = approved_reports().filter(
                pk__in=ReportEvent.objects.filter(decision__organ=organ).values("report_id")
            )
        reports = list(reports.order_by("-approved_on", "-pk"))
        urls = self.organ_page_urls({report.group_id for report in reports}, request)
        result = []
        for report in reports:
            approved = report.approved_revision.content
            page_url = urls.get(report.group_id)
            result.append(
                PublicReport(
                    pk=report.pk,
                    title=approved.get("title") or report.title,
                    summary=approved.get("summary") or "",
                    approved_on=report.approved_on,
                    group=report.group.name,
                    url=self.subpage_url(page_url, "report", report.pk) if page_url else "",
                )
            )
        return result

    def takes_join_requests(self) -> bool:
        organ = self.organ
        return organ.is_active and organ.is_working_group and organ.accepts_join_requests

    def join_state(self, request) -> JoinState | None:
        if not self.takes_join_requests():
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return JoinState(signed_in=False)
        if access.is_member_of(user, self.organ_id):
            return JoinState(signed_in=True, is_member=True)
        pending = JoinRequest.objects.filter(
            organ_id=self.organ_id, person=user, status=JoinRequestStatus.PENDING
        ).first()
        return JoinState(signed_in=True, pending=pending)

    def overview_context(self, request, *, join_form=None) -> dict:
        past = list(self.past_meetings()[: PAST_MEETINGS_SHOWN + 1])
        join = self.join_state(request)
        if join is not None and join.signed_in and join_form is None:
            join_form = JoinRequestForm()
        return {
            "organ": self.organ,
            "members": self.public_members(),
            "member_count": self.organ.member_count_on(),
            "upcoming_meetings": list(self.upcoming_meetings()),
            "past_meetings": past[:PAST_MEETINGS_SHOWN],
            "more_past_meetings": len(past) > PAST_MEETINGS_SHOWN,
            "reports": self.public_reports(request),
            "join": join,
            "join_form": join_form,
        }

    # --- Routes --------------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=self.overview_context(request))

    @path("katil/", name="join")
    def join_route(self, request):
        """Ask to join the working group; errors are shown on the page with the input kept."""
        if not self.takes_join_requests():
            raise Http404
        page_url = self.get_url(request)
        if request.method != "POST":
            return redirect(page_url + "#katil")
        if not request.user.is_authenticated:
            return redirect_to_login(page_url, reverse("accounts:login"))
        form = JoinRequestForm(request.POST)
        # Limited per client and per account (its e-mail address): each request mails
        # the group's chair.
        if limits.over_limit(request, form, "join_request", email=request.user.email):
            response = self.render(
                request, context_overrides=self.overview_context(request, join_form=form)
            )
            response.status_code = 429
            return response
        if form.is_valid():
            try:
                join_request_create(
                    person=request.user, organ_id=self.organ_id, **form.cleaned_data
                )
            except DeliberationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    gettext(
                        "Your request to join %(organ)s was sent. The group's chair or the "
                        "secretariat will answer you by e-mail."
                    )
                    % {"organ": self.organ.name},
                )
                return redirect(page_url + "#katil")
        return self.render(
            request, context_overrides=self.overview_context(request, join_form=form)
        )

    @path("toplantilar/", name="meetings")
    def meetings_route(self, request):
        meetings = Paginator(self.past_meetings(), MEETINGS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return self.render(
            request,
            template="deliberation/public/meeting_list.html",
            context_overrides={"organ": self.organ, "meetings": meetings},
        )

    @path("toplanti/<int:pk>/", name="meeting")
    def meeting_route(self, request, pk: int):
        """A meeting's minutes, once the secretariat has published them; else 404."""
        meeting = get_object_or_404(
            access.published_meetings()
            .filter(organ_id=self.organ_id)
            .prefetch_related("minutes_attachments"),
            pk=pk,
        )
        items = list(
            AgendaItem.objects.filter(meeting=meeting)
            .select_related("decision", "report")
            .order_by("position", "pk")
        )
        approved_ids = set(
            approved_reports()
            .filter(pk__in=[item.report_id for item in items if item.report_id])
            .values_list("pk", flat=True)
        )
        urls = self.organ_page_urls(
            {item.report.group_id for item in items if item.report_id in approved_ids}, request
        )
        agenda = []
        for item in items:
            report_url = ""
            if item.report_id in approved_ids and item.report.group_id in urls:
                report_url = self.subpage_url(urls[item.report.group_id], "report", item.report_id)
            decision = getattr(item, "decision", None)
            agenda.append({"item": item, "decision": decision, "report_url": report_url})
        return self.render(
            request,
            template="deliberation/public/meeting_minutes.html",
            context_overrides={
                "organ": self.organ,
                "meeting": meeting,
                "agenda": agenda,
                "attachments": list(meeting.minutes_attachments.all()),
            },
        )

    @path("rapor/<int:pk>/", name="report")
    def report_route(self, request, pk: int):
        """An approved report in the text as approved, with its approval record."""
        report = get_object_or_404(approved_reports().filter(group_id=self.organ_id), pk=pk)
        version = report.approved_version()
        events = list(
            ReportEvent.objects.filter(report=report, action__in=PUBLIC_REPORT_ACTIONS)
            .select_related("decision__organ", "decision__agenda_item__meeting")
            .order_by("at", "pk")
        )
        decisions = [event.decision for event in events if event.decision_id]
        urls = self.organ_page_urls({decision.organ_id for decision in decisions}, request)
        record = []
        for decision in decisions:
            meeting = decision.agenda_item.meeting
            minutes_url = ""
            if meeting.minutes_published and decision.organ_id in urls:
                minutes_url = self.subpage_url(urls[decision.organ_id], "meeting", meeting.pk)
            record.append(
                {
                    "decision": decision,
                    "meeting": meeting,
                    "minutes_url": minutes_url,
                    # The opinion and the approval are the text that goes on with the
                    # report; a return's reasons concern a draft and stay in the minutes.
                    "show_text": bool(decision.text) and decision.kind in PUBLIC_DECISION_TEXT,
                }
            )
        return self.render(
            request,
            template="deliberation/public/report_detail.html",
            context_overrides={
                "organ": self.organ,
                "report": report,
                "version": version,
                "topics": list(version.topics.all()),
                "attachments": list(version.attachments.all()),
                "approval_record": record,
                "timeline": events,
            },
        )

    def get_sitemap_urls(self, request=None):
        """The page, its approved reports and its published minutes; nothing else."""
        urls = super().get_sitemap_urls(request)
        base = urls[0]["location"] if urls else None
        if not base:
            return urls
        for pk, lastmod in (
            approved_reports()
            .filter(group_id=self.organ_id)
            .values_list("pk", "approved_revision__created_at")
        ):
            urls.append({"location": self.subpage_url(base, "report", pk), "lastmod": lastmod})
        for pk, lastmod in (
            access.published_meetings()
            .filter(organ_id=self.organ_id)
            .values_list("pk", "minutes_published_at")
        ):
            urls.append({"location": self.subpage_url(base, "meeting", pk), "lastmod": lastmod})
        return urls
