"""Meetings: attendance, numbered decisions with their votes, and minutes."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from deliberation import roles, rules
from deliberation.errors import DeliberationError
from deliberation.models import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionKind,
    DeliberationSettings,
    Meeting,
    Organ,
    Vote,
    VoteChoice,
)

from .reports import report_apply_decision


def _require_secretariat(actor) -> None:
    if not roles.is_secretariat(actor):
        raise DeliberationError(
            _("Only the secretariat records meetings and decisions."), code="forbidden"
        )


def _locked_meeting(meeting_id: int) -> Meeting:
    try:
        return Meeting.objects.select_for_update().select_related("organ").get(pk=meeting_id)
    except Meeting.DoesNotExist:
        raise DeliberationError(_("This meeting does not exist."), code="not_found") from None


def meeting_record_attendance(*, actor, meeting_id: int, present_ids: Iterable[int]) -> Meeting:
    """Record who of the organ's members attended; everyone else is recorded absent."""
    _require_secretariat(actor)
    with transaction.atomic():
        meeting = _locked_meeting(meeting_id)
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

    Refused unless the meeting is quorate and the votes fit those present. If the item
    is a report under review by this organ and the decision is adopted, the report
    moves as the decision says, in the same transaction.
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
        outcome = rules.vote_outcome(
            present=quorum["present"],
            yes=yes,
            no=no,
            abstain=abstain,
            casting_vote_allowed=config.chair_casting_vote,
            chair_voted_yes=None if chair_vote is None else chair_vote == VoteChoice.YES,
        )
        decided_on = decided_on or meeting.meeting_date
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
        if item.report_id and decision.adopted:
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
        if meeting.starts_at > timezone.now():
            raise DeliberationError(
                _("Minutes of a meeting that has not happened cannot be published.")
            )
        meeting.minutes_published_at = timezone.now()
        meeting.save(update_fields=["minutes_published_at"])
        log(instance=meeting, action="deliberation.meeting.publish_minutes", user=actor)
    return meeting
