"""Two clerks at once: concurrent decisions on one report, and decision numbers.

These run threads on their own database connections, so the rows they lock are real
row locks. SQLite serialises every write to the whole database, which would prove
nothing; CI runs them on PostgreSQL (.ci/run).
"""

import threading
import time

import pytest
from django.db import connection

from deliberation import services
from deliberation.errors import DeliberationError
from deliberation.models import Decision, DecisionKind, ReportEvent, ReportStatus
from deliberation.services import meetings as meeting_services
from deliberation.services import reports as report_services

from .factories import (
    AgendaItemFactory,
    OrganFactory,
    ReportFactory,
    board,
    group_leader,
    istanbul,
    quorate_meeting,
    secretariat_user,
)

# serialized_rollback: each test starts from the migrated rows and leaves none of its own,
# so content types keep the ids that the process's content-type cache holds.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Long enough that the other thread surely reaches its lock while the first holds it.
HOLD_SECONDS = 0.5


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            f"needs PostgreSQL row locks; {connection.vendor} serialises all writes "
            "(run with DATABASE_URL=postgres://…, as .ci/run does)"
        )


def run_together(*jobs):
    """Run each job in its own thread and connection, released at the same moment.

    Returns, per job, ("ok", value) or ("refused", code) or ("error", exception).
    """
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def worker(index, job):
        try:
            barrier.wait(timeout=10)
            results[index] = ("ok", job())
        except DeliberationError as error:
            results[index] = ("refused", error.code)
        except Exception as error:  # noqa: BLE001 - reported to the test, not swallowed
            results[index] = ("error", error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck"
    return results


@pytest.fixture
def slow_audit(monkeypatch):
    """Hold each report transaction open a while after its change is written.

    Without the row lock the second transaction would read the report before the first
    commits, and both decisions would apply.
    """
    record = report_services._record

    def record_slowly(*args, **kwargs):
        record(*args, **kwargs)
        time.sleep(HOLD_SECONDS)

    monkeypatch.setattr(report_services, "_record", record_slowly)


def test_two_decisions_on_one_report_never_both_apply(slow_audit):
    """Only the report's row lock stands between the two decisions.

    They are recorded for two different Executive Boards (as the report's state allows
    any organ of that kind), so neither the meeting's nor the organ's row lock, which
    serialises decision numbers, puts one after the other.
    """
    group = OrganFactory()
    report = ReportFactory(group=group, in_board_review=True)
    clerk = secretariat_user()
    # two agenda items (say, a duplicate listing) at meetings of two organs
    boards = [board(), OrganFactory(executive_board=True, members=7)]
    first = AgendaItemFactory(meeting=quorate_meeting(boards[0]), report=report)
    second = AgendaItemFactory(meeting=quorate_meeting(boards[1]), report=report)
    assert first.meeting.organ_id != second.meeting.organ_id
    present = first.meeting.present_count()
    assert second.meeting.present_count() == present

    def return_it():
        return services.decision_record(
            actor=clerk,
            agenda_item_id=first.pk,
            kind=DecisionKind.RETURN,
            yes=present,
            text="Yeniden değerlendirilmek üzere iade.",
        ).pk

    def forward_it():
        return services.decision_record(
            actor=clerk,
            agenda_item_id=second.pk,
            kind=DecisionKind.OPINION,
            yes=present,
            text="Olumlu görüş.",
        ).pk

    results = run_together(return_it, forward_it)

    outcomes = sorted(outcome for outcome, _ in results)
    assert outcomes == ["ok", "refused"], results
    assert [value for outcome, value in results if outcome == "refused"] == ["state"]
    report.refresh_from_db()
    applied = ReportEvent.objects.filter(report=report, decision__isnull=False)
    assert applied.count() == 1
    winner = applied.get()
    assert report.status == winner.to_status
    assert report.status in (ReportStatus.DRAFT, ReportStatus.ASSEMBLY_REVIEW)
    # the refused decision was not recorded either
    assert Decision.objects.filter(agenda_item__report=report).count() == 1


def test_the_group_withdrawing_while_the_board_decides(slow_audit):
    group = OrganFactory()
    report = ReportFactory(group=group, in_board_review=True)
    chair = group_leader(group)
    clerk = secretariat_user()
    item = AgendaItemFactory(meeting=quorate_meeting(board()), report=report)
    present = item.meeting.present_count()

    def withdraw():
        services.report_transition(actor=chair, report_id=report.pk, action="withdraw")
        return "withdrawn"

    def reject():
        services.decision_record(
            actor=clerk,
            agenda_item_id=item.pk,
            kind=DecisionKind.REJECT,
            yes=present,
            text="Görev alanı dışında.",
        )
        return "rejected"

    results = run_together(withdraw, reject)

    assert sorted(outcome for outcome, _ in results) == ["ok", "refused"], results
    [(_, code)] = [result for result in results if result[0] == "refused"]
    assert code == "state"
    [(_, final)] = [result for result in results if result[0] == "ok"]
    report.refresh_from_db()
    assert report.status == final
    assert ReportEvent.objects.filter(report=report, to_status=final).count() == 1


def test_decision_numbers_stay_unique_under_concurrent_recording(monkeypatch):
    organ = OrganFactory(executive_board=True, members=7)
    clerk = secretariat_user()
    meetings = [quorate_meeting(organ, starts_at=istanbul(2026, 5, day)) for day in (4, 5, 6, 7)]
    items = [AgendaItemFactory(meeting=meeting) for meeting in meetings]

    # hold each transaction open after it picked its number
    log = meeting_services.log

    def log_slowly(*args, **kwargs):
        result = log(*args, **kwargs)
        if kwargs.get("action") == "deliberation.meeting.decision":
            time.sleep(0.2)
        return result

    monkeypatch.setattr(meeting_services, "log", log_slowly)

    def recorder(item):
        def record():
            return services.decision_record(
                actor=clerk, agenda_item_id=item.pk, kind=DecisionKind.OTHER, yes=4
            ).reference

        return record

    results = run_together(*(recorder(item) for item in items))

    assert all(outcome == "ok" for outcome, _ in results), results
    assert sorted(reference for _, reference in results) == [
        "2026/1",
        "2026/2",
        "2026/3",
        "2026/4",
    ]
    assert sorted(Decision.objects.filter(organ=organ).values_list("number", flat=True)) == [
        1,
        2,
        3,
        4,
    ]
