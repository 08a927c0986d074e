"""Reads of motions for the public pages, the API and the statistics.

The overdue rule lives here and only here, as queryset annotations, so lists can
filter and sort by it in SQL and every reader counts the days the same way:

- Law 5393 art. 76/3: a motion is due at the assembly's first meeting after its
  submission (``due_on``). It is *overdue* while that day has passed and it is still
  not on the agenda, unless it was withdrawn; the days count from ``due_on`` to today.
  Once it is placed on the agenda it is no longer overdue, but a late placing keeps
  its lateness: ``agenda_days_late`` days from ``due_on`` to ``on_agenda_on``. Past
  "submitted" with no ``on_agenda_on`` (the placing was not made public) it is neither
  overdue nor late: its lateness is not known.
- Art. 24: a motion in committee is overdue once ``committee_due_on`` has passed.
"""

import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import ExtractYear, Left, Length, StrIndex
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deliberation.models import TRANSITIONS as REPORT_TRANSITIONS
from deliberation.models import DecisionKind, Organ, ReportAction, ReportEvent, Topic
from shared.query_params import parse_id, parse_int
from shared.text import fold, turkish_sort_key

from .models import EventKind, Motion, MotionEvent, MotionStatus
from .models.choices import ACCEPTED_STATUSES, DECIDED_STATUSES

SEARCH_MAX_LENGTH = 200
SEARCH_MAX_TERMS = 8
# Statuses reached only through an accepting decision.
ACCEPTED_LIKE = (*ACCEPTED_STATUSES, MotionStatus.IMPLEMENTING, MotionStatus.COMPLETED)
# Statuses with a standing decision of the assembly (a mayor's return suspends it).
DECIDED_LIKE = (*DECIDED_STATUSES, MotionStatus.IMPLEMENTING, MotionStatus.COMPLETED)
# The report's path as the public sees it: created, then every move of the transition
# table; saved versions, restores and comments are the group's working notes.
PUBLIC_REPORT_ACTIONS = (ReportAction.CREATE, *REPORT_TRANSITIONS)
PUBLIC_DECISION_TEXT = (DecisionKind.OPINION, DecisionKind.APPROVE)
_REFERENCE = re.compile(r"^(\d{4})/(\d+)$")


class DaysBetween(Func):
    """Whole days from ``start`` to ``end`` (end − start) for two dates, in SQL.

    PostgreSQL subtracts dates to an integer; SQLite needs julianday().
    """

    template = "(%(expressions)s)"
    arg_joiner = " - "
    output_field = IntegerField()

    def __init__(self, start, end, **extra):
        super().__init__(end, start, **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def _date(value: date) -> Value:
    return Value(value, output_field=DateField())


@dataclass(frozen=True)
class OverdueFields:
    """The names the overdue rule reads: the stored (public) columns, or annotations
    holding the whole record's values (the back office's warnings)."""

    status: str = "status"
    on_agenda_on: str = "on_agenda_on"
    committee_due_on: str = "committee_due_on"


PUBLIC_FIELDS = OverdueFields()


def _late(today: date, fields: OverdueFields = PUBLIC_FIELDS) -> tuple[Q, Q, Q]:
    """The overdue rule's parts: late for the agenda, still waiting for it, late in committee."""
    # Only "submitted" still waits: any later status means it reached the agenda.
    waiting = Q(due_on__lt=today, **{fields.status: MotionStatus.SUBMITTED})
    placed_late = Q(due_on__lt=today, **{f"{fields.on_agenda_on}__gt": F("due_on")}) & ~Q(
        **{fields.status: MotionStatus.WITHDRAWN}
    )
    committee_late = Q(
        **{fields.status: MotionStatus.IN_COMMITTEE, f"{fields.committee_due_on}__lt": today}
    )
    return waiting | placed_late, waiting, committee_late


def overdue_q(*, today: date | None = None) -> Q:
    """The overdue rule as a condition on columns, which indexes can serve (filtering on
    the ``overdue`` annotation compares a CASE expression, which none can)."""
    _agenda_late, waiting, committee_late = _late(today or timezone.localdate())
    # A late placing on the agenda keeps its lateness but is no longer overdue.
    return waiting | committee_late


def with_overdue(
    queryset: QuerySet, *, today: date | None = None, fields: OverdueFields = PUBLIC_FIELDS
) -> QuerySet:
    """Annotate the overdue rule and the day counts (see the module docstring).

    Adds ``agenda_overdue`` (late for the agenda: still waiting, or placed late),
    ``awaiting_agenda`` (overdue and still not on the agenda), ``agenda_days_overdue``
    (the days of either), ``agenda_days_late`` (only of a late placing),
    ``committee_overdue``, ``committee_days_overdue``, ``overdue`` (still waiting for
    the agenda, or the committee late), ``days_overdue`` (the wait, else the
    committee's delay) and ``days_since_submission``.
    """
    today = today or timezone.localdate()
    agenda_late, waiting, committee_late = _late(today, fields)
    agenda_days = Case(
        When(waiting, then=DaysBetween(F("due_on"), _date(today))),
        When(agenda_late, then=DaysBetween(F("due_on"), F(fields.on_agenda_on))),
        default=None,
        output_field=IntegerField(),
    )
    committee_days = Case(
        When(committee_late, then=DaysBetween(F(fields.committee_due_on), _date(today))),
        default=None,
        output_field=IntegerField(),
    )
    return queryset.annotate(
        agenda_overdue=Case(
            When(agenda_late, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        awaiting_agenda=Case(
            When(waiting, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        committee_overdue=Case(
            When(committee_late, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        overdue=Case(
            When(waiting | committee_late, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        agenda_days_overdue=agenda_days,
        agenda_days_late=Case(
            When(agenda_late & ~waiting, then=agenda_days),
            default=None,
            output_field=IntegerField(),
        ),
        committee_days_overdue=committee_days,
        days_overdue=Case(
            When(waiting, then=agenda_days),
            When(committee_late, then=committee_days),
            default=None,
            output_field=IntegerField(),
        ),
        days_since_submission=DaysBetween(F("submitted_on"), _date(today)),
    )


def public_motions(*, today: date | None = None) -> QuerySet:
    """Public motions with the overdue annotations and what a list row shows."""
    return with_overdue(Motion.objects.public().for_list(), today=today)


# --- Filters, search and sorting ---------------------------------------------------------


class Sort:
    NEWEST = "newest"
    OLDEST = "oldest"
    OVERDUE = "overdue"
    REFERENCE = "reference"
    TITLE = "title"

    choices = [
        (NEWEST, _("Newest first")),
        (OLDEST, _("Oldest first")),
        (OVERDUE, _("Most overdue first")),
        (REFERENCE, _("Reference number")),
        (TITLE, _("Title (A to Z)")),
    ]
    values = [value for value, _label in choices]


@dataclass(frozen=True)
class MotionFilters:
    """What a visitor (or an API client) asked for, already checked."""

    status: str = ""
    topic: str = ""
    origin: str = ""
    year: int | None = None
    # True: only the overdue motions; False: only the others (the API); None: all.
    overdue: bool | None = None
    q: str = ""
    sort: str = Sort.NEWEST
    errors: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def active(self) -> bool:
        """Whether anything narrows the list (the sort order does not)."""
        return (
            bool(self.status or self.topic or self.origin or self.year or self.q)
            or self.overdue is not None
        )

    def query_params(self) -> dict[str, str]:
        """The checked filters as query parameters that the list page and the API (and
        its CSV) both read; empty filters and the default order are left out."""
        params = {
            "status": self.status,
            "topic": self.topic,
            "origin": self.origin,
            "year": str(self.year) if self.year else "",
            "overdue": {True: "true", False: "false"}.get(self.overdue, ""),
            "q": self.q,
            "sort": "" if self.sort == Sort.NEWEST else self.sort,
        }
        return {name: value for name, value in params.items() if value}


# Double quotes and control characters mean nothing in a search and some databases
# refuse NUL: they become spaces.
_NOT_SEARCHABLE = str.maketrans(dict.fromkeys([*map(chr, range(32)), '"'], " "))


def clean_query(raw: str) -> str:
    return (raw or "").translate(_NOT_SEARCHABLE).strip()[:SEARCH_MAX_LENGTH]


def parse_filters(params: Mapping[str, str]) -> MotionFilters:
    """Read the filters from query parameters; bad values are dropped and reported in
    ``errors`` (field name → message), never raised, so a page can ignore them and an
    API can answer 400."""
    errors: dict[str, str] = {}

    def get(name: str) -> str:
        return (params.get(name) or "").strip()

    status = get("status")
    if status and status not in MotionStatus.values:
        errors["status"] = str(_("Unknown status."))
        status = ""
    topic = get("topic")
    if topic and not re.fullmatch(r"[-\w]{1,120}", topic):
        errors["topic"] = str(_("Unknown topic."))
        topic = ""
    origin = get("origin")
    if origin and not re.fullmatch(r"[-\w]{1,200}", origin):
        errors["origin"] = str(_("Unknown origin."))
        origin = ""
    year_text = get("year")
    year = None
    if year_text:
        year = parse_int(year_text, minimum=1900, maximum=9999)
        if year is None:
            errors["year"] = str(_("The year is a four-digit number."))
    overdue_text = get("overdue").lower()
    if overdue_text not in ("", "0", "1", "true", "false"):
        errors["overdue"] = str(_("Use overdue=1 to list only overdue motions."))
    sort = get("sort") or Sort.NEWEST
    if sort not in Sort.values:
        errors["sort"] = str(_("Unknown sort order."))
        sort = Sort.NEWEST
    return MotionFilters(
        status=status,
        topic=topic,
        origin=origin,
        year=year,
        # The pages only narrow to overdue motions; unticked is all of them.
        overdue=True if overdue_text in ("1", "true") else None,
        q=clean_query(params.get("q") or ""),
        sort=sort,
        errors=errors,
    )


def search_motions(queryset: QuerySet, query: str) -> QuerySet:
    """Motions whose folded text holds every word of the query.

    Both sides are folded with shared.text.fold, so "İzmir", "IZMIR", "izmir" and "İZMİR"
    match alike, and the match is a plain substring test that behaves the same on
    SQLite and PostgreSQL (a word's beginning finds it: "kadın" finds "kadınlar").
    """
    for term in fold(clean_query(query)).split()[:SEARCH_MAX_TERMS]:
        queryset = queryset.filter(search_text__contains=term)
    return queryset


def filter_motions(queryset: QuerySet, filters: MotionFilters) -> QuerySet:
    """Apply status, topic, origin, year, overdue (or not overdue) and search."""
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.topic:
        queryset = queryset.filter(topics__slug=filters.topic)
    if filters.origin:
        if filters.origin.isascii() and filters.origin.isdigit():
            origin_id = parse_id(filters.origin)
            # An id no column can hold names no organ.
            queryset = queryset.filter(origin_id=origin_id) if origin_id else queryset.none()
        else:
            queryset = queryset.filter(origin__slug=filters.origin)
    if filters.year:
        queryset = queryset.filter(submitted_on__year=filters.year)
    if filters.overdue is True:
        queryset = queryset.filter(overdue_q())
    elif filters.overdue is False:
        queryset = queryset.exclude(overdue_q())
    if filters.q:
        queryset = search_motions(queryset, filters.q)
    return queryset


def sort_motions(queryset: QuerySet, sort: str) -> QuerySet:
    """Order in SQL, the title in the Turkish alphabet by its stored key (ç after c, ı
    before i), which neither SQLite nor a default PostgreSQL collation would give."""
    if sort == Sort.OLDEST:
        return queryset.order_by("submitted_on", "pk")
    if sort == Sort.OVERDUE:
        return queryset.order_by(F("days_overdue").desc(nulls_last=True), "submitted_on", "pk")
    if sort == Sort.REFERENCE:
        # "2026/9" before "2026/10": the year part, then the length, then the text.
        return queryset.order_by(
            Left("reference", StrIndex("reference", Value("/"))),
            Length("reference"),
            "reference",
            "pk",
        )
    if sort == Sort.TITLE:
        return queryset.order_by("title_sort", "pk")
    return queryset.order_by("-submitted_on", "-pk")


def paginate_motions(queryset: QuerySet, *, sort: str, page_number, per_page: int) -> Page:
    """One page of motions in the chosen order, in a fixed number of queries."""
    page = Paginator(sort_motions(queryset, sort), per_page).get_page(page_number)
    page.object_list = list(page.object_list)
    return page


def filter_choices() -> dict:
    """The topics, origins and years that public motions have, for a filter form."""
    public = Motion.objects.public()
    topics = sorted(
        Topic.objects.filter(motions__is_public=True).distinct(),
        key=lambda topic: turkish_sort_key(topic.name),
    )
    origins = sorted(
        Organ.objects.filter(motions__is_public=True).distinct(),
        key=lambda organ: turkish_sort_key(organ.name),
    )
    years = [day.year for day in public.dates("submitted_on", "year", order="DESC")]
    return {
        "statuses": MotionStatus.choices,
        "topics": topics,
        "origins": origins,
        "years": years,
        "sorts": Sort.choices,
    }


# --- One motion ---------------------------------------------------------------------------


def parse_reference(reference: str) -> tuple[int, int] | None:
    """(year, number) of a reference like 2026/14, or None for another form."""
    match = _REFERENCE.match(reference or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


@dataclass
class TimelineEntry:
    """One line of a motion's public timeline, from the council's path or the assembly's."""

    on: date
    label: str
    stage: str  # "council", "submission" or "assembly"
    note: str = ""
    decision: object = None  # deliberation.Decision
    event: MotionEvent | None = None
    corrects: MotionEvent | None = None
    corrects_public: bool = False
    document: object = None


@dataclass
class MotionDetail:
    motion: Motion
    timeline: list[TimelineEntry]
    decisions: list  # deliberation.Decision rows of the report's path
    report_version: object = None  # the report as approved (deliberation.Report)
    report_attachments: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    topics: list = field(default_factory=list)


def public_motion(reference: str, *, today: date | None = None) -> Motion | None:
    """A public motion with the overdue annotations, or None."""
    return (
        with_overdue(Motion.objects.public(), today=today)
        .select_related(
            "origin", "municipality", "report", "report__group", "report__approved_revision"
        )
        .prefetch_related("topics", "documents")
        .filter(reference=reference)
        .first()
    )


def public_events(motion: Motion) -> list[MotionEvent]:
    """The motion's public, current events in order, with what the timeline shows.

    The submission event is left out: the timeline and the API give the submission
    from the motion itself, with its recipient and outgoing reference.
    """
    return list(
        MotionEvent.objects.public()
        .filter(motion=motion)
        .exclude(kind=EventKind.SUBMITTED)
        .select_related("supersedes", "meeting", "document")
        .order_by("date", "recorded_at", "pk")
    )


def _council_entries(report) -> tuple[list[TimelineEntry], list]:
    events = list(
        ReportEvent.objects.filter(report=report, action__in=PUBLIC_REPORT_ACTIONS)
        .select_related("decision__organ")
        .order_by("at", "pk")
    )
    entries, decisions = [], []
    for event in events:
        decision = event.decision
        if decision is not None:
            # The opinion and the approval go on with the report; a return's reasons
            # concern a draft and stay in the minutes.
            decision.show_text = bool(decision.text) and decision.kind in PUBLIC_DECISION_TEXT
            decisions.append(decision)
        label = (
            _("Draft started by %(group)s") % {"group": report.group.name}
            if event.action == ReportAction.CREATE
            else event.get_action_display()
        )
        entries.append(
            TimelineEntry(
                # A decision's move dates from the meeting, not from when it was recorded.
                on=decision.decided_on if decision else timezone.localdate(event.at),
                label=str(label),
                stage="council",
                decision=decision,
            )
        )
    return entries, decisions


def motion_detail(reference: str, *, today: date | None = None) -> MotionDetail | None:
    """Everything a motion's public page shows, in a fixed number of queries; None if the
    motion does not exist or is not public.

    The timeline is the report's path in the order it was recorded, then the
    submission, then the assembly's steps by date: a report is approved before it is
    submitted, so the stages never interleave.
    """
    motion = public_motion(reference, today=today)
    if motion is None:
        return None
    timeline: list[TimelineEntry] = []
    decisions: list = []
    version, attachments = None, []
    if motion.report_id:
        council, decisions = _council_entries(motion.report)
        timeline.extend(council)
        version = motion.report.approved_version()
        if version is not None:
            attachments = list(version.attachments.all())
    recipient = (motion.municipality.name if motion.municipality_id else motion.recipient) or ""
    timeline.append(
        TimelineEntry(
            on=motion.submitted_on,
            label=str(
                _("Submitted to %(recipient)s") % {"recipient": recipient}
                if recipient
                else _("Submitted")
            ),
            stage="submission",
            note=(
                str(_("Outgoing reference: %(number)s") % {"number": motion.outgoing_number})
                if motion.outgoing_number
                else ""
            ),
        )
    )
    for event in public_events(motion):
        note_parts = []
        if event.kind == EventKind.REFERRED and event.committees:
            note_parts.append(event.committees)
        if event.decision_number:
            note_parts.append(str(_("Decision no. %(number)s") % {"number": event.decision_number}))
        if event.progress is not None:
            note_parts.append(str(_("Progress: %(progress)s%%") % {"progress": event.progress}))
        if event.note:
            note_parts.append(event.note)
        timeline.append(
            TimelineEntry(
                on=event.date,
                label=event.label,
                stage="assembly",
                note="\n".join(note_parts),
                event=event,
                corrects=event.supersedes,
                corrects_public=bool(event.supersedes and event.supersedes.is_public),
                document=event.document,
            )
        )
    return MotionDetail(
        motion=motion,
        timeline=timeline,
        decisions=decisions,
        report_version=version,
        report_attachments=attachments,
        documents=list(motion.documents.all()),
        topics=list(motion.topics.all()),
    )


# --- Statistics and the home page ---------------------------------------------------------


def _median_days(pairs) -> float | None:
    days = [(end - start).days for start, end in pairs if start and end]
    return statistics.median(days) if days else None


@dataclass
class MotionStatistics:
    total: int
    by_status: list[tuple[str, str, int]]  # (code, label, count), in the status order
    decided: int
    accepted: int
    accepted_share: float | None  # 0..1 of the decided motions
    median_days_to_agenda: float | None
    median_days_to_decision: float | None
    overdue_count: int
    by_year: list[tuple[int, int]]
    by_topic: list[tuple[Topic, int]]

    @property
    def accepted_percent(self) -> int | None:
        return None if self.accepted_share is None else round(self.accepted_share * 100)


def overdue_motions(*, today: date | None = None) -> QuerySet:
    """Public overdue motions, longest delay first."""
    return sort_motions(public_motions(today=today).filter(overdue_q(today=today)), Sort.OVERDUE)


def motion_statistics(*, today: date | None = None) -> MotionStatistics:
    """Counts, shares and medians of the public motions, in a fixed number of queries.

    Accepted motions include those accepted with amendments and those being
    implemented or completed; the share is of the motions with a standing decision.
    """
    public = Motion.objects.public()
    counts = dict(
        public.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    by_status = [(code, str(label), counts.get(code, 0)) for code, label in MotionStatus.choices]
    decided = sum(counts.get(code, 0) for code in DECIDED_LIKE)
    accepted = sum(counts.get(code, 0) for code in ACCEPTED_LIKE)
    by_year = list(
        public.annotate(year=ExtractYear("submitted_on"))
        .order_by("year")
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    topics = Topic.objects.annotate(n=Count("motions", filter=Q(motions__is_public=True))).filter(
        n__gt=0
    )
    by_topic = sorted(
        ((topic, topic.n) for topic in topics), key=lambda pair: turkish_sort_key(pair[0].name)
    )
    return MotionStatistics(
        total=sum(counts.values()),
        by_status=by_status,
        decided=decided,
        accepted=accepted,
        accepted_share=(accepted / decided) if decided else None,
        median_days_to_agenda=_median_days(
            public.filter(on_agenda_on__isnull=False).values_list("submitted_on", "on_agenda_on")
        ),
        median_days_to_decision=_median_days(
            public.filter(decided_on__isnull=False).values_list("submitted_on", "decided_on")
        ),
        overdue_count=public.filter(overdue_q(today=today)).count(),
        by_year=by_year,
        by_topic=by_topic,
    )


@dataclass
class Movement:
    """A line of "latest movements": a motion's submission or one of its public events."""

    on: date
    motion: Motion
    label: str
    recorded_at: object = None


def latest_movements(*, limit: int = 5) -> list[Movement]:
    """The newest public steps of public motions: submissions and recorded events."""
    events = (
        MotionEvent.objects.public()
        .exclude(kind=EventKind.SUBMITTED)  # the submissions come from the motions below
        .select_related("motion")
        .order_by("-date", "-recorded_at", "-pk")[:limit]
    )
    movements = [
        Movement(
            on=event.date, motion=event.motion, label=event.label, recorded_at=event.recorded_at
        )
        for event in events
    ]
    for motion in Motion.objects.public().order_by("-submitted_on", "-created_at")[:limit]:
        movements.append(
            Movement(
                on=motion.submitted_on,
                motion=motion,
                label=str(_("Submitted")),
                recorded_at=motion.created_at,
            )
        )
    movements.sort(key=lambda m: (m.on, m.recorded_at or timezone.now()), reverse=True)
    return movements[:limit]


def key_figures(*, today: date | None = None) -> dict:
    """Total public motions, the share accepted of those decided, and how many are overdue."""
    public = Motion.objects.public()
    counts = dict(
        public.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    decided = sum(counts.get(code, 0) for code in DECIDED_LIKE)
    accepted = sum(counts.get(code, 0) for code in ACCEPTED_LIKE)
    return {
        "total": sum(counts.values()),
        "decided": decided,
        "accepted_percent": round(accepted * 100 / decided) if decided else None,
        "overdue": public.filter(overdue_q(today=today)).count(),
    }
