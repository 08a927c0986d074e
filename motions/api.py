"""The open data API at /api/v1/ (django-ninja): motions, one motion, statistics, CSV.

Only public motions and their public, current events leave this module. The filters,
the overdue rule, search and sorting are those of ``motions.selectors``, so the API
and the public pages always agree. Every read runs a fixed number of queries,
whatever the number of motions.
"""

import re

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from ninja import Field, NinjaAPI, Query, Schema, Swagger
from ninja.errors import HttpError
from ninja.renderers import JSONRenderer

from deliberation.models import ReportEvent

from . import csv_export, selectors
from .schemas import (
    ErrorOut,
    LanguageParams,
    MotionDetailOut,
    MotionFilterParams,
    MotionItem,
    MotionPage,
    PageParams,
    StatsOut,
    ValidationErrorOut,
)

# References are short (max. 20) and made of these; anything else is not one of ours.
_REFERENCE = re.compile(r"^[\w\-./]{1,20}$")


class ReadableJSONRenderer(JSONRenderer):
    """JSON with Turkish letters as they are, not as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


CORS_HEADER = "Access-Control-Allow-Origin"


class OpenDataAPI(NinjaAPI):
    """Public, read-only data: any web page may read it (no credentials are involved)."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        response.headers.setdefault(CORS_HEADER, "*")
        return response


api = OpenDataAPI(
    title="Kent Konseyi: motions open data",
    version="1",
    description=(
        "The council's motions to the municipal assembly (Law 5393 art. 76) and their "
        "follow-up: status, legal deadlines, the assembly's steps and the council's "
        "approval record. Read-only, no authentication. Lists use limit/offset "
        "pagination. Machine codes and field names are stable within /api/v1/; labels "
        "follow `?lang=tr|en`, else the Accept-Language header (Turkish by default). "
        "Bad parameters get 422 with a JSON list of errors; unknown motions 404."
    ),
    urls_namespace="api_v1",
    renderer=ReadableJSONRenderer(),
    # The interactive docs are served from django-ninja's own static files ("ninja" is
    # an installed app); the online validator badge would call out to swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)

VALIDATION_ERROR = {422: ValidationErrorOut}


def _accepted_language(request) -> str:
    """The first language of the Accept-Language header the site speaks, else Turkish."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def _use_language(request, lang: str | None) -> None:
    """Labels in ``?lang=``, else in the Accept-Language header's language.

    The API is outside the language-prefixed URLs, where LocaleMiddleware always
    chooses the default language, so the header is read here.
    """
    language = lang or _accepted_language(request)
    translation.activate(language)
    request.LANGUAGE_CODE = language


def _filtered(filters: MotionFilterParams):
    return selectors.filter_motions(selectors.public_motions(), filters.as_selector_filters())


def _page(filters: MotionFilterParams, *, offset: int, limit: int) -> tuple[int, list]:
    """The total and one page of motions in the chosen order, in a fixed number of queries."""
    ordered = selectors.sort_motions(_filtered(filters), filters.sort)
    return ordered.count(), list(ordered[offset : offset + limit])


def _all(filters: MotionFilterParams) -> list:
    """Every matching motion in the chosen order (for the CSV download)."""
    return list(selectors.sort_motions(_filtered(filters), filters.sort))


def _report_decisions(report) -> list:
    """The council's numbered decisions on the report, in the order they were taken."""
    events = (
        ReportEvent.objects.filter(
            report=report,
            decision__isnull=False,
            action__in=selectors.PUBLIC_REPORT_ACTIONS,
        )
        .select_related("decision__organ", "decision__agenda_item__meeting")
        .order_by("at", "pk")
    )
    return [event.decision for event in events]


@api.get(
    "/motions",
    response={200: MotionPage, **VALIDATION_ERROR},
    summary="List motions",
    description="Public motions, newest first unless `sort` says otherwise; filters combine.",
    tags=["motions"],
)
def list_motions(request, filters: Query[MotionFilterParams], page: Query[PageParams]):
    _use_language(request, filters.lang)
    count, items = _page(filters, offset=page.offset, limit=page.limit)
    return {"count": count, "limit": page.limit, "offset": page.offset, "items": items}


class CsvParams(Schema):
    delimiter: csv_export.Delimiter = Field(
        "comma",
        description="comma (RFC 4180) or semicolon (what Excel set to Turkish expects).",
    )


@api.get(
    "/motions.csv",
    response=VALIDATION_ERROR,
    summary="Download motions as CSV",
    description=(
        "Every motion matching the same filters as `/motions` (no pagination), one row "
        "each, in UTF-8 with a byte order mark. Columns, in this order: "
        + ", ".join(csv_export.COLUMNS)
        + ". `topics` holds the topic names separated by “; ”."
    ),
    tags=["motions"],
    openapi_extra={
        "responses": {
            200: {
                "description": "CSV file",
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        }
    },
)
def motions_csv(request, filters: Query[MotionFilterParams], params: Query[CsvParams]):
    _use_language(request, filters.lang)
    context = {"request": request}
    items = (
        MotionItem.from_orm(motion, context=context).model_dump(mode="json")
        for motion in _all(filters)
    )
    response = csv_export.motions_csv_response(
        items, delimiter=csv_export.DELIMITERS[params.delimiter], today=timezone.localdate()
    )
    response.headers[CORS_HEADER] = "*"
    return response


@api.get(
    "/motions/{path:reference}",
    response={200: MotionDetailOut, 404: ErrorOut, **VALIDATION_ERROR},
    summary="One motion",
    description=(
        "A motion with its summary, public follow-up and approved report. The reference "
        "contains a slash: ask for /motions/2026/14 (or /motions/2026%2F14)."
    ),
    tags=["motions"],
)
def motion_detail(request, reference: str, params: Query[LanguageParams]):
    _use_language(request, params.lang)
    reference = reference.strip("/")
    motion = selectors.public_motion(reference) if _REFERENCE.match(reference) else None
    if motion is None:
        raise HttpError(
            404,
            _("There is no public motion with the reference %(reference)s.")
            % {"reference": reference[:40]},
        )
    motion.public_events = selectors.public_events(motion)
    if motion.report_id:
        motion.report.public_decisions = _report_decisions(motion.report)
    return motion


@api.get(
    "/stats",
    response={200: StatsOut, **VALIDATION_ERROR},
    summary="Statistics",
    description="The figures of the public statistics page, for all public motions.",
    tags=["statistics"],
)
def stats(request, params: Query[LanguageParams]):
    _use_language(request, params.lang)
    figures = selectors.motion_statistics()
    return {
        "total": figures.total,
        "by_status": [
            {"status": code, "label": label, "count": count}
            for code, label, count in figures.by_status
        ],
        "overdue": figures.overdue_count,
        "decided": figures.decided,
        "accepted": figures.accepted,
        "accepted_share": figures.accepted_share,
        "median_days_to_agenda": figures.median_days_to_agenda,
        "median_days_to_decision": figures.median_days_to_decision,
        "by_year": [{"year": year, "count": count} for year, count in figures.by_year],
        "by_topic": [
            {"slug": topic.slug, "name": topic.name, "count": count}
            for topic, count in figures.by_topic
        ],
    }
