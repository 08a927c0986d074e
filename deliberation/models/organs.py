"""The council's organs, who belongs to them and requests to join a working group."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from deliberation.people import display_name


class OrganKind(models.TextChoices):
    GENERAL_ASSEMBLY = "general_assembly", _("General Assembly (Genel Kurul)")
    EXECUTIVE_BOARD = "executive_board", _("Executive Board (Yürütme Kurulu)")
    ASSEMBLY = "assembly", _("Assembly (meclis)")
    WORKING_GROUP = "working_group", _("Working group (çalışma grubu)")


# Kinds whose members write reports.
AUTHORING_KINDS = (OrganKind.ASSEMBLY, OrganKind.WORKING_GROUP)


class OrganQuerySet(models.QuerySet):
    def working_groups(self):
        return self.filter(kind=OrganKind.WORKING_GROUP)

    def authoring(self):
        return self.filter(kind__in=AUTHORING_KINDS)


class Organ(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=False)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganKind.choices)
    purpose = models.TextField(_("purpose"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    accepts_join_requests = models.BooleanField(
        _("accepts join requests"),
        default=True,
        help_text=_("Anyone may ask to join a working group; council membership is not required."),
    )

    objects = OrganQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("organ")
        verbose_name_plural = _("organs")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name

    @property
    def is_working_group(self) -> bool:
        return self.kind == OrganKind.WORKING_GROUP

    @property
    def writes_reports(self) -> bool:
        return self.kind in AUTHORING_KINDS

    def memberships_on(self, day: date | None = None):
        return self.memberships.active_on(day or timezone.localdate())

    def member_count_on(self, day: date | None = None) -> int:
        """Full membership (üye tam sayısı) on a day."""
        return self.memberships_on(day).values("person").distinct().count()


class Role(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY_CHAIR = "deputy_chair", _("Deputy chair")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    MEMBER = "member", _("Member")


LEADING_ROLES = (Role.CHAIR, Role.DEPUTY_CHAIR)


class MembershipQuerySet(models.QuerySet):
    def active_on(self, day: date):
        return self.filter(Q(starts_on__lte=day), Q(ends_on__isnull=True) | Q(ends_on__gte=day))

    def current(self):
        return self.active_on(timezone.localdate())

    def public(self):
        return self.filter(show_publicly=True)


class Membership(models.Model):
    organ = models.ForeignKey(
        Organ, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    represents = models.CharField(
        _("organisation represented"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty when the person takes part as an individual."),
    )
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    show_publicly = models.BooleanField(
        _("name may be shown publicly"),
        default=False,
        help_text=_("Only with the person's consent (KVKK). E-mail addresses are never shown."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organ", "role", "person__first_name", "person__last_name"]
        indexes = [models.Index(fields=["organ", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.person_name} – {self.organ} ({self.get_role_display()})"

    @property
    def person_name(self) -> str:
        return self.person.get_full_name() or self.person.get_username()


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class JoinRequest(models.Model):
    organ = models.ForeignKey(
        Organ,
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.TextField(_("message"), blank=True)
    represents = models.CharField(_("organisation represented"), max_length=250, blank=True)
    show_publicly = models.BooleanField(_("name may be shown publicly"), default=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organ", "person"],
                condition=Q(status="pending"),
                name="one_pending_join_request_per_person",
            )
        ]

    def __str__(self):
        return f"{display_name(self.person)} → {self.organ}"
