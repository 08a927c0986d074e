"""Quorum and majority, table by table (domain.md: salt çoğunluk = floor(n / 2) + 1)."""

import pytest

from deliberation import rules


@pytest.mark.parametrize(
    ("n", "majority"),
    [(0, 1), (1, 1), (2, 2), (3, 2), (7, 4), (8, 5), (29, 15), (30, 16), (41, 21), (42, 22)],
)
def test_absolute_majority_is_more_than_half(n, majority):
    assert rules.absolute_majority(n) == majority
    assert majority * 2 > n
    assert (majority - 1) * 2 <= n


def test_absolute_majority_of_a_negative_number_is_an_error():
    with pytest.raises(ValueError):
        rules.absolute_majority(-1)


@pytest.mark.parametrize(
    ("members", "needed"),
    [(42, 22), (41, 21), (8, 5), (7, 4), (2, 2), (1, 1)],
    ids=lambda value: str(value),
)
def test_quorum_needed(members, needed):
    assert rules.quorum_needed(members) == needed


@pytest.mark.parametrize(
    ("members", "present", "quorate"),
    [
        (42, 21, False),
        (42, 22, True),
        (42, 42, True),
        (41, 20, False),
        (41, 21, True),
        (8, 4, False),
        (8, 5, True),
        (7, 3, False),
        (7, 4, True),
        (1, 0, False),
        (1, 1, True),
        (0, 0, False),  # an organ without members never decides
        (0, 1, False),
    ],
)
def test_has_quorum(members, present, quorate):
    assert rules.has_quorum(members=members, present=present) is quorate


@pytest.mark.parametrize(
    ("present", "yes", "no", "abstain", "adopted", "needed"),
    [
        # the examples: abstentions count against
        (30, 15, 10, 5, False, 16),
        (30, 16, 10, 4, True, 16),
        (30, 16, 0, 0, True, 16),
        (30, 15, 0, 15, False, 16),
        (29, 15, 14, 0, True, 15),
        (29, 15, 0, 0, True, 15),
        (29, 14, 10, 5, False, 15),
        (29, 14, 0, 0, False, 15),
        # even and odd, small and large
        (42, 22, 20, 0, True, 22),
        (42, 21, 20, 1, False, 22),
        (41, 21, 20, 0, True, 21),
        (41, 20, 0, 0, False, 21),
        (8, 5, 3, 0, True, 5),
        (8, 4, 3, 1, False, 5),
        (7, 4, 3, 0, True, 4),
        (7, 3, 1, 3, False, 4),
        (1, 1, 0, 0, True, 1),
        (1, 0, 0, 1, False, 1),
        (5, 0, 0, 0, False, 3),
    ],
)
def test_vote_outcome_needs_the_absolute_majority_of_those_present(
    present, yes, no, abstain, adopted, needed
):
    outcome = rules.vote_outcome(present=present, yes=yes, no=no, abstain=abstain)
    assert outcome.adopted is adopted
    assert outcome.needed == needed
    assert outcome.casting_vote_used is False


@pytest.mark.parametrize(
    ("casting_vote_allowed", "chair_voted_yes", "adopted", "casting_vote_used"),
    [
        (True, True, True, True),
        (True, False, False, True),
        (True, None, False, False),  # the chair's vote is not known: no casting vote
        (False, True, False, False),
        (False, False, False, False),
        (False, None, False, False),
    ],
)
@pytest.mark.parametrize(("present", "yes", "no"), [(30, 15, 15), (8, 4, 4), (2, 1, 1)])
def test_tie(present, yes, no, casting_vote_allowed, chair_voted_yes, adopted, casting_vote_used):
    outcome = rules.vote_outcome(
        present=present,
        yes=yes,
        no=no,
        abstain=0,
        casting_vote_allowed=casting_vote_allowed,
        chair_voted_yes=chair_voted_yes,
    )
    assert outcome.tie is True
    assert outcome.adopted is adopted
    assert outcome.casting_vote_used is casting_vote_used


@pytest.mark.parametrize(
    ("present", "yes", "no", "abstain"),
    [(30, 15, 10, 5), (30, 15, 0, 0), (8, 4, 0, 4)],
)
def test_half_yes_with_abstentions_or_silent_members_is_no_tie_for_the_casting_vote(
    present, yes, no, abstain
):
    """Abstentions count against adoption: the chair's casting vote cannot make up for them."""
    outcome = rules.vote_outcome(
        present=present,
        yes=yes,
        no=no,
        abstain=abstain,
        casting_vote_allowed=True,
        chair_voted_yes=True,
    )
    assert (outcome.tie, outcome.adopted, outcome.casting_vote_used) == (False, False, False)


@pytest.mark.parametrize(("present", "yes", "no"), [(30, 10, 10), (30, 14, 14), (9, 3, 3)])
def test_equal_yes_and_no_among_some_of_those_present_is_no_tie(present, yes, no):
    """The casting vote never adopts what less than half of those present supported."""
    outcome = rules.vote_outcome(
        present=present,
        yes=yes,
        no=no,
        abstain=0,
        casting_vote_allowed=True,
        chair_voted_yes=True,
    )
    assert (outcome.tie, outcome.adopted, outcome.casting_vote_used) == (False, False, False)


@pytest.mark.parametrize("chair_voted_yes", [True, False])
def test_casting_vote_only_breaks_ties(chair_voted_yes):
    majority = rules.vote_outcome(
        present=30,
        yes=16,
        no=14,
        abstain=0,
        casting_vote_allowed=True,
        chair_voted_yes=chair_voted_yes,
    )
    assert (majority.adopted, majority.tie, majority.casting_vote_used) == (True, False, False)
    minority = rules.vote_outcome(
        present=30,
        yes=14,
        no=16,
        abstain=0,
        casting_vote_allowed=True,
        chair_voted_yes=chair_voted_yes,
    )
    assert (minority.adopted, minority.tie, minority.casting_vote_used) == (False, False, False)


@pytest.mark.parametrize(
    ("present", "yes", "no", "abstain"),
    [(30, 20, 10, 1), (30, 31, 0, 0), (7, 4, 4, 0), (0, 1, 0, 0), (1, 0, 1, 1)],
)
def test_more_votes_than_present_is_an_error(present, yes, no, abstain):
    with pytest.raises(ValueError):
        rules.vote_outcome(present=present, yes=yes, no=no, abstain=abstain)


@pytest.mark.parametrize(("yes", "no", "abstain"), [(-1, 0, 0), (0, -1, 0), (0, 0, -1)])
def test_negative_votes_are_an_error(yes, no, abstain):
    with pytest.raises(ValueError):
        rules.vote_outcome(present=5, yes=yes, no=no, abstain=abstain)


@pytest.mark.parametrize(
    ("present", "yes", "no", "tie"),
    [
        (4, 2, 2, True),
        (30, 15, 15, True),
        (2, 1, 1, True),
        (5, 2, 2, False),  # the fifth abstained or did not vote: it counts against
        (4, 3, 1, False),
        (0, 0, 0, False),  # nobody voted: nothing to break
        (6, 2, 2, False),
    ],
)
def test_is_tie_means_all_present_split_evenly_between_yes_and_no(present, yes, no, tie):
    assert rules.is_tie(present=present, yes=yes, no=no) is tie
    assert rules.vote_outcome(present=present, yes=yes, no=no, abstain=0).tie is tie
