"""The demo reports' stories, told through the services, dated as the story says.

An approved report (drafted, revised, adopted, submitted; the Executive Board's opinion
and the General Assembly's approval at quorate meetings, with their minutes), a report
the board returned with its reasons, a draft, and one waiting for the board's next meeting.
Each story runs only when its report does not exist yet.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone
from wagtail.log_actions import log

from cms.demo import at
from deliberation import services
from deliberation.models import (
    AgendaItem,
    Decision,
    DecisionKind,
    Meeting,
    Organ,
    Report,
    ReportAction,
    VoteChoice,
)

from .clock import dated
from .council import DemoCouncil
from .organs import (
    ACCESSIBILITY_GROUP,
    CITY_RIGHTS_GROUP,
    COUNCIL_HALL,
    CULTURE_CENTRE,
    EXECUTIVE_BOARD,
    GENERAL_ASSEMBLY,
    WOMEN_ASSEMBLY,
    OrganSpec,
)
from .reports import (
    ACCESSIBILITY_V1,
    ACCESSIBILITY_V2,
    ACCESSIBILITY_V3,
    ASSEMBLY_APPROVAL,
    BOARD_OPINION,
    BOARD_RETURN,
    PUBLIC_SPACE_V1,
    PUBLIC_SPACE_V2,
    PUBLIC_SPACE_V3,
    RENEWAL_V1,
    RENEWAL_V2,
    SAFE_CITY_V1,
    SAFE_CITY_V2,
    Draft,
    assembly_minutes,
    board_minutes,
)


class ReportStories:
    def __init__(self, council: DemoCouncil, *, today: date):
        self.council = council
        self.today = today
        self.created = council.created
        self.person = council.person
        self.organ = council.organ
        self.topics = council.topic_list

    def run(self) -> None:
        self.ensure_spring_reports()
        self.ensure_renewal_draft()
        self.ensure_safe_city_report()

    # --- Report helpers ---------------------------------------------------------------

    def write(self, *, author, group: Organ, draft: Draft, topics, when: datetime) -> Report:
        with dated(when):
            report = services.report_create(
                actor=author,
                group=group,
                title=draft.title,
                summary=draft.summary,
                problem=draft.problem,
                findings=draft.findings,
                recommendations=draft.recommendations,
                references=draft.references,
                topics=topics,
            )
        self.created["rapor"] += 1
        self.created["rapor sürümü"] += 1
        return report

    def revise(self, report: Report, *, author, draft: Draft, when: datetime) -> Report:
        edited = Report.objects.get(pk=report.pk)
        base = edited.latest_revision_id
        for name, value in draft.__dict__.items():
            setattr(edited, name, value)
        with dated(when):
            report = services.report_save(actor=author, report=edited, base_revision_id=base)
        self.created["rapor sürümü"] += 1
        return report

    def comment(self, report: Report, *, author, body: str, when: datetime) -> None:
        with dated(when):
            services.report_comment_add(actor=author, report_id=report.pk, body=body)
        self.created["yorum"] += 1

    def move(self, report: Report, *, actor, action: str, when: datetime, note: str = ""):
        with dated(when):
            return services.report_transition(
                actor=actor, report_id=report.pk, action=action, note=note
            )

    def settle(self, report: Report) -> Report:
        """The report's own times: created with its first event, status since its last move."""
        events = list(report.events.order_by("at", "pk").values_list("at", "to_status"))
        status_since = events[0][0]
        previous = None
        for moment, status in events:
            if status != previous:
                status_since, previous = moment, status
        Report.objects.filter(pk=report.pk).update(
            created_at=events[0][0], status_changed_at=status_since
        )
        report.refresh_from_db()
        self.council.reports[report.title] = report
        return report

    def existing_report(self, spec: OrganSpec, title: str) -> Report | None:
        report = Report.objects.filter(group=self.organ(spec), title=title).first()
        if report is not None:
            self.council.reports[title] = report
        return report

    # --- Meetings ---------------------------------------------------------------------

    def open_meeting(self, organ: Organ, *, starts_at: datetime, place: str, items, when):
        """The secretariat creates a meeting with its agenda, as in the admin form."""
        with dated(when):
            meeting = Meeting.objects.create(organ=organ, starts_at=starts_at, place=place)
            for position, (title, report) in enumerate(items, start=1):
                AgendaItem.objects.create(
                    meeting=meeting, position=position, title=title, report=report
                )
            log(instance=meeting, action="wagtail.create", user=self.council.secretariat)
        self.created["toplantı"] += 1
        return meeting

    def take_attendance(self, meeting: Meeting, present: list, when: datetime) -> None:
        with dated(when):
            services.meeting_record_attendance(
                actor=self.council.secretariat,
                meeting_id=meeting.pk,
                present_ids=[person.pk for person in present],
            )

    def decide(self, item: AgendaItem, *, kind: str, when: datetime, **fields) -> Decision:
        """Record a decision with its votes (totals, or ``votes`` member by member)."""
        with dated(when):
            decision = services.decision_record(
                actor=self.council.secretariat, agenda_item_id=item.pk, kind=kind, **fields
            )
        self.created["karar"] += 1
        return decision

    def publish_minutes(self, meeting: Meeting, *, text: str, written: datetime, published):
        secretariat = self.council.secretariat
        with dated(written):
            meeting.minutes = text
            meeting.save(update_fields=["minutes"])
            log(instance=meeting, action="wagtail.edit", user=secretariat)
        with dated(published) as moment:
            services.meeting_publish_minutes(actor=secretariat, meeting_id=meeting.pk)
        Meeting.objects.filter(pk=meeting.pk).update(minutes_published_at=moment)

    # --- The stories ------------------------------------------------------------------

    def ensure_spring_reports(self) -> None:
        """The approved report and the returned one, with the meetings that decided them."""
        if self.existing_report(CITY_RIGHTS_GROUP, PUBLIC_SPACE_V3.title):
            self.existing_report(ACCESSIBILITY_GROUP, ACCESSIBILITY_V3.title)
            return
        city_rights, access = self.organ(CITY_RIGHTS_GROUP), self.organ(ACCESSIBILITY_GROUP)
        member, chair = self.person("uye"), self.person("baskan")
        rapporteur = self.person("Gülay Öztürk")
        access_chair, access_rapporteur = self.person("Sevgi Erdoğan"), self.person("Canan Özdemir")

        public_space = self.write(
            author=member,
            group=city_rights,
            draft=PUBLIC_SPACE_V1,
            topics=self.topics("Kent Hakkı", "Yeşil Alan", "Erişilebilirlik"),
            when=at(date(2026, 1, 20), 20, 15),
        )
        self.revise(
            public_space, author=member, draft=PUBLIC_SPACE_V2, when=at(date(2026, 1, 27), 21)
        )
        self.comment(
            public_space,
            author=chair,
            body=(
                "Bulgular güçlü. Anketteki aydınlatma sorusunun sonucunu öneriler bölümünde de "
                "kullanalım; kıyıya ulaşımla ilgili bir bulgu eklemeyi öneriyorum."
            ),
            when=at(date(2026, 2, 2), 19, 30),
        )
        self.comment(
            public_space,
            author=rapporteur,
            body=(
                "Kaynakça için Kent Hakkı Dünya Şartı’nı ve Mekânsal Planlar Yapım "
                "Yönetmeliği’ndeki donatı standartlarını öneriyorum."
            ),
            when=at(date(2026, 2, 3), 9, 10),
        )
        self.revise(
            public_space, author=member, draft=PUBLIC_SPACE_V3, when=at(date(2026, 2, 5), 22, 10)
        )
        self.move(
            public_space,
            actor=chair,
            action=ReportAction.ADOPT,
            when=at(date(2026, 2, 10), 20, 30),
            note="Çalışma grubunun 10 Şubat 2026 toplantısında oybirliğiyle kabul edildi.",
        )
        self.move(
            public_space,
            actor=chair,
            action=ReportAction.SUBMIT,
            when=at(date(2026, 2, 11), 10),
            note="Yürütme Kurulunun Mart toplantısında görüşülmesi rica olunur.",
        )

        accessibility = self.write(
            author=access_rapporteur,
            group=access,
            draft=ACCESSIBILITY_V1,
            topics=self.topics("Erişilebilirlik", "Ulaşım"),
            when=at(date(2026, 1, 14), 19),
        )
        self.revise(
            accessibility,
            author=self.person("Emre Koç"),
            draft=ACCESSIBILITY_V2,
            when=at(date(2026, 2, 3), 18, 45),
        )
        self.move(
            accessibility,
            actor=access_chair,
            action=ReportAction.ADOPT,
            when=at(date(2026, 2, 16), 20),
            note="Grup toplantısında 5 kabul, 1 çekimser oyla kabul edildi.",
        )
        self.move(
            accessibility,
            actor=access_chair,
            action=ReportAction.SUBMIT,
            when=at(date(2026, 2, 17), 9, 30),
        )

        self.board_meeting(public_space, accessibility)
        self.assembly_meeting(public_space)

        # Back in draft, the group answers the board's reasons in a new version.
        self.comment(
            accessibility,
            author=access_chair,
            body=(
                "Kurulun iade gerekçelerini konuştuk: durak sayımını gönüllülerle yerinde "
                "yapacağız; her öneriye sorumlu müdürlüğü ve tahmini maliyeti ekleyelim."
            ),
            when=at(date(2026, 3, 16), 19),
        )
        self.revise(
            accessibility,
            author=access_rapporteur,
            draft=ACCESSIBILITY_V3,
            when=at(date(2026, 4, 7), 21),
        )
        self.settle(public_space)
        self.settle(accessibility)

    def board_meeting(self, public_space: Report, accessibility: Report) -> None:
        board = self.organ(EXECUTIVE_BOARD)
        day = date(2026, 3, 12)
        meeting = self.open_meeting(
            board,
            starts_at=at(day, 18),
            place=COUNCIL_HALL,
            items=[
                (public_space.title, public_space),
                (accessibility.title, accessibility),
                ("Kent konseyinin 2026 yılı etkinlik takvimi", None),
            ],
            when=at(date(2026, 3, 2), 9, 30),
        )
        members = [self.person(seat.name) for seat in EXECUTIVE_BOARD.seats]
        self.take_attendance(meeting, members, at(day, 18, 5))
        first, second, third = meeting.agenda_items.order_by("position")
        against, abstaining = self.person("Yusuf Karaca"), self.person("Melek Duman")
        votes = {
            person.pk: VoteChoice.NO
            if person == against
            else VoteChoice.ABSTAIN
            if person == abstaining
            else VoteChoice.YES
            for person in members
        }
        opinion = self.decide(
            first, kind=DecisionKind.OPINION, votes=votes, text=BOARD_OPINION, when=at(day, 18, 50)
        )
        returned = self.decide(
            second,
            kind=DecisionKind.RETURN,
            yes=6,
            no=2,
            abstain=1,
            text=BOARD_RETURN,
            when=at(day, 19, 35),
        )
        calendar = self.decide(
            third,
            kind=DecisionKind.OTHER,
            yes=9,
            text="Etkinlik takvimi oybirliğiyle kabul edildi.",
            when=at(day, 19, 55),
        )
        minutes = board_minutes(
            public_space=public_space,
            accessibility=accessibility,
            opinion=opinion,
            returned=returned,
            calendar=calendar,
        )
        self.publish_minutes(
            meeting,
            text=minutes,
            written=at(date(2026, 3, 16), 11),
            published=at(date(2026, 3, 19), 10),
        )

    def assembly_meeting(self, public_space: Report) -> None:
        assembly = self.organ(GENERAL_ASSEMBLY)
        day = date(2026, 4, 18)
        meeting = self.open_meeting(
            assembly,
            starts_at=at(day, 10, 30),
            place=CULTURE_CENTRE,
            items=[
                ("Yürütme Kurulunun 2025 yılı faaliyet raporu", None),
                (public_space.title, public_space),
                ("Dilek ve temenniler", None),
            ],
            when=at(date(2026, 3, 30), 14),
        )
        members = [self.person(seat.name) for seat in GENERAL_ASSEMBLY.seats]
        present = members[:30]
        self.take_attendance(meeting, present, at(day, 10, 40))
        activity, approval_item, _wishes = meeting.agenda_items.order_by("position")
        activity_decision = self.decide(
            activity,
            kind=DecisionKind.OTHER,
            yes=28,
            abstain=2,
            text="Faaliyet raporu kabul edildi.",
            when=at(day, 11, 20),
        )
        approval = self.decide(
            approval_item,
            kind=DecisionKind.APPROVE,
            yes=26,
            no=2,
            abstain=2,
            text=ASSEMBLY_APPROVAL,
            when=at(day, 12, 25),
        )
        minutes = assembly_minutes(
            public_space=public_space,
            members=len(members),
            present=len(present),
            activity=activity_decision,
            approval=approval,
        )
        self.publish_minutes(
            meeting,
            text=minutes,
            written=at(date(2026, 4, 22), 16),
            published=at(date(2026, 4, 24), 10),
        )

    def ensure_renewal_draft(self) -> None:
        """A draft the city-rights group is still writing."""
        if self.existing_report(CITY_RIGHTS_GROUP, RENEWAL_V2.title):
            return
        group = self.organ(CITY_RIGHTS_GROUP)
        report = self.write(
            author=self.person("Gülay Öztürk"),
            group=group,
            draft=RENEWAL_V1,
            topics=self.topics("Kent Hakkı"),
            when=at(date(2026, 10, 20), 20),
        )
        self.revise(
            report, author=self.person("uye"), draft=RENEWAL_V2, when=at(date(2026, 11, 3), 21, 30)
        )
        self.comment(
            report,
            author=self.person("baskan"),
            body=(
                "Kiracılara ilişkin bölüm için İzmir Barosundan görüş isteyelim; Serkan Bey "
                "koordine edebilir mi?"
            ),
            when=at(date(2026, 11, 5), 18, 20),
        )
        self.settle(report)

    def ensure_safe_city_report(self) -> None:
        """A report of the women's assembly waiting for the board's next meeting."""
        board = self.organ(EXECUTIVE_BOARD)
        report = self.existing_report(WOMEN_ASSEMBLY, SAFE_CITY_V2.title)
        if report is None:
            assembly = self.organ(WOMEN_ASSEMBLY)
            chair = self.person("Hülya Tekin")
            report = self.write(
                author=self.person("Burcu Özkan"),
                group=assembly,
                draft=SAFE_CITY_V1,
                topics=self.topics("Kadın", "Kent Hakkı"),
                when=at(date(2026, 9, 8), 20),
            )
            self.revise(
                report,
                author=self.person("Sema Güler"),
                draft=SAFE_CITY_V2,
                when=at(date(2026, 9, 22), 19),
            )
            self.move(
                report, actor=chair, action=ReportAction.ADOPT, when=at(date(2026, 10, 6), 19)
            )
            self.move(
                report, actor=chair, action=ReportAction.SUBMIT, when=at(date(2026, 10, 7), 10)
            )
            report = self.settle(report)
        if not AgendaItem.objects.filter(report=report, meeting__organ=board).exists():
            self.open_meeting(
                board,
                starts_at=at(next_board_day(self.today), 18),
                place=COUNCIL_HALL,
                items=[(report.title, report), ("Dilek ve öneriler", None)],
                when=timezone.now(),
            )


def next_board_day(today: date) -> date:
    """The board meets on Thursdays: the first Thursday at least three days ahead."""
    day = today + timedelta(days=3)
    return day + timedelta(days=(3 - day.weekday()) % 7)
