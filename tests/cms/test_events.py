"""Events: upcoming and past listings, iCalendar downloads and Turkish dates."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from icalendar import Calendar

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

ISTANBUL = ZoneInfo("Europe/Istanbul")
UTC = datetime.UTC


def in_days(days: int, hour: int = 10) -> datetime.datetime:
    now = datetime.datetime.now(ISTANBUL)
    return (now + datetime.timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


@pytest.fixture
def programme(event_index):
    """Two upcoming, one running now, two past, and drafts of each that must stay hidden."""
    return {
        "soon": EventPageFactory(parent=event_index, title="Yakında panel", start=in_days(3)),
        "later": EventPageFactory(parent=event_index, title="Sonra çalıştay", start=in_days(40)),
        "running": EventPageFactory(
            parent=event_index,
            title="Süren sergi",
            start=in_days(-1),
            end=in_days(1),
        ),
        "recent": EventPageFactory(
            parent=event_index, title="Geçen ay buluşma", start=in_days(-20)
        ),
        "old": EventPageFactory(
            parent=event_index, title="Geçen yıl toplantı", start=in_days(-300)
        ),
        "draft_future": EventPageFactory(
            parent=event_index, title="Taslak gelecek etkinlik", start=in_days(5), draft=True
        ),
        "draft_past": EventPageFactory(
            parent=event_index, title="Taslak geçmiş etkinlik", start=in_days(-5), draft=True
        ),
    }


def order_of(content: str, titles: list[str]) -> list[str]:
    found = [(content.index(title), title) for title in titles if title in content]
    return [title for _, title in sorted(found)]


ALL_TITLES = [
    "Yakında panel",
    "Sonra çalıştay",
    "Süren sergi",
    "Geçen ay buluşma",
    "Geçen yıl toplantı",
    "Taslak gelecek etkinlik",
    "Taslak geçmiş etkinlik",
]


def test_index_lists_upcoming_events_soonest_first(client, event_index, programme):
    response = client.get(event_index.url)

    assert response.status_code == 200
    assert "<h2>Yaklaşan etkinlikler</h2>" in response.content.decode()
    assert order_of(response.content.decode(), ALL_TITLES) == [
        "Süren sergi",
        "Yakında panel",
        "Sonra çalıştay",
    ]


def test_past_route_lists_past_events_latest_first(client, event_index, programme):
    response = client.get(event_index.url + "gecmis/")

    assert response.status_code == 200
    assert "<h2>Geçmiş etkinlikler</h2>" in response.content.decode()
    assert order_of(response.content.decode(), ALL_TITLES) == [
        "Geçen ay buluşma",
        "Geçen yıl toplantı",
    ]


def test_index_without_upcoming_events_says_so(client, event_index):
    EventPageFactory(parent=event_index, past=True)
    assert "Yaklaşan etkinlik yok." in client.get(event_index.url).content.decode()


def test_past_event_page_is_marked_past(client, event_index):
    past = EventPageFactory(parent=event_index, past=True)
    upcoming = EventPageFactory(parent=event_index)
    assert "Geçmiş etkinlik" in client.get(past.url).content.decode()
    assert "Geçmiş etkinlik" not in client.get(upcoming.url).content.decode()


def test_index_links_to_past_events_and_calendar(client, event_index):
    content = client.get(event_index.url).content.decode()
    assert f'href="{event_index.url}gecmis/"' in content
    assert f'href="{event_index.url}takvim.ics"' in content


def parse_calendar(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_event_calendar_has_the_event_at_the_right_instant(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Kent Forumu",
        start=datetime.datetime(2026, 2, 7, 10, 0, tzinfo=ISTANBUL),
        end=datetime.datetime(2026, 2, 7, 12, 30, tzinfo=ISTANBUL),
        venue_name="Tarihi Havagazı Fabrikası",
        venue_address="Alsancak, Konak",
    )

    response = client.get(event.url + "takvim.ics")

    assert response["Content-Disposition"] == 'attachment; filename="kent-forumu.ics"'
    calendar = parse_calendar(response)
    assert calendar.name == "VCALENDAR"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"])
    assert vevent["DTSTAMP"].dt.tzinfo is not None
    assert vevent["DTSTART"].dt == datetime.datetime(2026, 2, 7, 7, 0, tzinfo=UTC)
    assert vevent["DTEND"].dt == datetime.datetime(2026, 2, 7, 9, 30, tzinfo=UTC)
    assert str(vevent["SUMMARY"]) == "Kent Forumu"
    assert str(vevent["LOCATION"]) == "Tarihi Havagazı Fabrikası, Alsancak, Konak"
    assert str(vevent["URL"]) == event.get_full_url()
    assert b"DTSTART:20260207T070000Z" in response.content


def test_index_calendar_has_only_upcoming_published_events(client, event_index, programme):
    calendar = parse_calendar(client.get(event_index.url + "takvim.ics"))

    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert sorted(str(event["SUMMARY"]) for event in events) == sorted(
        ["Süren sergi", "Yakında panel", "Sonra çalıştay"]
    )
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == 3
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION"):
            assert prop in event
    soon = next(e for e in events if str(e["SUMMARY"]) == "Yakında panel")
    assert soon["DTSTART"].dt == programme["soon"].start


def test_event_uid_is_stable_between_downloads(client, event_index):
    event = EventPageFactory(parent=event_index)
    first = parse_calendar(client.get(event.url + "takvim.ics")).walk("VEVENT")[0]
    second = parse_calendar(client.get(event_index.url + "takvim.ics")).walk("VEVENT")[0]
    assert str(first["UID"]) == str(second["UID"])


def test_draft_event_calendar_is_not_found(client, programme):
    assert client.get(programme["draft_future"].url + "takvim.ics").status_code == 404


def test_event_date_in_turkish(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Kent Forumu",
        start=datetime.datetime(2026, 2, 7, 10, 0, tzinfo=ISTANBUL),
        end=datetime.datetime(2026, 2, 7, 12, 30, tzinfo=ISTANBUL),
    )

    content = client.get(event.url).content.decode()

    assert "7 Şubat 2026, 10.00" in content
    assert "12.30" in content


def test_event_date_in_turkish_on_the_listing(client, event_index):
    EventPageFactory(
        parent=event_index,
        title="Kent Forumu",
        start=datetime.datetime(2026, 2, 7, 10, 0, tzinfo=ISTANBUL),
        end=datetime.datetime(2026, 2, 7, 12, 30, tzinfo=ISTANBUL),
    )
    content = client.get(event_index.url + "gecmis/").content.decode()
    assert "7 Şubat 2026, 10.00" in content


def test_event_clean_refuses_end_before_start(event_index):
    event = EventPageFactory.build(start=in_days(3, 10), end=in_days(3, 9))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_registration_link_only_for_upcoming_events(client, event_index):
    upcoming = EventPageFactory(
        parent=event_index, registration_url="https://kayit.example.org/gelecek"
    )
    past = EventPageFactory(
        parent=event_index, past=True, registration_url="https://kayit.example.org/gecmis"
    )
    assert "https://kayit.example.org/gelecek" in client.get(upcoming.url).content.decode()
    assert "https://kayit.example.org/gecmis" not in client.get(past.url).content.decode()


def test_past_events_have_their_own_canonical_url(client, event_index, programme):
    past = BeautifulSoup(client.get(event_index.url + "gecmis/").content, "html.parser")
    upcoming = BeautifulSoup(client.get(event_index.url).content, "html.parser")

    assert past.find("link", rel="canonical")["href"] == event_index.get_full_url() + "gecmis/"
    assert upcoming.find("link", rel="canonical")["href"] == event_index.get_full_url()
