"""Fixtures for the deliberation domain tests: a working group with its people, the
reviewing organs, the secretariat and the council's directive settings."""

import pytest

from deliberation.models import ApprovalPath

from .factories import (
    MembershipFactory,
    OrganFactory,
    board,
    general_assembly,
    secretariat_user,
    set_config,
)


@pytest.fixture
def secretariat(db):
    """A clerk of the secretariat (Django group "Sekreterya")."""
    return secretariat_user()


@pytest.fixture
def group(db):
    """A working group."""
    return OrganFactory()


@pytest.fixture
def chair(group):
    return MembershipFactory(organ=group, chair=True).person


@pytest.fixture
def member(group):
    return MembershipFactory(organ=group).person


@pytest.fixture
def executive_board(db):
    """The Executive Board with seven members."""
    return board()


@pytest.fixture
def assembly(db):
    """The General Assembly (Genel Kurul) with seven members."""
    return general_assembly()


@pytest.fixture
def board_only(db):
    """A council whose Executive Board approves reports alone."""
    return set_config(approval_path=ApprovalPath.BOARD_ONLY)


@pytest.fixture
def casting_vote(db):
    """A council whose directive gives the chair a casting vote in a tie."""
    return set_config(chair_casting_vote=True)
