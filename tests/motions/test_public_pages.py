"""The public motion tracking pages: list, motion page, print view, statistics, home.

Motions are made as the secretariat makes them (motions.services); "today" is fixed
so the due dates and the days counted are exact. Konak's assembly meets on the first
Monday of the month: 5 October and 2 November 2026 are recorded; Bornova has no
recorded meeting, so its dates are estimates.
"""

import csv
import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data

from cms.models import HomePage, MotionIndexPage, MotionStatisticsPage
from deliberation.models import Decision, ReportAction, Topic
from motions import charts, selectors, services
from motions.models import (
    AssemblyMeeting,
    EventKind,
    Motion,
    MotionStatus,
    Municipality,
    Outcome,
)
from tests.deliberation.factories import OrganFactory, ReportFactory, secretariat_user
from tests.factories import CouncilDocumentFactory, make_home

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 21)
OCT_MEETING = datetime.date(2026, 10, 5)
NOV_MEETING = datetime.date(2026, 11, 2)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Today is 21 November 2026 for the services, the selectors and the pages."""
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return real(value, timezone) if value is not None else TODAY

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)


def tr(message: str, **values) -> str:
    """A message as the Turkish page shows it (English until it is translated)."""
    with translation.override("tr"):
        text = translation.gettext(message)
    return text % values if values else text


def trn(singular: str, plural: str, count: int, **values) -> str:
    with translation.override("tr"):
        return translation.ngettext(singular, plural, count) % {**values}


def days_text(kind: str, days: int) -> str:
    """The badge of components/motion_days.html."""
    singular, plural = {
        "overdue": ("%(days)s day overdue", "%(days)s days overdue"),
        "late": (
            "Placed on the agenda %(days)s day late",
            "Placed on the agenda %(days)s days late",
        ),
        "committee": (
            "Committee report %(days)s day overdue",
            "Committee report %(days)s days overdue",
        ),
        "since": ("%(days)s day since submission", "%(days)s days since submission"),
    }[kind]
    return escape(trn(singular, plural, days, days=days))


def found(count: int) -> str:
    return escape(
        trn("%(counter)s motion found", "%(counter)s motions found", count, counter=count)
    )


def percent(value: int) -> str:
    return escape(tr("%(percent)s%%", percent=value))


def label(choice) -> str:
    with translation.override("tr"):
        return str(choice.label)


# --- Builders -----------------------------------------------------------------------------


def konak() -> Municipality:
    municipality, created = Municipality.objects.get_or_create(name="Konak Belediye Meclisi")
    if created:
        for day in (OCT_MEETING, NOV_MEETING):
            AssemblyMeeting.objects.create(municipality=municipality, date=day)
    return municipality


def bornova() -> Municipality:
    return Municipality.objects.get_or_create(name="Bornova Belediye Meclisi")[0]


def topic(name: str, slug: str) -> Topic:
    return Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def make_motion(title="Kent bostanları", submitted_on=datetime.date(2026, 10, 6), **fields):
    fields.setdefault("summary", f"{title} üzerine kent konseyinin görüşü.")
    if "recipient" not in fields:
        fields.setdefault("municipality", konak())
    return services.motion_create(
        actor=secretariat_user(), title=title, submitted_on=submitted_on, **fields
    )


def record(motion, kind, on, **fields):
    return services.motion_record_event(
        actor=secretariat_user(), motion_id=motion.pk, kind=kind, on=on, **fields
    )


def meeting(on):
    return AssemblyMeeting.objects.get(municipality=konak(), date=on)


def reload(motion) -> Motion:
    return selectors.public_motions().get(pk=motion.pk)


@pytest.fixture
def motions_page(home) -> MotionIndexPage:
    page = MotionIndexPage(title="Önergeler", slug="onergeler", per_page=20)
    home.add_child(instance=page)
    return page


@pytest.fixture
def statistics_page(motions_page) -> MotionStatisticsPage:
    page = MotionStatisticsPage(title="Önerge istatistikleri", slug="istatistik")
    motions_page.add_child(instance=page)
    return page


def detail_url(page, motion, route="motion") -> str:
    year, number = selectors.parse_reference(motion.reference)
    return page.url + page.reverse_subpage(route, kwargs={"year": year, "number": number})


def rows(response) -> list[str]:
    """The references of the listed motions, in order."""
    return re.findall(
        r'class="motion-row__reference">[^<]*?(\d{4}/\d+)<', response.content.decode()
    )


@pytest.fixture
def scene(db):
    """Motions in the situations the pages must show, and one that is not public."""
    environment = topic("Çevre", "cevre")
    transport = topic("Ulaşım", "ulasim")
    group = OrganFactory(name="İklim Çalışma Grubu", slug="iklim")
    youth = OrganFactory(assembly=True, name="Gençlik Meclisi", slug="genclik")
    waiting = make_motion(
        "İzmir Körfezi'nin temizliği",
        datetime.date(2026, 10, 6),
        topics=[environment],
        origin=group,
    )
    estimated = make_motion(
        "Bisiklet yolları ağı",
        datetime.date(2026, 11, 10),
        municipality=bornova(),
        topics=[transport],
        origin=youth,
    )
    in_time = make_motion("Kent bostanları", datetime.date(2026, 9, 15), topics=[environment])
    record(in_time, EventKind.PLACED_ON_AGENDA, OCT_MEETING, meeting=meeting(OCT_MEETING))
    record(
        in_time,
        EventKind.DECIDED,
        OCT_MEETING,
        meeting=meeting(OCT_MEETING),
        outcome=Outcome.ACCEPTED,
    )
    late = make_motion("Çocuk oyun alanları", datetime.date(2026, 9, 16), origin=group)
    record(late, EventKind.PLACED_ON_AGENDA, NOV_MEETING, meeting=meeting(NOV_MEETING))
    in_committee = make_motion("Engelsiz kaldırımlar", datetime.date(2026, 9, 20))
    record(in_committee, EventKind.PLACED_ON_AGENDA, OCT_MEETING, meeting=meeting(OCT_MEETING))
    record(
        in_committee,
        EventKind.REFERRED,
        OCT_MEETING,
        meeting=meeting(OCT_MEETING),
        committees="İmar Komisyonu",
    )
    withdrawn = make_motion("Eski pazar yeri", datetime.date(2026, 9, 1))
    record(withdrawn, EventKind.WITHDRAWN, datetime.date(2026, 11, 1))
    secret = make_motion("GİZLİ ÖNERGE İzmir", datetime.date(2026, 10, 7), is_public=False)
    return {
        "waiting": waiting,
        "estimated": estimated,
        "in_time": in_time,
        "late": late,
        "in_committee": in_committee,
        "withdrawn": withdrawn,
        "secret": secret,
        "environment": environment,
        "group": group,
        "youth": youth,
    }


# --- Page types -----------------------------------------------------------------------------


class MotionPageTypeTests(WagtailPageTestCase):
    """Editors place the motions page under the home page and the statistics under it."""

    def setUp(self):
        # client.login() passes no request, which django-axes needs; force_login checks none.
        self.client.force_login(self.create_test_user())
        self.home = make_home()

    def test_tree_rules(self):
        self.assertCanCreateAt(HomePage, MotionIndexPage)
        self.assertAllowedSubpageTypes(MotionIndexPage, {MotionStatisticsPage})
        self.assertAllowedSubpageTypes(MotionStatisticsPage, set())

    def test_editor_creates_both_pages(self):
        self.assertCanCreate(
            self.home,
            MotionIndexPage,
            nested_form_data(
                {
                    "title": "Önergeler",
                    "slug": "onergeler",
                    "intro": "Belediye meclisine sunduğumuz görüşler.",
                    "per_page": 20,
                }
            ),
        )
        index = MotionIndexPage.objects.get(slug="onergeler")
        self.assertCanCreate(
            index,
            MotionStatisticsPage,
            nested_form_data({"title": "İstatistikler", "slug": "istatistik", "intro": ""}),
        )
        for page in (index, MotionStatisticsPage.objects.get(slug="istatistik")):
            self.assertEqual(self.client.get(page.url).status_code, 200)


# --- The overdue rule ---------------------------------------------------------------------


def test_overdue_rule_and_days(scene):
    waiting = reload(scene["waiting"])
    assert (waiting.due_on, waiting.due_estimated) == (NOV_MEETING, False)
    assert waiting.overdue and waiting.awaiting_agenda
    assert waiting.days_overdue == 19  # 2 → 21 November

    estimated = reload(scene["estimated"])
    assert estimated.due_estimated and estimated.due_on == datetime.date(2026, 12, 7)
    assert not estimated.overdue and estimated.days_overdue is None
    assert estimated.days_since_submission == 11

    assert not reload(scene["in_time"]).overdue

    late = reload(scene["late"])  # due 5 October, on the agenda 2 November
    # On the agenda now, so no longer overdue; the 28 days late stay on the record.
    assert not late.overdue and late.agenda_overdue and not late.awaiting_agenda
    assert late.days_overdue is None and late.agenda_days_late == 28

    committee = reload(scene["in_committee"])
    assert committee.committee_due_on == datetime.date(2026, 10, 12)  # 5 working days
    assert committee.committee_overdue and not committee.agenda_overdue
    assert committee.days_overdue == committee.committee_days_overdue == 40

    assert not reload(scene["withdrawn"]).overdue


def test_overdue_filter_and_sort_are_sql(scene):
    overdue = selectors.sort_motions(
        selectors.public_motions().filter(overdue=True), selectors.Sort.OVERDUE
    )
    assert [m.pk for m in overdue] == [
        scene["in_committee"].pk,  # 40 days
        scene["waiting"].pk,  # 19
    ]


def test_the_api_and_the_page_read_the_overdue_filter_the_same_way(client, motions_page, scene):
    """``overdue=false``: the API leaves the overdue motions out; the page's unticked box
    (which never sends false) lists them all."""
    overdue = {scene["in_committee"].reference, scene["waiting"].reference}
    api = client.get("/api/v1/motions?overdue=false&limit=100").json()["items"]
    listed = {item["reference"] for item in api}
    assert listed and not listed & overdue
    assert overdue <= set(rows(client.get(motions_page.url + "?overdue=0")))


# --- The list -------------------------------------------------------------------------------


def test_list_shows_public_motions_with_days_and_due_dates(client, motions_page, scene):
    response = client.get(motions_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert scene["secret"].reference not in rows(response)
    assert "GİZLİ" not in html
    assert len(rows(response)) == 6
    assert days_text("overdue", 19) in html
    assert days_text("late", 28) in html
    assert days_text("committee", 40) in html
    assert days_text("since", 11) in html
    # Due dates in the Turkish format, estimates marked as such.
    assert "2 Kasım 2026" in html
    estimated = escape(tr("estimated"))
    assert f'7 Aralık 2026</time> <span class="motion-estimated">({estimated})' in html
    assert found(6) in html
    assert 'role="status"' in html


def test_filter_form_works_without_javascript(client, motions_page, scene):
    html = client.get(motions_page.url).content.decode()
    form = re.search(r'<form class="motion-filters" method="get".*?</form>', html, re.S).group()
    for name in ("q", "status", "topic", "origin", "year", "sort", "overdue"):
        field_id = re.search(rf'id="([^"]+)"[^>]*name="{name}"', form).group(1)
        assert f'<label for="{field_id}">' in form
    assert '<button type="submit"' in form


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "in_committee"}, ["in_committee"]),
        ({"topic": "cevre"}, ["waiting", "in_time"]),
        ({"origin": "iklim"}, ["waiting", "late"]),
        ({"origin": "youth-id"}, ["estimated"]),
        ({"year": "2026", "status": "withdrawn"}, ["withdrawn"]),
        ({"year": "2025"}, []),
        # Placed on the agenda late is no longer overdue.
        ({"overdue": "1"}, ["waiting", "in_committee"]),
    ],
)
def test_filters(client, motions_page, scene, params, expected):
    if params.get("origin") == "youth-id":
        params = {"origin": str(scene["youth"].pk)}
    response = client.get(motions_page.url, params)
    assert response.status_code == 200
    assert sorted(rows(response)) == sorted(scene[name].reference for name in expected)


@pytest.mark.parametrize("query", ["İzmir", "izmir", "İZMİR", "IZMIR", "ızmır", "körfez", "KORFEZ"])
def test_turkish_search(client, motions_page, scene, query):
    response = client.get(motions_page.url, {"q": query})
    # The non-public motion also says "İzmir" and is never found.
    assert rows(response) == [scene["waiting"].reference]


def test_search_needs_every_word_and_finds_references(client, motions_page, scene):
    assert rows(client.get(motions_page.url, {"q": "kent bostan"})) == [scene["in_time"].reference]
    assert rows(client.get(motions_page.url, {"q": "bostan izmir"})) == []
    reference = scene["late"].reference
    assert rows(client.get(motions_page.url, {"q": reference})) == [reference]


def test_bad_parameters_are_ignored_not_errors(client, motions_page, scene):
    response = client.get(
        motions_page.url, {"status": "nonsense", "year": "20x6", "sort": "drop", "page": "x"}
    )
    assert response.status_code == 200
    assert len(rows(response)) == 6
    assert escape(tr("Some filters were not understood and were left out:")) in (
        response.content.decode()
    )


@pytest.mark.parametrize("params", [{"year": "²⁰²⁶"}, {"origin": "²"}, {"year": "٢٠٢٦"}])
def test_digits_of_other_scripts_are_refused_filters_not_errors(
    client, motions_page, scene, params
):
    """str.isdigit() accepts "²" and Arabic digits, which int() cannot always read."""
    response = client.get(motions_page.url, params)
    assert response.status_code == 200
    assert (
        escape(tr("Some filters were not understood and were left out:"))
        in (response.content.decode())
        or len(rows(response)) == 0
    )


def test_sorting(client, motions_page, scene):
    def order(sort):
        return rows(client.get(motions_page.url, {"sort": sort}))

    assert order("newest")[0] == scene["estimated"].reference
    assert order("oldest")[0] == scene["withdrawn"].reference
    assert order("overdue")[:2] == [
        scene["in_committee"].reference,
        scene["waiting"].reference,
    ]


def test_title_sort_follows_the_turkish_alphabet(client, motions_page):
    titles = ["Üsküdar", "İzmir", "Çevre", "Ilıca", "Cadde", "Şehir", "Sokak", "Ulaşım"]
    made = {make_motion(title).reference: title for title in titles}
    listed = [made[ref] for ref in rows(client.get(motions_page.url, {"sort": "title"}))]
    assert listed == ["Cadde", "Çevre", "Ilıca", "İzmir", "Sokak", "Şehir", "Ulaşım", "Üsküdar"]


TURKISH_ORDER = [
    "Ağaç",
    "Bahçe",
    "Cadde",
    "Çevre",
    "Dere",
    "Eğitim",
    "Fuar",
    "Gençlik",
    "Ğ harfi",
    "Hal",
    "Işık",
    "ıtır",
    "İmar",
    "izmir",
    "Jandarma",
    "Kent",
    "Liman",
    "Meydan",
    "Nüfus",
    "Otopark",
    "Ören yeri",
    "Pazar",
    "Rıhtım",
    "Sokak",
    "Şehir",
    "Tramvay",
    "Ulaşım",
    "Üsküdar",
    "Vapur",
    "Yaya",
    "Zabıta",
]


def test_title_sort_pages_through_the_whole_turkish_alphabet(client, motions_page):
    """Every letter in its place (I/ı before İ/i, in either case), page after page."""
    motions_page.per_page = 5
    motions_page.save()
    made = {make_motion(title).reference: title for title in reversed(TURKISH_ORDER)}
    listed = []
    for number in range(1, 8):
        response = client.get(motions_page.url, {"sort": "title", "page": number})
        listed += [made[ref] for ref in rows(response)]
    assert listed == TURKISH_ORDER


def test_title_sort_follows_an_edited_title(client, motions_page):
    from motions.admin_views import motion_update_details

    cadde, zabita = make_motion("Cadde"), make_motion("Zabıta")
    motion_update_details(
        actor=secretariat_user(),
        motion_id=zabita.pk,
        title="Ağaçlandırma",
        summary=zabita.summary,
        topics=[],
        is_public=True,
    )
    assert rows(client.get(motions_page.url, {"sort": "title"})) == [
        zabita.reference,
        cadde.reference,
    ]


def test_existing_motions_get_their_sort_key_from_the_migration():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("motions.migrations.0004_motion_title_sort")
    for title in ("İmar", "Işık", "Çevre", "Cadde"):
        make_motion(title)
    Motion.objects.update(title_sort="")  # as the rows were before the migration

    migration.fill_title_sort(apps, None)

    ordered = selectors.sort_motions(Motion.objects.all(), selectors.Sort.TITLE)
    assert [m.title for m in ordered] == ["Cadde", "Çevre", "Işık", "İmar"]


def test_reference_sort_is_numeric(client, motions_page):
    for number in (10, 9, 2):
        make_motion(f"Önerge {number}", reference=f"2026/{number}")
    assert rows(client.get(motions_page.url, {"sort": "reference"})) == [
        "2026/2",
        "2026/9",
        "2026/10",
    ]


def test_pagination_keeps_the_filters(client, motions_page):
    motions_page.per_page = 5
    motions_page.save()
    for number in range(7):
        make_motion(f"Bostan {number}")
    response = client.get(motions_page.url, {"q": "bostan"})
    html = response.content.decode()
    assert len(rows(response)) == 5
    assert found(7) in html
    assert escape(tr("page %(number)s of %(total)s", number=1, total=2)) in html
    assert 'href="?q=bostan&amp;page=2"' in html
    assert len(rows(client.get(motions_page.url, {"q": "bostan", "page": 2}))) == 2


# --- Open data links ---------------------------------------------------------------------


def open_data_links(response) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The list's download and feed links by their text, and the head's feed links."""
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.find("section", class_="motion-open-data")
    links = {link.get_text(" ", strip=True): link["href"] for link in section.find_all("a")}
    alternates = [
        (link["title"], link["href"])
        for link in soup.head.find_all("link", rel="alternate", type="application/atom+xml")
    ]
    return links, alternates


def csv_references(client, url: str, delimiter: str = ",") -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    return [row["reference"] for row in csv.DictReader(io.StringIO(text), delimiter=delimiter)]


def test_the_list_links_the_csv_of_what_it_shows_and_the_topics_feed(client, motions_page, scene):
    params = {"topic": "cevre", "q": "İZMİR", "sort": "title"}
    response = client.get(motions_page.url, params)
    links, alternates = open_data_links(response)

    csv_url = links[tr("This filtered list as a CSV file")]
    assert csv_references(client, csv_url) == rows(response) == [scene["waiting"].reference]
    excel_url = links[tr("with semicolons, for Excel in Turkish")]
    assert csv_references(client, excel_url, ";") == [scene["waiting"].reference]
    all_feed = links[tr("Atom feed of all motions' movements")]
    topic_feed = links[tr("Atom feed of the movements on %(topic)s", topic="Çevre")]
    assert (all_feed, topic_feed) == ("/onergeler/akis/", "/onergeler/akis/konu/cevre/")
    assert alternates == [
        (tr("Motions: latest movements") + " (Atom)", all_feed),
        (tr("Motions on %(topic)s: latest movements", topic="Çevre") + " (Atom)", topic_feed),
    ]
    for feed in (all_feed, topic_feed):
        assert client.get(feed)["Content-Type"].startswith("application/atom+xml")


def test_the_csv_link_keeps_every_filter_and_the_pages_language(client, motions_page, scene):
    params = {"status": "in_committee", "origin": "iklim", "year": "2026", "overdue": "1"}
    # No motion is in committee and from the climate group; the CSV agrees.
    links, _alternates = open_data_links(client.get(motions_page.url, params))
    assert csv_references(client, links[tr("This filtered list as a CSV file")]) == []

    response = client.get("/en" + motions_page.url, {"overdue": "1", "sort": "overdue"})
    with translation.override("en"):
        links, alternates = open_data_links(response)
        csv_url = links[translation.gettext("This filtered list as a CSV file")]
    assert csv_references(client, csv_url) == rows(response)
    assert len(rows(response)) == 2
    text = client.get(csv_url).content.decode("utf-8-sig")
    assert "Submitted" in text and "Sunuldu" not in text  # the page's language
    assert [href for _title, href in alternates] == ["/en/onergeler/akis/"]


def test_without_filters_the_list_links_all_motions(client, motions_page, scene):
    links, alternates = open_data_links(client.get(motions_page.url))

    public = Motion.objects.public().count()
    assert len(csv_references(client, links[tr("All motions as a CSV file")])) == public == 6
    assert len(alternates) == 1


# --- A motion's page ------------------------------------------------------------------------


@pytest.fixture
def submitted(db):
    """An approved report submitted to Konak, on the agenda in November, then decided,
    with a corrected decision, a hidden note and a document."""
    report = ReportFactory(
        approved=True,
        title="Kentsel dönüşümde kiracı hakları",
        group=OrganFactory(name="Kent Hakkı Çalışma Grubu", slug="kent-hakki"),
    )
    motion = services.motion_submit_report(
        actor=secretariat_user(),
        report_id=report.pk,
        submitted_on=datetime.date(2026, 10, 6),
        municipality=konak(),
        outgoing_number="E-2026-77",
    )
    record(motion, EventKind.PLACED_ON_AGENDA, NOV_MEETING, meeting=meeting(NOV_MEETING))
    wrong = record(
        motion,
        EventKind.DECIDED,
        NOV_MEETING,
        meeting=meeting(NOV_MEETING),
        outcome=Outcome.REJECTED,
        decision_number="2026/300",
    )
    record(
        motion,
        EventKind.DECIDED,
        NOV_MEETING,
        meeting=meeting(NOV_MEETING),
        outcome=Outcome.ACCEPTED,
        decision_number="2026/301",
        note="Oybirliğiyle kabul edildi.",
        supersedes_id=wrong.pk,
        document=CouncilDocumentFactory(title="Meclis kararı 2026/301"),
    )
    record(
        motion,
        EventKind.REPORTED_BACK,
        datetime.date(2026, 11, 5),
        note="İÇ YAZIŞMA NOTU",
        is_public=False,
    )
    record(
        motion,
        EventKind.IMPLEMENTATION_UPDATE,
        datetime.date(2026, 11, 16),
        progress=20,
        note="Danışma masaları kuruluyor.",
    )
    motion.documents.add(CouncilDocumentFactory(title="Üst yazı"))
    motion.refresh_from_db()
    return motion


def test_motion_page(client, motions_page, submitted):
    response = client.get(detail_url(motions_page, submitted))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="motion-title">Kentsel dönüşümde kiracı hakları</h1>' in html
    assert label(MotionStatus.IMPLEMENTING) in html
    assert "6 Ekim 2026" in html  # submitted
    assert "E-2026-77" in html
    # The report as approved, with its approval record.
    assert tr("The council's approved report") in html
    assert "Her dönüşüm alanında bir danışma masası kurulmalı." in html
    record_table = re.search(r'<table class="motion-approval">.*?</table>', html, re.S).group()
    assert record_table.count("<tr>") == 3  # header, opinion, approval
    assert "Yürütme Kurulu" in record_table and "Genel Kurul" in record_table
    assert "10 Mart 2026" in record_table
    # Documents: the motion's and the event's.
    assert "Üst yazı" in html and "Meclis kararı 2026/301" in html
    assert "İÇ YAZIŞMA NOTU" not in html


def test_timeline_order_and_corrections(client, motions_page, submitted):
    html = client.get(detail_url(motions_page, submitted)).content.decode()
    timeline = re.search(r'<ol class="motion-timeline">.*?</ol>', html, re.S).group()
    labels = re.findall(r'class="motion-timeline__label">([^<]+)', timeline)
    assert [text.strip() for text in labels] == [
        escape(text)
        for text in [
            tr("Draft started by %(group)s", group="Kent Hakkı Çalışma Grubu"),
            label(ReportAction.ADOPT),
            label(ReportAction.SUBMIT),
            label(ReportAction.FORWARD),
            label(ReportAction.APPROVE),
            tr("Submitted to %(recipient)s", recipient="Konak Belediye Meclisi"),
            label(EventKind.PLACED_ON_AGENDA),
            f"{label(EventKind.DECIDED)}: {label(Outcome.ACCEPTED)}",
            label(EventKind.IMPLEMENTATION_UPDATE),
        ]
    ]
    assert label(ReportAction.EDIT) not in timeline
    # The correction says so, the wrong record is struck through, never dropped silently.
    assert escape(tr("Corrected")) in timeline
    wrong = escape(f"{label(EventKind.DECIDED)}: {label(Outcome.REJECTED)}")
    assert re.search(rf"<del>{re.escape(wrong)}, <time[^>]*>2 Kasım 2026</time></del>", timeline)
    assert escape(tr("Decision no. %(number)s", number="2026/301")) in timeline
    assert escape(tr("Progress: %(progress)s%%", progress=20)) in timeline
    # The council's decisions are referenced by organ and number.
    decisions = Decision.objects.select_related("organ")
    assert len(decisions) == 2
    for decision in decisions:
        reference = tr(
            "%(organ)s, decision no. %(reference)s",
            organ=decision.organ.name,
            reference=decision.reference,
        )
        assert escape(reference) in timeline


def test_print_view(client, motions_page, submitted):
    response = client.get(detail_url(motions_page, submitted, "motion_print"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<body class="motion-print">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "css/site.css" in html
    assert "Kentsel dönüşümde kiracı hakları" in html
    assert '<ol class="motion-timeline">' in html
    assert '<table class="motion-approval">' in html
    assert "http://testserver/documents/" in html  # document addresses written out
    assert "site-header" not in html


def test_non_public_motions_are_never_reachable(client, motions_page, scene):
    secret = scene["secret"]
    assert client.get(detail_url(motions_page, secret)).status_code == 404
    assert client.get(detail_url(motions_page, secret, "motion_print")).status_code == 404
    assert client.get(motions_page.url + "o/2026/999/").status_code == 404
    assert client.get(motions_page.url, {"q": "gizli"}).content.decode().count("motion-row__") == 0
    assert client.get(detail_url(motions_page, scene["waiting"])).status_code == 200


def test_sitemap_lists_public_motions_only(client, motions_page, scene):
    xml = client.get("/sitemap.xml").content.decode()
    assert detail_url(motions_page, scene["waiting"]) + "</loc>" in xml
    assert detail_url(motions_page, scene["secret"]) + "</loc>" not in xml


def test_motion_page_days_and_estimate(client, motions_page, scene):
    html = client.get(detail_url(motions_page, scene["waiting"])).content.decode()
    assert days_text("overdue", 19) in html
    html = client.get(detail_url(motions_page, scene["estimated"])).content.decode()
    assert f"({escape(tr('estimated'))})" in html and days_text("since", 11) in html


# --- Statistics and the home page -----------------------------------------------------------


def test_statistics_numbers(scene):
    stats = selectors.motion_statistics()
    assert stats.total == 6
    assert {code: n for code, _label, n in stats.by_status}[MotionStatus.ON_AGENDA] == 1
    assert (stats.decided, stats.accepted, stats.accepted_percent) == (1, 1, 100)
    # To the agenda: 20 (in time), 47 (late), 15 (committee) days → median 20.
    assert stats.median_days_to_agenda == 20
    assert stats.median_days_to_decision == 20
    assert stats.overdue_count == 2  # "late" is on the agenda now
    assert stats.by_year == [(2026, 6)]
    assert [(t.slug, n) for t, n in stats.by_topic] == [("cevre", 2), ("ulasim", 1)]


def test_statistics_page_has_svg_charts_with_tables(client, statistics_page, scene):
    response = client.get(statistics_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    svgs = re.findall(r"<svg [^>]*>.*?</svg>", html, re.S)
    assert len(svgs) == 5
    for svg in svgs:
        assert 'role="img"' in svg
        labelled = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        for element_id in labelled:
            assert f'id="{element_id}"' in svg
        assert "<title " in svg and "<desc " in svg
    assert html.count('<div class="table-wrap chart-table" role="region"') == 5
    status_block = re.search(r'id="chart-status".*?</table>', html, re.S).group()
    on_agenda = escape(label(MotionStatus.ON_AGENDA))
    assert f'<tspan x="0" dy="0">{on_agenda}: 1</tspan>' in status_block
    assert f'<th scope="row">{on_agenda}</th><td>1</td>' in status_block
    assert percent(100) in html
    # The overdue list, longest delay first, with links to the motions.
    overdue = re.search(r'<table class="motion-overdue">.*?</table>', html, re.S).group()
    references = re.findall(r"motion-overdue__reference\">(\d{4}/\d+)<", overdue)
    assert references == [scene[n].reference for n in ("in_committee", "waiting")]
    assert detail_url(statistics_page.get_parent().specific, scene["waiting"]) in overdue


def test_chart_escapes_labels():
    svg = charts.bar_chart(
        [charts.Bar("<script>", 3)], chart_id="x", title="A & B", description="d"
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "A &amp; B" in svg
    assert 'width="100.00%"' in svg


def test_home_page_shows_movements_and_key_figures(client, home, motions_page, scene):
    html = client.get(home.url).content.decode()
    tracker = re.search(r'<section class="motion-tracker".*?</section>', html, re.S).group()
    figures = re.findall(r"<dd>([^<]+)</dd>", tracker)
    assert figures == ["6", percent(100), "2"]
    assert "GİZLİ" not in tracker
    # The newest movement first: Bornova's motion, submitted on 10 November.
    first = re.search(r'<ol class="motion-movements">\s*<li>(.*?)</li>', tracker, re.S).group(1)
    assert "10 Kasım 2026" in first and scene["estimated"].reference in first
    assert detail_url(motions_page, scene["estimated"]) in first


def test_home_page_without_motions_has_no_tracker(client, home):
    assert "motion-tracker" not in client.get(home.url).content.decode()
