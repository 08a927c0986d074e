"""The secretariat's motions back office: entering and submitting motions, the cover
letter, the follow-up with its events and corrections, the assembly's calendar."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from deliberation.models import Decision, Topic
from motions import services
from motions.models import (
    AssemblyMeeting,
    AssemblyMeetingKind,
    EventKind,
    Motion,
    MotionEvent,
    MotionStatus,
    Municipality,
    Outcome,
    PublicHoliday,
)
from tests.deliberation.factories import (
    MembershipFactory,
    OrganFactory,
    ReportFactory,
    secretariat_user,
)

pytestmark = pytest.mark.django_db

# Konak's assembly meets on the first Monday of the month. Submitted on 16 March 2026,
# a motion is due at the meeting of Monday 6 April 2026.
SUBMITTED = datetime.date(2026, 3, 16)
APRIL_MEETING = datetime.date(2026, 4, 6)
MAY_MEETING = datetime.date(2026, 5, 4)


def admin_client(user, language="en") -> Client:
    """A signed-in browser; the admin speaks the language set in the user's profile."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


def url(name, *args):
    return reverse(f"motions_motion:{name}", args=args)


@pytest.fixture
def secretariat(db):
    return secretariat_user()


@pytest.fixture
def konak(db):
    return Municipality.objects.create(name="Konak Belediyesi", recess_month=8)


@pytest.fixture
def member(db):
    """A working-group member: in the admin, but not the secretariat."""
    return MembershipFactory(organ=OrganFactory()).person


def meeting(municipality, on, kind=AssemblyMeetingKind.REGULAR):
    return AssemblyMeeting.objects.get_or_create(municipality=municipality, date=on, kind=kind)[0]


def enter(municipality, *, title="Kent bostanları", **fields):
    fields.setdefault("summary", f"{title} üzerine kent konseyinin görüşü.")
    fields.setdefault("submitted_on", SUBMITTED)
    return services.motion_create(
        actor=secretariat_user(), title=title, municipality=municipality, **fields
    )


def record(motion, kind, on, **fields):
    return services.motion_record_event(
        actor=secretariat_user(), motion_id=motion.pk, kind=kind, on=on, **fields
    )


# -- Entering a motion directly ----------------------------------------------------------


def test_the_secretariat_enters_a_motion_with_its_documents(secretariat, konak):
    topic = Topic.objects.create(name="Ulaşım", slug="ulasim")
    client = admin_client(secretariat)
    assert client.get(url("add")).status_code == 200

    response = client.post(
        url("add"),
        {
            "title": "Bisiklet yolları ağı",
            "summary": "Kent merkezinde kesintisiz bisiklet yolu.",
            "reference": "",
            "submitted_on": "2026-03-16",
            "outgoing_number": "E-12345678-050.01-99",
            "municipality": konak.pk,
            "recipient": "",
            "topics": [topic.pk],
            "is_public": "on",
            "uploads": [SimpleUploadedFile("gerekce.pdf", b"%PDF-1.4 gerekce", "application/pdf")],
        },
    )

    motion = Motion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("inspect", motion.pk)
    assert motion.reference == "2026/1"
    assert motion.status == MotionStatus.SUBMITTED
    assert (motion.due_on, motion.due_estimated) == (APRIL_MEETING, True)
    assert [document.title for document in motion.documents.all()] == ["gerekce"]
    assert list(motion.topics.all()) == [topic]
    assert ModelLogEntry.objects.filter(action="motions.motion.create").count() == 1

    page = client.get(url("inspect", motion.pk)).content.decode()
    assert "Bisiklet yolları ağı" in page
    assert "estimated" in page
    assert "E-12345678-050.01-99" in page


def test_a_refused_motion_keeps_what_was_typed(secretariat, konak):
    enter(konak, reference="2026/7")
    response = admin_client(secretariat).post(
        url("add"),
        {
            "title": "Kadın kooperatifleri",
            "summary": "Kadın kooperatiflerine satış alanı.",
            "reference": "2026/7",
            "submitted_on": "2026-03-16",
            "municipality": konak.pk,
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kadın kooperatiflerine satış alanı." in content
    assert Motion.objects.count() == 1


def test_neither_the_assembly_nor_another_institution_is_refused(secretariat, konak):
    response = admin_client(secretariat).post(
        url("add"),
        {"title": "Kent bostanları", "summary": "Özet", "submitted_on": "2026-03-16"},
    )
    assert response.status_code == 200
    assert "Choose the municipal assembly or name the institution" in response.content.decode()
    assert not Motion.objects.exists()


def test_editing_changes_the_wording_never_the_status(secretariat, konak):
    motion = enter(konak)
    record(motion, EventKind.PLACED_ON_AGENDA, APRIL_MEETING, meeting=meeting(konak, APRIL_MEETING))
    response = admin_client(secretariat).post(
        url("edit", motion.pk),
        {"title": "İZMİR kent bostanları", "summary": "Yeni özet.", "status": "completed"},
    )
    assert response.status_code == 302
    motion.refresh_from_db()
    assert motion.title == "İZMİR kent bostanları"
    assert motion.status == MotionStatus.ON_AGENDA
    assert not motion.is_public  # the box was left unticked
    assert "izmir" in motion.search_text
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(motion.pk)).exists()


# -- The listing ---------------------------------------------------------------------------


def test_the_listing_filters_overdue_and_searches_turkish_alike(secretariat, konak):
    waiting = enter(konak, title="İzmir Körfezinin temizliği")
    on_time = enter(konak, title="Kent bostanları")
    record(
        on_time, EventKind.PLACED_ON_AGENDA, APRIL_MEETING, meeting=meeting(konak, APRIL_MEETING)
    )
    client = admin_client(secretariat)

    overdue = client.get(url("index"), {"overdue": "1"}).content.decode()
    assert waiting.title in overdue
    assert on_time.title not in overdue
    assert "day overdue" in overdue or "days overdue" in overdue

    found = client.get(url("index"), {"q": "IZMIR"}).content.decode()
    assert "Körfezinin" in found
    assert "Kent bostanları" not in found

    by_status = client.get(url("index"), {"status": "on_agenda", "year": "2026"}).content.decode()
    assert "Kent bostanları" in by_status
    assert "Körfezinin" not in by_status


def test_the_listing_costs_the_same_queries_for_few_or_many(
    secretariat, konak, django_assert_max_num_queries
):
    client = admin_client(secretariat)
    for n in range(3):
        enter(konak, title=f"Önerge {n}")
    client.get(url("index"))  # warm caches (content types, site settings)
    with django_assert_max_num_queries(30) as few:
        client.get(url("index"))
    for n in range(3, 30):
        enter(konak, title=f"Önerge {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("index"))


# -- Submitting an approved report and its cover letter ----------------------------------


def test_the_secretariat_submits_an_approved_report_and_prints_the_cover_letter(secretariat, konak):
    report = ReportFactory(approved=True, title="Engelsiz kent için erişilebilir duraklar")
    ReportFactory(in_board_review=True, title="Henüz onaylanmamış rapor")
    client = admin_client(secretariat)

    listing = client.get(reverse("motions_submit:index")).content.decode()
    assert report.title in listing
    assert "Henüz onaylanmamış rapor" not in listing

    response = client.post(
        reverse("motions_submit:submit", args=[report.pk]),
        {
            "municipality": konak.pk,
            "recipient": "",
            "submitted_on": "2026-03-16",
            "outgoing_number": "E-98765-050.01-42",
            "summary": "",
        },
    )

    motion = Motion.objects.get(report=report)
    assert response.status_code == 302
    assert response["Location"] == url("inspect", motion.pk)
    assert motion.outgoing_number == "E-98765-050.01-42"
    assert motion.summary == report.approved_version().summary
    listing = client.get(reverse("motions_submit:index")).content.decode()
    assert reverse("motions_submit:submit", args=[report.pk]) not in listing
    assert url("cover_letter", motion.pk) in listing  # among the recently submitted

    letter = client.get(url("cover_letter", motion.pk))
    assert letter.status_code == 200
    content = letter.content.decode()
    assert "E-98765-050.01-42" in content
    assert "5393" in content
    assert "Konak Belediyesi" in content
    assert "Her dönüşüm alanında bir danışma masası kurulmalı." in content  # recommendations
    decisions = Decision.objects.filter(agenda_item__report=report, adopted=True)
    assert decisions.count() == 2  # the Board's opinion and the General Assembly's approval
    for decision in decisions:
        assert decision.reference in content
    assert "@media print" in content
    with translation.override("tr"):
        assert translation.gettext("Approval record") in content  # written in Turkish


def test_a_report_cannot_be_submitted_twice_nor_before_its_approval(secretariat, konak):
    report = ReportFactory(approved=True)
    client = admin_client(secretariat, "tr")
    submit_url = reverse("motions_submit:submit", args=[report.pk])
    early = client.post(
        submit_url,
        {"municipality": konak.pk, "submitted_on": "2025-01-02", "outgoing_number": "E-1"},
    )
    assert early.status_code == 200
    with translation.override("tr"):
        expected = translation.gettext("A report cannot be submitted before it was approved.")
    assert expected in early.content.decode()
    assert not Motion.objects.exists()

    data = {"municipality": konak.pk, "submitted_on": "2026-03-16", "outgoing_number": "E-2"}
    assert client.post(submit_url, data).status_code == 302
    again = client.get(submit_url)
    assert again.status_code == 302
    assert Motion.objects.count() == 1


# -- Following up: events, corrections, refusals -----------------------------------------


def test_the_secretariat_records_events_and_the_status_follows(secretariat, konak):
    motion = enter(konak)
    april = meeting(konak, APRIL_MEETING)
    client = admin_client(secretariat)
    assert client.get(url("record_event", motion.pk)).status_code == 200

    response = client.post(
        url("record_event", motion.pk),
        {"kind": EventKind.PLACED_ON_AGENDA, "meeting": april.pk, "date": "", "is_public": "on"},
    )
    assert response.status_code == 302
    response = client.post(
        url("record_event", motion.pk),
        {
            "kind": EventKind.REFERRED,
            "date": "2026-04-06",
            "meeting": april.pk,
            "committees": "İmar Komisyonu",
            "zoning_committee": "on",
            "note": "Müştereken havale edildi.",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    motion.refresh_from_db()
    assert motion.status == MotionStatus.IN_COMMITTEE
    # Ten working days after 6 April 2026; 23 April is a public holiday if listed.
    assert motion.committee_due_on == datetime.date(2026, 4, 20)

    response = client.post(
        url("record_event", motion.pk),
        {"kind": EventKind.COMMITTEE_REPORTED, "date": "2026-04-15", "note": "Taslak rapor."},
        follow=True,
    )
    reported = motion.events.get(kind=EventKind.COMMITTEE_REPORTED)
    assert not reported.is_public  # the box was left unticked
    assert "The public still sees the motion as “In committee”." in response.content.decode()
    motion.refresh_from_db()
    # An internal event moves the record, not what the public sees.
    assert motion.status == MotionStatus.IN_COMMITTEE
    assert motion.committee_due_on == datetime.date(2026, 4, 20)
    page = client.get(url("inspect", motion.pk)).content.decode()
    assert "İmar Komisyonu" in page
    assert "Not public" in page
    assert "with the internal events the record is “On the agenda”" in page
    # What may come next follows the whole record: a decision, not a committee report.
    assert "Possible next steps:</strong> Referred to committee, Postponed, Decided," in page


def test_a_motion_the_committee_kept_too_long_is_put_on_the_agenda_and_decided(secretariat, konak):
    """Art. 24: past the committee's deadline the chair puts the item on the agenda."""
    motion = enter(konak)
    april, may = meeting(konak, APRIL_MEETING), meeting(konak, datetime.date(2026, 5, 4))
    record(motion, EventKind.PLACED_ON_AGENDA, APRIL_MEETING, meeting=april)
    record(motion, EventKind.REFERRED, APRIL_MEETING, meeting=april, committees="Plan ve Bütçe")
    record(motion, EventKind.PLACED_ON_AGENDA, may.date, meeting=may)
    motion.refresh_from_db()
    assert motion.status == MotionStatus.ON_AGENDA
    assert motion.on_agenda_on == APRIL_MEETING
    record(
        motion,
        EventKind.DECIDED,
        may.date,
        meeting=may,
        outcome=MotionStatus.ACCEPTED,
        decision_number="2026/212",
    )
    motion.refresh_from_db()
    assert motion.status == MotionStatus.ACCEPTED


def test_a_correction_supersedes_the_wrong_event_which_stays_marked(secretariat, konak):
    motion = enter(konak)
    april, may = meeting(konak, APRIL_MEETING), meeting(konak, MAY_MEETING)
    wrong = record(motion, EventKind.PLACED_ON_AGENDA, MAY_MEETING, meeting=may, note="YANLIŞ")
    client = admin_client(secretariat)

    form = client.get(url("record_event", motion.pk), {"corrects": wrong.pk}).content.decode()
    assert "YANLIŞ" in form  # pre-filled as the wrong event was recorded

    response = client.post(
        url("record_event", motion.pk),
        {
            "corrects": wrong.pk,
            "kind": EventKind.PLACED_ON_AGENDA,
            "meeting": april.pk,
            "note": "Gündemin 7. maddesi.",
            "is_public": "on",
        },
    )

    assert response.status_code == 302
    assert MotionEvent.objects.filter(pk=wrong.pk).exists()  # kept
    correction = MotionEvent.objects.get(supersedes=wrong)
    assert correction.date == APRIL_MEETING
    motion.refresh_from_db()
    assert motion.on_agenda_on == APRIL_MEETING
    assert ModelLogEntry.objects.filter(action="motions.motion.correct").count() == 1
    page = client.get(url("inspect", motion.pk)).content.decode()
    assert "Superseded" in page
    assert "Correction" in page
    assert "YANLIŞ" in page  # the wrong entry is still on the timeline
    assert f'?corrects={wrong.pk}"' not in page  # only current events can be corrected
    assert f"?corrects={correction.pk}" in page


def test_an_impossible_event_is_a_turkish_form_error_and_nothing_typed_is_lost(secretariat, konak):
    motion = enter(konak)
    client = admin_client(secretariat, "tr")
    response = client.post(
        url("record_event", motion.pk),
        {
            "kind": EventKind.DECIDED,
            "date": "2026-04-06",
            "outcome": Outcome.ACCEPTED,
            "decision_number": "2026/118",
            "note": "Meclis oybirliğiyle kabul etti.",
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    with translation.override("tr"):
        expected = translation.gettext(
            "“%(event)s” cannot be recorded while the motion is “%(status)s”."
        ) % {"event": EventKind.DECIDED.label, "status": MotionStatus.SUBMITTED.label}
    assert expected.replace("“", "&ldquo;") in content or expected in content.replace("&#x27;", "'")
    assert "Meclis oybirliğiyle kabul etti." in content
    assert "2026/118" in content
    assert not motion.events.exclude(kind=EventKind.SUBMITTED).exists()  # nothing recorded


def test_an_event_before_the_submission_is_refused(secretariat, konak):
    motion = enter(konak)
    response = admin_client(secretariat).post(
        url("record_event", motion.pk),
        {"kind": EventKind.WITHDRAWN, "date": "2026-03-01", "note": "Geri çekildi."},
    )
    assert response.status_code == 200
    assert "before the motion" in response.content.decode()
    assert not motion.events.exclude(kind=EventKind.SUBMITTED).exists()  # nothing recorded


def test_meetings_of_other_municipalities_are_not_offered(secretariat, konak):
    other = Municipality.objects.create(name="Karşıyaka Belediyesi")
    foreign = meeting(other, APRIL_MEETING)
    own = meeting(konak, MAY_MEETING)
    motion = enter(konak)
    client = admin_client(secretariat)
    response = client.post(
        url("record_event", motion.pk),
        {"kind": EventKind.PLACED_ON_AGENDA, "meeting": foreign.pk},
    )
    assert response.status_code == 200
    assert not motion.events.exclude(kind=EventKind.SUBMITTED).exists()  # nothing recorded
    form = client.get(url("record_event", motion.pk)).content.decode()
    assert f'value="{own.pk}"' in form
    assert f'value="{foreign.pk}"' not in form


# -- The assembly's calendar ---------------------------------------------------------------


def test_recording_the_due_meeting_turns_the_estimate_into_a_recorded_date(secretariat, konak):
    motion = enter(konak)
    assert (motion.due_on, motion.due_estimated) == (APRIL_MEETING, True)
    client = admin_client(secretariat)
    response = client.post(
        reverse("motions_meeting:add"),
        {"municipality": konak.pk, "date": "2026-04-08", "kind": "regular", "note": ""},
    )
    assert response.status_code == 302
    motion.refresh_from_db()
    assert (motion.due_on, motion.due_estimated) == (datetime.date(2026, 4, 8), False)

    recorded = AssemblyMeeting.objects.get()
    response = client.post(
        reverse("motions_meeting:edit", args=[recorded.pk]),
        {"municipality": konak.pk, "date": "2026-04-07", "kind": "regular", "note": "Ertelendi"},
    )
    assert response.status_code == 302
    motion.refresh_from_db()
    assert (motion.due_on, motion.due_estimated) == (datetime.date(2026, 4, 7), False)

    client.post(reverse("motions_meeting:delete", args=[recorded.pk]))
    motion.refresh_from_db()
    assert (motion.due_on, motion.due_estimated) == (APRIL_MEETING, True)


def test_a_meeting_held_earlier_in_the_month_moves_the_due_date_to_the_next_month(
    secretariat, konak
):
    """The assembly met on 3 March; a motion submitted on 4 March is due in April."""
    meeting(konak, datetime.date(2026, 3, 3))
    motion = enter(konak, submitted_on=datetime.date(2026, 3, 4))
    assert (motion.due_on, motion.due_estimated) == (datetime.date(2026, 4, 6), True)


def test_a_meeting_events_refer_to_cannot_be_deleted(secretariat, konak):
    motion = enter(konak)
    april = meeting(konak, APRIL_MEETING)
    record(motion, EventKind.PLACED_ON_AGENDA, APRIL_MEETING, meeting=april)
    response = admin_client(secretariat).post(reverse("motions_meeting:delete", args=[april.pk]))
    assert response.status_code == 302
    assert AssemblyMeeting.objects.filter(pk=april.pk).exists()


def test_a_new_public_holiday_moves_the_committee_deadline(secretariat, konak):
    motion = enter(konak)
    april = meeting(konak, APRIL_MEETING)
    record(motion, EventKind.PLACED_ON_AGENDA, APRIL_MEETING, meeting=april)
    record(motion, EventKind.REFERRED, APRIL_MEETING, meeting=april, committees="Plan ve Bütçe")
    motion.refresh_from_db()
    assert motion.committee_due_on == datetime.date(2026, 4, 13)  # 5 working days
    response = admin_client(secretariat).post(
        reverse("motions_holiday:add"), {"date": "2026-04-09", "name": "Örnek tatil"}
    )
    assert response.status_code == 302
    assert PublicHoliday.objects.count() == 1
    motion.refresh_from_db()
    assert motion.committee_due_on == datetime.date(2026, 4, 14)


def test_the_municipality_rule_is_edited_with_month_names(secretariat):
    client = admin_client(secretariat)
    response = client.post(
        reverse("motions_municipality:add"),
        {
            "name": "İzmir Büyükşehir Belediyesi",
            "is_metropolitan": "on",
            "regular_weekday": "1",
            "recess_month": "8",
        },
    )
    assert response.status_code == 302
    municipality = Municipality.objects.get()
    assert (municipality.is_metropolitan, municipality.regular_weekday) == (True, 1)
    assert municipality.recess_month == 8
    assert "August" in client.get(reverse("motions_municipality:index")).content.decode()


# -- Who may do it -----------------------------------------------------------------------


def test_others_do_not_see_the_menu_nor_open_any_screen(member, secretariat, konak):
    motion = enter(konak)
    report = ReportFactory(approved=True)
    client = admin_client(member)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert "/admin/motions/" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/motions/" in admin_client(secretariat).get(
        reverse("wagtailadmin_home")
    ).content.decode().replace("\\/", "/")

    # Wagtail turns a refusal inside the admin into a redirect to the dashboard.
    for target in (
        url("index"),
        url("add"),
        url("edit", motion.pk),
        url("inspect", motion.pk),
        url("history", motion.pk),
        url("record_event", motion.pk),
        url("cover_letter", motion.pk),
        reverse("motions_submit:index"),
        reverse("motions_submit:submit", args=[report.pk]),
        reverse("motions_meeting:index"),
        reverse("motions_municipality:index"),
        reverse("motions_holiday:index"),
    ):
        response = client.get(target)
        assert response.status_code == 302, target
        assert response["Location"] == reverse("wagtailadmin_home"), target
    response = client.post(
        url("record_event", motion.pk),
        {"kind": EventKind.WITHDRAWN, "date": "2026-04-01"},
    )
    assert response.status_code == 302
    assert not motion.events.exclude(kind=EventKind.SUBMITTED).exists()  # nothing recorded


def test_the_history_names_the_motion_actions(secretariat, konak):
    motion = enter(konak)
    record(motion, EventKind.WITHDRAWN, datetime.date(2026, 4, 1), note="Geri çekildi.")
    for action in ("motions.motion.create", "motions.motion.event", "motions.motion.correct"):
        assert log_registry.action_exists(action)
    page = admin_client(secretariat).get(url("history", motion.pk)).content.decode()
    assert "entered" in page
    assert "Event recorded: Withdrawn" in page


def test_a_new_rule_moves_the_estimated_due_dates(secretariat, konak):
    motion = enter(konak)
    response = admin_client(secretariat).post(
        reverse("motions_municipality:edit", args=[konak.pk]),
        {"name": konak.name, "is_metropolitan": "on", "regular_weekday": "0", "recess_month": "8"},
    )
    assert response.status_code == 302
    motion.refresh_from_db()
    # Metropolitan assemblies meet in the second week: Monday 13 April 2026.
    assert (motion.due_on, motion.due_estimated) == (datetime.date(2026, 4, 13), True)
