"""The secretariat's back office: meetings, attendance, decisions, minutes, join requests."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from deliberation import services
from deliberation.errors import DeliberationError
from deliberation.models import (
    Decision,
    DecisionKind,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    ReportStatus,
)
from deliberation.signals import MEMBERS_GROUP

from .factories import (
    AgendaItemFactory,
    JoinRequestFactory,
    MeetingFactory,
    MembershipFactory,
    OrganFactory,
    ReportFactory,
    UserFactory,
    board,
    quorate_meeting,
)

pytestmark = pytest.mark.django_db


def admin_client(user) -> Client:
    """A signed-in browser that asks for English, so messages don't depend on the catalogue."""
    # The Wagtail admin speaks the language of the user's profile, not Accept-Language.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def meeting_url(name, *args):
    return reverse(f"deliberation_meeting:{name}", args=args)


def test_no_decision_is_recorded_without_a_quorum(secretariat, group):
    report = ReportFactory(group=group, in_board_review=True)
    meeting = quorate_meeting(board(), members=7, present=3)  # 4 needed
    item = AgendaItemFactory(meeting=meeting, report=report)
    client = admin_client(secretariat)

    page = client.get(meeting_url("record_decision", item.pk)).content.decode()
    assert "No quorum" in page  # the numbers are shown before anything is typed

    response = client.post(
        meeting_url("record_decision", item.pk),
        {
            "kind": DecisionKind.OPINION,
            "decided_on": "2026-03-10",
            "counting": "totals",
            "yes": "3",
            "no": "0",
            "abstain": "0",
            "text": "Olumlu görüş.",
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "No quorum: 3 of 7 members are present and 4 are needed" in content
    assert "Olumlu görüş." in content  # what was typed is kept
    assert not Decision.objects.exists()
    report.refresh_from_db()
    assert report.status == ReportStatus.BOARD_REVIEW


def test_attendance_then_a_member_by_member_vote_moves_the_report(secretariat, group):
    report = ReportFactory(group=group, in_board_review=True)
    organ = board()
    meeting = MeetingFactory(organ=organ)
    item = AgendaItemFactory(meeting=meeting, report=report)
    people = list(organ.memberships.values_list("person_id", flat=True).order_by("person_id"))
    client = admin_client(secretariat)

    response = client.post(meeting_url("attendance", meeting.pk), {"present": people[:5]})
    assert response.status_code == 302
    assert meeting.quorum() == {"members": 7, "present": 5, "needed": 4, "has_quorum": True}

    votes = {f"vote_{pk}": "yes" for pk in people[:3]} | {f"vote_{people[3]}": "abstain"}
    response = client.post(
        meeting_url("record_decision", item.pk),
        {
            "kind": DecisionKind.OPINION,
            "decided_on": "2026-03-10",
            "counting": "members",
            "text": "Olumlu görüş verildi.",
            **votes,
        },
    )

    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.yes, decision.no, decision.abstain, decision.present) == (3, 0, 1, 5)
    assert decision.adopted and decision.votes.count() == 4
    report.refresh_from_db()
    assert report.status == ReportStatus.ASSEMBLY_REVIEW
    detail = client.get(meeting_url("inspect", meeting.pk)).content.decode()
    assert decision.reference in detail


def test_publishing_minutes(secretariat):
    meeting = MeetingFactory(minutes="Toplantı tutanağı.")
    client = admin_client(secretariat)

    assert client.get(meeting_url("publish_minutes", meeting.pk)).status_code == 200
    client.post(meeting_url("publish_minutes", meeting.pk))

    meeting.refresh_from_db()
    assert meeting.minutes_published
    refused = client.post(meeting_url("publish_minutes", meeting.pk), follow=True)
    assert "already published" in refused.content.decode()


@pytest.mark.parametrize("name", ["index", "add", "attendance", "record_decision", "inspect"])
def test_only_the_secretariat_runs_meetings(group, chair, name):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting)
    args = {"index": (), "add": (), "record_decision": (item.pk,)}.get(name, (meeting.pk,))
    client = admin_client(chair)

    response = client.get(meeting_url(name, *args))

    assert response.status_code in (302, 403)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("deliberation_meeting:index") not in home


def test_the_meeting_form_edits_the_agenda(secretariat, group):
    report = ReportFactory(group=group, in_board_review=True)
    organ = board()
    client = admin_client(secretariat)

    response = client.post(
        meeting_url("add"),
        {
            "organ": organ.pk,
            "starts_at": "2026-04-14 18:00",
            "place": "Kent Konseyi Toplantı Salonu",
            "minutes": "",
            "agenda-TOTAL_FORMS": "2",
            "agenda-INITIAL_FORMS": "0",
            "agenda-MIN_NUM_FORMS": "0",
            "agenda-MAX_NUM_FORMS": "1000",
            "agenda-0-position": "1",
            "agenda-0-title": "Bisiklet yolları raporu",
            "agenda-0-report": report.pk,
            "agenda-1-position": "2",  # the empty row as rendered
            "agenda-1-title": "",
            "agenda-1-report": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = organ.meetings.get()
    assert [(i.title, i.report_id) for i in meeting.agenda_items.all()] == [
        ("Bisiklet yolları raporu", report.pk)
    ]


def join_url(name, *args):
    return reverse(f"deliberation_joinrequest:{name}", args=args)


def test_a_chair_sees_and_decides_only_their_groups_requests(group, chair):
    own = JoinRequestFactory(organ=group, person=UserFactory(first_name="Can", last_name="Aday"))
    other = JoinRequestFactory(
        organ=OrganFactory(), person=UserFactory(first_name="Deniz", last_name="Başka")
    )
    client = admin_client(chair)

    listing = client.get(join_url("index")).content.decode()
    assert "Can Aday" in listing and "Deniz Başka" not in listing
    assert own.person.email not in listing  # chairs see names, not addresses
    assert client.get(join_url("edit", other.pk)).status_code == 404

    response = client.post(join_url("edit", own.pk), {"accept": "1", "reason": "Hoş geldiniz."})

    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == JoinRequestStatus.ACCEPTED
    assert Membership.objects.current().filter(organ=group, person=own.person).exists()
    # The new member can now work in the admin (and only that).
    members_group = Group.objects.get(name=MEMBERS_GROUP)
    assert own.person.groups.filter(pk=members_group.pk).exists()
    assert own.person.has_perm("wagtailadmin.access_admin")
    assert JoinRequest.objects.get(pk=other.pk).status == JoinRequestStatus.PENDING


def test_deciding_twice_is_an_error_message(group, chair, secretariat):
    join_request = JoinRequestFactory(organ=group, person=UserFactory())
    admin_client(secretariat).post(join_url("edit", join_request.pk), {"decline": "1"})

    response = admin_client(chair).post(join_url("edit", join_request.pk), {"accept": "1"})

    assert response.status_code == 200
    assert "already decided" in response.content.decode()


def test_the_chairs_casting_vote_decides_a_tie_where_the_directive_allows(
    secretariat, casting_vote
):
    organ = OrganFactory(executive_board=True)
    MembershipFactory(organ=organ, chair=True)  # among the first four, who are present
    meeting = quorate_meeting(organ, members=7, present=4)
    item = AgendaItemFactory(meeting=meeting)
    client = admin_client(secretariat)
    assert (
        "The chair&#x27;s vote"
        in client.get(meeting_url("record_decision", item.pk)).content.decode()
    )
    tie = {
        "kind": DecisionKind.OTHER,
        "counting": "totals",
        "yes": "2",
        "no": "2",
        "abstain": "0",
        "text": "Eşitlik.",
    }

    # a tie counted as totals needs the chair's side
    response = client.post(meeting_url("record_decision", item.pk), tie)
    assert response.status_code == 200
    assert "state whether the chair voted yes or no" in response.content.decode()
    assert not Decision.objects.exists()

    client.post(meeting_url("record_decision", item.pk), tie | {"chair_vote": "yes"})

    decision = Decision.objects.get()
    assert decision.adopted and decision.casting_vote_used
    assert decision.decided_on == meeting.meeting_date


def edit_data(meeting, **changes):
    """The meeting's edit form as the browser posts it back, with ``changes``."""
    items = list(meeting.agenda_items.order_by("position", "pk"))
    local = timezone.localtime(meeting.starts_at)
    data = {
        "organ": meeting.organ_id,
        "starts_at": local.strftime("%Y-%m-%d %H:%M"),
        "place": meeting.place,
        "minutes": meeting.minutes,
        "agenda-TOTAL_FORMS": str(len(items)),
        "agenda-INITIAL_FORMS": str(len(items)),
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
    }
    for n, item in enumerate(items):
        data |= {
            f"agenda-{n}-id": item.pk,
            f"agenda-{n}-meeting": meeting.pk,
            f"agenda-{n}-position": item.position,
            f"agenda-{n}-title": item.title,
            f"agenda-{n}-report": item.report_id or "",
        }
    return data | changes


def decided_meeting(secretariat):
    meeting = quorate_meeting(board(), members=7, present=4)
    item = AgendaItemFactory(meeting=meeting)
    services.decision_record(
        actor=secretariat, agenda_item_id=item.pk, kind=DecisionKind.OTHER, yes=4
    )
    return meeting


def test_the_date_of_a_meeting_with_decisions_is_shown_but_not_editable(secretariat):
    meeting = decided_meeting(secretariat)
    before = meeting.starts_at
    client = admin_client(secretariat)

    page = client.get(meeting_url("edit", meeting.pk)).content.decode()
    assert re.search(r'<input[^>]*name="starts_at"[^>]*disabled', page)
    assert "are dated by it, so its date and time cannot change" in page

    response = client.post(
        meeting_url("edit", meeting.pk),
        edit_data(meeting, starts_at="2026-03-12 18:00", place="Kültür Merkezi"),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    meeting.refresh_from_db()
    assert meeting.starts_at == before
    assert meeting.place == "Kültür Merkezi"


def test_a_refusal_of_the_service_is_a_form_error_and_keeps_what_was_typed(
    secretariat, monkeypatch
):
    """E.g. a decision recorded while the form was open: the service refuses under its lock."""
    meeting = decided_meeting(secretariat)

    def refuse(**kwargs):
        raise DeliberationError("ÖZEL_RET: kayıt değişti.", code="state")

    monkeypatch.setattr(services, "meeting_save", refuse)
    response = admin_client(secretariat).post(
        meeting_url("edit", meeting.pk), edit_data(meeting, place="Kültür Merkezi")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "ÖZEL_RET: kayıt değişti." in page
    assert re.search(r'<input[^>]*name="place"[^>]*value="Kültür Merkezi"', page)
    meeting.refresh_from_db()
    assert meeting.place == "Kent Konseyi Toplantı Salonu, Konak"


def test_the_date_of_a_meeting_with_attendance_is_shown_but_not_editable(secretariat):
    meeting = quorate_meeting(board(), members=7, present=4)
    before = meeting.starts_at
    client = admin_client(secretariat)

    page = client.get(meeting_url("edit", meeting.pk)).content.decode()
    assert re.search(r'<input[^>]*name="starts_at"[^>]*disabled', page)

    response = client.post(
        meeting_url("edit", meeting.pk), edit_data(meeting, starts_at="2026-03-12 18:00")
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.starts_at == before


def test_the_agenda_of_published_minutes_is_shown_but_not_editable(secretariat):
    meeting = MeetingFactory(minutes="Toplantı saat 18.00'de açıldı.")
    item = AgendaItemFactory(meeting=meeting, title="Bütçe görüşmesi")
    services.meeting_publish_minutes(actor=secretariat, meeting_id=meeting.pk)
    client = admin_client(secretariat)

    page = client.get(meeting_url("edit", meeting.pk)).content.decode()
    assert re.search(r'<input[^>]*name="agenda-0-title"[^>]*disabled', page)
    assert 'name="agenda-0-DELETE"' not in page

    data = edit_data(meeting, **{"agenda-0-title": "Sonradan değişti", "agenda-0-DELETE": "on"})
    response = client.post(meeting_url("edit", meeting.pk), data)

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Bütçe görüşmesi"


def test_published_minutes_are_shown_but_not_editable(secretariat):
    meeting = MeetingFactory(minutes="Toplantı saat 18.00'de açıldı.")
    services.meeting_publish_minutes(actor=secretariat, meeting_id=meeting.pk)
    client = admin_client(secretariat)

    page = client.get(meeting_url("edit", meeting.pk)).content.decode()
    assert re.search(r'<textarea[^>]*name="minutes"[^>]*disabled', page)
    assert "Record a correction in the minutes of the organ&#x27;s next meeting" in page

    response = client.post(
        meeting_url("edit", meeting.pk), edit_data(meeting, minutes="Sonradan değişti.")
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "Toplantı saat 18.00'de açıldı."


@pytest.mark.parametrize("screen", ["edit", "inspect"])
def test_the_meeting_screens_cost_the_same_queries_for_3_or_30_agenda_items(
    secretariat, group, screen
):
    reports = [ReportFactory(group=group, in_board_review=True) for _ in range(3)]
    client = admin_client(secretariat)

    def queries_for(count):
        meeting = decided_meeting(secretariat)  # one item decided, the rest open
        for n in range(count - 1):
            AgendaItemFactory(meeting=meeting, report=reports[n % 4] if n % 4 < 3 else None)
        client.get(meeting_url(screen, meeting.pk))  # warm the caches (settings, user)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(meeting_url(screen, meeting.pk))
        assert response.status_code == 200
        assert meeting.agenda_items.count() == count
        return len(queries)

    assert queries_for(30) == queries_for(3)


def test_a_posted_agenda_of_millions_of_items_is_refused_without_building_them():
    """The formset's count comes from the browser; past the cap it is a form error."""
    from deliberation.forms import AgendaItemFormSet

    formset = AgendaItemFormSet(
        data={
            "agenda_items-TOTAL_FORMS": str(2**31),
            "agenda_items-INITIAL_FORMS": "0",
            "agenda_items-MIN_NUM_FORMS": "0",
            "agenda_items-MAX_NUM_FORMS": "1000",
        },
        instance=None,
        prefix="agenda_items",
    )

    assert len(formset.forms) == 100
    assert not formset.is_valid()
