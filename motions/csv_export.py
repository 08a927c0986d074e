"""CSV download of a filtered motion list: the API's list items, flattened.

The columns and their order are part of the open data contract: new columns go at
the end. UTF-8 with a byte order mark, so that Excel shows Turkish letters; Excel set
to Turkish expects semicolons, which ``delimiter=semicolon`` gives.
"""

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import Literal

from django.http import HttpResponse

COLUMNS = (
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
)
Delimiter = Literal["comma", "semicolon"]
DELIMITERS = {"comma": ",", "semicolon": ";"}
TOPIC_SEPARATOR = "; "


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _row(item: dict) -> list[str]:
    """One motion as the API lists it (``MotionItem`` dumped to JSON types), flattened."""
    origin = item.get("origin") or {}
    flat = {
        **item,
        "origin": origin.get("name"),
        "origin_kind": origin.get("kind"),
        "topics": TOPIC_SEPARATOR.join(topic["name"] for topic in item.get("topics", [])),
    }
    return [_cell(flat.get(column)) for column in COLUMNS]


def motions_csv(items: Iterable[dict], *, delimiter: str = ",") -> str:
    """The CSV text: a header of machine names, then one row per motion."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(item) for item in items)
    return buffer.getvalue()


def motions_csv_response(
    items: Iterable[dict], *, delimiter: str = ",", today: date | None = None
) -> HttpResponse:
    """An attachment download, UTF-8 with a BOM."""
    text = motions_csv(items, delimiter=delimiter)
    response = HttpResponse(text.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    stamp = f"-{today:%Y-%m-%d}" if today else ""
    response["Content-Disposition"] = f'attachment; filename="onergeler{stamp}.csv"'
    return response
