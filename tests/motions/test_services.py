"""The motions services' rules: what the public sees, lateness, art. 23, submissions,
references and the calendar refresh.

"Today" is fixed at 21 November 2026. Konak's assembly meets on the first Monday of the
month; the meetings of 5 October and 2 November 2026 are recorded.
"""

import datetime
import importlib

import feedparser
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from cms.models import MotionIndexPage
from deliberation.models import ReportAction, ReportStatus, Topic
from motions import lifecycle, selectors, services
from motions import subscriptions as alerts
from motions.lifecycle import EventLike
from motions.models import (
    AlertScope,
    AssemblyMeeting,
    EventKind,
    Motion,
    MotionStatus,
    Municipality,
    Outcome,
    PublicHoliday,
    Subscription,
)
from tests.deliberation.factories import (
    MembershipFactory,
    OrganFactory,
    ReportFactory,
    secretariat_user,
)
from tests.motions.test_admin import admin_client

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 21)
OCT_MEETING = datetime.date(2026, 10, 5)
NOV_MEETING = datetime.date(2026, 11, 2)
SUBMITTED = datetime.date(2026, 10, 6)  # due at the meeting of 2 November


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return real(value, timezone) if value is not None else TODAY

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)


@pytest.fixture(autouse=True)
def english():
    """The services' refusals in English, so the tests read the msgids."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def motion_log_actions():
    """The audit actions motions.services writes, registered as the back office does."""
    from wagtail.log_actions import registry

    registry.scan_for_actions()


@pytest.fixture
def konak(db):
    municipality = Municipality.objects.create(name="Konak Belediye Meclisi")
    for day in (OCT_MEETING, NOV_MEETING):
        AssemblyMeeting.objects.create(municipality=municipality, date=day)
    return municipality


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Ulaşım", slug="ulasim")


@pytest.fixture
def motions_page(home) -> MotionIndexPage:
    page = MotionIndexPage(title="Önergeler", slug="onergeler", per_page=20)
    home.add_child(instance=page)
    return page


def enter(municipality, *, title="Bisiklet yolları ağı", submitted_on=SUBMITTED, **fields):
    fields.setdefault("summary", f"{title} üzerine kent konseyinin görüşü.")
    return services.motion_create(
        actor=secretariat_user(),
        title=title,
        municipality=municipality,
        submitted_on=submitted_on,
        **fields,
    )


def record(motion, kind, on, **fields):
    return services.motion_record_event(
        actor=secretariat_user(), motion_id=motion.pk, kind=kind, on=on, **fields
    )


def follow(email, *, scope=AlertScope.ALL, motion=None, topic=None) -> Subscription:
    alerts.subscription_request(
        email=email,
        scope=scope,
        motion_id=motion.pk if motion else None,
        topic_id=topic.pk if topic else None,
        consent=True,
        language="tr",
    )
    subscription = Subscription.objects.get(email=email, scope=scope, motion=motion, topic=topic)
    return alerts.subscription_confirm(token=subscription.token)


def page_url(page, motion) -> str:
    year, number = selectors.parse_reference(motion.reference)
    return page.url + page.reverse_subpage("motion", kwargs={"year": year, "number": number})


def api_url(motion) -> str:
    return f"/api/v1/motions/{motion.reference}"


def feed_entries(client, url="/onergeler/akis/") -> list[tuple[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    return [(entry.id, entry.title) for entry in feedparser.parse(response.content).entries]


def what_a_citizen_sees(client, page, motion) -> dict:
    html = client.get(page_url(page, motion)).content.decode()
    return {
        "page": html[html.index('id="motion-title"') :],
        "api": client.get(api_url(motion)).json(),
        "list": client.get("/api/v1/motions").json(),
        "overdue": client.get("/api/v1/motions?overdue=1").json(),
        "feed": feed_entries(client),
        "motion_feed": feed_entries(client, f"/onergeler/akis/o/{motion.reference}/"),
    }


# --- 1. Internal events change nothing the public sees -----------------------------------


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (EventKind.PLACED_ON_AGENDA, {}),
        (EventKind.WITHDRAWN, {"note": "İç not: geri çekme görüşülüyor."}),
    ],
)
def test_an_internal_event_changes_nothing_a_citizen_sees(
    client, motions_page, konak, topic, kind, fields, django_capture_on_commit_callbacks
):
    motion = enter(konak, topics=[topic])
    follow("ayse@example.org")
    follow("can@example.org", scope=AlertScope.MOTION, motion=motion)
    follow("deniz@example.org", scope=AlertScope.TOPIC, topic=topic)
    before = what_a_citizen_sees(client, motions_page, motion)
    assert before["api"]["status"] == MotionStatus.SUBMITTED
    assert before["api"]["days_overdue"] == (TODAY - NOV_MEETING).days
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        record(motion, kind, datetime.date(2026, 11, 16), is_public=False, **fields)

    assert what_a_citizen_sees(client, motions_page, motion) == before
    assert mail.outbox == []
    # The record itself moved: the secretariat works from it.
    assert services.motion_record_state(motion).status == (
        MotionStatus.ON_AGENDA if kind == EventKind.PLACED_ON_AGENDA else MotionStatus.WITHDRAWN
    )


def test_a_public_event_after_an_internal_one_shows_only_what_is_public(
    client, motions_page, konak
):
    motion = enter(konak)
    record(motion, EventKind.PLACED_ON_AGENDA, NOV_MEETING, is_public=False)
    record(motion, EventKind.REFERRED, NOV_MEETING, committees="Plan ve Bütçe", is_public=False)
    record(motion, EventKind.DECIDED, datetime.date(2026, 11, 16), outcome=Outcome.ACCEPTED)

    data = client.get(api_url(motion)).json()
    motion.refresh_from_db()
    assert data["status"] == MotionStatus.ACCEPTED
    assert [event["kind"] for event in data["events"]] == [EventKind.DECIDED]
    # The decision shows the motion reached the agenda, not when: it was placed on
    # time, internally, and decided later. No date, so no lateness is claimed.
    assert motion.on_agenda_on is None
    assert (data["overdue"], data["days_overdue"], data["agenda_days_late"]) == (False, None, None)
    assert motion.committee_due_on is None
    assert motion.status_since == datetime.date(2026, 11, 16)
    html = client.get(page_url(motions_page, motion)).content.decode()
    assert _late_badge(14) not in html
    overdue = client.get("/api/v1/motions?overdue=1").json()["items"]
    assert motion.reference not in [item["reference"] for item in overdue]


def test_a_late_internal_placing_is_a_warning_for_the_secretariat_only(client, motions_page, konak):
    motion = enter(konak)
    record(motion, EventKind.PLACED_ON_AGENDA, datetime.date(2026, 11, 10), is_public=False)
    record(motion, EventKind.DECIDED, datetime.date(2026, 11, 16), outcome=Outcome.REJECTED)

    data = client.get(api_url(motion)).json()
    assert (data["status"], data["overdue"], data["agenda_days_late"]) == (
        MotionStatus.REJECTED,
        False,
        None,
    )
    html = client.get(page_url(motions_page, motion)).content.decode()
    assert _late_badge(8) not in html
    # The back office counts from the whole record: 8 days late, placed on 10 November.
    page = admin_client(secretariat_user()).get(reverse("motions_motion:inspect", args=[motion.pk]))
    assert page.status_code == 200
    text = " ".join(page.content.decode().split())
    assert (
        "Placed on the agenda 8 days late: due at the meeting of 2 November 2026, on the "
        "agenda on 10 November 2026." in text
    )


def test_an_internal_referral_past_its_deadline_is_a_warning_for_the_secretariat_only(
    client, konak
):
    motion = enter(konak)
    record(motion, EventKind.PLACED_ON_AGENDA, NOV_MEETING)
    record(motion, EventKind.REFERRED, NOV_MEETING, committees="İmar", is_public=False)

    data = client.get(api_url(motion)).json()
    assert (data["status"], data["overdue"]) == (MotionStatus.ON_AGENDA, False)
    page = admin_client(secretariat_user()).get(reverse("motions_motion:inspect", args=[motion.pk]))
    text = " ".join(page.content.decode().split())
    # Five working days after the meeting of Monday 2 November.
    assert "The committee report is overdue by 12 days (due on 9 November 2026)." in text


def test_a_later_public_placing_does_not_date_the_first_one(client, konak):
    """Art. 24: placed again after the committee's deadline; the first placing was internal."""
    motion = enter(konak)
    record(motion, EventKind.PLACED_ON_AGENDA, NOV_MEETING, is_public=False)
    record(motion, EventKind.REFERRED, NOV_MEETING, is_public=False)
    record(motion, EventKind.PLACED_ON_AGENDA, datetime.date(2026, 11, 16))

    data = client.get(api_url(motion)).json()
    motion.refresh_from_db()
    assert data["status"] == MotionStatus.ON_AGENDA
    assert motion.on_agenda_on is None
    assert (data["overdue"], data["agenda_days_late"]) == (False, None)


def test_an_insistence_on_an_internal_decision_does_not_reveal_its_outcome(client, konak):
    motion = enter(konak)
    record(motion, EventKind.PLACED_ON_AGENDA, NOV_MEETING)
    record(motion, EventKind.DECIDED, NOV_MEETING, outcome=Outcome.REJECTED, is_public=False)
    record(motion, EventKind.RETURNED_BY_MAYOR, datetime.date(2026, 11, 5))
    record(motion, EventKind.INSISTED, datetime.date(2026, 11, 16))

    data = client.get(api_url(motion)).json()
    assert data["status"] == MotionStatus.RETURNED_BY_MAYOR
    assert MotionStatus.REJECTED not in {data["status"], *(e["kind"] for e in data["events"])}
    assert [event["kind"] for event in data["events"]] == [
        EventKind.PLACED_ON_AGENDA,
        EventKind.RETURNED_BY_MAYOR,
        EventKind.INSISTED,
    ]
    assert services.motion_record_state(motion).status == MotionStatus.REJECTED


@pytest.mark.parametrize(
    ("events", "status", "final", "on_agenda_on"),
    [
        # Nothing public: the public sees the submission.
        ([("placed_on_agenda", 2, False)], MotionStatus.SUBMITTED, False, None),
        # All public: the record's state.
        (
            [("placed_on_agenda", 2, True), ("decided", 9, True)],
            MotionStatus.ACCEPTED,
            False,
            2,
        ),
        # An internal withdrawal is not final for the public.
        ([("withdrawn", 3, False)], MotionStatus.SUBMITTED, False, None),
        # An internal referral leaves the public motion on the agenda.
        (
            [("placed_on_agenda", 2, True), ("referred", 2, False)],
            MotionStatus.ON_AGENDA,
            False,
            2,
        ),
        # An internal finality: the decision is public, its finality not yet.
        (
            [("placed_on_agenda", 2, True), ("decided", 9, True), ("became_final", 20, False)],
            MotionStatus.ACCEPTED,
            False,
            2,
        ),
        # Placed internally, decided in public: no date on the agenda for the public.
        (
            [("placed_on_agenda", 2, False), ("decided", 9, True)],
            MotionStatus.ACCEPTED,
            False,
            None,
        ),
        # All internal but the finality: it reached the agenda, what was decided is not said.
        (
            [("placed_on_agenda", 2, False), ("decided", 9, False), ("became_final", 20, True)],
            MotionStatus.ON_AGENDA,
            True,
            None,
        ),
        # A public second placing does not date the internal first one.
        (
            [("placed_on_agenda", 2, False), ("referred", 2, False), ("placed_on_agenda", 9, True)],
            MotionStatus.ON_AGENDA,
            False,
            None,
        ),
        # The decision internal, the return and the insistence public: no outcome shown.
        (
            [
                ("placed_on_agenda", 2, True),
                ("decided", 9, False),
                ("returned_by_mayor", 12, True),
                ("insisted", 30, True),
            ],
            MotionStatus.RETURNED_BY_MAYOR,
            False,
            2,
        ),
        # The mayor's return kept internal, the insistence public: the decision stands.
        (
            [
                ("placed_on_agenda", 2, True),
                ("decided", 9, True),
                ("returned_by_mayor", 12, False),
                ("insisted", 30, True),
            ],
            MotionStatus.ACCEPTED,
            False,
            2,
        ),
    ],
)
def test_the_public_state_follows_the_public_events(events, status, final, on_agenda_on):
    start = datetime.date(2026, 3, 1)
    state = lifecycle.replay(
        [
            EventLike(
                kind=kind,
                date=start + datetime.timedelta(days=day),
                outcome=Outcome.ACCEPTED if kind == "decided" else "",
                is_public=public,
            )
            for kind, day, public in events
        ],
        submitted_on=start,
    )
    public = state.public
    assert (public.status, public.final) == (status, final)
    expected = start + datetime.timedelta(days=on_agenda_on) if on_agenda_on is not None else None
    assert public.on_agenda_on == expected


def test_an_internal_event_of_a_public_motion_is_not_listed(client, konak):
    motion = enter(konak)
    record(motion, EventKind.PLACED_ON_AGENDA, NOV_MEETING, is_public=False, note="İç not")

    data = client.get(api_url(motion)).json()
    assert data["status"] == MotionStatus.SUBMITTED
    assert EventKind.PLACED_ON_AGENDA not in [event["kind"] for event in data["events"]]
    assert "İç not" not in client.get(api_url(motion)).content.decode()
    listed = client.get("/api/v1/motions").json()["items"]
    assert [item["status"] for item in listed if item["reference"] == motion.reference] == [
        MotionStatus.SUBMITTED
    ]
    assert Motion.objects.get(pk=motion.pk).status == MotionStatus.SUBMITTED


def test_a_private_motion_is_not_listed(client, konak):
    motion = enter(konak, is_public=False)
    record(motion, EventKind.PLACED_ON_AGENDA, NOV_MEETING)
    assert client.get(api_url(motion)).status_code == 404
    listed = client.get("/api/v1/motions").json()["items"]
    assert motion.reference not in [item["reference"] for item in listed]


# --- 3. Art. 23: the mayor's five days, and insistence only after a return ---------------

DECIDED_ON = datetime.date(2026, 11, 2)


@pytest.fixture
def decided(konak):
    motion = enter(konak, submitted_on=datetime.date(2026, 10, 1))
    record(motion, EventKind.PLACED_ON_AGENDA, OCT_MEETING)
    record(motion, EventKind.DECIDED, DECIDED_ON, outcome=Outcome.ACCEPTED)
    return motion


@pytest.mark.parametrize(
    ("days_after", "allowed"),
    [(0, True), (1, True), (5, True), (6, False), (15, False)],
)
def test_the_mayor_returns_a_decision_only_within_five_days(decided, days_after, allowed):
    on = DECIDED_ON + datetime.timedelta(days=days_after)
    if allowed:
        record(decided, EventKind.RETURNED_BY_MAYOR, on, note="Hukuka aykırılık gerekçesiyle.")
        decided.refresh_from_db()
        assert decided.status == MotionStatus.RETURNED_BY_MAYOR
        return
    with pytest.raises(services.MotionError) as refused:
        record(decided, EventKind.RETURNED_BY_MAYOR, on)
    assert refused.value.message == (
        "The mayor can return a decision only within 5 days (art. 23): this decision of "
        "02.11.2026 could be returned until 07.11.2026. Check the dates of the decision "
        "and of the return."
    )
    assert refused.value.code == "state"
    decided.refresh_from_db()
    assert decided.status == MotionStatus.ACCEPTED
    assert not decided.events.filter(kind=EventKind.RETURNED_BY_MAYOR).exists()


def test_the_admin_form_shows_a_late_return_as_a_form_error(decided):
    client = admin_client(secretariat_user())
    response = client.post(
        reverse("motions_motion:record_event", args=[decided.pk]),
        {"kind": EventKind.RETURNED_BY_MAYOR, "date": "2026-11-09", "is_public": "on"},
    )
    assert response.status_code == 200
    assert "The mayor can return a decision only within 5 days" in response.content.decode()


def test_the_assembly_insists_only_after_a_return(decided):
    with pytest.raises(services.MotionError) as refused:
        record(decided, EventKind.INSISTED, datetime.date(2026, 11, 10))
    assert "cannot be recorded while the motion is" in refused.value.message

    record(decided, EventKind.RETURNED_BY_MAYOR, datetime.date(2026, 11, 6))
    record(decided, EventKind.INSISTED, datetime.date(2026, 11, 16))
    decided.refresh_from_db()
    assert decided.status == MotionStatus.ACCEPTED

    # Insisted, the decision stands: no second return, even within five days.
    with pytest.raises(services.MotionError) as again:
        record(decided, EventKind.RETURNED_BY_MAYOR, datetime.date(2026, 11, 17))
    assert "cannot return it again" in again.value.message


def test_a_new_decision_after_a_return_opens_a_new_window(decided):
    record(decided, EventKind.RETURNED_BY_MAYOR, datetime.date(2026, 11, 5))
    record(decided, EventKind.DECIDED, datetime.date(2026, 11, 16), outcome=Outcome.REJECTED)
    record(decided, EventKind.RETURNED_BY_MAYOR, datetime.date(2026, 11, 21))
    decided.refresh_from_db()
    assert decided.status == MotionStatus.RETURNED_BY_MAYOR


def _late_return_kept_before_the_rule(decided):
    """A return dated after the five days, stored before the rule was checked."""
    from motions.models import MotionEvent

    MotionEvent.objects.create(
        motion=decided, kind=EventKind.RETURNED_BY_MAYOR, date=datetime.date(2026, 11, 15)
    )
    services.refresh(decided)
    return decided


def test_a_record_kept_before_the_five_day_rule_still_opens_and_follows_the_calendar(
    client, motions_page, konak, decided
):
    motion = _late_return_kept_before_the_rule(decided)
    assert motion.status == MotionStatus.RETURNED_BY_MAYOR
    secretariat = admin_client(secretariat_user())

    assert client.get(page_url(motions_page, motion)).status_code == 200
    assert client.get(api_url(motion)).status_code == 200
    follow_up = secretariat.get(reverse("motions_motion:inspect", args=[motion.pk]))
    assert follow_up.status_code == 200
    form = secretariat.get(reverse("motions_motion:record_event", args=[motion.pk]))
    assert form.status_code == 200

    # The calendar changes refresh this motion too, and save.
    response = secretariat.post(
        reverse("motions_meeting:add"),
        {"municipality": konak.pk, "date": "2026-12-07", "kind": "regular", "note": ""},
    )
    assert response.status_code == 302
    assert AssemblyMeeting.objects.filter(date=datetime.date(2026, 12, 7)).exists()
    response = secretariat.post(
        reverse("motions_municipality:edit", args=[konak.pk]),
        {"name": konak.name, "is_metropolitan": "on", "regular_weekday": "0", "recess_month": ""},
    )
    assert response.status_code == 302
    response = secretariat.post(
        reverse("motions_holiday:add"), {"date": "2026-11-20", "name": "Örnek tatil"}
    )
    assert response.status_code == 302


def test_a_new_late_return_is_still_refused_on_a_record_kept_before_the_rule(decided):
    motion = _late_return_kept_before_the_rule(decided)
    kept = motion.events.get(kind=EventKind.RETURNED_BY_MAYOR)

    with pytest.raises(services.MotionError) as refused:
        record(
            motion, EventKind.RETURNED_BY_MAYOR, datetime.date(2026, 11, 14), supersedes_id=kept.pk
        )
    assert "only within 5 days" in refused.value.message
    # Corrected to a date within the five days, it is recorded.
    record(motion, EventKind.RETURNED_BY_MAYOR, datetime.date(2026, 11, 6), supersedes_id=kept.pk)
    assert services.motion_record_state(motion).status == MotionStatus.RETURNED_BY_MAYOR


def test_a_calendar_change_that_a_record_refuses_is_a_form_error(konak):
    from motions.models import MotionEvent

    motion = enter(konak)
    # Stored before the platform checked it: dated before the motion's submission.
    MotionEvent.objects.create(
        motion=motion, kind=EventKind.PLACED_ON_AGENDA, date=datetime.date(2026, 10, 5)
    )
    secretariat = admin_client(secretariat_user())

    response = secretariat.post(
        reverse("motions_meeting:add"),
        {"municipality": konak.pk, "date": "2026-11-03", "kind": "extraordinary", "note": ""},
    )
    assert response.status_code == 200
    assert (
        f"Motion {motion.reference}: An event cannot be dated before the motion&#x27;s "
        "submission. Correct its follow-up first." in response.content.decode()
    )
    assert not AssemblyMeeting.objects.filter(date=datetime.date(2026, 11, 3)).exists()

    meeting = AssemblyMeeting.objects.get(date=OCT_MEETING)
    response = secretariat.post(reverse("motions_meeting:delete", args=[meeting.pk]), follow=True)
    assert response.status_code == 200
    assert f"Motion {motion.reference}: An event cannot be dated" in response.content.decode()
    assert AssemblyMeeting.objects.filter(pk=meeting.pk).exists()


# --- updated_at: every public change moves it ---------------------------------------------


def _updated_at(client, motion) -> str:
    return client.get(api_url(motion)).json()["updated_at"]


def test_a_public_event_that_moves_no_date_still_updates_the_motion(client, decided):
    before = _updated_at(client, decided)
    record(decided, EventKind.REPORTED_BACK, datetime.date(2026, 11, 10), note="Yazı geldi.")
    assert _updated_at(client, decided) > before


def test_a_correction_of_a_public_event_updates_the_motion(client, decided):
    decision = decided.events.get(kind=EventKind.DECIDED)
    before = _updated_at(client, decided)
    record(
        decided,
        EventKind.DECIDED,
        DECIDED_ON,
        outcome=Outcome.ACCEPTED,
        decision_number="2026/145",
        supersedes_id=decision.pk,
    )
    after_number = _updated_at(client, decided)
    assert after_number > before

    # Hidden by its correction: the public timeline loses it, so the motion changed.
    reported = record(decided, EventKind.REPORTED_BACK, datetime.date(2026, 11, 10))
    before = _updated_at(client, decided)
    record(
        decided,
        EventKind.REPORTED_BACK,
        datetime.date(2026, 11, 10),
        is_public=False,
        supersedes_id=reported.pk,
    )
    assert _updated_at(client, decided) > before


def test_an_internal_event_does_not_update_the_motion(client, decided):
    before = _updated_at(client, decided)
    record(decided, EventKind.REPORTED_BACK, datetime.date(2026, 11, 10), is_public=False)
    assert _updated_at(client, decided) == before


# --- 2. Placed on the agenda late: no longer overdue, the lateness kept ------------------


def _late_badge(days: int) -> str:
    with translation.override("tr"):
        return translation.ngettext(
            "Placed on the agenda %(days)s day late",
            "Placed on the agenda %(days)s days late",
            days,
        ) % {"days": days}


@pytest.mark.parametrize(
    ("steps", "overdue", "days_overdue", "agenda_days_late"),
    [
        # Nothing yet: overdue since the meeting of 2 November.
        ([], True, 19, None),
        # On the agenda of the meeting it was due at: never late.
        ([(EventKind.PLACED_ON_AGENDA, NOV_MEETING)], False, None, None),
        # Placed 14 days late: no longer overdue, the 14 days stay.
        ([(EventKind.PLACED_ON_AGENDA, datetime.date(2026, 11, 16))], False, None, 14),
        # ...and decided: still 14 days late, not overdue.
        (
            [
                (EventKind.PLACED_ON_AGENDA, datetime.date(2026, 11, 16)),
                (EventKind.DECIDED, datetime.date(2026, 11, 16)),
            ],
            False,
            None,
            14,
        ),
        # Placed 8 days late and the committee's five working days are past (17 Nov).
        (
            [
                (EventKind.PLACED_ON_AGENDA, datetime.date(2026, 11, 10)),
                (EventKind.REFERRED, datetime.date(2026, 11, 10)),
            ],
            True,
            4,
            8,
        ),
        # Withdrawn before it reached the agenda.
        ([(EventKind.WITHDRAWN, datetime.date(2026, 11, 10))], False, None, None),
    ],
)
def test_lateness_for_the_agenda(
    client, motions_page, konak, steps, overdue, days_overdue, agenda_days_late
):
    motion = enter(konak)
    for kind, on in steps:
        extra = {"outcome": Outcome.ACCEPTED} if kind == EventKind.DECIDED else {}
        record(motion, kind, on, **extra)

    item = client.get(api_url(motion)).json()
    assert (item["overdue"], item["days_overdue"], item["agenda_days_late"]) == (
        overdue,
        days_overdue,
        agenda_days_late,
    )
    listed = [i["reference"] for i in client.get("/api/v1/motions?overdue=1").json()["items"]]
    assert (motion.reference in listed) is overdue
    others = [i["reference"] for i in client.get("/api/v1/motions?overdue=0").json()["items"]]
    assert (motion.reference in others) is not overdue
    html = client.get(page_url(motions_page, motion)).content.decode()
    if agenda_days_late:
        assert _late_badge(agenda_days_late) in html
    stats = client.get("/api/v1/stats").json()
    assert stats["overdue"] == int(overdue)


# --- 4. Submitting a report: the evrak sayısı, and the report's own record ---------------


def submit(report, konak, **fields):
    fields.setdefault("outgoing_number", "E-12345678-050.01-7")
    fields.setdefault("submitted_on", report.approved_on + datetime.timedelta(days=1))
    return services.motion_submit_report(
        actor=secretariat_user(), report_id=report.pk, municipality=konak, **fields
    )


@pytest.mark.parametrize("number", ["", "   "])
def test_a_report_is_submitted_only_with_its_outgoing_reference(konak, number):
    report = ReportFactory(approved=True)
    events = set(report.events.values_list("pk", flat=True))

    with pytest.raises(services.MotionError) as refused:
        submit(report, konak, outgoing_number=number)

    assert refused.value.message == (
        "Enter the outgoing reference (evrak sayısı) of the cover letter, as written in the "
        "council's correspondence register."
    )
    assert not Motion.objects.exists()
    assert set(report.events.values_list("pk", flat=True)) == events


def test_the_reports_record_shows_it_went_to_the_municipal_assembly(konak):
    report = ReportFactory(approved=True, title="Engelsiz duraklar")

    motion = submit(report, konak)

    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED  # a timeline entry, not a new status
    entry = report.events.get(action=ReportAction.SUBMIT_TO_ASSEMBLY)
    assert entry.note == (
        f"Motion {motion.reference} to Konak Belediye Meclisi, "
        "outgoing reference E-12345678-050.01-7."
    )
    assert entry.actor is not None
    audit = ModelLogEntry.objects.get(action="deliberation.report.submit_to_assembly")
    assert audit.object_id == str(report.pk)
    assert audit.data["motion"] == motion.reference
    assert audit.message == "Submitted to the municipal assembly as a motion"

    page = admin_client(secretariat_user()).get(
        reverse("deliberation_report:inspect", args=[report.pk])
    )
    assert "Submitted to the municipal assembly" in page.content.decode()


def test_a_refused_submission_leaves_the_report_untouched(konak):
    report = ReportFactory(approved=True)
    with pytest.raises(services.MotionError):
        submit(report, konak, submitted_on=TODAY + datetime.timedelta(days=1))
    assert not report.events.filter(action=ReportAction.SUBMIT_TO_ASSEMBLY).exists()
    assert not ModelLogEntry.objects.filter(action__startswith="deliberation.report.submit_to")


def test_the_submit_form_refuses_an_empty_outgoing_reference_as_a_form_error(konak):
    report = ReportFactory(approved=True)
    response = admin_client(secretariat_user()).post(
        reverse("motions_submit:submit", args=[report.pk]),
        {"municipality": konak.pk, "submitted_on": "2026-11-20", "outgoing_number": ""},
    )
    assert response.status_code == 200
    assert not Motion.objects.exists()


# --- 6. The calendar changes: one service, rows locked, a fixed number of queries --------


def _queries_to_record_a_meeting(municipality, day) -> tuple[int, int]:
    AssemblyMeeting.objects.create(municipality=municipality, date=day)
    actor = secretariat_user()
    with CaptureQueriesContext(connection) as captured:
        changed = services.motions_refresh_due(
            actor=actor, municipality_id=municipality.pk, dates=[day]
        )
    return len(captured), changed


def test_a_recorded_meeting_refreshes_every_motion_in_the_same_number_of_queries(db):
    bornova = Municipality.objects.create(name="Bornova Belediye Meclisi")
    few = [
        enter(bornova, title=f"Önerge {n}", submitted_on=datetime.date(2026, 10, 12))
        for n in range(3)
    ]
    assert {(m.due_on, m.due_estimated) for m in few} == {(NOV_MEETING, True)}
    few_queries, changed = _queries_to_record_a_meeting(bornova, datetime.date(2026, 11, 4))
    assert changed == 3

    many = [
        enter(bornova, title=f"Önerge {n}", submitted_on=datetime.date(2026, 11, 9))
        for n in range(3, 33)
    ]
    assert {(m.due_on, m.due_estimated) for m in many} == {(datetime.date(2026, 12, 7), True)}
    many_queries, changed = _queries_to_record_a_meeting(bornova, datetime.date(2026, 12, 3))

    assert changed == 30
    assert many_queries == few_queries
    due = set(
        Motion.objects.filter(pk__in=[m.pk for m in many]).values_list("due_on", "due_estimated")
    )
    assert due == {(datetime.date(2026, 12, 3), False)}
    # The motions already due in November did not move, nor their record's time.
    untouched = Motion.objects.filter(pk__in=[m.pk for m in few])
    assert set(untouched.values_list("due_on", flat=True)) == {datetime.date(2026, 11, 4)}


def test_a_holiday_refreshes_only_committee_deadlines_in_the_same_number_of_queries(konak):
    def in_committee(n):
        motion = enter(konak, title=f"Komisyonda {n}")
        record(motion, EventKind.PLACED_ON_AGENDA, NOV_MEETING)
        record(motion, EventKind.REFERRED, NOV_MEETING, committees="Plan ve Bütçe")
        return motion

    def add_holiday(day) -> int:
        PublicHoliday.objects.create(date=day, name="Örnek tatil")
        actor = secretariat_user()
        with CaptureQueriesContext(connection) as captured:
            services.motions_refresh_due(actor=actor, holidays_changed=True)
        return len(captured)

    first = [in_committee(n) for n in range(2)]
    waiting = enter(konak, title="Bekleyen")
    before = Motion.objects.get(pk=waiting.pk).updated_at
    few = add_holiday(datetime.date(2026, 11, 4))
    assert {m.committee_due_on for m in Motion.objects.filter(pk__in=[m.pk for m in first])} == {
        datetime.date(2026, 11, 10)
    }
    [in_committee(n) for n in range(2, 25)]
    assert add_holiday(datetime.date(2026, 11, 5)) == few
    assert set(
        Motion.objects.filter(status=MotionStatus.IN_COMMITTEE).values_list(
            "committee_due_on", flat=True
        )
    ) == {datetime.date(2026, 11, 11)}
    assert Motion.objects.get(pk=waiting.pk).updated_at == before


def test_only_the_secretariat_refreshes_the_deadlines(konak):
    member = MembershipFactory(organ=OrganFactory()).person
    with pytest.raises(services.MotionError) as refused:
        services.motions_refresh_due(actor=member, municipality_id=konak.pk)
    assert refused.value.code == "forbidden"


# --- 7. A new motion is news: the followers are told and the feeds show it ---------------


def test_a_new_motion_alerts_its_topics_and_all_motions_followers_once_each(
    client, home, motions_page, konak, topic, django_capture_on_commit_callbacks
):
    other_topic = Topic.objects.create(name="Çevre", slug="cevre")
    older = enter(konak, title="Eski önerge")
    follow("herkes@example.org")
    follow("herkes@example.org", scope=AlertScope.TOPIC, topic=topic)  # both: one e-mail
    follow("konu@example.org", scope=AlertScope.TOPIC, topic=topic)
    follow("baska-konu@example.org", scope=AlertScope.TOPIC, topic=other_topic)
    follow("eski@example.org", scope=AlertScope.MOTION, motion=older)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        motion = enter(konak, title="Bisiklet yolları ağı", topics=[topic])

    assert sorted(message.to[0] for message in mail.outbox) == [
        "herkes@example.org",
        "konu@example.org",
    ]
    with translation.override("tr"):
        label = str(EventKind.SUBMITTED.label)
    assert all(
        motion.reference in message.subject and label in message.subject for message in mail.outbox
    )
    assert all(motion.title in message.body for message in mail.outbox)

    entry = f"{motion.reference} – {label}"
    assert entry in [title for _id, title in feed_entries(client)]
    assert entry in [title for _id, title in feed_entries(client, "/onergeler/akis/konu/ulasim/")]
    assert [
        title for _id, title in feed_entries(client, f"/onergeler/akis/o/{motion.reference}/")
    ] == [entry]
    assert entry not in [
        title for _id, title in feed_entries(client, "/onergeler/akis/konu/cevre/")
    ]

    # The page and the API give the submission once, from the motion itself.
    assert client.get(api_url(motion)).json()["events"] == []
    html = client.get(page_url(motions_page, motion)).content.decode()
    with translation.override("tr"):
        submitted_to = translation.gettext("Submitted to %(recipient)s") % {"recipient": konak.name}
    assert html.count(submitted_to) == 1


def test_a_submitted_report_alerts_the_followers(konak, topic, django_capture_on_commit_callbacks):
    follow("herkes@example.org")
    mail.outbox.clear()
    report = ReportFactory(approved=True)
    with django_capture_on_commit_callbacks(execute=True):
        motion = submit(report, konak)
    assert [message.to for message in mail.outbox] == [["herkes@example.org"]]
    assert motion.reference in mail.outbox[0].subject


def test_a_motion_that_is_not_public_is_no_news(client, konak, django_capture_on_commit_callbacks):
    follow("herkes@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        motion = enter(konak, is_public=False)
    assert mail.outbox == []
    assert all(motion.reference not in title for _id, title in feed_entries(client))


def test_the_submission_is_not_recorded_by_hand(konak):
    motion = enter(konak)
    submitted = motion.events.get(kind=EventKind.SUBMITTED)
    assert (submitted.date, submitted.is_public) == (SUBMITTED, True)

    with pytest.raises(services.MotionError):
        record(motion, EventKind.SUBMITTED, SUBMITTED)
    with pytest.raises(services.MotionError):
        record(motion, EventKind.WITHDRAWN, SUBMITTED, supersedes_id=submitted.pk)
    form = admin_client(secretariat_user()).get(
        reverse("motions_motion:record_event", args=[motion.pk])
    )
    assert f'value="{EventKind.SUBMITTED}"' not in form.content.decode()
    assert motion.events.count() == 1


def test_motions_entered_before_get_their_submission_event_without_alerts(konak):
    """Migration 0006 gives older motions their submission, dated when they were entered."""
    from django.apps import apps

    migration = importlib.import_module("motions.migrations.0006_motionevent_submitted")
    older = enter(konak, title="Eski önerge")
    record(older, EventKind.PLACED_ON_AGENDA, NOV_MEETING)
    newer = enter(konak, title="Yeni önerge")
    older.events.filter(kind=EventKind.SUBMITTED).delete()
    entered = Motion.objects.get(pk=older.pk).created_at

    migration.add_submission_events(apps, None)
    migration.add_submission_events(apps, None)  # twice changes nothing

    submitted = older.events.get(kind=EventKind.SUBMITTED)
    assert (submitted.date, submitted.recorded_at, submitted.is_public) == (
        SUBMITTED,
        entered,
        True,
    )
    assert newer.events.filter(kind=EventKind.SUBMITTED).count() == 1
    assert services.motion_record_state(older).status == MotionStatus.ON_AGENDA
    assert mail.outbox == []
