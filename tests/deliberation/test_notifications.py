"""E-mails go out only after the transaction commits, to the people the issue names."""

import datetime

import pytest
from django.core import mail
from django.db import transaction

from deliberation import notifications, services
from deliberation.errors import DeliberationError
from deliberation.models import DecisionKind, ReportAction, ReportStatus

from .factories import (
    JoinRequestFactory,
    MembershipFactory,
    ReportFactory,
    UserFactory,
    board,
    decide,
    general_assembly,
    group_leader,
    set_config,
)

pytestmark = pytest.mark.django_db

REASONS = "Öneriler için bütçe ve takvim eklenmeli."


class Boom(Exception):
    pass


def recipients():
    """Every address mailed, one message per address (no address sees the others)."""
    assert all(
        len(message.to) == 1 and not message.cc and not message.bcc for message in mail.outbox
    )
    return sorted(message.to[0] for message in mail.outbox)


@pytest.fixture
def people(group):
    """The group's current members (one inactive, one former) and people outside it."""
    chair = group_leader(group)
    members = [chair] + [MembershipFactory(organ=group).person for _ in range(2)]
    MembershipFactory(organ=group, person=UserFactory(is_active=False))
    MembershipFactory(organ=group, ends_on=datetime.date(2025, 6, 30))
    MembershipFactory()  # of another group
    return sorted(person.email for person in members)


@pytest.mark.parametrize(
    ("state", "kind", "subject_word"),
    [
        (ReportStatus.BOARD_REVIEW, DecisionKind.RETURN, ReportAction.RETURN.label),
        (ReportStatus.ASSEMBLY_REVIEW, DecisionKind.RETURN, ReportAction.RETURN.label),
        (ReportStatus.BOARD_REVIEW, DecisionKind.REJECT, ReportAction.REJECT.label),
        (ReportStatus.ASSEMBLY_REVIEW, DecisionKind.REJECT, ReportAction.REJECT.label),
        (ReportStatus.ASSEMBLY_REVIEW, DecisionKind.APPROVE, ReportAction.APPROVE.label),
    ],
)
def test_the_groups_members_hear_when_their_report_is_decided(
    group, people, secretariat, django_capture_on_commit_callbacks, state, kind, subject_word
):
    report = ReportFactory(group=group, state=state)
    organ = board() if state == ReportStatus.BOARD_REVIEW else general_assembly()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        decision = decide(report, organ=organ, kind=kind, text=REASONS)
        assert mail.outbox == []  # nothing before the commit

    assert len(callbacks) == 1
    assert recipients() == people
    message = mail.outbox[0]
    assert report.title in message.subject
    assert decision.reference in message.body
    assert REASONS in message.body
    assert str(subject_word) in message.body


def test_a_decision_that_is_not_adopted_tells_nobody(
    group, people, django_capture_on_commit_callbacks
):
    report = ReportFactory(group=group, in_board_review=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide(report, organ=board(), kind=DecisionKind.RETURN, text=REASONS, yes=1, no=3)

    assert mail.outbox == []


@pytest.fixture
def clerks(secretariat):
    """Two clerks, one inactive, and the secretariat's own address in the settings."""
    second = UserFactory(secretariat=True)
    UserFactory(secretariat=True, is_active=False)
    set_config(secretariat_email="sekreterya@kentkonseyi.example.org")
    return sorted([secretariat.email, second.email, "sekreterya@kentkonseyi.example.org"])


def test_the_secretariat_hears_when_a_report_is_submitted_for_review(
    group, people, clerks, django_capture_on_commit_callbacks
):
    report = ReportFactory(group=group, adopted=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.report_transition(
            actor=group_leader(group), report_id=report.pk, action=ReportAction.SUBMIT
        )
        assert mail.outbox == []

    assert recipients() == clerks
    message = mail.outbox[0]
    assert report.title in message.subject
    assert f"/{report.pk}/" in message.body  # a link to the report in the admin


def test_without_a_secretariat_to_tell_nothing_is_sent_and_nothing_fails(
    group, django_capture_on_commit_callbacks
):
    report = ReportFactory(group=group, adopted=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.report_transition(
            actor=group_leader(group), report_id=report.pk, action=ReportAction.SUBMIT
        )

    assert mail.outbox == []
    report.refresh_from_db()
    assert report.status == ReportStatus.BOARD_REVIEW


def test_the_secretariat_hears_when_the_board_forwards_a_report(
    group, clerks, django_capture_on_commit_callbacks
):
    report = ReportFactory(group=group, in_board_review=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide(report, organ=board(), kind=DecisionKind.OPINION, text="Olumlu.")

    assert recipients() == clerks


@pytest.mark.parametrize("action", [ReportAction.ADOPT, ReportAction.WITHDRAW])
def test_group_moves_other_than_submitting_send_nothing(
    group, people, clerks, django_capture_on_commit_callbacks, action
):
    report = ReportFactory(group=group)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.report_transition(actor=group_leader(group), report_id=report.pk, action=action)

    assert mail.outbox == []


@pytest.mark.parametrize("accept", [True, False])
def test_the_applicant_hears_the_decision_on_their_join_request(
    group, chair, django_capture_on_commit_callbacks, accept
):
    request = JoinRequestFactory(organ=group)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_decide(actor=chair, request_id=request.pk, accept=accept)
        assert mail.outbox == []

    assert recipients() == [request.person.email]
    assert group.name in mail.outbox[0].subject + mail.outbox[0].body


def test_the_chair_and_the_secretariat_hear_of_a_new_join_request(
    group, chair, clerks, django_capture_on_commit_callbacks
):
    MembershipFactory(organ=group)  # a plain member is not asked
    person = UserFactory(first_name="Deniz", last_name="Aksoy")

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_create(person=person, organ_id=group.pk, message="Katılmak isterim.")

    assert recipients() == sorted([chair.email, *clerks])
    assert "Deniz Aksoy" in mail.outbox[0].body


# Nothing is sent when the transaction does not commit ---------------------------------------


def test_nothing_is_sent_when_the_service_fails_after_queuing(
    group, people, django_capture_on_commit_callbacks, monkeypatch
):
    report = ReportFactory(group=group, in_board_review=True)
    queue = notifications.on_commit_send

    def queue_then_fail(*args, **kwargs):
        queue(*args, **kwargs)
        raise Boom("the disk filled up after the e-mail was queued")

    monkeypatch.setattr(notifications, "on_commit_send", queue_then_fail)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Boom):
        decide(report, organ=board(), kind=DecisionKind.RETURN, text=REASONS)

    assert callbacks == []
    assert mail.outbox == []
    report.refresh_from_db()
    assert report.status == ReportStatus.BOARD_REVIEW


def test_nothing_is_sent_when_the_callers_transaction_rolls_back(
    group, chair, django_capture_on_commit_callbacks
):
    request = JoinRequestFactory(organ=group)
    mail.outbox.clear()

    capture = django_capture_on_commit_callbacks(execute=True)
    with capture as callbacks, pytest.raises(Boom), transaction.atomic():
        services.join_request_decide(actor=chair, request_id=request.pk, accept=True)
        raise Boom("the view failed after the service returned")

    assert callbacks == []
    assert mail.outbox == []
    request.refresh_from_db()
    assert request.status == "pending"


def test_a_refused_action_sends_nothing(group, people, django_capture_on_commit_callbacks):
    report = ReportFactory(group=group, in_board_review=True)
    mail.outbox.clear()

    capture = django_capture_on_commit_callbacks(execute=True)
    with capture as callbacks, pytest.raises(DeliberationError):
        decide(report, organ=board(), kind=DecisionKind.RETURN, text="")

    assert callbacks == []
    assert mail.outbox == []
