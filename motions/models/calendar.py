"""The municipal assembly's calendar: its rule, its meetings and the public holidays."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from motions.deadlines import AssemblyRule


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    is_metropolitan = models.BooleanField(
        _("metropolitan municipality"),
        default=False,
        help_text=_("Metropolitan assemblies meet in the second week of the month (Law 5216)."),
    )
    regular_weekday = models.PositiveSmallIntegerField(
        _("regular meeting day"),
        choices=Weekday.choices,
        default=Weekday.MONDAY,
        help_text=_("The weekday the assembly fixed for its regular monthly meeting (art. 20)."),
    )
    recess_month = models.PositiveSmallIntegerField(
        _("recess month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("The month without a regular meeting (1–12), if the assembly takes one."),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def rule(self) -> AssemblyRule:
        return AssemblyRule(
            metropolitan=self.is_metropolitan,
            weekday=self.regular_weekday,
            recess_month=self.recess_month,
        )


class AssemblyMeetingKind(models.TextChoices):
    REGULAR = "regular", _("Regular")
    EXTRAORDINARY = "extraordinary", _("Extraordinary")
    BUDGET = "budget", _("Budget")


# An extraordinary meeting discusses only the items it was called for (art. 20).
AGENDA_KINDS = (AssemblyMeetingKind.REGULAR, AssemblyMeetingKind.BUDGET)


class AssemblyMeeting(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    date = models.DateField(_("date"))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=AssemblyMeetingKind.choices,
        default=AssemblyMeetingKind.REGULAR,
    )
    note = models.CharField(_("note"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("assembly meeting")
        verbose_name_plural = _("assembly meetings")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "date", "kind"], name="one_meeting_per_day_kind"
            )
        ]

    def __str__(self):
        return f"{self.municipality} – {self.date:%d.%m.%Y} ({self.get_kind_display()})"


class PublicHoliday(models.Model):
    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.name}"
