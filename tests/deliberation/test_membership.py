"""Memberships over time, and asking to join a working group."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from deliberation import access, services
from deliberation.errors import DeliberationError
from deliberation.models import JoinRequest, JoinRequestStatus, Membership, Role

from .factories import JoinRequestFactory, MembershipFactory, OrganFactory, UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def refused(code, call, *args, **kwargs):
    with pytest.raises(DeliberationError) as error:
        call(*args, **kwargs)
    assert error.value.code == code, str(error.value)
    return error.value


# Full membership on a date -----------------------------------------------------------------


@pytest.fixture
def organ_with_history(db):
    """Two members throughout, one for the first half of 2026, one from July 2026."""
    organ = OrganFactory(executive_board=True)
    MembershipFactory.create_batch(2, organ=organ, starts_on=D(2025, 1, 1))
    MembershipFactory(organ=organ, starts_on=D(2026, 1, 1), ends_on=D(2026, 6, 30))
    MembershipFactory(organ=organ, starts_on=D(2026, 7, 1))
    return organ


@pytest.mark.parametrize(
    ("day", "members"),
    [
        (D(2024, 12, 31), 0),
        (D(2025, 1, 1), 2),
        (D(2025, 12, 31), 2),
        (D(2026, 1, 1), 3),  # the first day counts
        (D(2026, 6, 30), 3),  # so does the last
        (D(2026, 7, 1), 3),  # one left, one joined
        (D(2030, 1, 1), 3),
    ],
)
def test_full_membership_on_a_date_follows_start_and_end(organ_with_history, day, members):
    assert organ_with_history.member_count_on(day) == members
    assert organ_with_history.memberships_on(day).count() == members


def test_a_person_counts_once_whatever_their_roles(db):
    organ = OrganFactory()
    person = UserFactory()
    MembershipFactory(organ=organ, person=person, role=Role.MEMBER, ends_on=D(2026, 2, 28))
    MembershipFactory(organ=organ, person=person, role=Role.RAPPORTEUR, starts_on=D(2026, 2, 1))
    MembershipFactory(organ=organ)

    assert organ.member_count_on(D(2026, 2, 15)) == 2


def test_roles_follow_current_memberships_only(db):
    organ = OrganFactory()
    today = timezone.localdate()
    former = MembershipFactory(organ=organ, chair=True, ends_on=today - datetime.timedelta(days=1))
    future = MembershipFactory(organ=organ, starts_on=today + datetime.timedelta(days=1))
    deputy = MembershipFactory(organ=organ, deputy_chair=True)
    current = MembershipFactory(organ=organ, ends_on=today)

    assert not access.is_member_of(former.person, organ.pk)
    assert not access.leads(former.person, organ.pk)
    assert not access.is_member_of(future.person, organ.pk)
    assert access.leads(deputy.person, organ.pk)
    assert access.led_group_ids(deputy.person) == {organ.pk}
    assert access.led_group_ids(former.person) == set()
    assert access.is_member_of(current.person, organ.pk)
    assert not access.leads(current.person, organ.pk)


# Asking to join -----------------------------------------------------------------------------


def test_anyone_signed_in_may_ask_to_join_a_working_group(group, chair):
    person = UserFactory()  # not a council member, not a member of any organ

    request = services.join_request_create(
        person=person,
        organ_id=group.pk,
        message="  Engelli bireylerle çalışıyorum.  ",
        represents=" Engelsiz Yaşam Derneği ",
        show_publicly=True,
    )

    assert request.status == JoinRequestStatus.PENDING
    assert (request.person, request.organ) == (person, group)
    assert request.message == "Engelli bireylerle çalışıyorum."
    assert request.represents == "Engelsiz Yaşam Derneği"
    assert (
        ModelLogEntry.objects.for_instance(request)
        .filter(action="deliberation.join_request.create", user=person)
        .exists()
    )


@pytest.mark.parametrize("kind", ["assembly", "executive_board", "general_assembly"])
def test_only_working_groups_take_join_requests(kind):
    organ = OrganFactory(**{kind: True})

    refused("invalid", services.join_request_create, person=UserFactory(), organ_id=organ.pk)

    assert not JoinRequest.objects.exists()


def test_a_group_that_takes_no_requests_refuses_them(db):
    organ = OrganFactory(accepts_join_requests=False)

    refused("invalid", services.join_request_create, person=UserFactory(), organ_id=organ.pk)


def test_an_inactive_group_cannot_be_joined(db):
    organ = OrganFactory(is_active=False)

    refused("not_found", services.join_request_create, person=UserFactory(), organ_id=organ.pk)


def test_asking_twice_is_refused(group):
    person = UserFactory()
    services.join_request_create(person=person, organ_id=group.pk)

    refused("state", services.join_request_create, person=person, organ_id=group.pk)

    assert JoinRequest.objects.filter(person=person).count() == 1


def test_members_cannot_ask_to_join_their_own_group(group, member):
    refused("state", services.join_request_create, person=member, organ_id=group.pk)

    assert not JoinRequest.objects.exists()


def test_after_a_decline_a_person_may_ask_again(group, chair):
    person = UserFactory()
    first = services.join_request_create(person=person, organ_id=group.pk)
    services.join_request_decide(actor=chair, request_id=first.pk, accept=False, reason="Kontenjan")

    again = services.join_request_create(person=person, organ_id=group.pk)

    assert again.status == JoinRequestStatus.PENDING
    assert again.pk != first.pk


@pytest.mark.parametrize("person", ["anonymous", "inactive"])
def test_signed_out_or_inactive_people_cannot_ask(group, person):
    user = AnonymousUser() if person == "anonymous" else UserFactory(is_active=False)

    refused("forbidden", services.join_request_create, person=user, organ_id=group.pk)


# Deciding -------------------------------------------------------------------------------------


def test_the_chair_accepts_a_request_and_the_person_becomes_a_member(
    group, chair, django_capture_on_commit_callbacks
):
    request = JoinRequestFactory(
        organ=group, represents="Görme Engelliler Derneği", show_publicly=True
    )
    applicant = request.person
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decided = services.join_request_decide(
            actor=chair, request_id=request.pk, accept=True, reason=" Hoş geldiniz. "
        )

    assert decided.status == JoinRequestStatus.ACCEPTED
    assert decided.decided_by == chair
    assert decided.decided_at is not None
    assert decided.reason == "Hoş geldiniz."
    membership = Membership.objects.get(organ=group, person=applicant)
    assert membership.role == Role.MEMBER
    assert membership.represents == "Görme Engelliler Derneği"
    assert membership.show_publicly is True
    assert membership.starts_on == timezone.localdate()
    # Roles are a snapshot per request: the applicant's next request sees the membership.
    next_request_user = type(applicant).objects.get(pk=applicant.pk)
    assert access.is_member_of(next_request_user, group.pk)
    [message] = mail.outbox
    assert message.to == [applicant.email]
    assert group.name in message.subject + message.body
    assert (
        ModelLogEntry.objects.for_instance(decided)
        .filter(action="deliberation.join_request.accept", user=chair)
        .exists()
    )


def test_a_declined_request_makes_no_member_and_tells_the_person(
    group, chair, django_capture_on_commit_callbacks
):
    request = JoinRequestFactory(organ=group)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_decide(
            actor=chair, request_id=request.pk, accept=False, reason="Grup dolu."
        )

    request.refresh_from_db()
    assert request.status == JoinRequestStatus.DECLINED
    assert not Membership.objects.filter(person=request.person).exists()
    [message] = mail.outbox
    assert message.to == [request.person.email]
    assert "Grup dolu." in message.body


@pytest.mark.parametrize("decider", ["deputy_chair", "secretariat"])
def test_the_deputy_chair_and_the_secretariat_also_decide(group, decider, secretariat):
    actor = (
        secretariat
        if decider == "secretariat"
        else MembershipFactory(organ=group, deputy_chair=True).person
    )
    request = JoinRequestFactory(organ=group)

    services.join_request_decide(actor=actor, request_id=request.pk, accept=True)

    assert Membership.objects.filter(organ=group, person=request.person).exists()


@pytest.mark.parametrize("decider", ["unrelated", "member", "rapporteur", "applicant"])
def test_others_cannot_decide(group, decider):
    request = JoinRequestFactory(organ=group)
    actor = {
        "unrelated": lambda: UserFactory(),
        "member": lambda: MembershipFactory(organ=group).person,
        "rapporteur": lambda: MembershipFactory(organ=group, rapporteur=True).person,
        "applicant": lambda: request.person,
    }[decider]()

    refused(
        "forbidden", services.join_request_decide, actor=actor, request_id=request.pk, accept=True
    )

    request.refresh_from_db()
    assert request.status == JoinRequestStatus.PENDING
    assert not Membership.objects.filter(person=request.person).exists()


def test_a_request_is_decided_once(group, chair):
    request = JoinRequestFactory(organ=group)
    services.join_request_decide(actor=chair, request_id=request.pk, accept=False)

    refused("state", services.join_request_decide, actor=chair, request_id=request.pk, accept=True)

    assert not Membership.objects.filter(person=request.person).exists()


def test_accepting_someone_who_already_joined_makes_no_second_membership(group, chair):
    request = JoinRequestFactory(organ=group)
    MembershipFactory(organ=group, person=request.person)  # added by the secretariat meanwhile

    services.join_request_decide(actor=chair, request_id=request.pk, accept=True)

    assert Membership.objects.filter(organ=group, person=request.person).count() == 1


def test_a_missing_request_is_not_found(chair):
    refused("not_found", services.join_request_decide, actor=chair, request_id=987654, accept=True)
