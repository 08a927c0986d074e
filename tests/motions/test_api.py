"""The open data API at /api/v1/: its contract, its filters, its errors, what it never
shows and how many queries it runs."""

import datetime
import re
from urllib.parse import quote

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone, translation

from deliberation.models import ReportStatus
from motions import services
from motions.models import EventKind, MotionStatus
from tests.deliberation.factories import (
    ReportFactory,
    board,
    general_assembly,
    secretariat_user,
)

from . import open_data

ITEM_FIELDS = {
    "reference",
    "title",
    "status",
    "status_label",
    "final",
    "submitted_on",
    "due_on",
    "due_estimated",
    "overdue",
    "days_overdue",
    "agenda_days_late",
    "committee_due_on",
    "origin",
    "topics",
    "url",
    "updated_at",
}
DETAIL_FIELDS = ITEM_FIELDS | {"summary", "recipient", "events", "documents", "report"}


@pytest.fixture
def scene(db):
    return open_data.scene()


def get_json(client, url, status=200, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def references(data) -> list[str]:
    return [item["reference"] for item in data["items"]]


# --- The list ----------------------------------------------------------------------------


def test_list_has_the_public_motions_in_the_contracts_shape(client, scene):
    data = get_json(client, "/api/v1/motions")

    assert data["count"] == 2
    assert sorted(references(data)) == sorted([scene.overdue.reference, scene.accepted.reference])
    overdue = next(i for i in data["items"] if i["reference"] == scene.overdue.reference)
    assert set(overdue) == ITEM_FIELDS
    due = open_data.APRIL_MEETING
    assert overdue == {
        **overdue,
        "title": "İzmir Körfezi'nin temizliği",
        "status": "submitted",
        "final": False,
        "submitted_on": "2026-03-02",
        "due_on": due.isoformat(),
        "due_estimated": True,
        "overdue": True,
        "days_overdue": (timezone.localdate() - due).days,
        "origin": {"slug": "iklim", "name": "İklim Çalışma Grubu", "kind": "working_group"},
        "topics": [{"slug": "cevre", "name": "Çevre"}],
        "url": None,  # the site has no motions page yet
    }
    accepted = next(i for i in data["items"] if i["reference"] == scene.accepted.reference)
    assert accepted["status"] == "accepted"
    assert accepted["overdue"] is False
    assert accepted["days_overdue"] is None
    assert accepted["origin"] is None
    assert {t["slug"] for t in accepted["topics"]} == {"cevre", "gida"}
    datetime.datetime.fromisoformat(accepted["updated_at"])


def test_any_web_page_may_read_the_api(client, scene):
    for url, status in (
        ("/api/v1/motions", 200),
        ("/api/v1/motions.csv", 200),
        ("/api/v1/stats", 200),
        ("/api/v1/motions/1999/1", 404),
        ("/api/v1/motions?year=abc", 422),
    ):
        response = client.get(url)
        assert response.status_code == status
        assert response["Access-Control-Allow-Origin"] == "*"


def test_list_never_shows_a_motion_that_is_not_public(client, scene):
    for url in ("/api/v1/motions", "/api/v1/motions?q=gizli", "/api/v1/motions?topic=cevre"):
        response = client.get(url)
        assert scene.secret.reference not in response.content.decode()
        assert "GİZLİ" not in response.content.decode()


def test_url_is_the_motions_public_page(client, scene, home):
    open_data.motion_index(home)

    data = get_json(client, "/api/v1/motions")

    urls = {item["reference"]: item["url"] for item in data["items"]}
    number = scene.overdue.reference.split("/")[1]
    assert urls[scene.overdue.reference] == f"http://localhost/onergeler/o/2026/{number}/"
    assert (
        client.get(urls[scene.overdue.reference].removeprefix("http://localhost")).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=accepted", ["accepted"]),
        ("status=submitted", ["overdue"]),
        ("status=withdrawn", []),
        ("topic=gida", ["accepted"]),
        ("topic=cevre", ["overdue", "accepted"]),
        ("topic=yok", []),
        ("origin=iklim", ["overdue"]),
        ("year=2026", ["overdue", "accepted"]),
        ("year=2025", []),
        ("overdue=true", ["overdue"]),
        ("overdue=1", ["overdue"]),
        ("overdue=false", ["accepted"]),
        ("q=izmir", ["overdue"]),
        ("q=%C4%B0ZM%C4%B0R", ["overdue"]),  # İZMİR
        ("q=IZMIR", ["overdue"]),
        ("q=%C4%B0zmir+k%C3%B6rfez", ["overdue"]),  # İzmir körfez
        ("q=bostan", ["accepted"]),
        ("q=gizli", []),
        ("q=izmir&status=accepted", []),
    ],
)
def test_filters(client, scene, query, expected):
    data = get_json(client, f"/api/v1/motions?{query}")

    wanted = [getattr(scene, name).reference for name in expected]
    assert sorted(references(data)) == sorted(wanted)
    assert data["count"] == len(wanted)


@pytest.mark.parametrize("query", ["Işık", "ışık", "IŞIK", "ISIK", "işik", "İŞİK", "isik"])
def test_search_folds_dotted_and_dotless_i(client, db, query):
    wanted = open_data.motion(title="Sokak ışıklandırması")
    open_data.motion(title="Kent bostanları")

    data = get_json(client, f"/api/v1/motions?q={quote(query)}")

    assert references(data) == [wanted.reference]


def test_sort_by_title_follows_the_turkish_alphabet(client, db):
    for title in ("Zabıta", "Çocuk parkları", "Ulaşım", "Işıklandırma", "İmar", "Cadde"):
        open_data.motion(title=title)

    data = get_json(client, "/api/v1/motions?sort=title")

    assert [item["title"] for item in data["items"]] == [
        "Cadde",
        "Çocuk parkları",
        "Işıklandırma",
        "İmar",
        "Ulaşım",
        "Zabıta",
    ]


def test_title_order_is_paginated_in_the_database(client, db):
    titles = ["Zabıta", "Işık", "Çevre", "İmar", "Cadde", "ılık", "Ilgaz", "ÇARŞI"]
    for title in titles:
        open_data.motion(title=title)

    pages = [
        get_json(client, f"/api/v1/motions?sort=title&limit=3&offset={offset}")
        for offset in (0, 3, 6)
    ]

    assert [[item["title"] for item in page["items"]] for page in pages] == [
        ["Cadde", "ÇARŞI", "Çevre"],
        ["Ilgaz", "ılık", "Işık"],
        ["İmar", "Zabıta"],
    ]
    assert {page["count"] for page in pages} == {8}


def test_pagination_by_limit_and_offset(client, db):
    for number in range(5):
        open_data.motion(title=f"Önerge {number}", submitted_on=datetime.date(2026, 3, 1 + number))

    first = get_json(client, "/api/v1/motions?limit=2")
    second = get_json(client, "/api/v1/motions?limit=2&offset=2")
    last = get_json(client, "/api/v1/motions?limit=2&offset=4")
    beyond = get_json(client, "/api/v1/motions?offset=50")

    assert first["count"] == second["count"] == 5
    assert [i["title"] for i in first["items"]] == ["Önerge 4", "Önerge 3"]
    assert [i["title"] for i in second["items"]] == ["Önerge 2", "Önerge 1"]
    assert [i["title"] for i in last["items"]] == ["Önerge 0"]
    assert beyond["items"] == [] and beyond["count"] == 5
    assert (first["limit"], first["offset"]) == (2, 0)


def test_a_huge_limit_is_capped(client, scene):
    data = get_json(client, "/api/v1/motions?limit=1000000000")

    assert data["limit"] == 100
    assert data["count"] == 2


@pytest.mark.parametrize(
    "query",
    [
        "status=bogus",
        "status=ACCEPTED",
        "year=abc",
        "year=99",
        "offset=-1",
        "offset=abc",
        "offset=99999999999999999999999",
        "limit=0",
        "limit=-5",
        "overdue=perhaps",
        "topic=%3Cscript%3E",
        "origin=a%20b",
        "sort=random",
        "lang=de",
        "q=" + "x" * 500,
    ],
)
def test_bad_parameters_get_a_json_422(client, scene, query):
    data = get_json(client, f"/api/v1/motions?{query}", status=422)

    assert data["detail"]
    assert data["detail"][0]["loc"][0] == "query"


def test_null_bytes_and_odd_characters_are_not_a_server_error(client, scene):
    for url in (
        "/api/v1/motions?q=%00izmir",
        "/api/v1/motions/%00",
        "/api/v1/motions/2026/1%00",
        "/api/v1/motions/" + "9" * 300,
    ):
        assert client.get(url).status_code in (200, 404)


# --- Language ----------------------------------------------------------------------------


def status_label(client, url, **headers) -> str:
    data = get_json(client, url, **headers)
    return next(i["status_label"] for i in data["items"] if i["status"] == "accepted")


def test_status_label_follows_lang_parameter(client, scene):
    with translation.override("tr"):
        turkish = str(MotionStatus.ACCEPTED.label)

    assert status_label(client, "/api/v1/motions?lang=en") == "Accepted"
    assert status_label(client, "/api/v1/motions?lang=tr") == turkish
    # The parameter wins over the header.
    assert status_label(client, "/api/v1/motions?lang=en", accept_language="tr") == "Accepted"


def test_status_label_follows_accept_language(client, scene):
    with translation.override("tr"):
        turkish = str(MotionStatus.ACCEPTED.label)

    response = client.get("/api/v1/motions", headers={"accept-language": "en"})
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]
    assert status_label(client, "/api/v1/motions", accept_language="en") == "Accepted"
    assert status_label(client, "/api/v1/motions", accept_language="tr") == turkish
    # Turkish is the default.
    assert status_label(client, "/api/v1/motions") == turkish


# --- One motion --------------------------------------------------------------------------


def test_detail_has_summary_public_events_and_no_report(client, scene):
    data = get_json(client, f"/api/v1/motions/{scene.accepted.reference}?lang=en")

    assert set(data) == DETAIL_FIELDS
    assert data["reference"] == scene.accepted.reference
    assert data["summary"] == scene.accepted.summary
    assert data["recipient"] == "Konak Belediyesi"
    assert data["report"] is None
    assert [(e["kind"], e["date"]) for e in data["events"]] == [
        ("placed_on_agenda", "2026-04-06"),
        ("committee_reported", "2026-04-10"),
        ("decided", "2026-05-04"),
    ]
    placed, _reported, decided = data["events"]
    assert placed == {
        "date": "2026-04-06",
        "kind": "placed_on_agenda",
        "label": "Placed on the agenda",
        "outcome": None,
        "decision_number": "",
        "committees": "",
        "progress": None,
        "note": "Gündemin 7. maddesi.",
        "document_url": None,
        "is_correction": True,
    }
    assert decided["label"] == "Decided: Accepted (kabul edildi)"
    assert decided["outcome"] == "accepted"
    assert decided["decision_number"] == "2026/112"


def test_detail_never_shows_superseded_or_non_public_events(client, scene):
    body = client.get(f"/api/v1/motions/{scene.accepted.reference}").content.decode()

    assert "YANLIŞ KAYIT" not in body
    assert "GİZLİ NOT" not in body
    assert "Plan ve Bütçe" not in body
    assert EventKind.REFERRED.value not in body


def test_detail_accepts_the_reference_with_a_slash_or_encoded(client, scene):
    year, number = scene.accepted.reference.split("/")
    plain = get_json(client, f"/api/v1/motions/{year}/{number}")
    encoded = get_json(client, f"/api/v1/motions/{year}%2F{number}")
    trailing = get_json(client, f"/api/v1/motions/{year}/{number}/")

    assert plain == encoded == trailing


def test_detail_of_a_motion_that_is_not_public_is_a_json_404(client, scene):
    data = get_json(client, f"/api/v1/motions/{scene.secret.reference}", status=404)

    assert scene.secret.reference in data["detail"]
    assert "GİZLİ" not in str(data)


def test_unknown_reference_is_a_json_404(client, scene):
    data = get_json(client, "/api/v1/motions/1999/1?lang=en", status=404)

    assert data == {"detail": "There is no public motion with the reference 1999/1."}


def test_event_document_is_an_absolute_url(client, db):
    from tests.factories import CouncilDocumentFactory

    motion = open_data.motion()
    document = CouncilDocumentFactory(title="Meclis kararı")
    open_data.place_on_agenda(motion, document=document)

    data = get_json(client, f"/api/v1/motions/{motion.reference}")

    assert data["events"][0]["document_url"] == f"http://testserver{document.url}"


def approved_report_motion(report=None):
    report = report or ReportFactory(approved=True, title="Kentsel dönüşümde hak kayıpları")
    assert report.status == ReportStatus.APPROVED
    return services.motion_submit_report(
        actor=secretariat_user(),
        report_id=report.pk,
        submitted_on=report.approved_on + datetime.timedelta(days=1),
        municipality=open_data.municipality(),
        outgoing_number="E-2026-55",
    )


def test_detail_has_the_approved_report_and_its_decisions(client, db):
    motion = approved_report_motion()
    report = motion.report

    data = get_json(client, f"/api/v1/motions/{motion.reference}")

    assert data["origin"]["slug"] == report.group.slug
    assert data["report"]["title"] == "Kentsel dönüşümde hak kayıpları"
    assert data["report"]["approved_on"] == report.approved_on.isoformat()
    assert data["report"]["url"] is None  # the group has no page on the site
    decisions = data["report"]["decisions"]
    assert [d["kind"] for d in decisions] == ["opinion", "approve"]
    for decision in decisions:
        assert set(decision) == {
            "organ",
            "kind",
            "meeting_date",
            "decision_no",
            "members",
            "present",
            "yes",
            "no",
            "abstain",
            "adopted",
        }
        assert decision["meeting_date"] == "2026-03-10"
        assert decision["adopted"] is True
        assert decision["members"] == 7
        assert decision["yes"] == decision["present"] >= 4
        assert decision["decision_no"].startswith("2026/")
    assert [d["organ"] for d in decisions] == [board().name, general_assembly().name]


def test_report_url_is_the_groups_page(client, db, home):
    from cms.models import OrganIndexPage, OrganPage

    motion = approved_report_motion()
    organs = OrganIndexPage(title="Organlar", slug="organlar")
    home.add_child(instance=organs)
    organs.add_child(
        instance=OrganPage(title="Çalışma grubu", slug="grup", organ=motion.report.group)
    )

    data = get_json(client, f"/api/v1/motions/{motion.reference}")

    url = data["report"]["url"]
    assert url == f"http://localhost/organlar/grup/rapor/{motion.report_id}/"
    assert client.get(url.removeprefix("http://localhost")).status_code == 200


# --- Statistics --------------------------------------------------------------------------


def test_stats_count_every_status_and_the_medians(client, scene):
    data = get_json(client, "/api/v1/stats?lang=en")

    counts = {row["status"]: row["count"] for row in data["by_status"]}
    assert list(counts) == list(MotionStatus.values)
    assert counts == {**dict.fromkeys(MotionStatus.values, 0), "submitted": 1, "accepted": 1}
    assert data["by_status"][0]["label"] == "Submitted"
    assert data["total"] == 2  # the motion that is not public is not counted
    assert data["overdue"] == 1
    assert data["decided"] == data["accepted"] == 1
    assert data["accepted_share"] == 1.0
    # Submitted 2 March; on the agenda 6 April (35 days), decided 4 May (63 days).
    assert data["median_days_to_agenda"] == 35
    assert data["median_days_to_decision"] == 63
    assert data["by_year"] == [{"year": 2026, "count": 2}]
    assert {row["slug"]: row["count"] for row in data["by_topic"]} == {"cevre": 2, "gida": 1}


def test_stats_of_an_empty_council(client, db):
    data = get_json(client, "/api/v1/stats")

    assert data["total"] == 0
    assert all(row["count"] == 0 for row in data["by_status"])
    assert len(data["by_status"]) == len(MotionStatus.values)
    assert data["median_days_to_agenda"] is None
    assert data["accepted_share"] is None


# --- OpenAPI and the docs ----------------------------------------------------------------


def test_openapi_document_describes_the_contract(client, db):
    schema = get_json(client, "/api/v1/openapi.json")

    paths = schema["paths"]
    assert {
        "/api/v1/motions",
        "/api/v1/motions/{reference}",
        "/api/v1/motions.csv",
        "/api/v1/stats",
    } <= set(paths)
    parameters = {p["name"] for p in paths["/api/v1/motions"]["get"]["parameters"]}
    assert {"status", "topic", "origin", "year", "overdue", "q", "limit", "offset"} <= parameters
    assert schema["components"]["schemas"]["MotionStatus"]["enum"] == MotionStatus.values
    assert "text/csv" in paths["/api/v1/motions.csv"]["get"]["responses"]["200"]["content"]
    assert "limit/offset" in schema["info"]["description"]


def test_interactive_docs_load_nothing_from_a_cdn(client, db):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(url.startswith("/static/ninja/") for url in assets), assets
    for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"):
        assert f"/static/{asset}" in html
        assert finders.find(asset), asset
