"""iCalendar (RFC 5545) output for events."""

from collections.abc import Iterable

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event


def build_calendar(events: Iterable, request, *, name: str) -> Calendar:
    """A calendar with one VEVENT per event page."""
    calendar = Calendar()
    calendar.add("prodid", "-//Kent Konseyi//Web//TR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Istanbul")
    host = request.get_host()
    now = timezone.now()
    for page in events:
        event = Event()
        event.add("uid", f"event-{page.pk}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", page.start)
        event.add("dtend", page.end)
        event.add("summary", page.title)
        event.add("description", page.intro)
        location = ", ".join(part for part in (page.venue_name, page.venue_address) if part)
        event.add("location", location)
        event.add("url", page.get_full_url(request))
        if page.last_published_at:
            event.add("last-modified", page.last_published_at)
        calendar.add_component(event)
    return calendar


def calendar_response(events: Iterable, request, *, filename: str, name: str) -> HttpResponse:
    """An .ics download of the given events."""
    calendar = build_calendar(events, request, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
