"""The shapes of the open data API (django-ninja schemas): a contract others build on.

Field names, machine codes and meanings are stable; new fields may be added, none is
renamed or removed within /api/v1/. Labels (``status_label``, ``label``) are in the
request's language; everything else is language-neutral. The descriptions here form
the OpenAPI document, which is kept in English like the machine codes.
"""

from datetime import date, datetime
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import field_validator

from deliberation.models import DecisionKind, OrganKind
from shared.site import public_links
from shared.text import turkish_sort_key

from . import selectors
from .models import EventKind, MotionStatus, Outcome

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 1_000_000

Language = Literal["tr", "en"]
SortOrder = Literal[tuple(selectors.Sort.values)]


def _links(context):
    return public_links(context["request"])


class ErrorOut(Schema):
    detail: str = Field(description="What was wrong, in the request's language.")


class ValidationErrorOut(Schema):
    detail: list[dict] = Field(
        description="One entry per bad parameter: `loc` names it, `msg` says what is wrong."
    )


# --- Query parameters -----------------------------------------------------------------


class MotionFilterParams(Schema):
    """Filters of the motion list and its CSV download; all combine with AND."""

    status: MotionStatus | None = Field(None, description="Only motions in this status.")
    topic: str | None = Field(
        None, pattern=r"^[-\w]{1,120}$", description="Only motions on this topic (its slug)."
    )
    origin: str | None = Field(
        None,
        pattern=r"^[-\w]{1,200}$",
        description="Only motions from this working group, assembly or organ (its slug).",
    )
    year: int | None = Field(None, ge=1900, le=9999, description="Year of submission.")
    overdue: bool | None = Field(
        None,
        description=(
            "true: only overdue motions (past the assembly meeting they were due at without "
            "being on its agenda, or past the committee's deadline); false: only the others."
        ),
    )
    q: str | None = Field(
        None,
        max_length=selectors.SEARCH_MAX_LENGTH,
        description=(
            "Full-text search in reference, title, summary and topics. Every word must "
            "match; Turkish letters and case are folded, so İzmir = izmir = IZMIR."
        ),
    )
    sort: SortOrder = Field(
        "newest",
        description=(
            "newest / oldest (by submission), overdue (most days overdue first), "
            "reference (2026/9 before 2026/10), title (Turkish alphabetical order)."
        ),
    )
    lang: Language | None = Field(
        None,
        description="Language of the labels; without it, the Accept-Language header decides.",
    )

    def as_selector_filters(self) -> selectors.MotionFilters:
        """The same filters as the public motions page applies."""
        return selectors.MotionFilters(
            status=self.status.value if self.status else "",
            topic=self.topic or "",
            origin=self.origin or "",
            year=self.year,
            overdue=self.overdue,
            q=selectors.clean_query(self.q or ""),
            sort=self.sort,
        )


class PageParams(Schema):
    """Limit/offset pagination."""

    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        description=f"Motions per response, {DEFAULT_LIMIT} by default; more than "
        f"{MAX_LIMIT} counts as {MAX_LIMIT}.",
    )
    offset: int = Field(
        0, ge=0, le=MAX_OFFSET, description="How many motions to skip (0 is the first)."
    )

    @field_validator("limit")
    @classmethod
    def cap_limit(cls, value: int) -> int:
        return min(value, MAX_LIMIT)


class LanguageParams(Schema):
    lang: Language | None = Field(
        None,
        description="Language of the labels; without it, the Accept-Language header decides.",
    )


# --- Motions -----------------------------------------------------------------------------


class TopicOut(Schema):
    slug: str
    name: str


class OriginOut(Schema):
    slug: str
    name: str
    kind: OrganKind = Field(
        description="working_group, assembly, executive_board or general_assembly."
    )


class MotionItem(Schema):
    reference: str = Field(description="The council's public reference, e.g. 2026/14.")
    title: str
    status: MotionStatus = Field(description="Machine code of the status (stable).")
    status_label: str = Field(description="The status in the request's language.")
    final: bool = Field(
        description="The assembly's decision is final (kesinleşti), or the motion was "
        "completed or withdrawn."
    )
    submitted_on: date
    due_on: date | None = Field(
        description="The municipal assembly meeting the motion is due at (Law 5393 art. 76/3); "
        "null for a motion sent to another institution."
    )
    due_estimated: bool = Field(
        description="due_on is estimated from the assembly's regular meeting rule because "
        "that meeting is not recorded yet."
    )
    overdue: bool
    days_overdue: int | None = Field(
        description="Days past the deadline while overdue: since the meeting it was due at "
        "while it still waits for the agenda, else since the committee's deadline; null when "
        "not overdue (a motion placed on the agenda late is no longer overdue)."
    )
    agenda_days_late: int | None = Field(
        None,
        description="How many days after the meeting it was due at the motion reached the "
        "agenda; null when it was on time, is not on the agenda yet, or when the date it "
        "was placed there is not public.",
    )
    committee_due_on: date | None = Field(
        description="The committee's report deadline (art. 24) while the motion is in committee."
    )
    origin: OriginOut | None = Field(description="Where the opinion comes from; null if unknown.")
    topics: list[TopicOut]
    url: str | None = Field(description="Absolute URL of the motion's public page.")
    updated_at: datetime

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return bool(getattr(obj, "overdue", False))

    @staticmethod
    def resolve_days_overdue(obj) -> int | None:
        return getattr(obj, "days_overdue", None)

    @staticmethod
    def resolve_agenda_days_late(obj) -> int | None:
        return getattr(obj, "agenda_days_late", None)

    @staticmethod
    def resolve_topics(obj) -> list:
        # In the Turkish alphabet whatever the database's collation (Çevre before Gıda).
        return sorted(obj.topics.all(), key=lambda topic: turkish_sort_key(topic.name))

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return _links(context).motion(obj)


class MotionPage(Schema):
    count: int = Field(description="How many motions match the filters, on all pages.")
    limit: int
    offset: int
    items: list[MotionItem]


class EventOut(Schema):
    date: date
    kind: EventKind = Field(description="Machine code of what happened (stable).")
    label: str = Field(description="What happened, in the request's language.")
    outcome: Outcome | None = Field(description="The assembly's decision, for kind=decided.")
    decision_number: str = Field(description="The assembly's decision number, if recorded.")
    committees: str = Field(description="The committee(s), for kind=referred.")
    progress: int | None = Field(description="Implementation progress in percent.")
    note: str
    document_url: str | None = Field(description="Absolute URL of the event's document.")
    is_correction: bool = Field(
        description="This event corrects an earlier record, which is no longer shown."
    )

    @staticmethod
    def resolve_outcome(obj) -> str | None:
        return obj.outcome or None

    @staticmethod
    def resolve_document_url(obj, context) -> str | None:
        return _links(context).document(obj.document) if obj.document_id else None

    @staticmethod
    def resolve_is_correction(obj) -> bool:
        return obj.supersedes_id is not None


class DocumentOut(Schema):
    title: str
    url: str

    @staticmethod
    def resolve_url(obj, context) -> str:
        return _links(context).document(obj)


class DecisionOut(Schema):
    organ: str = Field(description="The council organ that decided.")
    kind: DecisionKind = Field(description="What it decided (opinion, approve, return, …).")
    meeting_date: date
    decision_no: str = Field(description="The organ's decision number, e.g. 2026/14.")
    members: int = Field(description="Full membership of the organ on the meeting day.")
    present: int
    yes: int
    no: int
    abstain: int
    adopted: bool

    @staticmethod
    def resolve_organ(obj) -> str:
        return obj.organ.name

    @staticmethod
    def resolve_meeting_date(obj) -> date:
        return timezone.localdate(obj.agenda_item.meeting.starts_at)

    @staticmethod
    def resolve_decision_no(obj) -> str:
        return obj.reference


class ReportOut(Schema):
    title: str = Field(description="The report's title as approved.")
    url: str | None = Field(description="Absolute URL of the approved report's public page.")
    approved_on: date | None
    decisions: list[DecisionOut] = Field(
        description="The council's decisions on the report, in order (its approval record)."
    )

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.approved_revision.content.get("title") or obj.title

    @staticmethod
    def resolve_url(obj, context) -> str | None:
        return _links(context).report(obj)

    @staticmethod
    def resolve_decisions(obj) -> list:
        return getattr(obj, "public_decisions", [])


class MotionDetailOut(MotionItem):
    summary: str
    recipient: str = Field(
        description="The municipal assembly or the other institution the motion went to."
    )
    events: list[EventOut] = Field(
        description="The public follow-up, oldest first; corrected records are left out."
    )
    documents: list[DocumentOut]
    report: ReportOut | None = Field(description="The council's approved report, if any.")

    @staticmethod
    def resolve_recipient(obj) -> str:
        return obj.municipality.name if obj.municipality_id else obj.recipient

    @staticmethod
    def resolve_events(obj) -> list:
        return obj.public_events

    @staticmethod
    def resolve_documents(obj) -> list:
        return list(obj.documents.all())

    @staticmethod
    def resolve_report(obj):
        report = obj.report if obj.report_id else None
        return report if report is not None and report.approved_revision_id else None


# --- Statistics --------------------------------------------------------------------------


class StatusCount(Schema):
    status: MotionStatus
    label: str
    count: int


class YearCount(Schema):
    year: int
    count: int


class TopicCount(Schema):
    slug: str
    name: str
    count: int


class StatsOut(Schema):
    total: int = Field(description="Public motions.")
    by_status: list[StatusCount] = Field(description="Every status, zeros included, in order.")
    overdue: int = Field(description="Motions overdue today.")
    decided: int = Field(description="Motions with a standing decision of the assembly.")
    accepted: int = Field(
        description="Of those, accepted (as is or amended, being implemented or completed)."
    )
    accepted_share: float | None = Field(description="accepted / decided, 0 to 1.")
    median_days_to_agenda: float | None = Field(
        description="Median days from submission to the assembly's agenda."
    )
    median_days_to_decision: float | None = Field(
        description="Median days from submission to the assembly's decision."
    )
    by_year: list[YearCount] = Field(description="Motions by year of submission.")
    by_topic: list[TopicCount]
