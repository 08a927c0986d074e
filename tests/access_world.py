"""One council with every role and every object in every state, for the leak matrix.

Each object carries distinctive strings ("tokens") that a channel either shows or must
not show: a report's title, a comment on it and a text that only an older version holds;
minutes; people's names and e-mail addresses; join requests; motions and their events.
Everything is made through the services, as the people of the council make it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.base import ContentFile

from cms.models import CouncilDocument, DocumentKind, OrganIndexPage, OrganPage
from deliberation import access, services
from deliberation.files import private_collection
from deliberation.models import (
    DecisionKind,
    JoinRequest,
    Meeting,
    Organ,
    Report,
    ReportStatus,
    Role,
    Topic,
)
from motions import subscriptions
from motions.models import AlertScope, EventKind, Motion, MotionEvent, Subscription
from tests.deliberation.factories import (
    JoinRequestFactory,
    MembershipFactory,
    OrganFactory,
    ReportFactory,
    UserFactory,
    advance_report,
    board,
    decide,
    edit_report,
    general_assembly,
    istanbul,
    quorate_meeting,
    secretariat_user,
)
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    make_home,
)
from tests.motions import open_data

ROLES = (
    "anonymous",
    "signed_in",  # signed up, belongs to nothing
    "member",  # of the reports' working group
    "chair",
    "deputy_chair",
    "rapporteur",
    "other_member",  # of another working group
    "board_member",  # Executive Board
    "assembly_member",  # General Assembly
    "editor",  # Wagtail's "Editors" group: pages, no council role
    "secretariat",  # Django group "Sekreterya"
    "superuser",
    "deactivated",  # was the group's chair; is_active=False
)

GROUP = frozenset({"member", "chair", "deputy_chair", "rapporteur"})
LEADERS = frozenset({"chair", "deputy_chair"})
REVIEWERS = frozenset({"board_member", "assembly_member"})
STAFF = frozenset({"secretariat", "superuser"})
EVERYONE = frozenset(ROLES)

# Report states, each one report of the group.
REPORT_STATES = (
    "draft",  # never submitted
    "adopted",  # adopted by the group, not yet submitted
    "board_review",
    "returned",  # the Executive Board sent it back: a draft again, seen by reviewers
    "approved",
    "rejected",
    "withdrawn",  # withdrawn as a draft, never submitted
)

# Whose names may be shown publicly: a current membership with consent, and active.
CONSENTING = frozenset({"member", "chair"})

EMAIL_ADDRESS = re.compile(r"[\w.+-]+@example\.org")


def slug(role: str) -> str:
    return role.replace("_", "")


def name_token(who: str) -> str:
    """A first name nobody else has, so a page that names the person can be caught."""
    return f"Xqad{slug(who)}"


def email_of(who: str) -> str:
    return f"xqposta.{slug(who)}@example.org"


@dataclass
class ReportCase:
    state: str
    report: Report
    title: str
    comment: str
    old_text: str
    first_revision_id: int


@dataclass
class World:
    users: dict[str, object]
    group: Organ
    other_group: Organ
    reports: dict[str, ReportCase]
    minutes_unpublished: Meeting
    minutes_published: Meeting
    minutes_text: dict[str, str]  # "published" / "unpublished" -> text
    join_requests: dict[str, JoinRequest]  # "group" / "other_group"
    join_messages: dict[str, str]
    applicant: object
    public_motion: Motion
    hidden_motion: Motion
    motion_titles: dict[str, str]  # "public" / "hidden"
    events: dict[str, MotionEvent]  # "public", "hidden", "superseded", "correction", "of_hidden"
    event_notes: dict[str, str]
    topic: Topic
    pages: dict[str, str] = field(default_factory=dict)  # name -> URL path
    # Working files: "report:<state>", "minutes:<key>", "motion:<key>", "event:<key>".
    files: dict[str, CouncilDocument] = field(default_factory=dict)
    file_contents: dict[str, str] = field(default_factory=dict)

    def user(self, role: str):
        return AnonymousUser() if role == "anonymous" else self.users[role]


def _person(who: str, **fields):
    return UserFactory(
        username=f"kullanici-{slug(who)}",
        email=email_of(who),
        first_name=name_token(who),
        last_name="Soyadı",
        **fields,
    )


def _report(group, author, editor, state: str) -> ReportCase:
    """A report started by ``author``, revised and commented on by ``editor``.

    Both are members who did not consent to be named publicly: a public page that names
    the people behind a report is caught.
    """
    title = f"xqbaslik{slug(state)}"
    comment = f"xqyorum{slug(state)}"
    old_text = f"xqeskimetin{slug(state)}"
    report = ReportFactory(group=group, author=author, title=title, findings=f"<p>{old_text}</p>")
    first_revision_id = report.latest_revision_id
    edit_report(report, actor=editor, findings="<p>Bulgular yeniden yazıldı.</p>")
    services.report_comment_add(actor=editor, report_id=report.pk, body=comment)
    report = Report.objects.get(pk=report.pk)
    traits = {
        "draft": {},
        "adopted": {"state": ReportStatus.GROUP_ADOPTED},
        "board_review": {"state": ReportStatus.BOARD_REVIEW},
        "returned": {"state": ReportStatus.BOARD_REVIEW},
        "approved": {"state": ReportStatus.APPROVED},
        "rejected": {"state": ReportStatus.REJECTED},
        "withdrawn": {"state": ReportStatus.WITHDRAWN},
    }[state]
    if traits:
        report = advance_report(report, traits["state"])
    if state == "returned":
        decide(report, organ=board(), kind=DecisionKind.RETURN, text="Maliyet analizi eksik.")
    report.refresh_from_db()
    return ReportCase(state, report, title, comment, old_text, first_revision_id)


def build_world() -> World:
    """The whole council, made through the services (about a second of CPU)."""
    home = make_home(intro="<p>Kentin ortak aklı.</p>")
    # The clerk of every service call (factories ask secretariat_user(), the first one);
    # not a member of any organ, so never named publicly.
    users = {"secretariat": _person("secretariat", group_names=(access.SECRETARIAT_GROUP,))}
    clerk = secretariat_user()
    assert clerk == users["secretariat"]
    executive_board, assembly = board(), general_assembly()
    group = OrganFactory(name="Xqgrup Çalışma Grubu", slug="xqgrup")
    other_group = OrganFactory(name="Xqdiger Çalışma Grubu", slug="xqdiger")

    users["signed_in"] = _person("signed_in")
    roles_in = {
        "member": (group, Role.MEMBER),
        "chair": (group, Role.CHAIR),
        "deputy_chair": (group, Role.DEPUTY_CHAIR),
        "rapporteur": (group, Role.RAPPORTEUR),
        "other_member": (other_group, Role.MEMBER),
        "board_member": (executive_board, Role.MEMBER),
        "assembly_member": (assembly, Role.MEMBER),
    }
    for role, (organ, organ_role) in roles_in.items():
        users[role] = _person(role)
        MembershipFactory(
            organ=organ, person=users[role], role=organ_role, show_publicly=role in CONSENTING
        )
    users["editor"] = _person("editor")
    users["editor"].groups.add(Group.objects.get(name="Editors"))
    users["superuser"] = _person("superuser", is_superuser=True, is_staff=True)

    reports = {
        state: _report(group, users["deputy_chair"], users["rapporteur"], state)
        for state in REPORT_STATES
    }

    # Minutes of two meetings of the group: one published, one not.
    minutes_text = {"unpublished": "xqtutanakgizli", "published": "xqtutanakacik"}
    meetings = {}
    for day, (key, text) in enumerate(minutes_text.items(), start=1):
        meeting = quorate_meeting(group, starts_at=istanbul(2026, 4, day))
        Meeting.objects.filter(pk=meeting.pk).update(minutes=f"<p>{text}</p>")
        if key == "published":
            services.meeting_publish_minutes(actor=clerk, meeting_id=meeting.pk)
        meeting.refresh_from_db()
        meetings[key] = meeting

    # The former chair: deactivated, with a current, consenting chair's membership.
    users["deactivated"] = _person("deactivated")
    MembershipFactory(organ=group, person=users["deactivated"], role=Role.CHAIR, show_publicly=True)
    type(users["deactivated"]).objects.filter(pk=users["deactivated"].pk).update(is_active=False)
    users["deactivated"].refresh_from_db()

    applicant = _person("applicant")
    join_messages = {"group": "xqbasvurumesaji", "other_group": "xqbasvurudiger"}
    join_requests = {
        key: JoinRequestFactory(organ=organ, person=applicant, message=join_messages[key])
        for key, organ in (("group", group), ("other_group", other_group))
    }

    topic = open_data.topic("Xqkonu", "xqkonu")
    motion_titles = {"public": "Xqonergeacik", "hidden": "Xqonergegizli"}
    public_motion = open_data.motion(title=motion_titles["public"], topics=[topic], origin=group)
    hidden_motion = open_data.motion(
        title=motion_titles["hidden"], topics=[topic], origin=group, is_public=False
    )
    event_notes = {
        "superseded": "xqolayyanlis",
        "correction": "xqolaydogru",
        "hidden": "xqolaygizli",
        "public": "xqolayacik",
        "of_hidden": "xqolayonergegizli",
    }
    april = open_data.APRIL_MEETING
    meeting = open_data.assembly_meeting(april)
    events = {}
    events["superseded"] = open_data.record(
        public_motion,
        EventKind.PLACED_ON_AGENDA,
        april,
        meeting=meeting,
        note=event_notes["superseded"],
    )
    events["correction"] = open_data.record(
        public_motion,
        EventKind.PLACED_ON_AGENDA,
        april,
        meeting=meeting,
        note=event_notes["correction"],
        supersedes_id=events["superseded"].pk,
    )
    events["hidden"] = open_data.record(
        public_motion,
        EventKind.REFERRED,
        april,
        committees="Plan ve Bütçe Komisyonu",
        note=event_notes["hidden"],
        is_public=False,
    )
    events["public"] = open_data.record(
        public_motion,
        EventKind.COMMITTEE_REPORTED,
        datetime.date(2026, 4, 10),
        note=event_notes["public"],
    )
    events["of_hidden"] = open_data.record(
        hidden_motion,
        EventKind.PLACED_ON_AGENDA,
        april,
        meeting=meeting,
        note=event_notes["of_hidden"],
    )
    public_motion.refresh_from_db()
    hidden_motion.refresh_from_db()

    # Two people follow motions by e-mail (KVKK: their addresses are never shown): one
    # confirmed the public motion, one has not yet confirmed the topic.
    for who, fields in (
        ("subscriber", {"scope": AlertScope.MOTION, "motion_id": public_motion.pk}),
        ("pending_subscriber", {"scope": AlertScope.TOPIC, "topic_id": topic.pk}),
    ):
        subscriptions.subscription_request(email=email_of(who), consent=True, **fields)
    confirmed = Subscription.objects.get(email=email_of("subscriber"))
    subscriptions.subscription_confirm(token=confirmed.token)

    # The public site: organ pages, the motions page, news and events with their feeds.
    organ_index = home.add_child(instance=OrganIndexPage(title="Organlar", slug="organlar"))
    pages = {"organ_index": organ_index.url}
    for key, organ in (
        ("group", group),
        ("other_group", other_group),
        ("board", executive_board),
        ("assembly", assembly),
    ):
        page = organ_index.add_child(
            instance=OrganPage(title=organ.name, slug=f"organ-{key}", organ=organ)
        )
        pages[key] = page.url
    pages["motions"] = open_data.motion_index(home).url
    news_index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news_index, title="Kent konseyi toplandı")
    pages["news"] = news_index.url
    event_index = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=event_index, title="Kent forumu")
    pages["events"] = event_index.url

    # A working file for every owner, uploaded into the private collection as the forms do
    # (the reports' by the rapporteur, the rest by the secretariat, whose records they
    # are); each has a distinctive title and content.
    files, file_contents = {}, {}

    def working_file(key: str, uploader) -> CouncilDocument:
        token = "xqdosya" + re.sub(r"[^a-z]", "", key)
        file_contents[key] = f"{token}icerik"
        files[key] = CouncilDocument.objects.create(
            title=f"{token}baslik",
            kind=DocumentKind.OTHER,
            collection=private_collection(),
            uploaded_by_user=uploader,
            file=ContentFile(f"%PDF-1.4 {file_contents[key]}".encode(), name=f"{token}.pdf"),
        )
        return files[key]

    for state, case in reports.items():
        case.report.attachments.add(working_file(f"report:{state}", users["rapporteur"]))
        case.report.save()  # a ParentalManyToManyField is written on save
    for key, meeting in meetings.items():
        meeting.minutes_attachments.add(working_file(f"minutes:{key}", clerk))
    for key, motion in (("public", public_motion), ("hidden", hidden_motion)):
        motion.documents.add(working_file(f"motion:{key}", clerk))
    for key, event in events.items():
        MotionEvent.objects.filter(pk=event.pk).update(document=working_file(f"event:{key}", clerk))
        event.refresh_from_db()

    return World(
        users=users,
        group=group,
        other_group=other_group,
        reports=reports,
        minutes_unpublished=meetings["unpublished"],
        minutes_published=meetings["published"],
        minutes_text=minutes_text,
        join_requests=join_requests,
        join_messages=join_messages,
        applicant=applicant,
        public_motion=public_motion,
        hidden_motion=hidden_motion,
        motion_titles=motion_titles,
        events=events,
        event_notes=event_notes,
        topic=topic,
        pages=pages,
        files=files,
        file_contents=file_contents,
    )
