"""Atom feeds of the motions' follow-up and the iCalendar feed of meetings, read the way
feed readers and calendar apps read them."""

import datetime

import feedparser
import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from deliberation import services as deliberation_services
from motions.models import AssemblyMeetingKind, EventKind
from tests.deliberation.factories import (
    MembershipFactory,
    OrganFactory,
    istanbul,
    quorate_meeting,
    secretariat_user,
)

from . import open_data


@pytest.fixture
def scene(db):
    return open_data.scene()


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def tr(message: str) -> str:
    with translation.override("tr"):
        return str(translation.gettext(message))


def test_feed_of_all_motions_has_the_public_current_events(client, scene, home):
    open_data.motion_index(home)

    feed = read_feed(client, "/onergeler/akis/")

    reference = scene.accepted.reference
    with translation.override("tr"):
        submitted = str(EventKind.SUBMITTED.label)
        labels = [
            submitted,
            str(EventKind.PLACED_ON_AGENDA.label),
            str(EventKind.COMMITTEE_REPORTED.label),
            scene.accepted.events.get(kind=EventKind.DECIDED).label,
        ]
    # Newest record first; each submission is a movement too.
    assert [entry.title for entry in feed.entries] == [
        *(f"{reference} – {label}" for label in reversed(labels)),
        f"{scene.overdue.reference} – {submitted}",
    ]
    links = {
        f"http://localhost/onergeler/o/2026/{item.reference.split('/')[1]}/"
        for item in (scene.accepted, scene.overdue)
    }
    assert {entry.link for entry in feed.entries} == links
    assert len({entry.id for entry in feed.entries}) == 5
    decided, _reported, placed, *_submissions = feed.entries
    assert decided.summary == "<p>Kent bostanları</p>\n\n<p>Oybirliğiyle kabul edildi.</p>"
    assert placed.summary == "<p>Kent bostanları</p>\n\n<p>Gündemin 7. maddesi.</p>"
    published = datetime.datetime.fromisoformat(decided.published)
    assert published.astimezone(timezone.get_current_timezone()) == datetime.datetime(
        2026, 5, 4, tzinfo=timezone.get_current_timezone()
    )
    assert decided.updated_parsed[:3] == timezone.now().timetuple()[:3]
    assert {tag.term for tag in decided.tags} == {"Çevre", "Gıda"}
    assert feed.feed.title == tr("Motions: latest movements")
    assert feed.feed.link == "http://localhost/onergeler/"


def test_feeds_never_show_what_is_not_public_or_was_corrected(client, scene):
    for url in (
        "/onergeler/akis/",
        f"/onergeler/akis/o/{scene.accepted.reference}/",
        "/onergeler/akis/konu/cevre/",
        "/en/onergeler/akis/",
    ):
        body = client.get(url).content.decode()
        assert "YANLIŞ KAYIT" not in body, url
        assert "GİZLİ" not in body, url
        assert "Plan ve Bütçe" not in body, url
        assert scene.secret.reference not in body, url


def test_feed_of_one_motion(client, scene):
    other = open_data.motion(title="Bisiklet yolları")
    open_data.place_on_agenda(other)

    feed = read_feed(client, f"/onergeler/akis/o/{scene.accepted.reference}/")

    assert len(feed.entries) == 4
    assert all(entry.title.startswith(scene.accepted.reference) for entry in feed.entries)
    assert feed.entries[-1].title == f"{scene.accepted.reference} – {tr('Submitted')}"
    assert scene.accepted.title in feed.feed.title
    # Without a motions page on the site, entries link to the API record.
    assert feed.entries[0].link == f"http://testserver/api/v1/motions/{scene.accepted.reference}"


def test_feed_of_a_motion_that_is_not_public_or_unknown_is_404(client, scene):
    assert client.get(f"/onergeler/akis/o/{scene.secret.reference}/").status_code == 404
    assert client.get("/onergeler/akis/o/1999/1/").status_code == 404


def test_feed_of_a_topic(client, scene):
    other = open_data.motion(title="Bisiklet yolları", topics=[open_data.topic("Ulaşım", "ulasim")])
    open_data.place_on_agenda(other)

    gida = read_feed(client, "/onergeler/akis/konu/gida/")
    ulasim = read_feed(client, "/onergeler/akis/konu/ulasim/")

    assert {entry.title.split(" – ")[0] for entry in gida.entries} == {scene.accepted.reference}
    assert [entry.title for entry in ulasim.entries] == [
        f"{other.reference} – {tr('Placed on the agenda')}",
        f"{other.reference} – {tr('Submitted')}",
    ]
    assert "Gıda" in gida.feed.title
    assert client.get("/onergeler/akis/konu/yok/").status_code == 404


def test_english_feed_has_english_labels(client, scene):
    feed = read_feed(client, "/en/onergeler/akis/")

    assert feed.feed.title == "Motions: latest movements"
    assert f"{scene.accepted.reference} – Placed on the agenda" in [e.title for e in feed.entries]


def test_an_event_made_public_later_appears_and_a_corrected_one_disappears(client, scene):
    before = read_feed(client, "/onergeler/akis/")
    correction = open_data.record(
        scene.accepted,
        EventKind.DECIDED,
        open_data.MAY_MEETING,
        meeting=open_data.assembly_meeting(open_data.MAY_MEETING),
        outcome="accepted_amended",
        note="Değiştirilerek kabul edildi.",
        supersedes_id=scene.accepted.events.get(kind=EventKind.DECIDED).pk,
    )

    after = read_feed(client, "/onergeler/akis/")

    assert len(after.entries) == len(before.entries)
    assert after.entries[0].summary.endswith(f"<p>{correction.note}</p>")
    assert "Oybirliğiyle" not in client.get("/onergeler/akis/").content.decode()


def test_feed_runs_as_many_queries_for_200_motions_as_for_10(client, home):
    open_data.motion_index(home)
    open_data.many_motions(10)
    urls = ["/onergeler/akis/", "/onergeler/akis/konu/ulasim/", "/onergeler/akis/o/2025/2/"]

    def queries(url) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    with_10 = [queries(url) for url in urls]
    open_data.many_motions(190, start=10)

    assert [queries(url) for url in urls] == with_10


# --- iCalendar ---------------------------------------------------------------------------


def read_calendar(client, url="/onergeler/akis/toplantilar.ics"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content, icalendar.Calendar.from_ical(response.content)


def test_calendar_has_the_assembly_and_council_meetings_without_personal_data(client, db):
    today = timezone.localdate()
    open_data.assembly_meeting(today - datetime.timedelta(days=30))
    open_data.assembly_meeting(today + datetime.timedelta(days=10), AssemblyMeetingKind.BUDGET)
    open_data.assembly_meeting(today - datetime.timedelta(days=800))  # too old to list
    board = OrganFactory(executive_board=True, name="Yürütme Kurulu")
    person = MembershipFactory(organ=board, person__first_name="Zeynep", person__last_name="Kaya")
    meeting = quorate_meeting(
        board,
        starts_at=istanbul(today.year, today.month, today.day, 18) - datetime.timedelta(days=3),
        place="Kent Konseyi Toplantı Salonu",
    )
    meeting.minutes = "Zeynep Kaya toplantıyı açtı."
    meeting.save()
    deliberation_services.meeting_record_attendance(
        actor=secretariat_user(), meeting_id=meeting.pk, present_ids=[person.person_id]
    )

    raw, calendar = read_calendar(client)

    events = calendar.walk("VEVENT")
    assert len(events) == 3
    summaries = [str(event["SUMMARY"]) for event in events]
    assembly = [e for e in events if str(e["UID"]).startswith("assembly-meeting-")]
    organ = [e for e in events if str(e["UID"]).startswith("organ-meeting-")]
    assert len(assembly) == 2 and len(organ) == 1
    assert assembly[0].decoded("DTSTART") == today - datetime.timedelta(days=30)
    assert assembly[0].decoded("DTEND") == today - datetime.timedelta(days=29)
    assert "Konak Belediyesi" in str(assembly[1]["SUMMARY"])
    starts = organ[0].decoded("DTSTART")
    assert starts == meeting.starts_at
    assert str(starts.tzinfo) == "Europe/Istanbul"
    assert str(organ[0]["LOCATION"]) == "Kent Konseyi Toplantı Salonu"
    assert any("Yürütme Kurulu" in summary for summary in summaries)
    assert calendar.walk("VTIMEZONE")
    text = raw.decode()
    for personal in ("Zeynep", "Kaya", "@example.org", "kisi"):
        assert personal not in text


def test_calendar_in_english(client, db):
    open_data.assembly_meeting(timezone.localdate())

    _raw, calendar = read_calendar(client, "/en/onergeler/akis/toplantilar.ics")

    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Municipal assembly meeting (Regular): Konak Belediyesi"


def test_notes_are_text_not_html(client, db):
    motion = open_data.motion(title="Parklar & bahçeler")
    open_data.place_on_agenda(motion, note="<script>alert(1)</script> 5 < 7")

    body = client.get("/onergeler/akis/").content.decode()

    assert "<script>" not in body
    entry, _submitted = read_feed(client, "/onergeler/akis/").entries
    assert entry.summary == (
        "<p>Parklar &amp; bahçeler</p>\n\n<p>&lt;script&gt;alert(1)&lt;/script&gt; 5 &lt; 7</p>"
    )
