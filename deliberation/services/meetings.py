"""Meetings: attendance, numbered decisions with their votes, and minutes."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from deliberation import access, rules
from deliberation.errors import DeliberationError
from deliberation.models import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionKind,
    DeliberationSettings,
    Meeting,
    Organ,
    Role,
    Vote,
    VoteChoice,
)

from .reports import report_apply_decision


def _require_secretariat(actor) -> None:
    if not access.is_secretariat(actor):
        raise DeliberationError(
            _("Only the secretariat records meetings and decisions."), code="forbidden"
        )


def _locked_meeting(meeting_id: int) -> Meeting:
    try:
        return Meeting.objects.select_for_update().select_related("organ").get(pk=meeting_id)
    except Meeting.DoesNotExist:
        raise DeliberationError(_("This meeting does not exist."), code="not_found") from None


def _require_held(meeting: Meeting, message: str) -> None:
    """Refuse to record what happens at a meeting before the meeting has begun."""
    if meeting.starts_at > timezone.now():
        starts = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H.%M")
        raise DeliberationError(message % {"starts": starts}, code="state")


def _published_message(meeting: Meeting) -> str:
    return _(
        "These minutes were published on %(date)s and are part of the public "
        "record: they cannot be changed. Record a correction in the minutes of "
        "the organ's next meeting."
    ) % {"date": timezone.localtime(meeting.minutes_published_at).strftime("%d.%m.%Y")}


def _require_unpublished(meeting: Meeting) -> None:
    """What the published minutes record (agenda, attendance, decisions) stays as it is."""
    if meeting.minutes_published:
        raise DeliberationError(_published_message(meeting), code="state")


def _same_text(a: str, b: str) -> bool:
    # Browsers send textareas with CRLF line ends; the stored text may have LF.
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


def meeting_save(
    *,
    actor,
    meeting: Meeting,
    minutes_attachment_ids: Iterable[int] | None = None,
    agenda=None,
) -> Meeting:
    """Save the secretariat's edits to a meeting, keeping what the record rests on.

    ``meeting`` carries the edited (unsaved) values. Once a decision is recorded, the
    organ and the date and time stay as they are: the decisions are numbered and dated
    by them. Once the minutes are published, their text and attachments are the public
    record and are not edited; a correction goes into the minutes of a later meeting.
    Attendance is taken from the organ's membership on the meeting's day, so once it is
    recorded the organ and the date stay too.

    ``agenda`` is the bound, valid formset of the meeting's agenda items: it is saved
    under the same lock, and refused once the minutes are published or where it would
    remove an item that has a decision.
    """
    _require_secretariat(actor)
    with transaction.atomic():
        current = _locked_meeting(meeting.pk)
        changed = [
            name
            for name in ("organ_id", "starts_at", "place")
            if getattr(meeting, name) != getattr(current, name)
        ]
        if not _same_text(meeting.minutes, current.minutes):
            changed.append("minutes")
        attachment_ids = set(current.minutes_attachments.values_list("pk", flat=True))
        if minutes_attachment_ids is not None and set(minutes_attachment_ids) != attachment_ids:
            changed.append("minutes_attachments")
        if {"organ_id", "starts_at"} & set(changed) and current.decisions_exist():
            raise DeliberationError(
                _(
                    "Decisions are recorded at this meeting and are dated by it, so its organ "
                    "and its date and time cannot change."
                ),
                code="state",
            )
        if {"organ_id", "starts_at"} & set(changed) and current.attendances.exists():
            raise DeliberationError(
                _(
                    "Attendance is recorded at this meeting from the organ's members on its "
                    "day, so its organ and its date and time cannot change."
                ),
                code="state",
            )
        published_fields = {"minutes", "minutes_attachments", "starts_at"}
        if current.minutes_published and published_fields & set(changed):
            raise DeliberationError(_published_message(current), code="state")
        if agenda is not None and agenda.has_changed():
            _require_unpublished(current)
            decided = set(
                current.agenda_items.filter(decision__isnull=False).values_list("pk", flat=True)
            )
            for row in agenda.forms:
                if row.instance.pk in decided and (
                    row in agenda.deleted_forms or row.has_changed()
                ):
                    raise DeliberationError(
                        _(
                            "The agenda item “%(title)s” has a recorded decision: it is part "
                            "of the record and cannot be changed or removed."
                        )
                        % {"title": row.instance.title},
                        code="state",
                    )
            changed.append("agenda")
        if "minutes" not in changed:
            meeting.minutes = current.minutes
        # Publication is the services' to set, never a form's.
        meeting.minutes_published_at = current.minutes_published_at
        meeting.created_at = current.created_at
        meeting.save()
        if minutes_attachment_ids is not None:
            meeting.minutes_attachments.set(minutes_attachment_ids)
        if agenda is not None:
            agenda.instance = meeting
            agenda.save()
        if changed:
            log(instance=meeting, action="wagtail.edit", user=actor, data={"changed": changed})
    return meeting


def meeting_record_attendance(*, actor, meeting_id: int, present_ids: Iterable[int]) -> Meeting:
    """Record who of the organ's members attended; everyone else is recorded absent."""
    _require_secretariat(actor)
    with transaction.atomic():
        meeting = _locked_meeting(meeting_id)
        _require_held(
            meeting,
            _(
                "This meeting has not begun yet (it starts at %(starts)s): attendance is "
                "recorded once it has begun."
            ),
        )
        _require_unpublished(meeting)
        if meeting.decisions_exist():
            raise DeliberationError(
                _("Attendance cannot change after decisions were recorded at this meeting."),
                code="state",
            )
        member_ids = set(
            meeting.organ.memberships_on(meeting.meeting_date).values_list("person_id", flat=True)
        )
        present = set(present_ids)
        strangers = present - member_ids
        if strangers:
            raise DeliberationError(
                _("Only members of %(organ)s on the meeting's date can be recorded as present.")
                % {"organ": meeting.organ}
            )
        meeting.attendances.all().delete()
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, person_id=person_id, present=person_id in present)
            for person_id in sorted(member_ids)
        )
        log(
            instance=meeting,
            action="deliberation.meeting.attendance",
            user=actor,
            data={"present": len(present), "members": len(member_ids)},
        )
    return meeting


def _tally(meeting: Meeting, votes: Mapping[int, str]) -> tuple[int, int, int]:
    present = set(meeting.attendances.filter(present=True).values_list("person_id", flat=True))
    if set(votes) - present:
        raise DeliberationError(_("Only members present at the meeting can vote."))
    choices = list(votes.values())
    if any(choice not in VoteChoice.values for choice in choices):
        raise DeliberationError(_("A vote must be yes, no or abstain."))
    return (
        choices.count(VoteChoice.YES),
        choices.count(VoteChoice.NO),
        choices.count(VoteChoice.ABSTAIN),
    )


def _chairs_present(meeting: Meeting) -> list[int]:
    """The organ's chair on the meeting's date, if recorded present."""
    chairs = meeting.organ.memberships_on(meeting.meeting_date).filter(role=Role.CHAIR)
    return sorted(
        meeting.attendances.filter(
            present=True, person_id__in=chairs.values("person_id")
        ).values_list("person_id", flat=True)
    )


def _casting_side(
    *,
    meeting: Meeting,
    allowed: bool,
    tie: bool,
    votes: Mapping[int, str] | None,
    chair_vote: str | None,
) -> bool | None:
    """The side the chair's casting vote gives a tie (True for yes), or None if none.

    Member by member, it is the chair's own recorded vote. As totals, the clerk states
    it, and must where the vote is tied and the chair was there to cast it.
    """
    if chair_vote not in (None, VoteChoice.YES, VoteChoice.NO):
        raise DeliberationError(_("The chair's casting vote is yes or no."))
    if not allowed:
        if chair_vote is not None:
            raise DeliberationError(
                _(
                    "Under this council's directive the chair has no casting vote "
                    "(Deliberation settings)."
                )
            )
        return None
    chairs = _chairs_present(meeting)
    if votes:
        recorded = next((votes[pk] for pk in chairs if pk in votes), None)
        if chair_vote is not None and chair_vote != recorded:
            raise DeliberationError(
                _(
                    "The votes are recorded member by member, so the chair's casting vote is "
                    "the chair's own recorded vote. Leave the chair's vote empty."
                )
            )
        # In a tie everyone present voted yes or no, so a chair present has voted.
        return recorded == VoteChoice.YES if tie and recorded else None
    if chair_vote is not None and not chairs:
        raise DeliberationError(
            _(
                "The chair of %(organ)s is not recorded present at this meeting, "
                "so there is no casting vote."
            )
            % {"organ": meeting.organ}
        )
    if tie and chairs and chair_vote is None:
        raise DeliberationError(
            _(
                "The vote is tied. Under this council's directive the chair's vote decides "
                "a tie: state whether the chair voted yes or no."
            )
        )
    return chair_vote == VoteChoice.YES if tie and chair_vote else None


# Decisions an organ may take on a report item without moving the report: it postpones
# the item (ertelendi) or takes note of it (bilgiye sunuldu).
NON_PATH_KINDS = (DecisionKind.OTHER,)


def decision_record(
    *,
    actor,
    agenda_item_id: int,
    kind: str,
    yes: int = 0,
    no: int = 0,
    abstain: int = 0,
    votes: Mapping[int, str] | None = None,
    chair_vote: str | None = None,
    text: str = "",
    decided_on: date | None = None,
) -> Decision:
    """Record an organ's decision on an agenda item, numbered per organ and year.

    Refused unless the meeting has begun and is quorate and the votes fit those present.
    The decision is dated by its meeting. If the item is a report under review by this
    organ and the decision is adopted, the report moves as the decision says, in the
    same transaction; a decision of the kind "other" (postponed, noted) leaves the
    report where it is.
    """
    _require_secretariat(actor)
    if kind not in DecisionKind.values:
        raise DeliberationError(_("Choose what was decided."))
    with transaction.atomic():
        try:
            item = AgendaItem.objects.select_related("meeting").get(pk=agenda_item_id)
        except AgendaItem.DoesNotExist:
            raise DeliberationError(
                _("This agenda item does not exist."), code="not_found"
            ) from None
        meeting = _locked_meeting(item.meeting_id)
        _require_held(
            meeting,
            _(
                "This meeting has not begun yet (it starts at %(starts)s): its decisions are "
                "recorded once it has been held."
            ),
        )
        _require_unpublished(meeting)
        if decided_on is not None and decided_on != meeting.meeting_date:
            raise DeliberationError(
                _(
                    "A decision is dated by the meeting that took it: this one is dated "
                    "%(date)s, the day of the meeting."
                )
                % {"date": meeting.meeting_date.strftime("%d.%m.%Y")}
            )
        # Numbering is per organ and year: the organ's row serialises it.
        organ = Organ.objects.select_for_update().get(pk=meeting.organ_id)
        if Decision.objects.filter(agenda_item=item).exists():
            raise DeliberationError(
                _("A decision on this agenda item is already recorded."), code="state"
            )
        quorum = meeting.quorum()
        if not quorum["has_quorum"]:
            raise DeliberationError(
                _(
                    "No quorum: %(present)s of %(members)s members are present and "
                    "%(needed)s are needed. No decision can be recorded."
                )
                % quorum,
                code="state",
            )
        if votes:
            yes, no, abstain = _tally(meeting, votes)
        if min(yes, no, abstain) < 0:
            raise DeliberationError(_("Vote counts cannot be negative."))
        if yes + no + abstain > quorum["present"]:
            raise DeliberationError(
                _("%(votes)s votes were entered but only %(present)s members are present.")
                % {"votes": yes + no + abstain, "present": quorum["present"]}
            )
        config = DeliberationSettings.load()
        chair_voted_yes = _casting_side(
            meeting=meeting,
            allowed=config.chair_casting_vote,
            tie=rules.is_tie(present=quorum["present"], yes=yes, no=no),
            votes=votes,
            chair_vote=chair_vote,
        )
        outcome = rules.vote_outcome(
            present=quorum["present"],
            yes=yes,
            no=no,
            abstain=abstain,
            casting_vote_allowed=config.chair_casting_vote,
            chair_voted_yes=chair_voted_yes,
        )
        decided_on = meeting.meeting_date
        year = decided_on.year
        last = Decision.objects.filter(organ=organ, year=year).aggregate(n=Max("number"))["n"] or 0
        decision = Decision.objects.create(
            agenda_item=item,
            organ=organ,
            year=year,
            number=last + 1,
            decided_on=decided_on,
            kind=kind,
            text=text.strip(),
            members=quorum["members"],
            present=quorum["present"],
            yes=yes,
            no=no,
            abstain=abstain,
            casting_vote_used=outcome.casting_vote_used,
            adopted=outcome.adopted,
            recorded_by=actor,
        )
        if votes:
            Vote.objects.bulk_create(
                Vote(decision=decision, person_id=person_id, choice=choice)
                for person_id, choice in votes.items()
            )
        log(
            instance=meeting,
            action="deliberation.meeting.decision",
            user=actor,
            data={"decision": decision.reference, "adopted": decision.adopted, "item": item.title},
        )
        if item.report_id and decision.adopted and kind not in NON_PATH_KINDS:
            report_apply_decision(actor=actor, report_id=item.report_id, decision=decision)
    return decision


def meeting_publish_minutes(*, actor, meeting_id: int) -> Meeting:
    """Publish the approved minutes of a meeting on the organ's public page."""
    _require_secretariat(actor)
    with transaction.atomic():
        meeting = _locked_meeting(meeting_id)
        if meeting.minutes_published:
            raise DeliberationError(_("These minutes are already published."), code="state")
        if not meeting.minutes.strip():
            raise DeliberationError(_("Write the minutes before publishing them."))
        _require_held(
            meeting,
            _(
                "This meeting has not begun yet (it starts at %(starts)s): its minutes are "
                "published once it has been held."
            ),
        )
        meeting.minutes_published_at = timezone.now()
        meeting.save(update_fields=["minutes_published_at"])
        log(instance=meeting, action="deliberation.meeting.publish_minutes", user=actor)
    return meeting
