"""Who may do what: every role × every action, allowed or refused, in one table.

Refused actions raise DeliberationError with code "forbidden" and change nothing;
``can_view_*`` rows ask ``roles.can_view_report``.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser

from deliberation import roles, services
from deliberation.errors import DeliberationError
from deliberation.models import (
    Decision,
    DecisionKind,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    Report,
    ReportComment,
    ReportStatus,
)

from .factories import (
    AgendaItemFactory,
    JoinRequestFactory,
    MeetingFactory,
    MembershipFactory,
    OrganFactory,
    ReportFactory,
    UserFactory,
    board,
    edit_report,
    general_assembly,
    quorate_meeting,
    secretariat_user,
)

ROLES = [
    "anonymous",
    "signed_in",  # signed up, belongs to nothing
    "member",  # of the report's working group
    "chair",  # of the report's working group
    "other_member",  # of another working group
    "other_chair",  # of another working group
    "board_member",  # Executive Board
    "assembly_member",  # General Assembly
    "secretariat",  # Django group "Sekreterya"
    "superuser",
]

Y, N = True, False

# fmt: off
#                                anon signed member chair o_mem o_chair board  ga  secr super
MATRIX = {
    "report_create":             (N,  N,     Y,     Y,    N,    N,      N,     N,  Y,   Y),
    "report_save":               (N,  N,     Y,     Y,    N,    N,      N,     N,  Y,   Y),
    "report_restore":            (N,  N,     Y,     Y,    N,    N,      N,     N,  Y,   Y),
    "report_comment_add":        (N,  N,     Y,     Y,    N,    N,      N,     N,  Y,   Y),
    "adopt":                     (N,  N,     N,     Y,    N,    N,      N,     N,  Y,   Y),
    "reopen":                    (N,  N,     N,     Y,    N,    N,      N,     N,  Y,   Y),
    "submit":                    (N,  N,     N,     Y,    N,    N,      N,     N,  Y,   Y),
    "withdraw":                  (N,  N,     N,     Y,    N,    N,      N,     N,  Y,   Y),
    "decision_record":           (N,  N,     N,     N,    N,    N,      N,     N,  Y,   Y),
    "meeting_record_attendance": (N,  N,     N,     N,    N,    N,      N,     N,  Y,   Y),
    "meeting_publish_minutes":   (N,  N,     N,     N,    N,    N,      N,     N,  Y,   Y),
    "join_request_decide":       (N,  N,     N,     Y,    N,    N,      N,     N,  Y,   Y),
    "can_view_draft":            (N,  N,     Y,     Y,    N,    N,      N,     N,  Y,   Y),
    "can_view_in_review":        (N,  N,     Y,     Y,    N,    N,      Y,     Y,  Y,   Y),
}
# fmt: on

CASES = [
    pytest.param(action, role, allowed, id=f"{action}-{role}-{'allowed' if allowed else 'refused'}")
    for action, row in MATRIX.items()
    for role, allowed in zip(ROLES, row, strict=True)
]


@dataclass
class Council:
    group: object
    other_group: object

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
        organ, leading = {
            "member": (self.group, False),
            "chair": (self.group, True),
            "other_member": (self.other_group, False),
            "other_chair": (self.other_group, True),
            "board_member": (board(), False),
            "assembly_member": (general_assembly(), False),
        }[role]
        return MembershipFactory(organ=organ, chair=leading).person


@pytest.fixture
def council(db):
    group = OrganFactory(name="Engelsiz Yaşam Çalışma Grubu")
    other_group = OrganFactory(name="Kent ve Kentli Hakkı Çalışma Grubu")
    MembershipFactory(organ=group, chair=True)
    MembershipFactory(organ=other_group, chair=True)
    # the clerk who sets the scene is not the actor under test
    secretariat_user()
    board()
    general_assembly()
    return Council(group=group, other_group=other_group)


# Each action: set the scene, act as ``actor``, and return a check that the effect is there
# (allowed) and a check that nothing changed (refused).


def act_report_create(council, actor):
    def call():
        services.report_create(
            actor=actor, group=council.group, title="Erişilebilir duraklar", summary="Özet"
        )

    def done():
        return Report.objects.filter(title="Erişilebilir duraklar").exists()

    return call, done


def act_report_save(council, actor):
    report = ReportFactory(group=council.group, title="Eski başlık")

    def call():
        edit_report(report, actor=actor, title="Yeni başlık")

    def done():
        return Report.objects.get(pk=report.pk).title == "Yeni başlık"

    return call, done


def act_report_restore(council, actor):
    report = ReportFactory(group=council.group, title="Eski başlık")
    first = report.latest_revision_id
    edit_report(report, actor=secretariat_user(), title="Yeni başlık")

    def call():
        services.report_restore(actor=actor, report_id=report.pk, revision_id=first)

    def done():
        return Report.objects.get(pk=report.pk).title == "Eski başlık"

    return call, done


def act_report_comment_add(council, actor):
    report = ReportFactory(group=council.group)

    def call():
        services.report_comment_add(actor=actor, report_id=report.pk, body="Katılıyorum.")

    def done():
        return ReportComment.objects.filter(report=report).exists()

    return call, done


def group_move(action, state, target):
    def act(council, actor):
        report = ReportFactory(group=council.group, state=state)

        def call():
            services.report_transition(actor=actor, report_id=report.pk, action=action)

        def done():
            return Report.objects.get(pk=report.pk).status == target

        return call, done

    return act


def act_decision_record(council, actor):
    meeting = quorate_meeting(board())
    item = AgendaItemFactory(meeting=meeting, title="Çalışma takvimi")

    def call():
        services.decision_record(
            actor=actor,
            agenda_item_id=item.pk,
            kind=DecisionKind.OTHER,
            yes=meeting.present_count(),
        )

    def done():
        return Decision.objects.filter(agenda_item=item).exists()

    return call, done


def act_meeting_record_attendance(council, actor):
    meeting = MeetingFactory(organ=board())
    present = list(board().memberships.values_list("person_id", flat=True)[:4])

    def call():
        services.meeting_record_attendance(actor=actor, meeting_id=meeting.pk, present_ids=present)

    def done():
        return meeting.present_count() == 4

    return call, done


def act_meeting_publish_minutes(council, actor):
    meeting = MeetingFactory(organ=board(), minutes="Toplantı 18.00'de açıldı.")

    def call():
        services.meeting_publish_minutes(actor=actor, meeting_id=meeting.pk)

    def done():
        meeting.refresh_from_db()
        return meeting.minutes_published

    return call, done


def act_join_request_decide(council, actor):
    request = JoinRequestFactory(organ=council.group)

    def call():
        services.join_request_decide(actor=actor, request_id=request.pk, accept=True)

    def done():
        request.refresh_from_db()
        return (
            request.status == JoinRequestStatus.ACCEPTED
            and Membership.objects.filter(organ=council.group, person=request.person).exists()
        )

    return call, done


ACTIONS = {
    "report_create": act_report_create,
    "report_save": act_report_save,
    "report_restore": act_report_restore,
    "report_comment_add": act_report_comment_add,
    "adopt": group_move("adopt", ReportStatus.DRAFT, ReportStatus.GROUP_ADOPTED),
    "reopen": group_move("reopen", ReportStatus.GROUP_ADOPTED, ReportStatus.DRAFT),
    "submit": group_move("submit", ReportStatus.GROUP_ADOPTED, ReportStatus.BOARD_REVIEW),
    "withdraw": group_move("withdraw", ReportStatus.DRAFT, ReportStatus.WITHDRAWN),
    "decision_record": act_decision_record,
    "meeting_record_attendance": act_meeting_record_attendance,
    "meeting_publish_minutes": act_meeting_publish_minutes,
    "join_request_decide": act_join_request_decide,
}
VIEWS = {"can_view_draft": ReportStatus.DRAFT, "can_view_in_review": ReportStatus.BOARD_REVIEW}


def test_the_table_covers_every_role_and_action():
    assert set(MATRIX) == set(ACTIONS) | set(VIEWS)
    assert all(len(row) == len(ROLES) for row in MATRIX.values())


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_permission(council, action, role, allowed):
    if action in VIEWS:
        report = ReportFactory(group=council.group, state=VIEWS[action])
        actor = council.person(role)
        assert roles.can_view_report(actor, report) is allowed
        assert (report in roles.visible_reports(actor)) is allowed
        return

    actor = council.person(role)
    call, done = ACTIONS[action](council, actor)
    if allowed:
        call()
        assert done()
    else:
        with pytest.raises(DeliberationError) as refused:
            call()
        assert refused.value.code == "forbidden", str(refused.value)
        assert not done()


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
    assert not roles.can_view_report(actor, report)


def test_the_chair_of_a_group_decides_join_requests_only_for_that_group(council):
    other_chair = council.person("other_chair")
    request = JoinRequestFactory(organ=council.group)

    with pytest.raises(DeliberationError) as refused:
        services.join_request_decide(actor=other_chair, request_id=request.pk, accept=True)

    assert refused.value.code == "forbidden"
    assert JoinRequest.objects.get(pk=request.pk).status == JoinRequestStatus.PENDING
