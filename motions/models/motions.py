"""Motions submitted to the municipal assembly and the events of their follow-up."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from shared.text import COLLATION_KEY_WIDTH, turkish_collation_key

from .calendar import AssemblyMeeting, Municipality
from .choices import EventKind, MotionStatus, Outcome


class MotionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def for_list(self):
        """What list pages and the API show, fetched in a fixed number of queries."""
        return self.select_related("origin", "municipality").prefetch_related("topics")


class Motion(index.Indexed, models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("plain summary"))
    report = models.OneToOneField(
        "deliberation.Report",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="motion",
    )
    origin = models.ForeignKey(
        "deliberation.Organ",
        verbose_name=_("origin"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="motions",
        help_text=_("The working group, assembly or organ the opinion comes from."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipal assembly"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="motions",
    )
    recipient = models.CharField(
        _("other recipient institution"),
        max_length=250,
        blank=True,
        help_text=_("When the motion went to an institution other than the municipal assembly."),
    )
    submitted_on = models.DateField(_("submitted on"))
    outgoing_number = models.CharField(
        _("outgoing reference (evrak sayısı)"), max_length=100, blank=True
    )
    topics = models.ManyToManyField(
        "deliberation.Topic", verbose_name=_("topics"), blank=True, related_name="motions"
    )
    documents = models.ManyToManyField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("documents"),
        blank=True,
        related_name="+",
    )
    is_public = models.BooleanField(_("public"), default=True)
    # Derived from the events by services.motion_record_event; stored to filter and sort.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MotionStatus.choices,
        default=MotionStatus.SUBMITTED,
        editable=False,
    )
    status_since = models.DateField(_("status since"), editable=False)
    final = models.BooleanField(_("final"), default=False, editable=False)
    due_on = models.DateField(_("due at the assembly meeting of"), null=True, editable=False)
    due_estimated = models.BooleanField(_("due date estimated"), default=False, editable=False)
    on_agenda_on = models.DateField(_("placed on the agenda on"), null=True, editable=False)
    decided_on = models.DateField(_("decided on"), null=True, editable=False)
    committee_due_on = models.DateField(_("committee report due"), null=True, editable=False)
    search_text = models.TextField(editable=False, default="")
    # The title spelt so that the database sorts it in the Turkish alphabet
    # (shared.text.turkish_collation_key); save() keeps it, bulk creation sets it itself.
    title_sort = models.CharField(max_length=300 * COLLATION_KEY_WIDTH, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MotionQuerySet.as_manager()

    # search_text holds the Turkish-folded title, summary, reference and topics
    # (shared.text.fold); queries are folded the same way.
    search_fields = [
        index.SearchField("search_text"),
        index.FilterField("is_public"),
        index.FilterField("status"),
        index.FilterField("submitted_on"),
        index.FilterField("origin_id"),
        index.FilterField("due_on"),
        index.FilterField("final"),
    ]

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        ordering = ["-submitted_on", "-pk"]
        indexes = [
            models.Index(fields=["is_public", "status"]),
            models.Index(fields=["is_public", "submitted_on"]),
            models.Index(fields=["is_public", "due_on"]),
            models.Index(fields=["is_public", "title_sort"]),
            # The committee half of the overdue rule (the agenda half uses due_on's).
            models.Index(fields=["status", "committee_due_on"]),
        ]
        # On PostgreSQL, search_text also has a trigram index (migration 0005): a
        # model-level GinIndex would not exist on SQLite.

    def __str__(self):
        return f"{self.reference} {self.title}"

    def save(self, *args, **kwargs):
        self.title_sort = turkish_collation_key(self.title)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "title_sort"}
        super().save(*args, **kwargs)

    @property
    def year(self) -> int:
        return self.submitted_on.year


def event_label(kind: str, outcome: str = "") -> str:
    """An event's name in the active language, with the assembly's outcome of a decision."""
    label = EventKind(kind).label
    if kind == EventKind.DECIDED and outcome:
        return f"{label}: {Outcome(outcome).label}"
    return str(label)


class MotionEventQuerySet(models.QuerySet):
    def public(self):
        """What citizens see of the follow-up: public, current events of public motions."""
        return self.filter(is_public=True, superseded_by__isnull=True, motion__is_public=True)


class MotionEvent(models.Model):
    """A dated step of the follow-up. Never edited: a correction supersedes it."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=30, choices=EventKind.choices)
    date = models.DateField(_("date"))
    meeting = models.ForeignKey(
        AssemblyMeeting,
        verbose_name=_("assembly meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="motion_events",
    )
    committees = models.CharField(_("committee(s)"), max_length=300, blank=True)
    zoning_committee = models.BooleanField(_("zoning committee involved"), default=False)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    is_public = models.BooleanField(_("public"), default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = MotionEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("motion event")
        verbose_name_plural = _("motion events")
        ordering = ["date", "recorded_at", "pk"]
        indexes = [models.Index(fields=["motion", "date"]), models.Index(fields=["recorded_at"])]

    def __str__(self):
        return f"{self.motion.reference}: {self.get_kind_display()} ({self.date:%d.%m.%Y})"

    @property
    def label(self) -> str:
        return event_label(self.kind, self.outcome)

    @property
    def log_data(self) -> dict:
        """What the audit log keeps of the event: codes, so the history reads in any language."""
        return {"event": self.label, "kind": self.kind, "outcome": self.outcome}
