"""The CSV download of a filtered motion list: /api/v1/motions.csv."""

import csv
import io

import pytest
from django.utils import timezone

from . import open_data

# The contract: these columns, in this order.
COLUMNS = [
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
    "committee_due_on",
    "origin",
    "origin_kind",
    "topics",
    "url",
    "updated_at",
]


@pytest.fixture
def scene(db):
    return open_data.scene()


def download(client, url, *, delimiter=","):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="onergeler-')
    assert response.content.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert rows[0] == COLUMNS
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]


def test_csv_has_every_public_motion_with_turkish_letters_intact(client, scene):
    rows = download(client, "/api/v1/motions.csv?lang=en")

    by_reference = {row["reference"]: row for row in rows}
    assert set(by_reference) == {scene.overdue.reference, scene.accepted.reference}
    overdue = by_reference[scene.overdue.reference]
    assert overdue == {
        **overdue,
        "title": "İzmir Körfezi'nin temizliği",
        "status": "submitted",
        "status_label": "Submitted",
        "final": "false",
        "submitted_on": "2026-03-02",
        "due_on": "2026-04-06",
        "due_estimated": "true",
        "overdue": "true",
        "days_overdue": str((timezone.localdate() - open_data.APRIL_MEETING).days),
        "committee_due_on": "",
        "origin": "İklim Çalışma Grubu",
        "origin_kind": "working_group",
        "topics": "Çevre",
        "url": "",
    }
    assert by_reference[scene.accepted.reference]["topics"] == "Çevre; Gıda"
    assert by_reference[scene.accepted.reference]["days_overdue"] == ""


def test_csv_never_has_a_motion_that_is_not_public(client, scene):
    response = client.get("/api/v1/motions.csv")

    body = response.content.decode("utf-8-sig")
    assert scene.secret.reference not in body
    assert "GİZLİ" not in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=accepted", ["accepted"]),
        ("overdue=true", ["overdue"]),
        ("overdue=false", ["accepted"]),
        ("q=%C4%B0ZM%C4%B0R", ["overdue"]),
        ("topic=gida", ["accepted"]),
        ("origin=iklim", ["overdue"]),
        ("year=2025", []),
    ],
)
def test_csv_takes_the_lists_filters(client, scene, query, expected):
    rows = download(client, f"/api/v1/motions.csv?{query}")

    assert sorted(row["reference"] for row in rows) == sorted(
        getattr(scene, name).reference for name in expected
    )


def test_csv_is_not_paginated_and_keeps_the_sort_order(client, db):
    open_data.many_motions(30)

    rows = download(client, "/api/v1/motions.csv?sort=reference&limit=5")

    assert [row["reference"] for row in rows] == [f"2025/{n}" for n in range(1, 31)]


def test_semicolons_for_excel_in_turkish(client, scene):
    response = client.get("/api/v1/motions.csv?delimiter=semicolon")

    assert response.content.decode("utf-8-sig").splitlines()[0] == ";".join(COLUMNS)
    rows = download(client, "/api/v1/motions.csv?delimiter=semicolon", delimiter=";")
    assert len(rows) == 2


def test_url_column_has_the_public_page(client, scene, home):
    open_data.motion_index(home)

    rows = download(client, "/api/v1/motions.csv?status=accepted")

    number = scene.accepted.reference.split("/")[1]
    assert rows[0]["url"] == f"http://localhost/onergeler/o/2026/{number}/"


@pytest.mark.parametrize(
    "query", ["status=nope", "year=abc", "delimiter=tab", "overdue=maybe", "lang=fr"]
)
def test_bad_parameters_get_a_json_422(client, scene, query):
    response = client.get(f"/api/v1/motions.csv?{query}")

    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
