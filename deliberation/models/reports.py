"""Reports written by working groups and assemblies, and their path to approval."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import LockableMixin, RevisionMixin
from wagtail.search import index

from deliberation.people import display_name

from .organs import Organ, OrganKind

REPORT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    GROUP_ADOPTED = "group_adopted", _("Adopted by the group")
    BOARD_REVIEW = "board_review", _("Under review by the Executive Board")
    ASSEMBLY_REVIEW = "assembly_review", _("Forwarded to the General Assembly")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


FINAL_STATUSES = (ReportStatus.APPROVED, ReportStatus.REJECTED, ReportStatus.WITHDRAWN)
OPEN_STATUSES = (
    ReportStatus.DRAFT,
    ReportStatus.GROUP_ADOPTED,
    ReportStatus.BOARD_REVIEW,
    ReportStatus.ASSEMBLY_REVIEW,
)
# Which organ decides in each review state.
REVIEWING_ORGAN = {
    ReportStatus.BOARD_REVIEW: OrganKind.EXECUTIVE_BOARD,
    ReportStatus.ASSEMBLY_REVIEW: OrganKind.GENERAL_ASSEMBLY,
}


class ReportAction(models.TextChoices):
    CREATE = "create", _("Created")
    EDIT = "edit", _("Edited")
    ADOPT = "adopt", _("Adopted by the group")
    REOPEN = "reopen", _("Reopened for editing")
    SUBMIT = "submit", _("Submitted to the Executive Board")
    FORWARD = "forward", _("Opinion given and forwarded to the General Assembly")
    APPROVE = "approve", _("Approved")
    RETURN = "return", _("Returned to the group")
    REJECT = "reject", _("Rejected")
    WITHDRAW = "withdraw", _("Withdrawn by the group")
    RESTORE = "restore", _("Earlier version restored")
    # Not a move of the table: the report stays approved and its motion is followed up
    # in the motions app; the timeline records when it went to the municipal assembly.
    SUBMIT_TO_ASSEMBLY = "submit_to_assembly", _("Submitted to the municipal assembly")


@dataclass(frozen=True)
class Transition:
    sources: tuple[str, ...]
    target: str
    by_decision: bool  # only as a decision of a quorate meeting of the reviewing organ


# The one table of allowed moves; services.reports enforces it and who may make them.
TRANSITIONS: dict[str, Transition] = {
    ReportAction.ADOPT: Transition((ReportStatus.DRAFT,), ReportStatus.GROUP_ADOPTED, False),
    ReportAction.REOPEN: Transition((ReportStatus.GROUP_ADOPTED,), ReportStatus.DRAFT, False),
    ReportAction.SUBMIT: Transition(
        (ReportStatus.GROUP_ADOPTED,), ReportStatus.BOARD_REVIEW, False
    ),
    ReportAction.FORWARD: Transition(
        (ReportStatus.BOARD_REVIEW,), ReportStatus.ASSEMBLY_REVIEW, True
    ),
    ReportAction.APPROVE: Transition(
        (ReportStatus.BOARD_REVIEW, ReportStatus.ASSEMBLY_REVIEW), ReportStatus.APPROVED, True
    ),
    ReportAction.RETURN: Transition(
        (ReportStatus.BOARD_REVIEW, ReportStatus.ASSEMBLY_REVIEW), ReportStatus.DRAFT, True
    ),
    ReportAction.REJECT: Transition(
        (ReportStatus.BOARD_REVIEW, ReportStatus.ASSEMBLY_REVIEW), ReportStatus.REJECTED, True
    ),
    ReportAction.WITHDRAW: Transition(OPEN_STATUSES, ReportStatus.WITHDRAWN, False),
}


class ApprovalPath(models.TextChoices):
    BOARD_THEN_ASSEMBLY = (
        "board_then_assembly",
        _("The Executive Board gives its opinion, the General Assembly approves"),
    )
    BOARD_ONLY = "board_only", _("The Executive Board approves alone")


@register_setting(icon="cog")
class DeliberationSettings(BaseGenericSetting):
    """The parts of the council's working directive (çalışma yönergesi) that vary."""

    approval_path = models.CharField(
        _("approval path"),
        max_length=30,
        choices=ApprovalPath.choices,
        default=ApprovalPath.BOARD_THEN_ASSEMBLY,
    )
    chair_casting_vote = models.BooleanField(
        _("the chair has a casting vote in a tie"), default=False
    )
    secretariat_email = models.EmailField(
        _("secretariat e-mail"),
        blank=True,
        help_text=_(
            "Told when a report reaches review. Members of the Secretariat group are told too."
        ),
    )

    panels = [
        FieldPanel("approval_path"),
        FieldPanel("chair_casting_vote"),
        FieldPanel("secretariat_email"),
    ]

    class Meta:
        verbose_name = _("deliberation settings")

    def board_is_final(self) -> bool:
        return self.approval_path == ApprovalPath.BOARD_ONLY


class ReportQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ReportStatus.APPROVED, approved_revision__isnull=False)

    def of_groups(self, organ_ids):
        return self.filter(group_id__in=organ_ids)


class Report(LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    group = models.ForeignKey(
        Organ,
        verbose_name=_("working group or assembly"),
        on_delete=models.PROTECT,
        related_name="reports",
        limit_choices_to={"kind__in": [OrganKind.WORKING_GROUP, OrganKind.ASSEMBLY]},
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(
        _("summary"), help_text=_("A plain-language summary in a few sentences.")
    )
    problem = RichTextField(_("problem"), blank=True, features=REPORT_FEATURES)
    findings = RichTextField(_("findings"), blank=True, features=REPORT_FEATURES)
    recommendations = RichTextField(_("recommendations"), blank=True, features=REPORT_FEATURES)
    references = RichTextField(_("references"), blank=True, features=REPORT_FEATURES)
    topics = ParentalManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="reports"
    )
    attachments = ParentalManyToManyField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("attachments"),
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        editable=False,
    )
    status_changed_at = models.DateTimeField(_("status since"), auto_now_add=True)
    # Set once, by the first submission: from then on the reviewing organs see the report,
    # also after they returned it to its group (access.can_view_report).
    submitted_at = models.DateTimeField(
        _("first submitted for review"), null=True, blank=True, editable=False
    )
    approved_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("approved version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReportQuerySet.as_manager()

    panels = [
        FieldPanel("group"),
        FieldPanel("title"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("problem"),
                FieldPanel("findings"),
                FieldPanel("recommendations"),
                FieldPanel("references"),
            ],
            heading=_("Sections"),
        ),
        FieldPanel("topics"),
        FieldPanel("attachments"),
    ]
    # The chooser searches within access.visible_reports, which filters on these.
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("group_id"),
        index.FilterField("submitted_at"),
    ]

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-status_changed_at"]
        indexes = [models.Index(fields=["status", "group"])]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status == ReportStatus.DRAFT

    @property
    def reviewing_organ_kind(self) -> str | None:
        return REVIEWING_ORGAN.get(self.status)

    def approved_version(self):
        """The approved text as it was approved, never a later draft."""
        return self.approved_revision.as_object() if self.approved_revision_id else None


class ReportEvent(models.Model):
    """One line of the report's timeline: every transition and every saved version."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=ReportAction.choices)
    from_status = models.CharField(
        _("from"), max_length=20, choices=ReportStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=ReportStatus.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    note = models.TextField(_("note"), blank=True)
    decision = models.ForeignKey(
        "deliberation.Decision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.report}: {self.get_action_display()}"


class ReportComment(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("comment"))
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{display_name(self.author)}: {self.body[:40]}"
