"""Meetings of organs: attendance, agenda, minutes and numbered decisions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deliberation import rules

from .organs import Organ


class MeetingQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(starts_at__lt=timezone.now()).order_by("-starts_at")


class Meeting(models.Model):
    organ = models.ForeignKey(
        Organ, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=250)
    minutes = models.TextField(_("minutes (tutanak)"), blank=True)
    minutes_attachments = models.ManyToManyField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("minutes attachments"),
        blank=True,
        related_name="+",
    )
    minutes_published_at = models.DateTimeField(_("minutes published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["organ", "starts_at"])]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.organ} – {local:%d.%m.%Y %H.%M}"

    @property
    def minutes_published(self) -> bool:
        return self.minutes_published_at is not None

    @property
    def meeting_date(self):
        return timezone.localdate(self.starts_at)

    def decisions_exist(self) -> bool:
        return Decision.objects.filter(agenda_item__meeting=self).exists()

    def member_count(self) -> int:
        return self.organ.member_count_on(self.meeting_date)

    def present_count(self) -> int:
        return self.attendances.filter(present=True).count()

    def quorum(self) -> dict:
        """Members, present and needed, as the meeting screen shows them."""
        members = self.member_count()
        present = self.present_count()
        return {
            "members": members,
            "present": present,
            "needed": rules.quorum_needed(members),
            "has_quorum": rules.has_quorum(members=members, present=present),
        }


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]

    def __str__(self):
        return f"{self.person} @ {self.meeting}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=300)
    report = models.ForeignKey(
        "deliberation.Report",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        return f"{self.position}. {self.title}"


class DecisionKind(models.TextChoices):
    """What an organ decided about an agenda item."""

    ADOPT = "adopt", _("Adopted by the group")
    OPINION = "opinion", _("Opinion given, forwarded to the next organ")
    APPROVE = "approve", _("Approved")
    RETURN = "return", _("Returned to the group for reconsideration")
    REJECT = "reject", _("Rejected")
    OTHER = "other", _("Other decision")


class Decision(models.Model):
    """A numbered decision (karar) of a quorate meeting, with its vote."""

    agenda_item = models.OneToOneField(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="decision"
    )
    organ = models.ForeignKey(
        Organ, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="decisions"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    decided_on = models.DateField(_("date"))
    kind = models.CharField(_("decision"), max_length=20, choices=DecisionKind.choices)
    text = models.TextField(_("text of the decision"), blank=True)
    members = models.PositiveIntegerField(_("full membership"))
    present = models.PositiveIntegerField(_("present"))
    yes = models.PositiveIntegerField(_("yes"))
    no = models.PositiveIntegerField(_("no"))
    abstain = models.PositiveIntegerField(_("abstain"))
    casting_vote_used = models.BooleanField(_("chair's casting vote used"), default=False)
    adopted = models.BooleanField(_("adopted"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organ", "year", "number"], name="decision_number_per_organ_year"
            ),
            models.CheckConstraint(
                condition=Q(yes__lte=models.F("present") - models.F("no") - models.F("abstain")),
                name="decision_votes_within_present",
            ),
        ]

    def __str__(self):
        return f"{self.organ} {self.reference}"

    @property
    def reference(self) -> str:
        """The decision number as written in minutes, e.g. 2026/14."""
        return f"{self.year}/{self.number}"

    @property
    def unanimous(self) -> bool:
        return self.adopted and self.yes == self.present


class VoteChoice(models.TextChoices):
    YES = "yes", _("Yes (kabul)")
    NO = "no", _("No (ret)")
    ABSTAIN = "abstain", _("Abstain (çekimser)")


class Vote(models.Model):
    """A member's vote, where the decision was recorded member by member."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("vote"), max_length=10, choices=VoteChoice.choices)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["decision", "person"], name="one_vote_per_person")
        ]

    def __str__(self):
        return f"{self.person}: {self.get_choice_display()}"
