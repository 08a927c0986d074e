"""Meetings and decisions through the services: quorum, votes, numbering and minutes."""

import datetime
import re

import pytest
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry

from deliberation import services
from deliberation.errors import DeliberationError
from deliberation.models import Decision, DecisionKind, Membership, Vote, VoteChoice

from .factories import (
    AgendaItemFactory,
    MeetingFactory,
    MembershipFactory,
    OrganFactory,
    UserFactory,
    decide,
    istanbul,
    present_ids,
    quorate_meeting,
    set_config,
)

pytestmark = pytest.mark.django_db


def record(actor, meeting, **kwargs):
    item = AgendaItemFactory(meeting=meeting)
    kwargs.setdefault("kind", DecisionKind.OTHER)
    return services.decision_record(actor=actor, agenda_item_id=item.pk, **kwargs)


def numbers_in(message: str) -> set[str]:
    return set(re.findall(r"\d+", message))


# Quorum ----------------------------------------------------------------------------------


def test_no_decision_without_quorum_and_the_refusal_gives_the_numbers(secretariat):
    meeting = quorate_meeting(members=42, present=21)

    with pytest.raises(DeliberationError) as refused:
        record(secretariat, meeting, yes=21)

    assert refused.value.code == "state"
    # present, members and needed, so the clerk knows how many are missing
    assert {"21", "42", "22"} <= numbers_in(str(refused.value))
    assert not Decision.objects.exists()


def test_a_decision_is_recorded_with_exactly_the_quorum(secretariat):
    meeting = quorate_meeting(members=42, present=22)

    decision = record(secretariat, meeting, yes=22)

    assert (decision.members, decision.present, decision.yes) == (42, 22, 22)
    assert decision.adopted
    assert decision.unanimous


@pytest.mark.parametrize(
    ("members", "present", "needed", "quorate"),
    [(42, 21, 22, False), (42, 22, 22, True), (7, 3, 4, False), (7, 4, 4, True), (8, 5, 5, True)],
)
def test_the_meeting_shows_members_present_and_needed(members, present, needed, quorate):
    meeting = quorate_meeting(members=members, present=present)

    assert meeting.quorum() == {
        "members": members,
        "present": present,
        "needed": needed,
        "has_quorum": quorate,
    }


def test_an_organ_without_members_never_has_quorum(secretariat):
    meeting = MeetingFactory()

    with pytest.raises(DeliberationError) as refused:
        record(secretariat, meeting)

    assert refused.value.code == "state"


# Votes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("present", "yes", "no", "abstain", "adopted"),
    [
        (30, 15, 10, 5, False),
        (30, 16, 10, 4, True),
        (29, 15, 14, 0, True),
        (29, 14, 15, 0, False),
        (4, 3, 0, 1, True),
        (4, 2, 0, 2, False),
    ],
)
def test_vote_totals_decide_by_the_absolute_majority_of_those_present(
    secretariat, present, yes, no, abstain, adopted
):
    meeting = quorate_meeting(members=present + 1, present=present)

    decision = record(secretariat, meeting, yes=yes, no=no, abstain=abstain)

    assert (decision.yes, decision.no, decision.abstain) == (yes, no, abstain)
    assert decision.adopted is adopted


@pytest.mark.parametrize(("yes", "no", "abstain"), [(3, 1, 1), (5, 0, 0), (0, 0, 5), (2, 2, 1)])
def test_more_votes_than_members_present_are_refused(secretariat, yes, no, abstain):
    meeting = quorate_meeting(members=7, present=4)

    with pytest.raises(DeliberationError) as refused:
        record(secretariat, meeting, yes=yes, no=no, abstain=abstain)

    assert refused.value.code == "invalid"
    assert {str(yes + no + abstain), "4"} <= numbers_in(str(refused.value))
    assert not Decision.objects.exists()


@pytest.mark.parametrize(("yes", "no", "abstain"), [(-1, 0, 0), (4, -1, 0), (2, 0, -2)])
def test_negative_votes_are_refused(secretariat, yes, no, abstain):
    meeting = quorate_meeting(members=7, present=4)

    with pytest.raises(DeliberationError) as refused:
        record(secretariat, meeting, yes=yes, no=no, abstain=abstain)

    assert refused.value.code == "invalid"
    assert not Decision.objects.exists()


def test_member_by_member_votes_are_tallied_and_kept(secretariat):
    meeting = quorate_meeting(members=7, present=5)
    a, b, c, d, e = present_ids(meeting)
    votes = {
        a: VoteChoice.YES,
        b: VoteChoice.YES,
        c: VoteChoice.YES,
        d: VoteChoice.NO,
        e: VoteChoice.ABSTAIN,
    }

    decision = record(secretariat, meeting, votes=votes)

    assert (decision.yes, decision.no, decision.abstain, decision.present) == (3, 1, 1, 5)
    assert decision.adopted
    assert not decision.unanimous
    assert dict(Vote.objects.filter(decision=decision).values_list("person_id", "choice")) == votes


def test_member_by_member_votes_count_abstentions_against(secretariat):
    meeting = quorate_meeting(members=7, present=5)
    a, b, c, d, _ = present_ids(meeting)

    decision = record(
        secretariat,
        meeting,
        votes={a: VoteChoice.YES, b: VoteChoice.YES, c: VoteChoice.ABSTAIN, d: VoteChoice.NO},
    )

    assert (decision.yes, decision.no, decision.abstain) == (2, 1, 1)
    assert not decision.adopted


def test_the_member_by_member_tally_wins_over_totals(secretariat):
    meeting = quorate_meeting(members=7, present=4)
    a, b, *_ = present_ids(meeting)

    decision = record(secretariat, meeting, yes=4, votes={a: VoteChoice.YES, b: VoteChoice.NO})

    assert (decision.yes, decision.no) == (1, 1)
    assert not decision.adopted


def test_an_absent_member_cannot_vote(secretariat):
    meeting = quorate_meeting(members=7, present=4)
    absent = meeting.attendances.filter(present=False).first().person_id
    here = present_ids(meeting)

    with pytest.raises(DeliberationError) as refused:
        record(
            secretariat,
            meeting,
            votes={here[0]: VoteChoice.YES, here[1]: VoteChoice.YES, absent: VoteChoice.YES},
        )

    assert refused.value.code == "invalid"
    assert not Decision.objects.exists()
    assert not Vote.objects.exists()


def test_someone_who_is_not_a_member_cannot_vote(secretariat):
    meeting = quorate_meeting(members=7, present=4)
    stranger = UserFactory()

    with pytest.raises(DeliberationError):
        record(secretariat, meeting, votes={stranger.pk: VoteChoice.YES})

    assert not Decision.objects.exists()


def test_a_vote_must_be_yes_no_or_abstain(secretariat):
    meeting = quorate_meeting(members=7, present=4)

    with pytest.raises(DeliberationError) as refused:
        record(secretariat, meeting, votes={present_ids(meeting)[0]: "maybe"})

    assert refused.value.code == "invalid"
    assert not Decision.objects.exists()


def test_unknown_decision_kinds_are_refused(secretariat):
    meeting = quorate_meeting(members=7, present=4)

    with pytest.raises(DeliberationError) as refused:
        record(secretariat, meeting, kind="postpone", yes=4)

    assert refused.value.code == "invalid"


def test_a_missing_agenda_item_is_not_found(secretariat):
    with pytest.raises(DeliberationError) as refused:
        services.decision_record(
            actor=secretariat, agenda_item_id=987654, kind=DecisionKind.OTHER, yes=1
        )

    assert refused.value.code == "not_found"


def test_one_decision_per_agenda_item(secretariat):
    meeting = quorate_meeting(members=7, present=4)
    item = AgendaItemFactory(meeting=meeting)
    services.decision_record(actor=secretariat, agenda_item_id=item.pk, kind="other", yes=4)

    with pytest.raises(DeliberationError) as refused:
        services.decision_record(actor=secretariat, agenda_item_id=item.pk, kind="other", yes=4)

    assert refused.value.code == "state"
    assert Decision.objects.count() == 1


# Casting vote -----------------------------------------------------------------------------

Y, N, A = VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN


def chaired_meeting(*, chair="present", members=7, present=4):
    """A quorate meeting whose organ's chair is "present", "absent" or "none" (no chair)."""
    organ = OrganFactory(executive_board=True)
    chair_id = None
    if chair == "present":  # the first membership made is among the first present
        chair_id = MembershipFactory(organ=organ, chair=True).person_id
    meeting = quorate_meeting(organ, members=members - (chair == "absent"), present=present)
    if chair == "absent":  # joins after attendance: a member, not recorded present
        chair_id = MembershipFactory(organ=organ, chair=True).person_id
        meeting.attendances.create(person_id=chair_id, present=False)
    assert meeting.quorum()["members"] == members
    assert (chair_id in present_ids(meeting)) is (chair == "present")
    return meeting, chair_id


REFUSED = "refused"


@pytest.mark.parametrize(
    ("setting", "chair", "totals", "chair_vote", "expected"),
    [
        # no casting vote in the directive: a tie is not adopted, and no side is taken
        (False, "present", (2, 2, 0), None, (False, False)),
        (False, "present", (2, 2, 0), Y, (REFUSED, "has no casting vote")),
        # a casting vote: the clerk states the chair's side, and must in a tie
        (True, "present", (2, 2, 0), Y, (True, True)),
        (True, "present", (2, 2, 0), N, (False, True)),
        (True, "present", (2, 2, 0), None, (REFUSED, "state whether the chair voted")),
        (True, "present", (2, 2, 0), "abstain", (REFUSED, "yes or no")),
        # the chair was not there (or the organ has none): no casting vote
        (True, "absent", (2, 2, 0), None, (False, False)),
        (True, "absent", (2, 2, 0), Y, (REFUSED, "not recorded present")),
        (True, "none", (2, 2, 0), None, (False, False)),
        # no tie: the chair's side changes nothing
        (True, "present", (3, 1, 0), N, (True, False)),
        (True, "present", (1, 3, 0), Y, (False, False)),
        (True, "present", (2, 1, 1), Y, (False, False)),
    ],
)
def test_casting_vote_with_totals(secretariat, setting, chair, totals, chair_vote, expected):
    set_config(chair_casting_vote=setting)
    meeting, _chair = chaired_meeting(chair=chair)
    yes, no, abstain = totals

    if expected[0] == REFUSED:
        with translation.override("en"), pytest.raises(DeliberationError) as refused:
            record(secretariat, meeting, yes=yes, no=no, abstain=abstain, chair_vote=chair_vote)
        assert expected[1] in str(refused.value)
        assert not Decision.objects.exists()
        return
    decision = record(secretariat, meeting, yes=yes, no=no, abstain=abstain, chair_vote=chair_vote)
    assert (decision.adopted, decision.casting_vote_used) == expected


@pytest.mark.parametrize(
    ("setting", "chair", "chairs_vote", "others", "chair_vote", "expected"),
    [
        # the chair's own recorded vote decides the tie
        (True, "present", Y, (Y, N, N), None, (True, True)),
        (True, "present", N, (Y, Y, N), None, (False, True)),
        (True, "present", Y, (Y, N, N), Y, (True, True)),  # stating it again is no harm
        (True, "present", Y, (Y, N, N), N, (REFUSED, "own recorded vote")),
        # no casting vote in the directive
        (False, "present", Y, (Y, N, N), None, (False, False)),
        # the chair abstains or stays silent: no tie, abstentions count against
        (True, "present", A, (Y, Y, N), None, (False, False)),
        (True, "present", None, (Y, N, N), None, (False, False)),
        # the chair is absent: four others split evenly, no casting vote
        (True, "absent", None, (Y, Y, N, N), None, (False, False)),
    ],
)
def test_casting_vote_member_by_member(
    secretariat, setting, chair, chairs_vote, others, chair_vote, expected
):
    set_config(chair_casting_vote=setting)
    meeting, chair_id = chaired_meeting(chair=chair)
    others_ids = [pk for pk in present_ids(meeting) if pk != chair_id]
    votes = dict(zip(others_ids, others, strict=True))
    if chairs_vote:
        votes[chair_id] = chairs_vote

    if expected[0] == REFUSED:
        with translation.override("en"), pytest.raises(DeliberationError) as refused:
            record(secretariat, meeting, votes=votes, chair_vote=chair_vote)
        assert expected[1] in str(refused.value)
        assert not Decision.objects.exists()
        return
    decision = record(secretariat, meeting, votes=votes, chair_vote=chair_vote)
    assert (decision.adopted, decision.casting_vote_used) == expected
    if decision.casting_vote_used:
        assert decision.votes.get(person_id=chair_id).choice == chairs_vote


# Numbering --------------------------------------------------------------------------------


def test_decisions_are_numbered_per_organ_and_year(secretariat):
    board = OrganFactory(executive_board=True, members=7)
    assembly = OrganFactory(general_assembly=True, members=7)
    march = quorate_meeting(board, starts_at=istanbul(2026, 3, 10))
    april = quorate_meeting(board, starts_at=istanbul(2026, 4, 7))
    december = quorate_meeting(board, starts_at=istanbul(2025, 12, 16))

    first = record(secretariat, march, yes=4)
    second = record(secretariat, march, yes=0, no=4)  # rejected motions are numbered too
    assembly_first = record(secretariat, quorate_meeting(assembly), yes=4)
    last_year = record(secretariat, december, yes=4)
    third = record(secretariat, april, yes=4)
    last_year_second = record(secretariat, december, yes=4)

    assert [first.reference, second.reference, third.reference] == ["2026/1", "2026/2", "2026/3"]
    assert assembly_first.reference == "2026/1"
    assert [last_year.reference, last_year_second.reference] == ["2025/1", "2025/2"]
    assert first.decided_on == datetime.date(2026, 3, 10)
    assert third.decided_on == datetime.date(2026, 4, 7)


def test_the_meetings_date_sets_the_year_of_its_number(secretariat):
    board = OrganFactory(executive_board=True, members=7)
    session = quorate_meeting(board, starts_at=istanbul(2025, 12, 30))
    january = quorate_meeting(board, starts_at=istanbul(2026, 1, 2))

    december = record(secretariat, session, yes=4)
    new_year = record(secretariat, january, yes=4)
    # recorded in 2026, still a decision of the December meeting
    late = record(secretariat, session, yes=4, decided_on=datetime.date(2025, 12, 30))

    assert [december.reference, new_year.reference, late.reference] == [
        "2025/1",
        "2026/1",
        "2025/2",
    ]
    assert late.decided_on == datetime.date(2025, 12, 30)


@pytest.mark.parametrize(
    "decided_on",
    [datetime.date(2026, 3, 9), datetime.date(2026, 3, 11), datetime.date(2099, 1, 1)],
    ids=["before", "after", "future"],
)
def test_a_decision_is_dated_by_its_meeting(secretariat, decided_on):
    meeting = quorate_meeting(members=7, present=4, starts_at=istanbul(2026, 3, 10))

    with pytest.raises(DeliberationError) as refused:
        record(secretariat, meeting, yes=4, decided_on=decided_on)

    assert refused.value.code == "invalid"
    assert "10.03.2026" in str(refused.value)
    assert not Decision.objects.exists()


def test_no_decision_is_recorded_before_the_meeting_begins(secretariat):
    meeting = quorate_meeting(members=7, present=4)
    later = timezone.now() + datetime.timedelta(hours=2)
    type(meeting).objects.filter(pk=meeting.pk).update(starts_at=later)

    with translation.override("en"), pytest.raises(DeliberationError) as refused:
        record(secretariat, meeting, yes=4)

    assert refused.value.code == "state"
    assert "has not begun" in str(refused.value)
    assert timezone.localtime(later).strftime("%d.%m.%Y %H.%M") in str(refused.value)
    assert not Decision.objects.exists()


def test_the_numbers_of_the_meeting_are_kept_when_memberships_change_later(secretariat):
    board = OrganFactory(executive_board=True)
    meeting = quorate_meeting(board, members=7, present=4)
    decision = record(secretariat, meeting, yes=3, no=1)

    # three members leave before the meeting's date is even reached again, five join
    absent = list(meeting.attendances.filter(present=False).values_list("person_id", flat=True))
    Membership.objects.filter(organ=board, person_id__in=absent).update(
        ends_on=datetime.date(2026, 1, 31)
    )
    MembershipFactory.create_batch(5, organ=board)
    assert meeting.quorum()["members"] == 9

    decision.refresh_from_db()
    assert (decision.members, decision.present, decision.yes, decision.no) == (7, 4, 3, 1)
    assert decision.adopted


def test_the_decision_is_written_to_the_meetings_audit_log(secretariat):
    meeting = quorate_meeting(members=7, present=4)

    decision = record(secretariat, meeting, yes=4)

    entry = ModelLogEntry.objects.for_instance(meeting).get(action="deliberation.meeting.decision")
    assert entry.user == secretariat
    assert entry.data["decision"] == decision.reference
    assert entry.data["adopted"] is True


def test_a_report_free_item_needs_no_report(secretariat):
    decision = decide(None, organ=OrganFactory(executive_board=True), kind=DecisionKind.OTHER)

    assert decision.adopted
    assert decision.agenda_item.report is None


# Attendance -------------------------------------------------------------------------------


def test_attendance_records_every_member_present_or_absent(secretariat):
    board = OrganFactory(executive_board=True, members=5)
    meeting = MeetingFactory(organ=board)
    ids = sorted(board.memberships.values_list("person_id", flat=True))

    services.meeting_record_attendance(
        actor=secretariat, meeting_id=meeting.pk, present_ids=ids[:3]
    )

    assert meeting.attendances.count() == 5
    assert sorted(present_ids(meeting)) == ids[:3]
    # recording again replaces the earlier record
    services.meeting_record_attendance(actor=secretariat, meeting_id=meeting.pk, present_ids=ids)
    assert meeting.present_count() == 5
    assert (
        ModelLogEntry.objects.for_instance(meeting)
        .filter(action="deliberation.meeting.attendance")
        .count()
        == 2
    )


def test_only_members_on_the_meeting_date_can_be_present(secretariat):
    board = OrganFactory(executive_board=True, members=5)
    meeting = MeetingFactory(organ=board, starts_at=istanbul(2026, 3, 10))
    joined_later = MembershipFactory(organ=board, starts_on=datetime.date(2026, 3, 11)).person
    stranger = UserFactory()

    for outsider in (joined_later, stranger):
        with pytest.raises(DeliberationError) as refused:
            services.meeting_record_attendance(
                actor=secretariat, meeting_id=meeting.pk, present_ids=[outsider.pk]
            )
        assert refused.value.code == "invalid"
    assert not meeting.attendances.exists()


def test_attendance_is_not_recorded_before_the_meeting_begins(secretariat):
    board = OrganFactory(executive_board=True, members=5)
    meeting = MeetingFactory(organ=board, starts_at=timezone.now() + datetime.timedelta(days=2))

    with translation.override("en"), pytest.raises(DeliberationError) as refused:
        services.meeting_record_attendance(
            actor=secretariat,
            meeting_id=meeting.pk,
            present_ids=board.memberships.values_list("person_id", flat=True),
        )

    assert refused.value.code == "state"
    assert "has not begun" in str(refused.value)
    assert not meeting.attendances.exists()


def test_attendance_is_frozen_once_a_decision_is_recorded(secretariat):
    meeting = quorate_meeting(members=7, present=4)
    record(secretariat, meeting, yes=4)

    with pytest.raises(DeliberationError) as refused:
        services.meeting_record_attendance(
            actor=secretariat,
            meeting_id=meeting.pk,
            present_ids=meeting.attendances.values_list("person_id", flat=True),
        )

    assert refused.value.code == "state"
    assert meeting.present_count() == 4


@pytest.mark.parametrize(
    "call",
    [
        lambda actor: services.meeting_record_attendance(
            actor=actor, meeting_id=987654, present_ids=[]
        ),
        lambda actor: services.meeting_publish_minutes(actor=actor, meeting_id=987654),
    ],
    ids=["attendance", "minutes"],
)
def test_a_missing_meeting_is_not_found(secretariat, call):
    with pytest.raises(DeliberationError) as refused:
        call(secretariat)

    assert refused.value.code == "not_found"


# Minutes ----------------------------------------------------------------------------------


def test_minutes_are_published_once(secretariat):
    meeting = MeetingFactory(minutes="Toplantı saat 18.00'de açıldı.")

    services.meeting_publish_minutes(actor=secretariat, meeting_id=meeting.pk)

    meeting.refresh_from_db()
    assert meeting.minutes_published
    assert (
        ModelLogEntry.objects.for_instance(meeting)
        .filter(action="deliberation.meeting.publish_minutes", user=secretariat)
        .exists()
    )
    with pytest.raises(DeliberationError) as refused:
        services.meeting_publish_minutes(actor=secretariat, meeting_id=meeting.pk)
    assert refused.value.code == "state"


def test_empty_minutes_are_not_published(secretariat):
    meeting = MeetingFactory(minutes="   ")

    with pytest.raises(DeliberationError) as refused:
        services.meeting_publish_minutes(actor=secretariat, meeting_id=meeting.pk)

    assert refused.value.code == "invalid"
    meeting.refresh_from_db()
    assert not meeting.minutes_published


def test_minutes_of_a_future_meeting_are_not_published(secretariat):
    meeting = MeetingFactory(
        minutes="Gündem taslağı.", starts_at=timezone.now() + datetime.timedelta(days=3)
    )

    with pytest.raises(DeliberationError):
        services.meeting_publish_minutes(actor=secretariat, meeting_id=meeting.pk)

    meeting.refresh_from_db()
    assert not meeting.minutes_published


# Editing a meeting ------------------------------------------------------------------------


def edited(meeting, **changes):
    """The meeting as the edit form hands it to the service: a fresh copy with changes."""
    copy = type(meeting).objects.get(pk=meeting.pk)
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


@pytest.mark.parametrize(
    "changes",
    [{"starts_at": istanbul(2026, 3, 11)}, {"starts_at": istanbul(2026, 3, 10, 19)}, "organ"],
    ids=["another day", "another hour", "another organ"],
)
def test_a_meeting_with_decisions_keeps_its_organ_and_date(secretariat, changes):
    meeting = quorate_meeting(members=7, present=4, starts_at=istanbul(2026, 3, 10))
    decision = record(secretariat, meeting, yes=4)
    if changes == "organ":
        changes = {"organ": OrganFactory(executive_board=True)}

    with pytest.raises(DeliberationError) as refused:
        services.meeting_save(actor=secretariat, meeting=edited(meeting, **changes))

    assert refused.value.code == "state"
    meeting.refresh_from_db()
    assert meeting.starts_at == istanbul(2026, 3, 10)
    decision.refresh_from_db()
    assert decision.decided_on == meeting.meeting_date == datetime.date(2026, 3, 10)


def test_a_meeting_with_decisions_can_still_be_corrected_elsewhere(secretariat):
    meeting = quorate_meeting(members=7, present=4)
    record(secretariat, meeting, yes=4)

    services.meeting_save(
        actor=secretariat, meeting=edited(meeting, place="Kültür Merkezi", minutes="Açıldı.")
    )

    meeting.refresh_from_db()
    assert (meeting.place, meeting.minutes) == ("Kültür Merkezi", "Açıldı.")
    entry = ModelLogEntry.objects.for_instance(meeting).get(action="wagtail.edit")
    assert entry.user == secretariat
    assert sorted(entry.data["changed"]) == ["minutes", "place"]


def test_a_meeting_without_attendance_or_decisions_can_move(secretariat):
    meeting = MeetingFactory(starts_at=istanbul(2026, 3, 10))

    services.meeting_save(
        actor=secretariat, meeting=edited(meeting, starts_at=istanbul(2026, 3, 9))
    )

    meeting.refresh_from_db()
    assert meeting.meeting_date == datetime.date(2026, 3, 9)


def test_published_minutes_are_not_edited(secretariat):
    meeting = MeetingFactory(minutes="Toplantı saat 18.00'de açıldı.")
    services.meeting_publish_minutes(actor=secretariat, meeting_id=meeting.pk)
    document = get_document_model().objects.create(title="Ek", file="ek.pdf")

    for call in (
        lambda: services.meeting_save(
            actor=secretariat, meeting=edited(meeting, minutes="Toplantı 19.00'da açıldı.")
        ),
        lambda: services.meeting_save(
            actor=secretariat, meeting=edited(meeting), minutes_attachment_ids=[document.pk]
        ),
    ):
        with pytest.raises(DeliberationError) as refused:
            call()
        assert refused.value.code == "state"
        # the date of publication, so the clerk can find the published text
        assert timezone.localdate().strftime("%d.%m.%Y") in str(refused.value)

    meeting.refresh_from_db()
    assert meeting.minutes == "Toplantı saat 18.00'de açıldı."
    assert not meeting.minutes_attachments.exists()
    # the same text sent back by a browser (CRLF line ends) and other fields are fine
    services.meeting_save(
        actor=secretariat,
        meeting=edited(meeting, minutes="Toplantı saat 18.00'de açıldı.\r\n", place="Konak"),
        minutes_attachment_ids=[],
    )
    meeting.refresh_from_db()
    assert (meeting.place, meeting.minutes) == ("Konak", "Toplantı saat 18.00'de açıldı.")
    assert meeting.minutes_published


def test_a_meeting_with_attendance_keeps_its_date(secretariat):
    """Attendance was taken from the organ's members on that day."""
    meeting = quorate_meeting(members=7, present=4, starts_at=istanbul(2026, 3, 10))

    with pytest.raises(DeliberationError) as refused:
        services.meeting_save(
            actor=secretariat, meeting=edited(meeting, starts_at=istanbul(2026, 3, 11))
        )

    assert refused.value.code == "state"
    meeting.refresh_from_db()
    assert meeting.starts_at == istanbul(2026, 3, 10)


def published(secretariat, **kwargs):
    meeting = quorate_meeting(members=7, present=4, minutes="Toplantı açıldı.", **kwargs)
    services.meeting_publish_minutes(actor=secretariat, meeting_id=meeting.pk)
    return meeting


def test_nothing_is_recorded_at_a_meeting_once_its_minutes_are_published(secretariat):
    meeting = published(secretariat)
    item = AgendaItemFactory(meeting=meeting)

    for call in (
        lambda: services.decision_record(
            actor=secretariat, agenda_item_id=item.pk, kind=DecisionKind.OTHER, yes=4
        ),
        lambda: services.meeting_record_attendance(
            actor=secretariat,
            meeting_id=meeting.pk,
            present_ids=list(meeting.attendances.values_list("person_id", flat=True)),
        ),
    ):
        with pytest.raises(DeliberationError) as refused:
            call()
        assert refused.value.code == "state"
        assert "Düzeltmeyi organın bir sonraki toplantısının tutanağına yazın" in str(refused.value)

    assert not Decision.objects.filter(agenda_item=item).exists()
    assert meeting.attendances.filter(present=True).count() == 4


class _Agenda:
    """The agenda formset as the service sees it: changed or not, and saved on request."""

    def __init__(self, *, changed: bool, forms=(), deleted=()):
        self.changed, self.forms, self.deleted_forms, self.saved = changed, forms, deleted, False
        self.instance = None

    def has_changed(self):
        return self.changed

    def save(self):
        self.saved = True


def test_the_agenda_of_published_minutes_is_not_changed(secretariat):
    meeting = published(secretariat)
    agenda = _Agenda(changed=True)

    with pytest.raises(DeliberationError) as refused:
        services.meeting_save(actor=secretariat, meeting=edited(meeting), agenda=agenda)

    assert refused.value.code == "state"
    assert not agenda.saved
    unchanged = _Agenda(changed=False)
    services.meeting_save(actor=secretariat, meeting=edited(meeting), agenda=unchanged)
    assert unchanged.saved


def test_an_agenda_item_with_a_decision_is_not_removed(secretariat):
    meeting = quorate_meeting(members=7, present=4)
    item = AgendaItemFactory(meeting=meeting, title="Park düzenlemesi")
    services.decision_record(
        actor=secretariat, agenda_item_id=item.pk, kind=DecisionKind.OTHER, yes=4
    )

    class Row:
        instance = item

        def has_changed(self):
            return False

    row = Row()
    agenda = _Agenda(changed=True, forms=[row], deleted=[row])
    with pytest.raises(DeliberationError) as refused:
        services.meeting_save(actor=secretariat, meeting=edited(meeting), agenda=agenda)

    assert "Park düzenlemesi" in str(refused.value)
    assert not agenda.saved


def test_an_unchanged_save_writes_no_audit_entry(secretariat):
    meeting = MeetingFactory()

    services.meeting_save(actor=secretariat, meeting=edited(meeting))

    assert not ModelLogEntry.objects.for_instance(meeting).filter(action="wagtail.edit").exists()


def test_only_the_secretariat_edits_meetings(chair):
    meeting = MeetingFactory()

    with pytest.raises(DeliberationError) as refused:
        services.meeting_save(actor=chair, meeting=edited(meeting, place="Başka yer"))

    assert refused.value.code == "forbidden"
