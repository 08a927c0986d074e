"""Quorum and majority: the arithmetic of the council's directive (domain.md).

Organs meet with the absolute majority of their full membership and decide by the
absolute majority of those present. Absolute majority means more than half, so an
abstention counts against adoption.
"""

from dataclasses import dataclass


def absolute_majority(n: int) -> int:
    """More than half of n: floor(n / 2) + 1."""
    if n < 0:
        raise ValueError("n must not be negative")
    return n // 2 + 1


def quorum_needed(members: int) -> int:
    """How many members must be present for the meeting to decide anything."""
    return absolute_majority(members)


def has_quorum(*, members: int, present: int) -> bool:
    return members > 0 and present >= quorum_needed(members)


def is_tie(*, present: int, yes: int, no: int) -> bool:
    """Those present split evenly between yes and no, none abstaining or silent."""
    return yes > 0 and yes == no and yes + no == present


@dataclass(frozen=True)
class VoteOutcome:
    adopted: bool
    needed: int
    tie: bool
    casting_vote_used: bool


def vote_outcome(
    *,
    present: int,
    yes: int,
    no: int,
    abstain: int,
    casting_vote_allowed: bool = False,
    chair_voted_yes: bool | None = None,
) -> VoteOutcome:
    """Whether a motion is adopted: yes >= floor(present / 2) + 1.

    A tie is those present split evenly between yes and no, with no abstentions:
    abstentions and members who did not vote count against adoption, so 15 yes,
    10 no and 5 abstentions among 30 present is no tie and is not adopted, whatever
    the casting vote. Where the council's directive gives the chair a casting vote,
    the side the chair voted for wins a tie; ``chair_voted_yes`` is None where no chair's
    vote is known (the services work it out: deliberation.services.meetings).
    """
    if min(present, yes, no, abstain) < 0:
        raise ValueError("counts must not be negative")
    if yes + no + abstain > present:
        raise ValueError("more votes than members present")
    needed = absolute_majority(present)
    tie = is_tie(present=present, yes=yes, no=no)
    if tie and casting_vote_allowed and chair_voted_yes is not None:
        return VoteOutcome(adopted=chair_voted_yes, needed=needed, tie=True, casting_vote_used=True)
    return VoteOutcome(adopted=yes >= needed, needed=needed, tie=tie, casting_vote_used=False)
