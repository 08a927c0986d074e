"""The "waiting for me" panel on the admin dashboard: what each role sees, and only theirs."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from deliberation import services
from deliberation.models import DecisionKind
from motions import services as motion_services

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
    general_assembly,
    istanbul,
    quorate_meeting,
    secretariat_user,
)

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def admin_client(user) -> Client:
    # The Wagtail admin speaks the language of the user's profile, not Accept-Language.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def dashboard(user) -> str:
    response = admin_client(user).get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def returned(group, title=None):
    report = ReportFactory(group=group, in_board_review=True, **({"title": title} if title else {}))
    decide(report, organ=board(), kind=DecisionKind.RETURN, text="Maliyet analizi eksik.")
    return report


def board_member():
    return MembershipFactory(organ=board()).person


def assembly_member():
    return MembershipFactory(organ=general_assembly()).person


def coming_meeting(organ, *reports, days=7):
    meeting = MeetingFactory(
        organ=organ, starts_at=timezone.now() + datetime.timedelta(days=days), place="Konak"
    )
    for report in reports:
        AgendaItemFactory(meeting=meeting, report=report)
    return meeting


# -- Working groups -----------------------------------------------------------------------


def test_the_chair_is_waited_for_on_adopted_reports_and_requests(group, chair):
    report = ReportFactory(group=group, adopted=True, title="Gönderilmeyi bekleyen rapor")
    JoinRequestFactory(organ=group, person=UserFactory(first_name="Can", last_name="Aday"))
    other = OrganFactory()
    ReportFactory(group=other, adopted=True, title="Başka grubun raporu")
    JoinRequestFactory(organ=other, person=UserFactory(first_name="Deniz", last_name="Başka"))

    page = dashboard(chair)

    assert "Waiting for me" in page
    assert "Reports your group adopted, to submit to the Executive Board" in page
    assert report.title in page and "Can Aday" in page
    assert "Başka grubun raporu" not in page and "Deniz Başka" not in page


def test_a_deputy_chair_is_waited_for_like_the_chair(group):
    deputy = MembershipFactory(organ=group, deputy_chair=True).person
    report = ReportFactory(group=group, adopted=True, title="Yardımcının göndereceği rapor")
    JoinRequestFactory(organ=group, person=UserFactory(first_name="Can", last_name="Aday"))

    page = dashboard(deputy)

    assert report.title in page and "Can Aday" in page


def test_members_see_their_returned_drafts_with_the_reasons_and_their_drafts(group, member):
    report = returned(group, title="Geri gönderilen rapor")
    draft = ReportFactory(group=group, title="Yazılmakta olan taslak")
    ReportFactory(group=OrganFactory(), title="Başka grubun taslağı")
    returned(OrganFactory(), title="Başka gruba geri gönderilen")

    page = dashboard(member)

    assert "Reports returned to your group for reconsideration" in page
    assert report.title in page and "Maliyet analizi eksik." in page
    assert "Drafts of your groups" in page and draft.title in page
    assert page.count(report.title) == 1  # returned, not listed again among the drafts
    assert "Başka grubun taslağı" not in page and "Başka gruba geri gönderilen" not in page
    # a member is no chair: no requests, no adopted reports
    assert "Requests to join" not in page and "to submit to the Executive Board" not in page


def test_a_draft_without_a_timeline_entry_is_still_a_draft(group, member):
    """E.g. one imported from before the platform: nothing on its timeline yet."""
    draft = ReportFactory(group=group, title="İçe aktarılmış taslak")
    draft.events.all().delete()

    page = dashboard(member)

    assert "Drafts of your groups" in page and draft.title in page


def test_a_member_with_nothing_to_do_is_told_so(group, member):
    assert "Nothing is waiting for you." in dashboard(member)


# -- The reviewing organs -----------------------------------------------------------------


def test_board_members_see_the_reports_before_the_board_and_its_coming_meetings(group):
    reviewer = board_member()
    before_board = ReportFactory(group=group, in_board_review=True, title="Kurulda bekleyen")
    on_agenda = ReportFactory(group=group, in_board_review=True, title="Gündemdeki rapor")
    coming_meeting(board(), on_agenda)
    in_assembly = ReportFactory(
        group=group, in_assembly_review=True, title="Genel Kurulda bekleyen"
    )
    MeetingFactory(
        organ=general_assembly(),
        starts_at=timezone.now() + datetime.timedelta(days=5),
        place="Genel Kurul salonu",
    ).agenda_items.create(title=in_assembly.title, report=in_assembly)
    ReportFactory(group=group, title="Grubun taslağı")

    page = dashboard(reviewer)

    assert "Reports before the Executive Board" in page
    assert before_board.title in page and on_agenda.title in page
    assert "Coming meetings of your organ" in page
    assert "Konak" in page
    assert page.count(on_agenda.title) == 2  # before the board, and on its meeting's agenda
    assert "Genel Kurulda bekleyen" not in page and "Genel Kurul salonu" not in page
    assert "Grubun taslağı" not in page
    assert "Requests to join" not in page


def test_assembly_members_see_what_is_before_the_assembly_not_the_board(group):
    member = assembly_member()
    before_assembly = ReportFactory(group=group, in_assembly_review=True, title="Kurula sunulan")
    ReportFactory(group=group, in_board_review=True, title="Yürütme Kurulunda bekleyen")
    assembly_meeting = coming_meeting(general_assembly(), before_assembly)
    board_report = ReportFactory(group=group, in_board_review=True, title="Kurul gündeminde")
    coming_meeting(board(), board_report)

    page = dashboard(member)

    assert "Reports before the General Assembly" in page
    assert page.count(before_assembly.title) == 2
    assert assembly_meeting.place in page
    assert "Yürütme Kurulunda bekleyen" not in page and "Kurul gündeminde" not in page


def test_a_past_meeting_is_not_a_coming_one(group):
    reviewer = board_member()
    report = ReportFactory(group=group, in_board_review=True, title="Eski gündem")
    MeetingFactory(organ=board(), place="Geçmiş salon")  # held in March
    AgendaItemFactory(meeting=MeetingFactory(organ=board(), place="Geçmiş salon"), report=report)

    page = dashboard(reviewer)

    assert "Geçmiş salon" not in page
    assert "Coming meetings of your organ" not in page


# -- The secretariat ----------------------------------------------------------------------


def test_the_secretariat_sees_reports_in_review_that_no_meeting_will_decide(group, secretariat):
    waiting = ReportFactory(group=group, in_board_review=True, title="Toplantı bekleyen rapor")
    scheduled = ReportFactory(group=group, in_board_review=True, title="Gündeme alınmış rapor")
    coming_meeting(board(), scheduled)
    # on the agenda of the wrong organ: still waiting for the board
    wrong_organ = ReportFactory(group=group, in_board_review=True, title="Yanlış kurulda")
    coming_meeting(general_assembly(), wrong_organ)

    page = dashboard(secretariat)

    assert "Reports under review with no meeting to decide on them" in page
    assert waiting.title in page and wrong_organ.title in page
    assert scheduled.title not in page


def test_a_decision_not_adopted_leaves_the_report_waiting_for_a_meeting(group, secretariat):
    report = ReportFactory(group=group, in_board_review=True, title="Kabul edilmeyen görüş")
    decide(report, organ=board(), kind=DecisionKind.OPINION, yes=0)  # not adopted

    assert report.title in dashboard(secretariat)


def test_the_secretariat_sees_meetings_still_to_complete(secretariat):
    to_record = MeetingFactory(organ=board(), starts_at=istanbul(2026, 4, 7))
    undecided = quorate_meeting(board(), starts_at=istanbul(2026, 5, 5))
    AgendaItemFactory(meeting=undecided, title="Bütçe görüşmesi")
    AgendaItemFactory(meeting=undecided, title="Dilek ve öneriler")
    complete = quorate_meeting(board(), starts_at=istanbul(2026, 2, 3), minutes="Tutanak.")
    services.meeting_publish_minutes(actor=secretariat_user(), meeting_id=complete.pk)
    coming_meeting(board(), days=3)

    page = dashboard(secretariat)

    assert "Meetings to complete: attendance, decisions or minutes" in page
    assert str(to_record) in page and "attendance not recorded" in page
    assert str(undecided) in page and "2 agenda items without a decision" in page
    assert "minutes not published" in page
    assert reverse("deliberation_meeting:inspect", args=[undecided.pk]) in page
    assert str(complete) not in page


def test_the_secretariat_sees_approved_reports_not_yet_submitted(group, secretariat):
    waiting = ReportFactory(group=group, approved=True, title="Meclise gidecek rapor")
    submitted = ReportFactory(group=group, approved=True, title="Meclise gitmiş rapor")
    motion_services.motion_submit_report(
        actor=secretariat,
        report_id=submitted.pk,
        submitted_on=timezone.localdate(),
        recipient="Belediye Meclisi",
        outgoing_number="E-2026/7",
    )

    page = dashboard(secretariat)

    assert "Approved reports not yet submitted to the municipal assembly" in page
    assert waiting.title in page
    assert reverse("motions_submit:submit", args=[waiting.pk]) in page
    assert submitted.title not in page


def test_the_secretariat_does_not_get_the_groups_or_organs_lists(group, secretariat):
    ReportFactory(group=group, title="Sıradan taslak")
    report = ReportFactory(group=group, in_board_review=True, title="Kurul gündeminde")
    coming_meeting(board(), report)

    page = dashboard(secretariat)

    assert "Sıradan taslak" not in page and "Drafts of your groups" not in page
    assert "Coming meetings of your organ" not in page


# -- Names --------------------------------------------------------------------------------


def test_a_chair_sees_a_nameless_applicant_as_a_member_number_not_an_email(group, chair):
    applicant = UserFactory(first_name="", last_name="", username="gizli@example.org")
    applicant.email = "gizli@example.org"
    applicant.save()
    JoinRequestFactory(organ=group, person=applicant)

    page = dashboard(chair)

    assert f"Member #{applicant.pk}" in page
    assert "gizli@example.org" not in page


# -- Query budget -------------------------------------------------------------------------


def test_a_long_list_shows_the_first_ten_and_links_to_the_rest(group, chair):
    ReportFactory.create_batch(11, group=group, adopted=True)

    page = dashboard(chair)

    assert "Reports your group adopted, to submit to the Executive Board (11)" in page
    assert "and one more" in page


def test_the_panel_costs_the_same_queries_for_few_or_many_rows(
    group, chair, member, secretariat, monkeypatch
):
    # Every row shown, so that a query per row would show (a full list costs one count).
    monkeypatch.setattr("deliberation.dashboard.LIMIT", 1000)
    reviewer, assembly = board_member(), assembly_member()
    people = (chair, member, secretariat, reviewer, assembly)

    def count_queries(user):
        client = admin_client(user)
        client.get(HOME)  # warm caches (content types, settings, site)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(HOME).status_code == 200
        return len(queries)

    def add_rows(n):
        ReportFactory.create_batch(n, group=group, adopted=True)
        ReportFactory.create_batch(n, group=group)
        for _ in range(n):
            JoinRequestFactory(organ=group, person=UserFactory())
            returned(group)
            in_review = ReportFactory(group=group, in_board_review=True)
            coming_meeting(board(), in_review, ReportFactory(group=group, in_board_review=True))
            coming_meeting(general_assembly(), ReportFactory(group=group, in_assembly_review=True))
            MeetingFactory(organ=board())
            ReportFactory(group=group, approved=True)

    add_rows(1)
    few = {user.pk: count_queries(user) for user in people}
    add_rows(3)
    many = {user.pk: count_queries(user) for user in people}

    assert many == few
