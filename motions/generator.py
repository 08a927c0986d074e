"""Realistic motions for benchmarks and demos (``manage.py generate_motions N``).

Each motion gets a Turkish title built from a topic and a subject, a submission date in
the last three years, a municipal assembly (or, now and then, another institution) and
a follow-up that walks the transition table: every sequence is checked with
``lifecycle.replay`` before it is stored. Rows are bulk-created for speed, then each
motion goes through ``services.refresh``, so status, due dates and the search text are
computed by the same code as in the back office. No alert is queued: these events are
history, not news.
"""

import bisect
import random
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import ModelLogEntry

from deliberation.access import SECRETARIAT_GROUP
from deliberation.models import Organ, Topic
from deliberation.models.organs import AUTHORING_KINDS
from shared.text import fold, turkish_collation_key

from . import deadlines, lifecycle, services
from .models import (
    AGENDA_KINDS,
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
from .models.choices import ACCEPTED_STATUSES

DEMO_MUNICIPALITY = "Örnek Belediyesi"
SYSTEM_USERNAME = "sistem"
YEARS_BACK = 3

# Topics of a "Kent ve Kentli Hakkı" working group and the subjects its opinions treat.
SUBJECTS: dict[str, list[str]] = {
    "Ulaşım": [
        "toplu taşımada gece seferleri",
        "kesintisiz bisiklet yolu ağı",
        "okul servis güzergâhları",
        "trafik sakinleştirme bölgeleri",
        "yaya öncelikli sokaklar",
        "aktarma merkezlerinde bekleme salonları",
    ],
    "Engelsiz Yaşam": [
        "kaldırımlarda engelsiz erişim",
        "duraklarda sesli anons sistemi",
        "işaret dili bilen kamu personeli",
        "engelli otoparklarının denetimi",
        "erişilebilir belediye binaları",
    ],
    "Yeşil Alan": [
        "mahalle parklarının bakımı",
        "kent bostanları",
        "sokak ağaçlandırması",
        "dere yataklarının korunması",
        "okul bahçelerinin yeşillendirilmesi",
    ],
    "Kadın": [
        "kadın kooperatiflerine satış alanı",
        "mahalle kreşleri",
        "kadın danışma merkezleri",
        "güvenli kent aydınlatması",
    ],
    "Gençlik": [
        "gençlik merkezlerinin çalışma saatleri",
        "öğrencilere barınma desteği",
        "ücretsiz çalışma salonları",
        "gençlere kültür kartı",
    ],
    "Çocuk": [
        "oyun alanlarının güvenliği",
        "okul çevresinde trafik güvenliği",
        "çocuk dostu kent planlaması",
    ],
    "Çevre": [
        "sıfır atık uygulamaları",
        "gürültü kirliliğinin azaltılması",
        "hava kalitesi ölçüm istasyonları",
        "İzmir Körfezi'nin temizliği",
    ],
    "Afet ve Kentsel Dönüşüm": [
        "afet toplanma alanlarının işaretlenmesi",
        "kentsel dönüşümde kiracı hakları",
        "deprem bilgilendirme toplantıları",
    ],
    "Kültür": [
        "mahalle kütüphaneleri",
        "tarihi çarşının korunması",
        "sokak sanatçılarına izin kolaylığı",
    ],
    "Hayvan Hakları": ["sokak hayvanları için bakımevi", "mama ve su noktaları"],
}
TITLE_PATTERNS = [
    "{Subject}",
    "{Subject} hakkında öneri",
    "{Subject} için eylem planı",
    "{Subject} konusunda kent konseyi görüşü",
    "{Subject} üzerine rapor",
]
FINDINGS = [
    "mahalle toplantılarında en sık dile getirilen sorunlardan biri",
    "çalışma grubunun saha gözlemlerinde öne çıkan bir ihtiyaç",
    "yurttaş başvurularında son iki yılda artan bir talep",
    "kent hakkı açısından öncelikli görülen bir konu",
]
COMMITTEES = [
    "Plan ve Bütçe Komisyonu",
    "İmar Komisyonu",
    "Çevre ve Sağlık Komisyonu",
    "Kadın-Erkek Fırsat Eşitliği Komisyonu",
    "Eğitim, Kültür ve Gençlik Komisyonu",
    "Ulaşım Komisyonu",
    "Engelli Hakları Komisyonu",
]
OTHER_RECIPIENTS = [
    "Büyükşehir Belediyesi Ulaşım Dairesi Başkanlığı",
    "İl Sağlık Müdürlüğü",
    "İl Milli Eğitim Müdürlüğü",
    "Kaymakamlık",
]

# A realistic subset of Turkey's public holidays (Law 2429): the fixed national days and
# the first days of the two religious holidays, as announced for each year.
FIXED_HOLIDAYS = [
    (1, 1, "Yılbaşı"),
    (4, 23, "Ulusal Egemenlik ve Çocuk Bayramı"),
    (5, 1, "Emek ve Dayanışma Günü"),
    (5, 19, "Atatürk'ü Anma, Gençlik ve Spor Bayramı"),
    (7, 15, "Demokrasi ve Millî Birlik Günü"),
    (8, 30, "Zafer Bayramı"),
    (10, 29, "Cumhuriyet Bayramı"),
]
RELIGIOUS_HOLIDAYS = {
    2022: [("Ramazan Bayramı", date(2022, 5, 2), 3), ("Kurban Bayramı", date(2022, 7, 9), 4)],
    2023: [("Ramazan Bayramı", date(2023, 4, 21), 3), ("Kurban Bayramı", date(2023, 6, 28), 4)],
    2024: [("Ramazan Bayramı", date(2024, 4, 10), 3), ("Kurban Bayramı", date(2024, 6, 16), 4)],
    2025: [("Ramazan Bayramı", date(2025, 3, 30), 3), ("Kurban Bayramı", date(2025, 6, 6), 4)],
    2026: [("Ramazan Bayramı", date(2026, 3, 20), 3), ("Kurban Bayramı", date(2026, 5, 27), 4)],
}

# The share of each target status among generated motions after the first round, which
# takes every status once so that even a small run covers them all.
STATUS_WEIGHTS = {
    MotionStatus.SUBMITTED: 10,
    MotionStatus.ON_AGENDA: 7,
    MotionStatus.IN_COMMITTEE: 9,
    MotionStatus.POSTPONED: 5,
    MotionStatus.ACCEPTED: 14,
    MotionStatus.ACCEPTED_AMENDED: 8,
    MotionStatus.REJECTED: 8,
    MotionStatus.NOTED: 6,
    MotionStatus.RETURNED_BY_MAYOR: 3,
    MotionStatus.IMPLEMENTING: 12,
    MotionStatus.COMPLETED: 12,
    MotionStatus.WITHDRAWN: 4,
}
OPEN_TARGETS = (
    MotionStatus.SUBMITTED,
    MotionStatus.ON_AGENDA,
    MotionStatus.IN_COMMITTEE,
    MotionStatus.POSTPONED,
)
NOTES = {
    EventKind.PLACED_ON_AGENDA: "Gündemin {n}. maddesi olarak görüşüldü.",
    EventKind.REFERRED: "{committees} havale edildi.",
    EventKind.COMMITTEE_REPORTED: "Komisyon raporu meclis başkanlığına sunuldu.",
    EventKind.POSTPONED: "Bir sonraki birleşime ertelendi.",
    EventKind.RETURNED_BY_MAYOR: "Belediye başkanınca yeniden görüşülmek üzere iade edildi.",
    EventKind.INSISTED: "Meclis, üye tam sayısının salt çoğunluğuyla ısrar kararı aldı.",
    EventKind.BECAME_FINAL: "Karar kesinleşti ve mülki idare amirine gönderildi.",
    EventKind.REPORTED_BACK: "Sonuç kent konseyine yazıyla bildirildi.",
    EventKind.IMPLEMENTATION_UPDATE: "İlgili müdürlük uygulamanın sürdüğünü bildirdi.",
    EventKind.COMPLETED: "Uygulama tamamlandı; yerinde inceleme yapıldı.",
    EventKind.WITHDRAWN: "Kent konseyi önergeyi geri çekti.",
}
DECISION_NOTES = {
    Outcome.ACCEPTED: ["Oybirliğiyle kabul edildi.", "Oyçokluğuyla kabul edildi."],
    Outcome.ACCEPTED_AMENDED: ["Komisyon raporu doğrultusunda değiştirilerek kabul edildi."],
    Outcome.REJECTED: ["Oyçokluğuyla reddedildi."],
    Outcome.NOTED: ["Meclisin bilgisine sunuldu."],
}


@dataclass
class PlannedEvent:
    kind: str
    date: date
    meeting: AssemblyMeeting | None = None
    outcome: str = ""
    committees: str = ""
    zoning_committee: bool = False
    progress: int | None = None
    note: str = ""
    is_public: bool = True


@dataclass
class Summary:
    created: int = 0
    events: int = 0
    meetings_created: int = 0
    holidays_created: int = 0
    topics_created: int = 0
    municipality_created: bool = False
    by_status: Counter = field(default_factory=Counter)
    overdue: int = 0
    estimated: int = 0
    seconds: float = 0.0


@contextmanager
def search_index_in_bulk(model, objects):
    """Index ``objects`` once at the end instead of once per save (half the run time)."""
    try:
        from modelsearch.backends import get_search_backends
        from modelsearch.signal_handlers import post_save_signal_handler
    except ImportError:  # another search package: leave indexing to its signals
        yield
        return
    connected = post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        if connected:
            post_save.connect(post_save_signal_handler, sender=model)
    if connected:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)


def tr_capfirst(text: str) -> str:
    """Capitalise the first letter the Turkish way (i → İ, ı → I)."""
    if not text:
        return text
    first = {"i": "İ", "ı": "I"}.get(text[0], text[0].upper())
    return first + text[1:]


def holidays_between(start: date, end: date) -> list[tuple[date, str]]:
    days = []
    for year in range(start.year, end.year + 1):
        days += [(date(year, month, day), name) for month, day, name in FIXED_HOLIDAYS]
        for name, first, length in RELIGIOUS_HOLIDAYS.get(year, []):
            days += [(first + timedelta(days=n), f"{name} {n + 1}. gün") for n in range(length)]
    return sorted((day, name) for day, name in days if start <= day <= end)


def _months(start: date, end: date):
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


class Generator:
    """Plans and stores ``count`` motions; ``run()`` returns a Summary."""

    def __init__(self, count: int, *, seed: int | None = None, today: date | None = None):
        self.count = count
        self.random = random.Random(seed)  # noqa: S311 - demo data, not secrets
        self.today = today or timezone.localdate()
        self.start = self.today - timedelta(days=365 * YEARS_BACK)
        self.summary = Summary()

    # -- The calendar, the people, the topics -------------------------------------------

    def system_user(self):
        """The secretariat's system account the generated events are recorded by."""
        user_model = get_user_model()
        user = user_model.objects.filter(username=SYSTEM_USERNAME).first()
        if user is None:
            user = user_model(username=SYSTEM_USERNAME, first_name="Sistem", is_active=True)
            user.set_unusable_password()
            user.save()
        group, _created = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
        user.groups.add(group)
        return user

    def municipalities(self) -> list[Municipality]:
        existing = list(Municipality.objects.all())
        if existing:
            return existing
        self.summary.municipality_created = True
        return [
            Municipality.objects.create(
                name=DEMO_MUNICIPALITY, is_metropolitan=False, regular_weekday=0, recess_month=8
            )
        ]

    def holidays(self) -> set[date]:
        wanted = holidays_between(self.start - timedelta(days=31), self.today + timedelta(days=90))
        before = PublicHoliday.objects.count()
        PublicHoliday.objects.bulk_create(
            [PublicHoliday(date=day, name=name) for day, name in wanted], ignore_conflicts=True
        )
        self.summary.holidays_created = PublicHoliday.objects.count() - before
        return set(PublicHoliday.objects.values_list("date", flat=True))

    def record_meetings(self, municipality: Municipality, holidays: set[date]) -> None:
        """The assembly's meetings from before the period until last month.

        A regular meeting that falls on a holiday moves to the next working day; October's
        is the budget meeting; now and then an extraordinary one; one month in twenty is
        left unrecorded (the secretariat is behind), so its due date stays an estimate.
        """
        rule = municipality.rule()
        last_recorded = self.today.replace(day=1) - timedelta(days=1)
        meetings = []
        for year, month in _months(self.start - timedelta(days=62), last_recorded):
            day = deadlines.regular_meeting_date(rule, year, month)
            if day is not None and self.random.random() > 0.05:
                while not deadlines.is_working_day(day, holidays):
                    day += timedelta(days=1)
                kind = AssemblyMeetingKind.BUDGET if month == 10 else AssemblyMeetingKind.REGULAR
                meetings.append(AssemblyMeeting(municipality=municipality, date=day, kind=kind))
            if self.random.random() < 0.08:
                extra = date(year, month, self.random.randint(15, 26))
                if deadlines.is_working_day(extra, holidays) and extra <= self.today:
                    meetings.append(
                        AssemblyMeeting(
                            municipality=municipality,
                            date=extra,
                            kind=AssemblyMeetingKind.EXTRAORDINARY,
                            note="Olağanüstü toplantı",
                        )
                    )
        before = AssemblyMeeting.objects.filter(municipality=municipality).count()
        AssemblyMeeting.objects.bulk_create(meetings, ignore_conflicts=True)
        after = AssemblyMeeting.objects.filter(municipality=municipality).count()
        self.summary.meetings_created += after - before

    def assembly_days(self, municipality: Municipality | None) -> list[tuple[date, object]]:
        """Every day the assembly takes up motions: recorded meetings where there are,
        the rule's estimate for months without one (meeting None)."""
        if municipality is None:
            rule, recorded = deadlines.AssemblyRule(), {}
        else:
            rule = municipality.rule()
            recorded = defaultdict(list)
            for meeting in AssemblyMeeting.objects.filter(
                municipality=municipality, kind__in=AGENDA_KINDS
            ).order_by("date"):
                recorded[(meeting.date.year, meeting.date.month)].append(meeting)
        days = []
        horizon = self.today + timedelta(days=90)
        for year, month in _months(self.start - timedelta(days=62), horizon):
            if recorded.get((year, month)):
                days += [(meeting.date, meeting) for meeting in recorded[(year, month)]]
            else:
                estimate = deadlines.regular_meeting_date(rule, year, month)
                if estimate:
                    days.append((estimate, None))
        return sorted(days, key=lambda item: item[0])

    def topics(self) -> list[Topic]:
        """The generator's topics, matched to the council's by their folded names."""
        existing = {fold(topic.name): topic for topic in Topic.objects.all()}
        topics = []
        for name in SUBJECTS:
            topic = existing.get(fold(name))
            if topic is None:
                slug = slugify(fold(name))
                topic = Topic.objects.filter(slug=slug).first() or Topic.objects.create(
                    name=name, slug=slug
                )
                self.summary.topics_created += 1
            topics.append(topic)
        return topics

    # -- Planning one motion --------------------------------------------------------------

    def targets(self) -> list[tuple[str, bool]]:
        """The status each motion should reach, and whether it must (the first round)."""
        statuses = list(MotionStatus.values)
        first_round = [(status, True) for status in statuses[: self.count]]
        weights = [STATUS_WEIGHTS[status] for status in statuses]
        rest = self.random.choices(statuses, weights=weights, k=max(0, self.count - len(statuses)))
        targets = first_round + [(status, False) for status in rest]
        self.random.shuffle(targets)
        return targets

    def submitted_on(self, target: str, forced: bool) -> date:
        """How long ago: long paths need time before today to unfold.

        A motion submitted too recently for its path stops where today cuts it (which is
        realistic); one of the first round is old enough to reach its target.
        """
        latest, enough = {
            MotionStatus.SUBMITTED: (1, 1),
            MotionStatus.WITHDRAWN: (30, 90),
            MotionStatus.ON_AGENDA: (45, 150),
            MotionStatus.POSTPONED: (45, 150),
            MotionStatus.IN_COMMITTEE: (45, 150),
            MotionStatus.RETURNED_BY_MAYOR: (110, 250),
            MotionStatus.IMPLEMENTING: (200, 500),
            MotionStatus.COMPLETED: (300, 700),
        }.get(target, (100, 250))
        span = (self.today - self.start).days
        low = enough if forced else latest
        if not forced and target in OPEN_TARGETS and self.random.random() < 0.6:
            # Most open motions are recent; the old ones are the overdue ones.
            span = low + (20 if target == MotionStatus.SUBMITTED else 120)
        return self.today - timedelta(days=self.random.randint(low, max(low, span)))

    def _after(self, days, day: date, skip: int = 0):
        """The assembly day ``skip`` places after the first one later than ``day``."""
        index = bisect.bisect_right([item[0] for item in days], day) + skip
        return days[index] if index < len(days) else (None, None)

    def plan(self, target: str, submitted_on: date, days) -> list[PlannedEvent]:
        r = self.random
        events: list[PlannedEvent] = []

        def add(kind, on, **fields):
            fields.setdefault("note", NOTES.get(kind, "").format(n=r.randint(3, 24), **fields))
            events.append(PlannedEvent(kind=kind, date=on, **fields))

        if target == MotionStatus.SUBMITTED:
            return events
        if target == MotionStatus.WITHDRAWN and r.random() < 0.6:
            add(EventKind.WITHDRAWN, submitted_on + timedelta(days=r.randint(3, 40)))
            return events
        # About one motion in eight reaches the agenda late: a meeting or two after it was due.
        late = r.choices([0, 1, 2], weights=[88, 9, 3])[0]
        on, meeting = self._after(days, submitted_on, late)
        if on is None:
            return events
        add(EventKind.PLACED_ON_AGENDA, on, meeting=meeting)
        agenda_day = on
        if target == MotionStatus.ON_AGENDA:
            return events
        if target == MotionStatus.WITHDRAWN:
            add(EventKind.WITHDRAWN, agenda_day + timedelta(days=r.randint(1, 20)))
            return events
        if target == MotionStatus.POSTPONED:
            add(EventKind.POSTPONED, agenda_day, meeting=meeting)
            return events
        referred = target == MotionStatus.IN_COMMITTEE or r.random() < 0.6
        decision_after = agenda_day
        if referred:
            committees = r.choice(COMMITTEES)
            if r.random() < 0.25:
                committees += " ve " + r.choice(COMMITTEES)  # müştereken
            zoning = "İmar" in committees
            add(
                EventKind.REFERRED,
                agenda_day,
                meeting=meeting,
                committees=committees,
                zoning_committee=zoning,
            )
            if target == MotionStatus.IN_COMMITTEE:
                return events
            reported = deadlines.committee_due(agenda_day, zoning=zoning, holidays=set())
            reported -= timedelta(days=r.randint(0, 3))
            add(EventKind.COMMITTEE_REPORTED, reported)
            decision_after = reported
        elif r.random() < 0.15:
            add(EventKind.POSTPONED, agenda_day, meeting=meeting)
            on, again = self._after(days, agenda_day)
            if on is None:
                return events
            add(EventKind.PLACED_ON_AGENDA, on, meeting=again)
            decision_after = on - timedelta(days=1)
        on, decision_meeting = self._after(days, decision_after)
        if on is None:
            return events
        if target in (MotionStatus.REJECTED, MotionStatus.NOTED, MotionStatus.ACCEPTED_AMENDED):
            outcome = target
        else:
            outcome = r.choices([Outcome.ACCEPTED, Outcome.ACCEPTED_AMENDED], weights=[3, 1])[0]
        add(
            EventKind.DECIDED,
            on,
            meeting=decision_meeting,
            outcome=outcome,
            note=r.choice(DECISION_NOTES[outcome]),
        )
        decided_on = on
        if target == MotionStatus.RETURNED_BY_MAYOR:
            add(EventKind.RETURNED_BY_MAYOR, decided_on + timedelta(days=r.randint(2, 5)))
            return events
        if outcome in ACCEPTED_STATUSES and r.random() < 0.1:
            add(EventKind.RETURNED_BY_MAYOR, decided_on + timedelta(days=r.randint(2, 5)))
            on, insisted_meeting = self._after(days, decided_on + timedelta(days=5))
            if on is None:
                return events
            add(EventKind.INSISTED, on, meeting=insisted_meeting)
            decided_on = on
        add(EventKind.BECAME_FINAL, decided_on + timedelta(days=r.randint(6, 12)))
        if r.random() < 0.7:
            add(EventKind.REPORTED_BACK, decided_on + timedelta(days=r.randint(14, 40)))
        if target not in (MotionStatus.IMPLEMENTING, MotionStatus.COMPLETED):
            return events
        day, progress = decided_on + timedelta(days=30), 0
        for _step in range(r.randint(1, 3)):
            day += timedelta(days=r.randint(30, 90))
            progress = min(95, progress + r.randint(15, 40))
            add(
                EventKind.IMPLEMENTATION_UPDATE,
                day,
                progress=progress,
                is_public=r.random() > 0.1,
                note=f"Uygulama yüzde {progress} düzeyinde.",
            )
        if target == MotionStatus.COMPLETED:
            add(EventKind.COMPLETED, day + timedelta(days=r.randint(20, 90)), progress=100)
        return events

    def checked(self, events: list[PlannedEvent], submitted_on: date) -> list[PlannedEvent]:
        """The events up to today, in order; an impossible sequence never gets stored."""
        events = sorted(
            (event for event in events if event.date <= self.today),
            key=lambda event: event.date,
        )
        # Python's sort is stable, so events of the same day keep their planned order.
        try:
            lifecycle.replay(events, submitted_on=submitted_on)
        except lifecycle.SequenceError:
            # Cut at the first event that cannot follow: the rest would fail too.
            for size in range(len(events), -1, -1):
                try:
                    lifecycle.replay(events[:size], submitted_on=submitted_on)
                except lifecycle.SequenceError:
                    continue
                return events[:size]
        return events

    # -- Storing --------------------------------------------------------------------------

    def run(self) -> Summary:
        started = timezone.now()
        with transaction.atomic():
            self._run()
        self.summary.seconds = (timezone.now() - started).total_seconds()
        return self.summary

    def _run(self) -> None:
        r = self.random
        user = self.system_user()
        holidays = self.holidays()
        municipalities = self.municipalities()
        for municipality in municipalities:
            self.record_meetings(municipality, holidays)
        calendars = {
            municipality.pk: self.assembly_days(municipality) for municipality in municipalities
        }
        calendars[None] = self.assembly_days(None)
        topics = self.topics()
        organs = list(Organ.objects.filter(kind__in=AUTHORING_KINDS))

        planned = []
        for index, (target, forced) in enumerate(self.targets()):
            submitted_on = self.submitted_on(target, forced)
            municipality = r.choice(municipalities) if r.random() > 0.05 else None
            topic_index = r.randrange(len(topics))
            topic_name = list(SUBJECTS)[topic_index]
            subject = r.choice(SUBJECTS[topic_name])
            title = r.choice(TITLE_PATTERNS).format(Subject=tr_capfirst(subject))
            origin = r.choice(organs) if organs and r.random() > 0.2 else None
            motion_topics = [topics[topic_index]]
            if r.random() < 0.3:
                motion_topics.append(r.choice(topics))
            days = calendars[municipality.pk if municipality else None]
            events = self.checked(self.plan(target, submitted_on, days), submitted_on)
            if municipality is None:
                for event in events:
                    event.meeting = None
            summary = (
                f"{tr_capfirst(subject)}, {r.choice(FINDINGS)}. "
                f"{origin.name if origin else 'Kent konseyi'} bu konuda somut öneriler getiriyor."
            )
            motion = Motion(
                reference="",
                title=title[:300],
                # bulk_create skips save(), which keeps the sort key of other motions.
                title_sort=turkish_collation_key(title[:300]),
                summary=summary,
                origin=origin,
                municipality=municipality,
                recipient="" if municipality else r.choice(OTHER_RECIPIENTS),
                submitted_on=submitted_on,
                status_since=submitted_on,
                outgoing_number=f"E-{r.randint(10_000_000, 99_999_999)}-050.01-{index + 1}",
                is_public=r.random() > 0.03,
            )
            planned.append((motion, list({t.pk: t for t in motion_topics}.values()), events))

        self._number(planned)
        motions = Motion.objects.bulk_create([motion for motion, _topics, _events in planned])
        through = Motion.topics.through
        through.objects.bulk_create(
            through(motion_id=motion.pk, topic_id=topic.pk)
            for motion, (_m, motion_topics, _e) in zip(motions, planned, strict=True)
            for topic in motion_topics
        )
        decision_numbers = self._decision_numbers(planned)
        rows = []
        for motion, (_m, _t, events) in zip(motions, planned, strict=True):
            for event in events:
                rows.append(
                    MotionEvent(
                        motion=motion,
                        kind=event.kind,
                        date=event.date,
                        meeting=event.meeting,
                        committees=event.committees,
                        zoning_committee=event.zoning_committee,
                        outcome=event.outcome,
                        decision_number=decision_numbers.get(id(event), ""),
                        progress=event.progress,
                        note=event.note,
                        is_public=event.is_public,
                        recorded_by=user,
                    )
                )
        # In planned order, so the primary keys keep the order of same-day events.
        MotionEvent.objects.bulk_create(rows)
        self._log(motions, rows, user)

        refreshed = list(
            Motion.objects.filter(pk__in=[motion.pk for motion in motions])
            .select_related("municipality")
            .prefetch_related("topics")
        )
        with search_index_in_bulk(Motion, refreshed):
            for motion in refreshed:
                services.refresh(motion)
        self._count(motions, len(rows))

    def _number(self, planned) -> None:
        """References year/number, continuing after the ones already used."""
        used = defaultdict(int)
        for reference in Motion.objects.values_list("reference", flat=True):
            year, _slash, number = reference.partition("/")
            if year.isdigit() and number.isdigit():
                used[int(year)] = max(used[int(year)], int(number))
        for motion, _topics, _events in sorted(planned, key=lambda item: item[0].submitted_on):
            year = motion.submitted_on.year
            used[year] += 1
            motion.reference = f"{year}/{used[year]}"

    def _decision_numbers(self, planned) -> dict[int, str]:
        """The assembly's decision numbers, in the order of its meetings each year."""
        decisions = sorted(
            (
                (event.date, motion.municipality_id or 0, id(event))
                for motion, _topics, events in planned
                for event in events
                if event.kind == EventKind.DECIDED
            ),
        )
        counters = Counter()
        numbers = {}
        for day, municipality_id, key in decisions:
            counters[(municipality_id, day.year)] += 1
            numbers[key] = f"{day.year}/{100 + counters[(municipality_id, day.year)]}"
        return numbers

    def _log(self, motions, events, user) -> None:
        """The audit entries services would write: entered, and each event recorded."""
        content_type = ContentType.objects.get_for_model(Motion)
        now = timezone.now()
        labels = {motion.pk: str(motion) for motion in motions}
        entries = [
            ModelLogEntry(
                content_type=content_type,
                label=labels[motion.pk],
                action="motions.motion.create",
                data={"reference": motion.reference},
                timestamp=now,
                user=user,
                object_id=str(motion.pk),
            )
            for motion in motions
        ]
        entries += [
            ModelLogEntry(
                content_type=content_type,
                label=labels[event.motion_id],
                action="motions.motion.event",
                data={**event.log_data, "date": event.date.isoformat(), "supersedes": None},
                timestamp=now,
                user=user,
                object_id=str(event.motion_id),
            )
            for event in events
        ]
        ModelLogEntry.objects.bulk_create(entries, batch_size=500)

    def _count(self, motions, event_count: int) -> None:
        from .selectors import with_overdue

        ids = [motion.pk for motion in motions]
        summary = self.summary
        summary.created = len(ids)
        summary.events = event_count
        rows = with_overdue(Motion.objects.filter(pk__in=ids), today=self.today).values_list(
            "status", "overdue", "due_estimated"
        )
        for status, overdue, estimated in rows:
            summary.by_status[status] += 1
            summary.overdue += bool(overdue)
            summary.estimated += bool(estimated)


def generate_motions(count: int, *, seed: int | None = None) -> Summary:
    """Create ``count`` motions with their follow-up; see the module docstring."""
    return Generator(count, seed=seed).run()
