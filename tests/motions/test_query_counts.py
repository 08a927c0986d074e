"""Every public read of the motions runs as many SQL queries for 10,000 motions as for 10,
and the filters, the search and the sort orders are served by indexes.

The 10,000 motions are bulk copies of four motions made through the services (waiting
past its due meeting, placed on the agenda late, decided, in committee): each copy has
its prototype's events and derived state, its own reference, title, origin and topics.
``test_bulk_copies_are_what_the_services_make`` checks that the shortcut agrees with
``services.refresh``.
"""

import datetime

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import MotionIndexPage, MotionStatisticsPage
from deliberation.models import DecisionKind, Organ, OrganKind, ReportStatus, Topic
from motions import selectors, services
from motions.models import AssemblyMeeting, EventKind, Motion, MotionEvent, Municipality, Outcome
from shared.text import fold, turkish_collation_key
from tests.deliberation.factories import ReportFactory, advance_report, board, decide
from tests.deliberation.factories import secretariat_user as secretariat
from tests.factories import CouncilDocumentFactory

from . import open_data
from .test_api import approved_report_motion

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 21)
SUBMITTED = datetime.date(2026, 9, 10)
OCT_MEETING = datetime.date(2026, 10, 5)
NOV_MEETING = datetime.date(2026, 11, 2)
SMALL, LARGE = 10, 10_000
PROTOTYPES = 4
DERIVED = (
    "status",
    "status_since",
    "final",
    "due_on",
    "due_estimated",
    "on_agenda_on",
    "decided_on",
    "committee_due_on",
    "search_text",
    "title_sort",
)
EVENT_FIELDS = (
    "kind",
    "date",
    "meeting_id",
    "committees",
    "zoning_committee",
    "outcome",
    "decision_number",
    "progress",
    "note",
    "document_id",
    "is_public",
    "recorded_by_id",
)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Today is 21 November 2026 for the services, the selectors and the pages."""
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return real(value, timezone) if value is not None else TODAY

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)


# --- Builders ------------------------------------------------------------------------------


def konak() -> Municipality:
    municipality, created = Municipality.objects.get_or_create(name="Konak Belediye Meclisi")
    if created:
        for day in (OCT_MEETING, NOV_MEETING):
            AssemblyMeeting.objects.create(municipality=municipality, date=day)
    return municipality


def meeting(on: datetime.date) -> AssemblyMeeting:
    return AssemblyMeeting.objects.get(municipality=konak(), date=on)


def topics() -> list[Topic]:
    return [
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        # In the order of their names (Topic's ordering), whatever the collation.
        for name, slug in (("Konut", "konut"), ("Park ve bahçe", "park"), ("Ulaşım", "ulasim"))
    ]


def groups() -> list[Organ]:
    return [
        Organ.objects.get_or_create(
            slug=f"mahalle-{n}",
            defaults={"name": f"Mahalle Çalışma Grubu {n}", "kind": OrganKind.WORKING_GROUP},
        )[0]
        for n in range(5)
    ]


def record(motion: Motion, kind: str, on: datetime.date, **fields) -> MotionEvent:
    return services.motion_record_event(
        actor=secretariat(), motion_id=motion.pk, kind=kind, on=on, **fields
    )


def prototypes() -> list[Motion]:
    """Four motions made through the services, one per situation the pages show."""
    subjects, origins = topics(), groups()
    document = CouncilDocumentFactory(title="Meclis kararı")
    made = []
    for number, title in enumerate(
        ["Bekleyen önerge", "Geç gündeme alınan önerge", "Karara bağlanan önerge", "Komisyonda"]
    ):
        motion = services.motion_create(
            actor=secretariat(),
            title=title,
            summary=f"{title}: mahalle için öneriler.",
            submitted_on=SUBMITTED,
            municipality=konak(),
            origin=origins[number],
            topics=subjects[: 1 + number % 3],
        )
        if number == 1:
            record(motion, EventKind.PLACED_ON_AGENDA, NOV_MEETING, meeting=meeting(NOV_MEETING))
        elif number == 2:
            record(motion, EventKind.PLACED_ON_AGENDA, OCT_MEETING, meeting=meeting(OCT_MEETING))
            record(
                motion,
                EventKind.DECIDED,
                NOV_MEETING,
                meeting=meeting(NOV_MEETING),
                outcome=Outcome.ACCEPTED,
                decision_number="2026/112",
                document=document,
                note="Oybirliğiyle kabul edildi.",
            )
        elif number == 3:
            record(motion, EventKind.PLACED_ON_AGENDA, OCT_MEETING, meeting=meeting(OCT_MEETING))
            record(
                motion,
                EventKind.REFERRED,
                OCT_MEETING,
                meeting=meeting(OCT_MEETING),
                committees="Plan ve Bütçe Komisyonu",
            )
        motion.refresh_from_db()
        made.append(motion)
    return made


def bulk_copies(models: list[Motion], count: int, *, start: int) -> list[Motion]:
    """``count`` public motions in a handful of queries: copy ``start + n`` takes the state
    and the events of ``models[n % 4]``, a title, an origin and one to three topics."""
    subjects, origins = topics(), groups()
    numbers = range(start, start + count)
    rows = []
    for n in numbers:
        model = models[n % len(models)]
        title = f"Önerge {n:05d}: {model.title}"
        reference = f"{SUBMITTED.year}/{PROTOTYPES + 1 + n}"
        motion_topics = subjects[: 1 + n % 3]
        rows.append(
            Motion(
                reference=reference,
                title=title,
                summary=model.summary,
                origin=origins[n % len(origins)],
                municipality_id=model.municipality_id,
                submitted_on=model.submitted_on,
                **{name: getattr(model, name) for name in DERIVED},
            )
        )
        # What save() and services.refresh would store for this copy.
        rows[-1].title_sort = turkish_collation_key(title)
        rows[-1].search_text = fold(
            " ".join([reference, title, model.summary, *(t.name for t in motion_topics)])
        )
    copies = Motion.objects.bulk_create(rows, batch_size=2000)
    through = Motion.topics.through
    through.objects.bulk_create(
        (
            through(motion_id=copy.pk, topic_id=subject.pk)
            for n, copy in zip(numbers, copies, strict=True)
            for subject in subjects[: 1 + n % 3]
        ),
        batch_size=5000,
    )
    events = {
        model.pk: list(model.events.order_by("date", "recorded_at", "pk").values(*EVENT_FIELDS))
        for model in models
    }
    MotionEvent.objects.bulk_create(
        (
            MotionEvent(motion_id=copy.pk, **fields)
            for n, copy in zip(numbers, copies, strict=True)
            for fields in events[models[n % len(models)].pk]
        ),
        batch_size=5000,
    )
    return copies


def test_bulk_copies_are_what_the_services_make():
    copies = bulk_copies(prototypes(), 8, start=0)

    for copy in copies:
        stored = {name: getattr(copy, name) for name in DERIVED}
        refreshed = services.refresh(Motion.objects.get(pk=copy.pk))
        assert {name: getattr(refreshed, name) for name in DERIVED} == stored, copy.title
    assert len({copy.status for copy in copies}) == PROTOTYPES


# --- Query budgets -------------------------------------------------------------------------


@pytest.fixture
def motions_page(home) -> MotionIndexPage:
    page = MotionIndexPage(title="Önergeler", slug="onergeler", per_page=20)
    home.add_child(instance=page)
    # As many rows as editors may show on a page, so a per-row query would show.
    MotionIndexPage.objects.filter(pk=page.pk).update(per_page=100)
    page.refresh_from_db()
    page.add_child(instance=MotionStatisticsPage(title="İstatistik", slug="istatistik"))
    return page


def count_queries(client, url: str, *, warm: bool) -> tuple[list[str], HttpResponse]:
    """The SQL of one request with cold caches, and the response; ``warm`` first makes
    what the process keeps between requests (content types, templates), as a running
    site has them."""
    if warm:
        assert client.get(url).status_code == 200
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured.captured_queries], response


def motions_shown(response: HttpResponse) -> int:
    """How many motions a list page, an API list or a CSV shows (1 for anything else)."""
    content_type = response["Content-Type"]
    if content_type.startswith("text/html") and "motion-filters" in response.text:
        return response.text.count('class="motion-row__reference"')
    if content_type.startswith("application/json") and "items" in response.json():
        return len(response.json()["items"])
    if content_type.startswith("text/csv"):
        return len(response.content.decode("utf-8-sig").splitlines()) - 1
    return 1


def grown(small: dict, large: dict) -> list[str]:
    """The URLs whose queries changed in number, with the first query that differs."""
    changes = []
    for url, (before, _response) in small.items():
        after = large[url][0]
        if len(after) != len(before):
            first = next(
                (query for old, query in zip([*before, ""], after, strict=False) if old != query),
                "",
            )
            changes.append(f"{url}: {len(before)} → {len(after)} queries, from: {first[:300]}")
    return changes


def test_every_public_read_runs_as_many_queries_for_10000_motions_as_for_10(client, motions_page):
    models = prototypes()
    bulk_copies(models, SMALL - PROTOTYPES, start=0)
    decided = models[2]
    year, number = selectors.parse_reference(decided.reference)
    page = motions_page.url
    motion_url = page + motions_page.reverse_subpage(
        "motion", kwargs={"year": year, "number": number}
    )
    urls = [
        # The list page: filters, search and every sort order.
        page,
        page + "?sort=title",
        page + "?sort=reference",
        page + "?sort=oldest&page=1",
        page + "?sort=overdue&overdue=1",
        page + "?q=önerge&topic=konut&year=2026&status=submitted",
        page + "?q=ÖNERGE+bekleyen&origin=mahalle-0&sort=title",
        # A motion's page and its print view.
        motion_url,
        motion_url + "yazdir/",
        # The API: list (filtered, searched, sorted), one motion, statistics.
        "/api/v1/motions?limit=100",
        "/api/v1/motions?limit=100&sort=title&offset=3",
        "/api/v1/motions?limit=100&sort=reference&lang=en",
        "/api/v1/motions?limit=100&q=KARARA+onerge&topic=konut&year=2026",
        "/api/v1/motions?limit=100&q=önerge&overdue=true&sort=overdue",
        "/api/v1/motions?limit=100&overdue=false&status=accepted",
        f"/api/v1/motions/{decided.reference}",
        "/api/v1/stats",
        # The CSV of a filtered list and of everything.
        "/api/v1/motions.csv?status=accepted&sort=title",
        "/api/v1/motions.csv",
        # The feeds, the statistics page and the home page.
        "/onergeler/akis/",
        "/onergeler/akis/konu/ulasim/",
        page + "istatistik/",
        "/",
    ]
    small = {url: count_queries(client, url, warm=True) for url in urls}
    empty = [url for url, (_queries, response) in small.items() if not motions_shown(response)]
    assert empty == [], "a list without motions would not show a query per row"

    bulk_copies(models, LARGE - SMALL, start=SMALL - PROTOTYPES)
    large = {url: count_queries(client, url, warm=False) for url in urls}

    assert Motion.objects.count() == LARGE
    assert grown(small, large) == []
    # The reads did see the 10,000: full pages and every row of the CSV.
    shown = {url: motions_shown(response) for url, (_queries, response) in large.items()}
    assert shown[page] == shown["/api/v1/motions?limit=100"] == 100
    assert shown["/api/v1/motions.csv"] == LARGE
    assert large["/api/v1/stats"][1].json()["total"] == LARGE


def test_motion_page_runs_as_many_queries_for_200_events_as_for_10(client, motions_page):
    """The motion's page and print view, with 10 and with 200 events and documents."""
    motion = prototypes()[2]
    template = motion.events.get(kind=EventKind.DECIDED)

    def add_updates(count, start=0):
        documents = [CouncilDocumentFactory(title=f"Belge {n}") for n in range(2)]
        MotionEvent.objects.bulk_create(
            MotionEvent(
                motion=motion,
                kind=EventKind.IMPLEMENTATION_UPDATE,
                date=datetime.date(2026, 11, 17),
                progress=min(99, 20 + number // 3),
                note=f"Güncelleme {number}",
                document=documents[number % 2] if number % 3 else None,
                recorded_by_id=template.recorded_by_id,
            )
            for number in range(start, start + count)
        )
        motion.documents.add(*documents)
        services.refresh(motion)

    add_updates(SMALL)
    year, number = selectors.parse_reference(motion.reference)
    url = motions_page.url + motions_page.reverse_subpage(
        "motion", kwargs={"year": year, "number": number}
    )
    urls = [url, url + "yazdir/", f"/api/v1/motions/{motion.reference}"]
    small = {each: count_queries(client, each, warm=True) for each in urls}
    add_updates(200 - SMALL, start=SMALL)
    large = {each: count_queries(client, each, warm=False) for each in urls}

    assert grown(small, large) == []
    assert large[url][1].text.count("motion-timeline__item ") > 200
    assert len(large[urls[2]][1].json()["events"]) > 200


def test_motion_runs_as_many_queries_for_a_long_approval_record_as_for_a_short_one(client, db):
    short = approved_report_motion()
    # Returned to the group once, then adopted, reviewed and approved again: four decisions.
    report = ReportFactory(in_board_review=True)
    decide(report, organ=board(), kind=DecisionKind.RETURN, text="Yeniden değerlendirilsin.")
    long = approved_report_motion(advance_report(report, ReportStatus.APPROVED))
    assert len(client.get(f"/api/v1/motions/{long.reference}").json()["report"]["decisions"]) == 3

    short_url, long_url = (f"/api/v1/motions/{m.reference}" for m in (short, long))
    small = {short_url: count_queries(client, short_url, warm=True)}
    assert grown(small, {short_url: count_queries(client, long_url, warm=True)}) == []


# --- Indexes -------------------------------------------------------------------------------


def motion_indexes() -> dict[str, dict]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Motion._meta.db_table)
    return {name: spec for name, spec in constraints.items() if spec["index"] or spec["unique"]}


def test_the_filter_and_sort_columns_are_indexed():
    leading = {tuple(spec["columns"][:2]) for spec in motion_indexes().values()}
    leading |= {(columns[0],) for columns in leading}

    for columns in [
        ("is_public", "status"),
        ("is_public", "submitted_on"),  # the year filter is a date range
        ("is_public", "due_on"),  # overdue: past the due meeting
        ("status", "committee_due_on"),  # overdue: past the committee's deadline
        ("is_public", "title_sort"),
        ("origin_id",),
        ("reference",),
    ]:
        assert columns in leading, columns
    through = Motion.topics.through._meta.db_table
    with connection.cursor() as cursor:
        topic_columns = {
            tuple(spec["columns"])
            for spec in connection.introspection.get_constraints(cursor, through).values()
        }
    assert any(columns[0] == "topic_id" for columns in topic_columns)


def test_search_has_a_trigram_index_on_postgresql_only():
    applied = MigrationRecorder.Migration.objects.filter(
        app="motions", name="0005_search_trigram_and_filter_indexes"
    )
    assert applied.exists()
    indexes = motion_indexes()
    if connection.vendor != "postgresql":
        assert "motions_search_text_trgm" not in indexes
        return
    assert indexes["motions_search_text_trgm"]["type"] == "gin"
    assert indexes["motions_search_text_trgm"]["columns"] == ["search_text"]
    open_data.motion(title="İzmir Körfezi'nin temizliği")
    queryset = selectors.search_motions(Motion.objects.all(), "IZMIR körfez")
    with connection.cursor() as cursor:
        # Too few rows for the planner to choose an index by itself.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "motions_search_text_trgm" in plan
    assert [m.title for m in queryset] == ["İzmir Körfezi'nin temizliği"]


def test_the_migrations_match_the_models():
    call_command("makemigrations", "motions", "--check", "--dry-run", verbosity=0)
