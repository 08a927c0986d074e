"""An iCalendar feed of the meetings motions depend on: the municipal assembly's and the
council organs'.

It carries only what is public anyway: the day (and time), the body that meets, the
kind of meeting and the place. No agenda notes, minutes or attendance: nothing about
a person. Meetings from the last year and every future one are listed.
"""

from datetime import datetime, time, timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from deliberation.models import Meeting

from .models import AssemblyMeeting

PAST_DAYS = 366


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Kent Konseyi//Motions//TR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Istanbul")
    return calendar


def _assembly_event(meeting: AssemblyMeeting, *, host: str, stamp) -> Event:
    event = Event()
    event.add("uid", f"assembly-meeting-{meeting.pk}@{host}")
    event.add("dtstamp", stamp)
    # The assembly fixes the day, not the hour: an all-day event.
    event.add("dtstart", meeting.date)
    event.add("dtend", meeting.date + timedelta(days=1))
    event.add(
        "summary",
        _("Municipal assembly meeting (%(kind)s): %(municipality)s")
        % {"kind": meeting.get_kind_display(), "municipality": meeting.municipality.name},
    )
    event.add("categories", [_("Municipal assembly")])
    event.add("transp", "TRANSPARENT")
    return event


def _organ_event(meeting: Meeting, *, host: str, stamp) -> Event:
    event = Event()
    event.add("uid", f"organ-meeting-{meeting.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("summary", _("%(organ)s meeting") % {"organ": meeting.organ.name})
    if meeting.place:
        event.add("location", meeting.place)
    event.add("categories", [_("City council")])
    return event


def meetings_calendar(request) -> Calendar:
    """The calendar, in a fixed number of queries."""
    since = timezone.localdate() - timedelta(days=PAST_DAYS)
    host = request.get_host()
    stamp = timezone.now()
    calendar = _calendar(_("Municipal assembly and city council meetings"))
    for meeting in (
        AssemblyMeeting.objects.filter(date__gte=since)
        .select_related("municipality")
        .order_by("date", "pk")
    ):
        calendar.add_component(_assembly_event(meeting, host=host, stamp=stamp))
    since_start = timezone.make_aware(datetime.combine(since, time(0, 0)))
    for meeting in (
        Meeting.objects.filter(starts_at__gte=since_start)
        .select_related("organ")
        .order_by("starts_at", "pk")
    ):
        calendar.add_component(_organ_event(meeting, host=host, stamp=stamp))
    calendar.add_missing_timezones()
    return calendar


def meetings_ics(request) -> HttpResponse:
    """The calendar as a subscribable .ics file."""
    response = HttpResponse(
        meetings_calendar(request).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="toplantilar.ics"'
    return response
