"""The deliberation part of load_demo: organs, people, reports in every state, logins.

The demo is loaded once per class (setUpTestData); each test runs in its own savepoint.
"""

from io import StringIO

from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory, TestCase
from wagtail.models import ModelLogEntry, Revision

from deliberation.access import SECRETARIAT_GROUP
from deliberation.demo import (
    ACCESSIBILITY_V3,
    LOGINS,
    PUBLIC_SPACE_V3,
    RENEWAL_V2,
    SAFE_CITY_V2,
)
from deliberation.models import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionKind,
    DeliberationSettings,
    JoinRequest,
    JoinRequestStatus,
    Meeting,
    Membership,
    Organ,
    OrganKind,
    Report,
    ReportAction,
    ReportComment,
    ReportEvent,
    ReportStatus,
    Role,
    Topic,
    Vote,
)
from deliberation.signals import MEMBERS_GROUP
from motions.models import AssemblyMeeting, Motion, MotionEvent, PublicHoliday

COUNTED = [
    get_user_model(),
    Organ,
    Membership,
    Topic,
    JoinRequest,
    Report,
    ReportEvent,
    ReportComment,
    Revision,
    Meeting,
    AgendaItem,
    Attendance,
    Decision,
    Vote,
    ModelLogEntry,
    Motion,
    MotionEvent,
    AssemblyMeeting,
    PublicHoliday,
]


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", force=True, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in COUNTED}


class DeliberationDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = load_demo()
        cls.counts = counts()

    def report(self, title: str) -> Report:
        return Report.objects.get(title=title)

    def test_running_twice_changes_nothing(self):
        second = load_demo()

        assert counts() == self.counts
        assert "hiçbir şey değişmedi" in second
        assert self.counts["deliberation.Report"] == 4
        assert self.counts["deliberation.Meeting"] == 3
        assert self.counts["deliberation.Decision"] == 5

    def test_organs_with_their_members(self):
        organs = {organ.name: organ for organ in Organ.objects.all()}

        assert set(organs) == {
            "Genel Kurul",
            "Yürütme Kurulu",
            "Kadın Meclisi",
            "Gençlik Meclisi",
            "Engelli Meclisi",
            "Kent ve Kentli Hakkı Çalışma Grubu",
            "Engelsiz Yaşam Çalışma Grubu",
        }
        assert organs["Genel Kurul"].kind == OrganKind.GENERAL_ASSEMBLY
        assert organs["Genel Kurul"].member_count_on() == 42
        assert organs["Yürütme Kurulu"].member_count_on() == 9
        for name in ("Kadın Meclisi", "Gençlik Meclisi", "Engelli Meclisi"):
            assert organs[name].kind == OrganKind.ASSEMBLY
            assert 3 <= organs[name].member_count_on() <= 6
        for name in ("Kent ve Kentli Hakkı Çalışma Grubu", "Engelsiz Yaşam Çalışma Grubu"):
            group = organs[name]
            assert group.is_working_group and group.accepts_join_requests
            roles = set(group.memberships.current().values_list("role", flat=True))
            assert roles == {Role.CHAIR, Role.DEPUTY_CHAIR, Role.RAPPORTEUR, Role.MEMBER}
        assert not organs["Genel Kurul"].accepts_join_requests

        memberships = Membership.objects.all()
        assert memberships.filter(show_publicly=False).exists()
        assert memberships.filter(show_publicly=True).exists()
        represented = set(memberships.values_list("represents", flat=True))
        assert {"İzmir Barosu", "365 Gün Engelliyiz Platformu"} <= represented
        for person in get_user_model().objects.exclude(username__in=["admin", "editor"]):
            assert person.email.endswith("@ornek-kentkonseyi.example"), person.username

    def test_settings_and_topics(self):
        config = DeliberationSettings.load()
        assert config.secretariat_email == "sekreterya@ornek-kentkonseyi.example"
        assert not config.board_is_final()
        assert {"Kent Hakkı", "Erişilebilirlik", "Ulaşım", "Yeşil Alan"} <= set(
            Topic.objects.values_list("name", flat=True)
        )

    def test_approved_report_with_its_two_decisions(self):
        report = self.report(PUBLIC_SPACE_V3.title)
        member = get_user_model().objects.get(username="uye")
        chair = get_user_model().objects.get(username="baskan")

        assert report.status == ReportStatus.APPROVED
        assert report.approved_revision_id is not None
        assert report.approved_version().title == PUBLIC_SPACE_V3.title
        assert report.revisions.filter(user=member).count() >= 3  # drafted, revised twice
        events = list(report.events.order_by("at", "pk"))
        actions = [event.action for event in events]
        assert actions == [
            ReportAction.CREATE,
            ReportAction.EDIT,
            ReportAction.EDIT,
            ReportAction.ADOPT,
            ReportAction.SUBMIT,
            ReportAction.FORWARD,
            ReportAction.APPROVE,
            # The motions demo then sends it to the municipal assembly.
            ReportAction.SUBMIT_TO_ASSEMBLY,
        ]
        assert {event.actor for event in events[3:5]} == {chair}
        assert [event.at.year for event in events] == [2026] * len(events)

        opinion, approval = (event.decision for event in events[5:7])
        assert opinion.organ.kind == OrganKind.EXECUTIVE_BOARD
        assert opinion.kind == DecisionKind.OPINION
        assert (opinion.members, opinion.present) == (9, 9)
        assert (opinion.yes, opinion.no, opinion.abstain) == (7, 1, 1)
        assert opinion.votes.count() == 9
        assert approval.organ.kind == OrganKind.GENERAL_ASSEMBLY
        assert approval.kind == DecisionKind.APPROVE
        assert (approval.members, approval.present) == (42, 30)
        assert approval.yes >= approval.present // 2 + 1
        for decision in (opinion, approval):
            assert decision.adopted
            assert decision.reference.startswith("2026/")
            meeting = decision.agenda_item.meeting
            assert meeting.minutes_published
            assert decision.reference in meeting.minutes
            assert meeting.starts_at.year == 2026
        assert report.approved_on == approval.decided_on
        assert ModelLogEntry.objects.filter(
            action="deliberation.report.approve", object_id=str(report.pk)
        ).exists()

    def test_returned_report_is_back_in_draft_with_the_reasons(self):
        report = self.report(ACCESSIBILITY_V3.title)
        returned = report.events.get(action=ReportAction.RETURN)

        assert report.status == ReportStatus.DRAFT
        assert returned.decision.kind == DecisionKind.RETURN
        assert returned.decision.organ.kind == OrganKind.EXECUTIVE_BOARD
        assert "iade" in returned.note and "maliyet" in returned.note
        # The group answered with a new version; the returned one stays in the history.
        assert report.events.filter(action=ReportAction.EDIT, at__gt=returned.at).exists()
        assert report.latest_revision_id != returned.revision_id
        assert report.revisions.filter(pk=returned.revision_id).exists()

    def test_a_draft_and_a_report_waiting_for_the_board(self):
        draft = self.report(RENEWAL_V2.title)
        waiting = self.report(SAFE_CITY_V2.title)

        assert draft.status == ReportStatus.DRAFT
        assert draft.comments.exists()
        assert waiting.status == ReportStatus.BOARD_REVIEW
        upcoming = AgendaItem.objects.get(report=waiting).meeting
        assert upcoming.organ.kind == OrganKind.EXECUTIVE_BOARD
        assert upcoming in Meeting.objects.upcoming()

    def test_join_requests_one_accepted_one_waiting(self):
        requests = JoinRequest.objects.filter(organ__slug="kent-ve-kentli-hakki-calisma-grubu")

        assert set(requests.values_list("status", flat=True)) == {
            JoinRequestStatus.ACCEPTED,
            JoinRequestStatus.PENDING,
        }
        accepted = requests.get(status=JoinRequestStatus.ACCEPTED)
        assert Membership.objects.filter(organ=accepted.organ, person=accepted.person).exists()

    def test_demo_logins_authenticate_and_reach_the_admin(self):
        for spec in LOGINS:
            assert f"kullanıcı: {spec['username']}  parola: {spec['password']}" in self.output
            # django-axes, the first backend, needs the request a login form would pass.
            request = RequestFactory().post("/admin/login/")
            user = authenticate(request, username=spec["username"], password=spec["password"])
            assert user is not None, spec["username"]
            assert user.email == f"{spec['username']}@ornek-kentkonseyi.example"
            assert user.has_perm("wagtailadmin.access_admin"), spec["username"]
            self.client.force_login(user)
            assert self.client.get("/admin/").status_code == 200, spec["username"]

        secretariat = get_user_model().objects.get(username="sekreterya")
        assert secretariat.groups.filter(name=SECRETARIAT_GROUP).exists()
        members = Group.objects.get(name=MEMBERS_GROUP)
        for username in ("uye", "baskan", "kurul"):
            assert members.user_set.filter(username=username).exists()
        chair = get_user_model().objects.get(username="baskan")
        assert Membership.objects.filter(person=chair, role=Role.CHAIR).exists()
        board_member = get_user_model().objects.get(username="kurul")
        assert Membership.objects.filter(
            person=board_member, organ__kind=OrganKind.EXECUTIVE_BOARD
        ).exists()

    def test_public_pages_show_the_approved_report_only(self):
        approved = self.report(PUBLIC_SPACE_V3.title)
        returned = self.report(ACCESSIBILITY_V3.title)
        draft = self.report(RENEWAL_V2.title)

        index = self.client.get("/organlar/")
        assert index.status_code == 200
        assert "Kent ve Kentli Hakkı Çalışma Grubu" in index.content.decode()

        group_page = self.client.get("/organlar/kent-ve-kentli-hakki-calisma-grubu/")
        text = group_page.content.decode()
        assert group_page.status_code == 200
        assert "Elif Arslan" in text  # consented
        assert "Derya Yalçın" not in text  # did not
        assert "uye@ornek-kentkonseyi.example" not in text

        page = self.client.get(f"/organlar/kent-ve-kentli-hakki-calisma-grubu/rapor/{approved.pk}/")
        text = page.content.decode()
        assert page.status_code == 200
        assert approved.title in text
        for decision in Decision.objects.filter(kind__in=[DecisionKind.OPINION, "approve"]):
            assert decision.reference in text
        for report, slug in ((returned, "engelsiz-yasam"), (draft, "kent-ve-kentli-hakki")):
            url = f"/organlar/{slug}-calisma-grubu/rapor/{report.pk}/"
            assert self.client.get(url).status_code == 404, url
