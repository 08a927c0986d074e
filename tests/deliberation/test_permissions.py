"""Who may do what: every role × every action, allowed or refused, in one table.

``ALLOWED`` names, for each action, the roles that may take it; every other role is
refused. Each cell goes through the real gates: the ``access`` functions, the service
(a refusal is a DeliberationError or MotionError with code "forbidden", and nothing
changes) and, where it is cheap, the admin screen (allowed: 200; refused: a 404, or a
redirect with an error message).
"""

import importlib
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from deliberation import access, policies, services
from deliberation.errors import DeliberationError
from deliberation.models import (
    Decision,
    DecisionKind,
    JoinRequest,
    JoinRequestStatus,
    Meeting,
    Membership,
    Organ,
    Report,
    ReportComment,
    ReportStatus,
)
from motions.errors import MotionError
from motions.models import Motion
from tests.factories import CouncilDocumentFactory, make_home

from .factories import (
    AgendaItemFactory,
    JoinRequestFactory,
    MeetingFactory,
    MembershipFactory,
    OrganFactory,
    ReportFactory,
    UserFactory,
    board,
    decide,
    edit_report,
    general_assembly,
    quorate_meeting,
    secretariat_user,
)

ROLES = [
    "anonymous",
    "signed_in",  # signed up, belongs to nothing
    "other_member",  # of another working group
    "member",  # of the report's working group
    "rapporteur",  # of the report's working group
    "deputy_chair",  # of the report's working group
    "chair",  # of the report's working group
    "board_member",  # Executive Board (Yürütme Kurulu)
    "assembly_member",  # General Assembly (Genel Kurul)
    "secretariat",  # Django group "Sekreterya"
    "superuser",
]

GROUP = {"member", "rapporteur", "deputy_chair", "chair"}
LEADERS = {"deputy_chair", "chair"}
REVIEWERS = {"board_member", "assembly_member"}
STAFF = {"secretariat", "superuser"}
SIGNED_IN = set(ROLES) - {"anonymous"}

# action -> the roles allowed to take it; everyone else is refused.
ALLOWED = {
    "view_draft": GROUP | STAFF,  # never submitted: the group and the secretariat only
    "view_returned": GROUP | REVIEWERS | STAFF,  # the reviewers returned it: still theirs
    "view_approved": GROUP | REVIEWERS | STAFF,
    "history": GROUP | REVIEWERS | STAFF,  # of a returned report
    "compare_revisions": GROUP | REVIEWERS | STAFF,  # of a returned report
    "create_report": GROUP | STAFF,
    "save": GROUP | STAFF,
    "lock": GROUP | STAFF,
    "unlock": LEADERS | STAFF,  # a colleague's lock: its holder, the chair, the secretariat
    "restore": GROUP | STAFF,
    "comment_on_draft": GROUP | STAFF,
    "comment_in_review": GROUP | REVIEWERS | STAFF,
    "adopt": LEADERS | STAFF,
    "submit_to_board": LEADERS | STAFF,
    "reopen": LEADERS | STAFF,
    "withdraw": LEADERS | STAFF,
    "decide_opinion": STAFF,  # decisions are recorded by the secretariat, at a meeting
    "decide_return": STAFF,
    "decide_reject": STAFF,
    "ask_to_join": SIGNED_IN - GROUP,  # the group's members already belong to it
    "decide_join_request": LEADERS | STAFF,
    "manage_organs": STAFF,
    "manage_memberships": STAFF,
    "manage_meetings": STAFF,
    "record_attendance": STAFF,
    "publish_minutes": STAFF,
    "see_unpublished_minutes": {"board_member"} | STAFF,  # of an Executive Board meeting
    "submit_motion": STAFF,
}

# Cells refused for another reason than the role: (action, role) -> the error's code.
REFUSAL_CODE = {("ask_to_join", role): "state" for role in GROUP}

CASES = [
    pytest.param(
        action,
        role,
        role in allowed,
        id=f"{action}-{role}-{'allowed' if role in allowed else 'refused'}",
    )
    for action, allowed in ALLOWED.items()
    for role in ROLES
]


def admin_client(user) -> Client:
    if not user.is_authenticated:
        return Client()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def assert_admin(response, user, allowed: bool) -> None:
    """Allowed: the screen (or the redirect after the action). Refused: 404 or sent away."""
    if allowed:
        assert response.status_code in (200, 302), response.status_code
        return
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302 and user.is_authenticated:
        errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
        assert errors, "a refusal that redirects says why"


def assert_admin_refuses_post(response, user) -> None:
    """A refused form is a message (the form again, or a redirect) or a 404; never a 500."""
    assert response.status_code in (200, 302, 403, 404), response.status_code
    if response.status_code in (200, 302) and user.is_authenticated:
        errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
        assert errors, "a refused form says why"


@dataclass
class Council:
    group: Organ
    other_group: Organ
    locker: object  # a member of the group, who locks a draft in the "unlock" scene

    def person(self, role):
        """A fresh user in the given role (nobody holds two roles)."""
        if role == "anonymous":
            return AnonymousUser()
        if role == "signed_in":
            return UserFactory()
        if role == "secretariat":
            return UserFactory(secretariat=True)
        if role == "superuser":
            return UserFactory(superuser=True)
        organ, trait = {
            "member": (self.group, {}),
            "rapporteur": (self.group, {"rapporteur": True}),
            "deputy_chair": (self.group, {"deputy_chair": True}),
            "chair": (self.group, {"chair": True}),
            "other_member": (self.other_group, {}),
            "board_member": (board(), {}),
            "assembly_member": (general_assembly(), {}),
        }[role]
        return MembershipFactory(organ=organ, **trait).person

    def returned_report(self) -> Report:
        """Submitted, returned by the Executive Board, then revised by the group."""
        report = ReportFactory(
            group=self.group, title="Geri gönderilen rapor", in_board_review=True
        )
        decide(report, organ=board(), kind=DecisionKind.RETURN, text="Maliyet analizi eksik.")
        edit_report(report, actor=self.locker, summary="Maliyet analizi eklendi.")
        report.refresh_from_db()
        return report


@pytest.fixture
def council(db):
    group = OrganFactory(name="Engelsiz Yaşam Çalışma Grubu")
    other_group = OrganFactory(name="Kent ve Kentli Hakkı Çalışma Grubu")
    MembershipFactory(organ=group, chair=True)  # the author of the scenes' reports
    MembershipFactory(organ=other_group, chair=True)
    locker = MembershipFactory(organ=group).person
    # the clerk who sets the scene is not the actor under test
    secretariat_user()
    board()
    general_assembly()
    return Council(group=group, other_group=other_group, locker=locker)


def report_url(name, report, *args):
    return reverse(f"deliberation_report:{name}", args=[report.pk, *args])


# -- Reading ------------------------------------------------------------------------------


def assert_sees_report(actor, report, allowed: bool) -> None:
    """Every gate agrees: the single check, the listing, and the admin's policy."""
    policy = policies.ReportPermissionPolicy()
    assert access.can_view_report(actor, report) is allowed
    assert access.visible_reports(actor).filter(pk=report.pk).exists() is allowed
    assert policy.user_has_permission_for_instance(actor, "view", report) is allowed
    listed = policy.instances_user_has_any_permission_for(actor, ["view"])
    assert listed.filter(pk=report.pk).exists() is allowed
    if actor.is_authenticated:
        users = policy.users_with_any_permission_for_instance(["view"], report)
        assert users.filter(pk=actor.pk).exists() is allowed


def view(scene):
    def check(council, actor, allowed):
        report = scene(council)
        assert_sees_report(actor, report, allowed)
        response = admin_client(actor).get(report_url("inspect", report))
        assert_admin(response, actor, allowed)
        if allowed:
            assert response.status_code == 200
            assert report.title in response.content.decode()

    return check


def check_history(council, actor, allowed):
    report = council.returned_report()
    response = admin_client(actor).get(report_url("history", report))
    assert_admin(response, actor, allowed)
    if allowed:
        assert response.status_code == 200


def check_compare_revisions(council, actor, allowed):
    report = council.returned_report()
    revisions = list(report.revisions.order_by("created_at", "pk").values_list("pk", flat=True))
    first, last = revisions[0], revisions[-1]
    response = admin_client(actor).get(report_url("revisions_compare", report, first, last))
    assert_admin(response, actor, allowed)
    if allowed:
        assert response.status_code == 200
        assert "Maliyet analizi eklendi." in response.content.decode()


def check_see_unpublished_minutes(council, actor, allowed):
    make_home()
    meeting = MeetingFactory(organ=board(), minutes="Toplantı 18.00'de açıldı.")
    document = CouncilDocumentFactory(title="Toplantı tutanağı eki")
    meeting.minutes_attachments.add(document)

    assert access.can_view_minutes(actor, meeting) is allowed
    assert (admin_client(actor).get(document.url).status_code == 200) is allowed
    # The meeting's screen in the admin is the secretariat's.
    response = admin_client(actor).get(reverse("deliberation_meeting:inspect", args=[meeting.pk]))
    assert_admin(response, actor, access.is_secretariat(actor))


# -- Acting -------------------------------------------------------------------------------
# Each scene sets the stage and returns (call, done, admin[, post]): the call as the actor,
# whether its effect is there, optionally the admin screen of the same gate (its URL, or
# its URL and a test of whether the screen lets the actor act) and optionally the admin
# form that takes the action (URL and data), which a refused actor also tries.


def act_create_report(council, actor):
    def call():
        services.report_create(
            actor=actor, group=council.group, title="Erişilebilir duraklar", summary="Özet"
        )

    def done():
        return Report.objects.filter(title="Erişilebilir duraklar").exists()

    def offers_the_group(response):
        # Any group member opens the form, but it offers only their own groups.
        return response.status_code == 200 and council.group.name in response.content.decode()

    return call, done, (reverse("deliberation_report:add"), offers_the_group)


def act_save(council, actor):
    report = ReportFactory(group=council.group, title="Eski başlık")

    def call():
        edit_report(report, actor=actor, title="Yeni başlık")

    def done():
        return Report.objects.get(pk=report.pk).title == "Yeni başlık"

    return call, done, report_url("edit", report)


def act_restore(council, actor):
    report = ReportFactory(group=council.group, title="Eski başlık")
    first = report.latest_revision_id
    edit_report(report, actor=secretariat_user(), title="Yeni başlık")

    def call():
        services.report_restore(actor=actor, report_id=report.pk, revision_id=first)

    def done():
        return Report.objects.get(pk=report.pk).title == "Eski başlık"

    return call, done, None, (report_url("revisions_revert", report, first), {})


def comment(state):
    def act(council, actor):
        report = ReportFactory(group=council.group, state=state)

        def call():
            services.report_comment_add(actor=actor, report_id=report.pk, body="Katılıyorum.")

        def done():
            return ReportComment.objects.filter(report=report).exists()

        form = {"form": "comment", "body": "Katılıyorum."}
        return call, done, None, (report_url("inspect", report), form)

    return act


def group_move(action, state, target):
    def act(council, actor):
        report = ReportFactory(group=council.group, state=state)

        def call():
            services.report_transition(actor=actor, report_id=report.pk, action=action)

        def done():
            return Report.objects.get(pk=report.pk).status == target

        form = {"form": "transition", "action": action, "note": "Grup kararı."}
        return call, done, None, (report_url("inspect", report), form)

    return act


def board_decision(kind, target):
    def act(council, actor):
        report = ReportFactory(group=council.group, in_board_review=True)
        meeting = quorate_meeting(board())
        item = AgendaItemFactory(meeting=meeting, report=report)

        def call():
            services.decision_record(
                actor=actor,
                agenda_item_id=item.pk,
                kind=kind,
                yes=meeting.present_count(),
                text="Kurul kararıdır.",
            )

        def done():
            return (
                Decision.objects.filter(agenda_item=item).exists()
                and Report.objects.get(pk=report.pk).status == target
            )

        admin = reverse("deliberation_meeting:record_decision", args=[item.pk])
        form = {"kind": kind, "yes": meeting.present_count(), "no": 0, "abstain": 0}
        return call, done, admin, (admin, form | {"text": "Kurul kararıdır."})

    return act


def act_ask_to_join(council, actor):
    def call():
        services.join_request_create(person=actor, organ_id=council.group.pk)

    def done():
        return JoinRequest.objects.filter(organ=council.group).exists()

    return call, done, None


def act_decide_join_request(council, actor):
    request = JoinRequestFactory(organ=council.group)

    def call():
        services.join_request_decide(actor=actor, request_id=request.pk, accept=True)

    def done():
        request.refresh_from_db()
        return (
            request.status == JoinRequestStatus.ACCEPTED
            and Membership.objects.filter(organ=council.group, person=request.person).exists()
        )

    admin = reverse("deliberation_joinrequest:edit", args=[request.pk])
    return call, done, admin, (admin, {"accept": "1", "reason": ""})


def act_record_attendance(council, actor):
    meeting = MeetingFactory(organ=board())
    present = list(board().memberships.values_list("person_id", flat=True)[:4])

    def call():
        services.meeting_record_attendance(actor=actor, meeting_id=meeting.pk, present_ids=present)

    def done():
        return meeting.present_count() == 4

    admin = reverse("deliberation_meeting:attendance", args=[meeting.pk])
    return call, done, admin, (admin, {"present": present})


def act_publish_minutes(council, actor):
    meeting = MeetingFactory(organ=board(), minutes="Toplantı 18.00'de açıldı.")

    def call():
        services.meeting_publish_minutes(actor=actor, meeting_id=meeting.pk)

    def done():
        meeting.refresh_from_db()
        return meeting.minutes_published

    admin = reverse("deliberation_meeting:publish_minutes", args=[meeting.pk])
    return call, done, admin, (admin, {})


def act_submit_motion(council, actor):
    report = ReportFactory(group=council.group, approved=True)

    def call():
        from motions import services as motion_services

        motion_services.motion_submit_report(
            actor=actor,
            report_id=report.pk,
            submitted_on=timezone.localdate(),
            recipient="Büyükşehir Belediye Meclisi",
            outgoing_number="E-2026/118",
        )

    def done():
        return Motion.objects.filter(report=report).exists()

    admin = reverse("motions_submit:submit", args=[report.pk])
    form = {
        "recipient": "Büyükşehir Belediye Meclisi",
        "submitted_on": timezone.localdate().isoformat(),
        "outgoing_number": "E-2026/118",
    }
    return call, done, admin, (admin, form)


def admin_post(name):
    """Lock and unlock are Wagtail's own views; the policy is their gate."""

    def act(council, actor):
        report = ReportFactory(group=council.group, title="Kilitli taslak")
        if name == "unlock":
            report.locked, report.locked_by, report.locked_at = True, council.locker, timezone.now()
            report.save(update_fields=["locked", "locked_by", "locked_at"])
        policy = policies.ReportPermissionPolicy()
        gate = policy.user_has_permission_for_instance(actor, name, report)

        def call():
            response = admin_client(actor).post(report_url(name, report))
            if not gate:
                assert_admin(response, actor, False)
                raise DeliberationError("refused", code="forbidden")

        def done():
            return Report.objects.get(pk=report.pk).locked is (name == "lock")

        return call, done, None

    return act


def manage(model, url_name):
    """The secretariat's registers: their permission policy and their admin listing."""

    def act(council, actor):
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(model)
        actions = ("add", "change", "view")

        def call():
            if not all(policy.user_has_permission(actor, action) for action in actions):
                assert not any(policy.user_has_permission(actor, action) for action in actions)
                raise DeliberationError("refused", code="forbidden")

        def done():
            return True

        return call, done, reverse(url_name)

    return act


ACTIONS = {
    "create_report": act_create_report,
    "save": act_save,
    "lock": admin_post("lock"),
    "unlock": admin_post("unlock"),
    "restore": act_restore,
    "comment_on_draft": comment(ReportStatus.DRAFT),
    "comment_in_review": comment(ReportStatus.BOARD_REVIEW),
    "adopt": group_move("adopt", ReportStatus.DRAFT, ReportStatus.GROUP_ADOPTED),
    "submit_to_board": group_move("submit", ReportStatus.GROUP_ADOPTED, ReportStatus.BOARD_REVIEW),
    "reopen": group_move("reopen", ReportStatus.GROUP_ADOPTED, ReportStatus.DRAFT),
    "withdraw": group_move("withdraw", ReportStatus.DRAFT, ReportStatus.WITHDRAWN),
    "decide_opinion": board_decision(DecisionKind.OPINION, ReportStatus.ASSEMBLY_REVIEW),
    "decide_return": board_decision(DecisionKind.RETURN, ReportStatus.DRAFT),
    "decide_reject": board_decision(DecisionKind.REJECT, ReportStatus.REJECTED),
    "ask_to_join": act_ask_to_join,
    "decide_join_request": act_decide_join_request,
    "manage_organs": manage(Organ, "deliberation_organ:index"),
    "manage_memberships": manage(Membership, "deliberation_membership:index"),
    "manage_meetings": manage(Meeting, "deliberation_meeting:index"),
    "record_attendance": act_record_attendance,
    "publish_minutes": act_publish_minutes,
    "submit_motion": act_submit_motion,
}
CHECKS = {
    "view_draft": view(lambda council: ReportFactory(group=council.group, title="Taslak rapor")),
    "view_returned": view(Council.returned_report),
    "view_approved": view(
        lambda council: ReportFactory(group=council.group, title="Kabul edilen", approved=True)
    ),
    "history": check_history,
    "compare_revisions": check_compare_revisions,
    "see_unpublished_minutes": check_see_unpublished_minutes,
}


def test_the_table_covers_every_action_once():
    assert set(ALLOWED) == set(ACTIONS) | set(CHECKS)
    assert not set(ACTIONS) & set(CHECKS)
    assert all(allowed <= set(ROLES) for allowed in ALLOWED.values())


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_permission(council, action, role, allowed):
    actor = council.person(role)
    if action in CHECKS:
        CHECKS[action](council, actor, allowed)
        return

    call, done, admin_url, *post = ACTIONS[action](council, actor)
    if isinstance(admin_url, tuple):
        admin_url, lets_act = admin_url
        assert lets_act(admin_client(actor).get(admin_url)) is allowed
    elif admin_url:
        assert_admin(admin_client(actor).get(admin_url), actor, allowed)
    if allowed:
        call()
        assert done()
    else:
        if post:
            post_url, data = post[0]
            assert_admin_refuses_post(admin_client(actor).post(post_url, data), actor)
            assert not done()
        with pytest.raises((DeliberationError, MotionError)) as refused:
            call()
        expected = REFUSAL_CODE.get((action, role), "forbidden")
        assert refused.value.code == expected, str(refused.value)
        if action not in ("manage_organs", "manage_memberships", "manage_meetings"):
            assert not done()


# -- Beyond the table ---------------------------------------------------------------------


def test_listing_and_single_report_agree_in_every_state_for_every_role(council):
    """One rule: whatever the state, a role sees a report in the list iff it may open it."""
    reports = {
        "draft": ReportFactory(group=council.group),
        "adopted": ReportFactory(group=council.group, adopted=True),
        "in_board_review": ReportFactory(group=council.group, in_board_review=True),
        "in_assembly_review": ReportFactory(group=council.group, in_assembly_review=True),
        "returned": council.returned_report(),
        "approved": ReportFactory(group=council.group, approved=True),
        "rejected": ReportFactory(group=council.group, rejected=True),
        "withdrawn_draft": ReportFactory(group=council.group, withdrawn=True),
    }
    for role in ROLES:
        actor = council.person(role)
        listed = set(access.visible_reports(actor).values_list("pk", flat=True))
        for name, report in reports.items():
            single = access.can_view_report(actor, report)
            assert (report.pk in listed) is single, (role, name)
            assert access.can_view_report(actor, report) is single, (role, name)


def test_reviewers_keep_seeing_a_report_they_returned_but_never_a_mere_draft(council):
    returned = council.returned_report()
    never_submitted = ReportFactory(group=council.group, title="Hiç gönderilmemiş taslak")
    withdrawn_in_review = ReportFactory(group=council.group, in_board_review=True)
    services.report_transition(
        actor=Membership.objects.filter(organ=council.group, role="chair").first().person,
        report_id=withdrawn_in_review.pk,
        action="withdraw",
    )
    reviewer = council.person("board_member")

    listing = admin_client(reviewer).get(reverse("deliberation_report:list")).content.decode()

    assert returned.status == ReportStatus.DRAFT
    assert returned.title in listing
    assert never_submitted.title not in listing
    assert access.can_view_report(reviewer, Report.objects.get(pk=withdrawn_in_review.pk))
    page = admin_client(reviewer).get(report_url("inspect", returned)).content.decode()
    assert "Maliyet analizi eksik." in page  # the reasons of the return, in the timeline


def test_a_restore_keeps_the_report_visible_to_the_reviewers(council):
    """An old version predates the submission; restoring it must not hide the report."""
    report = council.returned_report()
    first = report.revisions.order_by("created_at", "pk").first()
    services.report_restore(actor=council.locker, report_id=report.pk, revision_id=first.pk)

    assert access.can_view_report(council.person("board_member"), Report.objects.get(pk=report.pk))


def test_reports_submitted_before_the_field_existed_get_it_from_their_timeline(council):
    """Migration 0003 fills Report.submitted_at from the first "submit" entry."""
    from django.apps import apps

    migration = importlib.import_module("deliberation.migrations.0003_report_submitted_at")
    returned = council.returned_report()
    draft = ReportFactory(group=council.group)
    first_submit = returned.events.filter(action="submit").earliest("at").at
    Report.objects.update(submitted_at=None)

    migration.fill_submitted_at(apps, None)

    assert Report.objects.get(pk=returned.pk).submitted_at == first_submit
    assert Report.objects.get(pk=draft.pk).submitted_at is None
    assert access.can_view_report(
        council.person("board_member"), Report.objects.get(pk=returned.pk)
    )


@pytest.mark.parametrize("role", ["chair", "secretariat"])
def test_a_person_who_left_or_was_deactivated_loses_the_role(council, role):
    """An ended chair membership and an inactive clerk are refused like strangers."""
    report = ReportFactory(group=council.group)
    actor = council.person(role)
    if role == "chair":
        Membership.objects.filter(person=actor).update(
            ends_on=Membership.objects.get(person=actor).starts_on
        )
    else:
        actor.is_active = False
        actor.save()

    with pytest.raises(DeliberationError) as refused:
        services.report_transition(actor=actor, report_id=report.pk, action="adopt")

    assert refused.value.code == "forbidden"
    assert not access.can_view_report(actor, report)


def test_a_deactivated_member_is_refused_although_the_membership_runs_on(council):
    actor = council.person("chair")
    actor.is_active = False
    actor.save()
    report = ReportFactory(group=council.group)

    with pytest.raises(DeliberationError) as refused:
        services.report_transition(actor=actor, report_id=report.pk, action="adopt")

    assert refused.value.code == "forbidden"
    assert not access.can_view_report(actor, report)


def test_the_chair_of_a_group_decides_join_requests_only_for_that_group(council):
    other_chair = MembershipFactory(organ=council.other_group, chair=True).person
    request = JoinRequestFactory(organ=council.group)

    with pytest.raises(DeliberationError) as refused:
        services.join_request_decide(actor=other_chair, request_id=request.pk, accept=True)

    assert refused.value.code == "forbidden"
    assert JoinRequest.objects.get(pk=request.pk).status == JoinRequestStatus.PENDING
