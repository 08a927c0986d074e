"""The demo council: settings, topics, people, organs, memberships and join requests."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from cms.demo import DEMO_DOMAIN, at
from deliberation import services
from deliberation.access import SECRETARIAT_GROUP
from deliberation.models import (
    DeliberationSettings,
    JoinRequest,
    Membership,
    Organ,
    Report,
    Topic,
)
from deliberation.signals import MEMBERS_GROUP
from shared.text import fold

from .clock import dated
from .organs import (
    APPLICANT,
    APPLICANT_REPRESENTS,
    CITY_RIGHTS_GROUP,
    JOINER,
    JOINER_REPRESENTS,
    LOGINS,
    ORGANS,
    TOPICS,
    OrganSpec,
)
from .reports import PUBLIC_SPACE_V3


@dataclass
class DemoCouncil:
    """What the deliberation demo made or found, for the pages and the motions demo."""

    organs: dict[str, Organ] = field(default_factory=dict)  # by slug, in ORGANS order
    page_intros: dict[str, str] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    people: dict[str, object] = field(default_factory=dict)  # by Seat.name
    reports: dict[str, Report] = field(default_factory=dict)  # by title
    secretariat: object = None
    logins: list[tuple[dict, bool]] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)

    @property
    def approved_report(self) -> Report:
        return self.reports[PUBLIC_SPACE_V3.title]

    def person(self, name: str):
        """A demo person by full name, or a demo login by user name."""
        return self.people[name]

    def organ(self, spec: OrganSpec) -> Organ:
        return self.organs[spec.slug]

    def topic_list(self, *names: str) -> list[Topic]:
        return [self.topics[name] for name in names]


def username_for(name: str) -> str:
    """The user name of a demo person: "Gülay Öztürk" → "gulay.ozturk"."""
    return ".".join(slugify(fold(part)) for part in name.split())


class CouncilBuilder:
    """Creates the council's records that are missing; finds the others."""

    def __init__(self, council: DemoCouncil):
        self.council = council
        self.created = council.created

    def run(self) -> None:
        self.ensure_settings()
        self.ensure_topics()
        self.ensure_people()
        self.ensure_organs()
        self.ensure_memberships()
        self.ensure_join_requests()

    # --- Settings, topics, people -----------------------------------------------------

    def ensure_settings(self) -> None:
        config = DeliberationSettings.load()
        if not config.secretariat_email:
            config.secretariat_email = f"sekreterya@{DEMO_DOMAIN}"
            config.save(update_fields=["secretariat_email"])
            self.created["ayar"] += 1

    def ensure_topics(self) -> None:
        for name in TOPICS:
            topic = Topic.objects.filter(name=name).first()
            if topic is None:
                topic = Topic.objects.create(name=name, slug=slugify(fold(name)))
                self.created["konu"] += 1
            self.council.topics[name] = topic

    def ensure_people(self) -> None:
        user_model = get_user_model()
        names = {seat.name for spec in ORGANS for seat in spec.seats}
        names |= {JOINER, APPLICANT}
        names -= {login["username"] for login in LOGINS}
        usernames = {name: username_for(name) for name in sorted(names)}
        existing = {
            user.username: user
            for user in user_model.objects.filter(username__in=usernames.values())
        }
        missing = []
        for name, username in usernames.items():
            if username in existing:
                self.council.people[name] = existing[username]
                continue
            first, last = name.rsplit(" ", 1)
            person = user_model(
                username=username,
                email=f"{username}@{DEMO_DOMAIN}",
                first_name=first,
                last_name=last,
            )
            person.set_unusable_password()
            missing.append((name, person))
        # People are plain user accounts: nothing else happens when one is made.
        user_model.objects.bulk_create([person for _name, person in missing])
        created = {
            user.username: user
            for user in user_model.objects.filter(
                username__in=[person.username for _name, person in missing]
            )
        }
        for name, person in missing:
            self.council.people[name] = created[person.username]
        if missing:
            self.created["kişi"] += len(missing)
        self.ensure_logins()

    def ensure_logins(self) -> None:
        user_model = get_user_model()
        secretariat_group, _created = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
        for spec in LOGINS:
            user = user_model.objects.filter(username=spec["username"]).first()
            if user is None:
                user = user_model.objects.create_user(
                    spec["username"],
                    email=f"{spec['username']}@{DEMO_DOMAIN}",
                    password=spec["password"],
                    first_name=spec["first_name"],
                    last_name=spec["last_name"],
                )
                self.created["kullanıcı"] += 1
            if spec["username"] == "sekreterya":
                if not user.groups.filter(pk=secretariat_group.pk).exists():
                    user.groups.add(secretariat_group)
                self.council.secretariat = user
            self.council.people[spec["username"]] = user
            self.council.logins.append((spec, user.check_password(spec["password"])))

    # --- Organs and memberships -------------------------------------------------------

    def ensure_organs(self) -> None:
        for spec in ORGANS:
            organ = Organ.objects.filter(slug=spec.slug).first()
            if organ is None:
                organ = Organ.objects.create(
                    slug=spec.slug,
                    name=spec.name,
                    kind=spec.kind,
                    purpose=spec.purpose,
                    accepts_join_requests=spec.open_to_all,
                )
                self.created["organ"] += 1
            self.council.organs[spec.slug] = organ
            self.council.page_intros[spec.slug] = spec.intro

    def ensure_memberships(self) -> None:
        """Every seat of every organ; the rows of the large organs in one go."""
        held = set(Membership.objects.values_list("organ_id", "person_id"))
        new = []
        for spec in ORGANS:
            organ = self.council.organ(spec)
            for seat in spec.seats:
                person = self.council.person(seat.name)
                if (organ.pk, person.pk) in held:
                    continue
                held.add((organ.pk, person.pk))
                new.append(
                    Membership(
                        organ=organ,
                        person=person,
                        role=seat.role,
                        represents=seat.represents,
                        starts_on=spec.starts_on,
                        show_publicly=seat.public,
                    )
                )
        Membership.objects.bulk_create(new)
        if new:
            self.created["üyelik"] += len(new)
        # bulk_create sends no signals: give the new members their admin access here.
        members_group = Group.objects.filter(name=MEMBERS_GROUP).first()
        if new and members_group is not None:
            members_group.user_set.add(*{membership.person_id for membership in new})

    def ensure_join_requests(self) -> None:
        """One person joined the city-rights group from its page; another one waits."""
        group = self.council.organ(CITY_RIGHTS_GROUP)
        chair = self.council.person("baskan")
        joiner = self.council.person(JOINER)
        if not JoinRequest.objects.filter(organ=group, person=joiner).exists():
            with dated(at(date(2026, 5, 5), 21, 40)):
                request = services.join_request_create(
                    person=joiner,
                    organ_id=group.pk,
                    message=(
                        "Gönüllü olarak mahalle parklarında gözlem çalışmalarına katıldım; "
                        "grubun kamusal alan çalışmalarına katkı vermek isterim."
                    ),
                    represents=JOINER_REPRESENTS,
                    show_publicly=True,
                )
            with dated(at(date(2026, 5, 12), 10, 15)) as moment:
                services.join_request_decide(actor=chair, request_id=request.pk, accept=True)
            JoinRequest.objects.filter(pk=request.pk).update(decided_at=moment)
            Membership.objects.filter(organ=group, person=joiner).update(
                starts_on=timezone.localdate(moment)
            )
            self.created["katılım isteği"] += 1
        applicant = self.council.person(APPLICANT)
        if not JoinRequest.objects.filter(organ=group, person=applicant).exists():
            with dated(at(date(2026, 11, 14), 18, 5)):
                services.join_request_create(
                    person=applicant,
                    organ_id=group.pk,
                    message=(
                        "Sokakta yaşayanların kamusal alanlara erişimi üzerine çalışıyoruz; "
                        "kent hakkı raporlarına saha deneyimimizle katkı sunmak isteriz."
                    ),
                    represents=APPLICANT_REPRESENTS,
                )
            self.created["katılım isteği"] += 1
