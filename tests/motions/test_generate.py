"""manage.py generate_motions: realistic motions whose follow-up obeys the services' rules."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from motions import lifecycle, services
from motions.models import (
    AGENDA_KINDS,
    AssemblyMeeting,
    EventKind,
    Motion,
    MotionStatus,
    Municipality,
    PublicHoliday,
)

pytestmark = pytest.mark.django_db

DERIVED = (
    "status",
    "final",
    "status_since",
    "due_on",
    "due_estimated",
    "on_agenda_on",
    "decided_on",
    "committee_due_on",
    "search_text",
)


def generate(count, seed):
    out = StringIO()
    call_command("generate_motions", str(count), "--seed", str(seed), stdout=out)
    return out.getvalue()


def test_thirty_motions_in_every_status_as_the_services_would_have_them():
    output = generate(30, seed=7)

    assert Motion.objects.count() == 30
    assert "Created 30 motions" in output
    assert "Örnek Belediyesi" in output  # made, as there was no municipality
    municipality = Municipality.objects.get()
    assert (municipality.is_metropolitan, municipality.recess_month) == (False, 8)
    assert AssemblyMeeting.objects.filter(kind__in=AGENDA_KINDS).count() >= 30
    assert PublicHoliday.objects.filter(name="Cumhuriyet Bayramı").count() >= 3
    assert set(Motion.objects.values_list("status", flat=True)) == set(MotionStatus.values)

    today = timezone.localdate()
    for motion in Motion.objects.select_related("municipality").prefetch_related("topics"):
        events = list(motion.events.filter(superseded_by__isnull=True).order_by("date", "pk"))
        state = lifecycle.replay(events, submitted_on=motion.submitted_on)
        assert (state.status, state.final) == (motion.status, motion.final), motion.reference
        assert motion.submitted_on <= today
        assert motion.submitted_on >= today - datetime.timedelta(days=3 * 365)
        assert motion.title and motion.summary
        for event in events:
            assert motion.submitted_on <= event.date <= today
            if event.meeting_id:
                assert event.meeting.municipality_id == motion.municipality_id
                if event.kind in (EventKind.PLACED_ON_AGENDA, EventKind.DECIDED):
                    assert event.meeting.date == event.date
        stored = {name: getattr(motion, name) for name in DERIVED}
        services.refresh(motion)
        assert stored == {name: getattr(motion, name) for name in DERIVED}, motion.reference


def test_some_are_overdue_and_some_due_dates_are_estimates():
    from motions.selectors import with_overdue

    output = generate(60, seed=3)
    motions = with_overdue(Motion.objects.all())
    assert motions.filter(overdue=True).exists()
    assert motions.filter(overdue=False).exists()
    assert Motion.objects.filter(due_estimated=True).exists()
    assert "Overdue:" in output


def test_running_again_continues_the_references():
    generate(15, seed=1)
    generate(15, seed=1)  # the same randomness: same dates, new numbers
    references = list(Motion.objects.values_list("reference", flat=True))
    assert len(references) == len(set(references)) == 30
    assert Municipality.objects.count() == 1
