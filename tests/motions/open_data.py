"""Builders for the open data tests (API, CSV, feeds): motions made through the services,
as the secretariat makes them, in every state the contract has to show or hide."""

import datetime
from dataclasses import dataclass

from cms.models.motions_pages import MotionIndexPage
from deliberation.models import Organ, OrganKind, Topic
from motions import services
from motions.models import (
    AssemblyMeeting,
    AssemblyMeetingKind,
    EventKind,
    Motion,
    MotionEvent,
    Municipality,
    Outcome,
)
from tests.deliberation.factories import OrganFactory, secretariat_user

# Konak meets on the first Monday of the month. Submitted on 2 March 2026, a motion is
# due at the meeting of Monday 6 April 2026.
SUBMITTED = datetime.date(2026, 3, 2)
APRIL_MEETING = datetime.date(2026, 4, 6)
MAY_MEETING = datetime.date(2026, 5, 4)


def municipality() -> Municipality:
    return Municipality.objects.get_or_create(name="Konak Belediyesi")[0]


def assembly_meeting(on: datetime.date, kind=AssemblyMeetingKind.REGULAR) -> AssemblyMeeting:
    return AssemblyMeeting.objects.get_or_create(municipality=municipality(), date=on, kind=kind)[0]


def topic(name: str, slug: str) -> Topic:
    return Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def motion(*, title: str = "Kent bostanları", submitted_on=SUBMITTED, **fields) -> Motion:
    """A motion entered directly by the secretariat, to the Konak municipal assembly."""
    fields.setdefault("summary", f"{title} üzerine kent konseyinin görüşü.")
    if "recipient" not in fields:
        fields.setdefault("municipality", municipality())
    return services.motion_create(
        actor=secretariat_user(), title=title, submitted_on=submitted_on, **fields
    )


def record(motion: Motion, kind: str, on: datetime.date, **fields) -> MotionEvent:
    """Record a step of the follow-up as the secretariat does."""
    return services.motion_record_event(
        actor=secretariat_user(), motion_id=motion.pk, kind=kind, on=on, **fields
    )


def place_on_agenda(motion: Motion, on=APRIL_MEETING, **fields) -> MotionEvent:
    return record(motion, EventKind.PLACED_ON_AGENDA, on, meeting=assembly_meeting(on), **fields)


def decide(motion: Motion, outcome=Outcome.ACCEPTED, on=MAY_MEETING, **fields) -> MotionEvent:
    return record(
        motion, EventKind.DECIDED, on, meeting=assembly_meeting(on), outcome=outcome, **fields
    )


def motion_index(home) -> MotionIndexPage:
    page = MotionIndexPage(title="Önergeler", slug="onergeler")
    home.add_child(instance=page)
    return page


@dataclass
class Scene:
    """Motions in the states the open data must show, and the things it must never show."""

    overdue: Motion  # past the April meeting, never on its agenda
    accepted: Motion  # on the April agenda, accepted in May; one wrong record corrected
    secret: Motion  # not public
    wrong_event: MotionEvent  # superseded by a correction
    hidden_event: MotionEvent  # not public
    correction: MotionEvent


def scene() -> Scene:
    """Two public motions (one overdue, one accepted) and one that is not public."""
    environment = topic("Çevre", "cevre")
    working_group = OrganFactory(name="İklim Çalışma Grubu", slug="iklim")
    overdue = motion(
        title="İzmir Körfezi'nin temizliği",
        topics=[environment],
        origin=working_group,
    )
    accepted = motion(title="Kent bostanları", topics=[environment, topic("Gıda", "gida")])
    # The April meeting is recorded after the first motion was entered.
    wrong_event = record(
        accepted,
        EventKind.PLACED_ON_AGENDA,
        APRIL_MEETING,
        meeting=assembly_meeting(APRIL_MEETING),
        note="YANLIŞ KAYIT",
    )
    correction = record(
        accepted,
        EventKind.PLACED_ON_AGENDA,
        APRIL_MEETING,
        meeting=assembly_meeting(APRIL_MEETING),
        note="Gündemin 7. maddesi.",
        supersedes_id=wrong_event.pk,
    )
    hidden_event = record(
        accepted,
        EventKind.REFERRED,
        APRIL_MEETING,
        committees="Plan ve Bütçe Komisyonu",
        note="GİZLİ NOT",
        is_public=False,
    )
    record(accepted, EventKind.COMMITTEE_REPORTED, datetime.date(2026, 4, 10))
    decide(accepted, decision_number="2026/112", note="Oybirliğiyle kabul edildi.")
    secret = motion(title="GİZLİ ÖNERGE", topics=[environment], is_public=False)
    record(
        secret, EventKind.PLACED_ON_AGENDA, APRIL_MEETING, meeting=assembly_meeting(APRIL_MEETING)
    )
    for item in (overdue, accepted, secret):
        item.refresh_from_db()
    return Scene(
        overdue=overdue,
        accepted=accepted,
        secret=secret,
        wrong_event=wrong_event,
        hidden_event=hidden_event,
        correction=correction,
    )


def many_motions(count: int, *, start: int = 0) -> list[Motion]:
    """``count`` public motions, each with an origin, two topics and public events: one in
    three still waits (overdue), the others were placed on the agenda and accepted.

    Made with the ORM in bulk and brought up to date with ``services.refresh``, so that
    query budgets can be checked against hundreds of motions quickly.
    """
    first, second = topic("Ulaşım", "ulasim"), topic("Konut", "konut")
    numbers = range(start, start + count)
    organs = Organ.objects.bulk_create(
        Organ(name=f"Mahalle Çalışma Grubu {n}", slug=f"mahalle-{n}", kind=OrganKind.WORKING_GROUP)
        for n in numbers
    )
    motions = Motion.objects.bulk_create(
        Motion(
            reference=f"2025/{n + 1}",
            title=f"Önerge {n}",
            summary=f"Mahalle {n} için öneriler.",
            origin=organ,
            municipality=municipality(),
            submitted_on=SUBMITTED,
            status_since=SUBMITTED,
        )
        for n, organ in zip(numbers, organs, strict=True)
    )
    through = Motion.topics.through
    through.objects.bulk_create(
        through(motion_id=item.pk, topic_id=subject.pk)
        for item in motions
        for subject in (first, second)
    )
    april, may = assembly_meeting(APRIL_MEETING), assembly_meeting(MAY_MEETING)
    events = []
    for n, item in zip(numbers, motions, strict=True):
        if n % 3 == 0:
            continue
        events += [
            MotionEvent(
                motion=item, kind=EventKind.PLACED_ON_AGENDA, date=april.date, meeting=april
            ),
            MotionEvent(
                motion=item,
                kind=EventKind.DECIDED,
                date=may.date,
                meeting=may,
                outcome=Outcome.ACCEPTED,
                decision_number=f"2026/{n}",
                note=f"Karar {n}",
            ),
        ]
    MotionEvent.objects.bulk_create(events)
    for item in motions:
        services.refresh(item)
    return motions
