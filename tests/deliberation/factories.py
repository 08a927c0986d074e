"""factory_boy factories for deliberation: people, organs, memberships, meetings, reports.

Reports are made through ``services.report_create`` and their state traits walk the real
path (the chair adopts and submits, a quorate Executive Board meeting gives its opinion,
the General Assembly approves), so a factory-made approved report has the same timeline,
revisions and approval record as one made in the back office.
"""

import datetime
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from deliberation import rules, services
from deliberation.access import SECRETARIAT_GROUP
from deliberation.models import (
    AgendaItem,
    DecisionKind,
    DeliberationSettings,
    JoinRequest,
    Meeting,
    Membership,
    Organ,
    OrganKind,
    Report,
    ReportAction,
    ReportStatus,
    Role,
)
from deliberation.models.organs import LEADING_ROLES

ISTANBUL = ZoneInfo("Europe/Istanbul")
# Memberships made here start before every meeting made here.
MEMBERSHIP_START = datetime.date(2025, 1, 1)
# Meetings are in the past (minutes can be published) and number decisions 2026/….
MEETING_AT = datetime.datetime(2026, 3, 10, 18, 0, tzinfo=ISTANBUL)

FIRST_NAMES = ["Ayşe", "Mehmet", "Zeynep", "İbrahim", "Elif", "Mustafa", "Şule", "Emre", "Gül"]
LAST_NAMES = ["Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Yıldız", "Öztürk", "Aydın", "Doğan"]


def istanbul(year: int, month: int, day: int, hour: int = 18) -> datetime.datetime:
    """An aware datetime on the council's clock."""
    return datetime.datetime(year, month, day, hour, 0, tzinfo=ISTANBUL)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"kisi{n}")
    email = factory.LazyAttribute(lambda obj: f"{obj.username}@example.org")
    first_name = factory.Iterator(FIRST_NAMES)
    last_name = factory.Iterator(LAST_NAMES)
    password = factory.django.Password("parola-1234")
    # Names of Django auth groups to put the user in, e.g. ["Sekreterya"].
    group_names = ()

    class Params:
        secretariat = factory.Trait(group_names=(SECRETARIAT_GROUP,))
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    @classmethod
    def _create(cls, model_class, *args, group_names=(), **kwargs):
        user = super()._create(model_class, *args, **kwargs)
        if group_names:
            user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in group_names))
        return user


class OrganFactory(factory.django.DjangoModelFactory):
    """A working group unless a kind trait says otherwise; ``members=n`` adds n members."""

    class Meta:
        model = Organ
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Kent ve Kentli Hakkı Çalışma Grubu {n}")
    slug = factory.Sequence(lambda n: f"organ-{n}")
    kind = OrganKind.WORKING_GROUP
    purpose = "Kentte yaşayanların haklarını ve kentsel sorunları görüşür."

    class Params:
        working_group = factory.Trait(kind=OrganKind.WORKING_GROUP)
        assembly = factory.Trait(
            kind=OrganKind.ASSEMBLY, name=factory.Sequence(lambda n: f"Gençlik Meclisi {n}")
        )
        executive_board = factory.Trait(
            kind=OrganKind.EXECUTIVE_BOARD, name=factory.Sequence(lambda n: f"Yürütme Kurulu {n}")
        )
        general_assembly = factory.Trait(
            kind=OrganKind.GENERAL_ASSEMBLY, name=factory.Sequence(lambda n: f"Genel Kurul {n}")
        )

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            MembershipFactory.create_batch(extracted, organ=obj)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organ = factory.SubFactory(OrganFactory)
    person = factory.SubFactory(UserFactory)
    role = Role.MEMBER
    starts_on = MEMBERSHIP_START

    class Params:
        chair = factory.Trait(role=Role.CHAIR)
        deputy_chair = factory.Trait(role=Role.DEPUTY_CHAIR)
        rapporteur = factory.Trait(role=Role.RAPPORTEUR)


class MeetingFactory(factory.django.DjangoModelFactory):
    """A past meeting of the Executive Board unless told otherwise."""

    class Meta:
        model = Meeting

    organ = factory.SubFactory(OrganFactory, executive_board=True)
    starts_at = MEETING_AT
    place = "Kent Konseyi Toplantı Salonu, Konak"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(
        lambda obj: obj.report.title if obj.report else "Dilek ve öneriler"
    )
    report = None


class JoinRequestFactory(factory.django.DjangoModelFactory):
    """A pending request to join a working group, made through the service."""

    class Meta:
        model = JoinRequest

    organ = factory.SubFactory(OrganFactory)
    person = factory.SubFactory(UserFactory)
    message = "Mahallemizdeki erişilebilirlik sorunları üzerine çalışmak istiyorum."
    represents = ""
    show_publicly = False

    @classmethod
    def _create(cls, model_class, *args, organ, person, **kwargs):
        return services.join_request_create(person=person, organ_id=organ.pk, **kwargs)


def secretariat_user():
    """The secretariat's clerk: the first active user in the "Sekreterya" group, made once."""
    existing = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=SECRETARIAT_GROUP)
        .order_by("pk")
        .first()
    )
    return existing or UserFactory(secretariat=True, username="sekreterya")


def group_leader(organ: Organ):
    """The organ's current chair (or deputy), made if it has none."""
    membership = Membership.objects.current().filter(
        organ=organ, role__in=LEADING_ROLES
    ).first() or MembershipFactory(organ=organ, chair=True)
    return membership.person


def reviewing_organ(kind: str) -> Organ:
    """The council's Executive Board or General Assembly, with seven members, made once."""
    return Organ.objects.filter(kind=kind).order_by("pk").first() or OrganFactory(
        kind=kind, name=str(OrganKind(kind).label), members=7
    )


def set_config(**values) -> DeliberationSettings:
    """Change the council's directive settings (approval path, casting vote, …)."""
    config = DeliberationSettings.load()
    for name, value in values.items():
        setattr(config, name, value)
    config.save()
    return config


def quorate_meeting(
    organ: Organ | None = None,
    *,
    members: int | None = None,
    present: int | None = None,
    starts_at: datetime.datetime = MEETING_AT,
    **kwargs,
) -> Meeting:
    """A meeting with ``members`` members on its date and ``present`` of them attending.

    Attendance goes through ``meeting_record_attendance``. ``members`` defaults to the
    organ's membership (seven are made for an organ without members) and ``present`` to
    just the quorum, so pass a smaller ``present`` for a meeting without one.
    """
    organ = organ or OrganFactory(executive_board=True)
    day = starts_at.astimezone(ISTANBUL).date()
    person_ids = list(
        organ.memberships_on(day).order_by("pk").values_list("person_id", flat=True).distinct()
    )
    if members is None:
        members = len(person_ids) or 7
    if len(person_ids) > members:
        raise ValueError(f"{organ} already has {len(person_ids)} members, more than {members}")
    for membership in MembershipFactory.create_batch(members - len(person_ids), organ=organ):
        person_ids.append(membership.person_id)
    if present is None:
        present = rules.quorum_needed(members)
    meeting = MeetingFactory(organ=organ, starts_at=starts_at, **kwargs)
    services.meeting_record_attendance(
        actor=secretariat_user(), meeting_id=meeting.pk, present_ids=person_ids[:present]
    )
    return meeting


def present_ids(meeting: Meeting) -> list[int]:
    return list(
        meeting.attendances.filter(present=True)
        .order_by("person_id")
        .values_list("person_id", flat=True)
    )


def decide(
    report: Report | None,
    *,
    organ: Organ,
    kind: str,
    text: str = "",
    yes: int | None = None,
    no: int = 0,
    abstain: int = 0,
    meeting: Meeting | None = None,
    actor=None,
    **kwargs,
):
    """Put the report on a quorate meeting's agenda and record the organ's decision.

    By default everyone present votes yes.
    """
    meeting = meeting or quorate_meeting(organ)
    item = AgendaItemFactory(meeting=meeting, report=report)
    if yes is None and "votes" not in kwargs:
        yes = meeting.present_count() - no - abstain
    return services.decision_record(
        actor=actor or secretariat_user(),
        agenda_item_id=item.pk,
        kind=kind,
        yes=yes or 0,
        no=no,
        abstain=abstain,
        text=text,
        **kwargs,
    )


def board() -> Organ:
    return reviewing_organ(OrganKind.EXECUTIVE_BOARD)


def general_assembly() -> Organ:
    return reviewing_organ(OrganKind.GENERAL_ASSEMBLY)


def advance_report(report: Report, state: str) -> Report:
    """Walk a fresh draft along the real path to ``state``, as the group and organs do."""
    state = ReportStatus(state)
    if state == ReportStatus.DRAFT:
        return report
    chair = group_leader(report.group)

    def group_move(action):
        services.report_transition(actor=chair, report_id=report.pk, action=action)

    if state == ReportStatus.WITHDRAWN:
        group_move(ReportAction.WITHDRAW)
        report.refresh_from_db()
        return report
    group_move(ReportAction.ADOPT)
    if state != ReportStatus.GROUP_ADOPTED:
        group_move(ReportAction.SUBMIT)
    board_only = DeliberationSettings.load().board_is_final()
    if state == ReportStatus.REJECTED:
        decide(
            report, organ=board(), kind=DecisionKind.REJECT, text="Konseyin görev alanı dışında."
        )
    if state == ReportStatus.ASSEMBLY_REVIEW or (state == ReportStatus.APPROVED and not board_only):
        decide(report, organ=board(), kind=DecisionKind.OPINION, text="Olumlu görüş verildi.")
    if state == ReportStatus.APPROVED:
        decide(
            report,
            organ=board() if board_only else general_assembly(),
            kind=DecisionKind.APPROVE,
            text="Rapor aynen kabul edildi.",
        )
    report.refresh_from_db()
    if report.status != state:
        raise AssertionError(f"walked to {report.status}, not {state}")
    return report


class ReportFactory(factory.django.DjangoModelFactory):
    """A report made by its group's chair through ``report_create``.

    State traits walk the real path: ``ReportFactory(approved=True)``.
    """

    class Meta:
        model = Report
        skip_postgeneration_save = True

    group = factory.SubFactory(OrganFactory)
    title = factory.Sequence(lambda n: f"Kentsel dönüşümde hak kayıpları {n}")
    summary = "Kentsel dönüşüm alanlarında kiracıların ve esnafın yaşadığı hak kayıpları."
    problem = "<p>Kiracılar süreç hakkında bilgilendirilmiyor.</p>"
    findings = "<p>Üç mahallede yapılan görüşmelerin bulguları.</p>"
    recommendations = "<p>Her dönüşüm alanında bir danışma masası kurulmalı.</p>"
    references = "<p>5393 sayılı Belediye Kanunu, md. 76.</p>"
    author = None
    state = ReportStatus.DRAFT

    class Params:
        adopted = factory.Trait(state=ReportStatus.GROUP_ADOPTED)
        in_board_review = factory.Trait(state=ReportStatus.BOARD_REVIEW)
        in_assembly_review = factory.Trait(state=ReportStatus.ASSEMBLY_REVIEW)
        approved = factory.Trait(state=ReportStatus.APPROVED)
        rejected = factory.Trait(state=ReportStatus.REJECTED)
        withdrawn = factory.Trait(state=ReportStatus.WITHDRAWN)

    @classmethod
    def _create(cls, model_class, *args, group, author=None, state=ReportStatus.DRAFT, **kwargs):
        report = services.report_create(actor=author or group_leader(group), group=group, **kwargs)
        return advance_report(report, state)


def edit_report(report: Report, *, actor, base_revision_id: int | None = None, **changes):
    """Save changes to a report as an editor would: from the version they loaded."""
    edited = Report.objects.get(pk=report.pk)
    base = edited.latest_revision_id if base_revision_id is None else base_revision_id
    for name, value in changes.items():
        setattr(edited, name, value)
    return services.report_save(actor=actor, report=edited, base_revision_id=base)
