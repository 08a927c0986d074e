"""The path of a report (domain.md): draft → adopted → Executive Board → General Assembly →
approved, with returns, rejection and withdrawal, against the transition table."""

import itertools

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from deliberation import services
from deliberation.errors import DeliberationError
from deliberation.models import (
    Decision,
    DecisionKind,
    OrganKind,
    Report,
    ReportAction,
    ReportEvent,
    ReportStatus,
)

from .factories import (
    OrganFactory,
    ReportFactory,
    board,
    decide,
    edit_report,
    general_assembly,
    group_leader,
)

pytestmark = pytest.mark.django_db

S = ReportStatus
A = ReportAction
EB = OrganKind.EXECUTIVE_BOARD
GA = OrganKind.GENERAL_ASSEMBLY

# The specification of the path (domain.md, issue 3), written out independently of
# deliberation.models.TRANSITIONS so that a wrong row there fails here.
GROUP_MOVES = {
    (A.ADOPT, S.DRAFT): S.GROUP_ADOPTED,
    (A.REOPEN, S.GROUP_ADOPTED): S.DRAFT,
    (A.SUBMIT, S.GROUP_ADOPTED): S.BOARD_REVIEW,
    (A.WITHDRAW, S.DRAFT): S.WITHDRAWN,
    (A.WITHDRAW, S.GROUP_ADOPTED): S.WITHDRAWN,
    (A.WITHDRAW, S.BOARD_REVIEW): S.WITHDRAWN,
    (A.WITHDRAW, S.ASSEMBLY_REVIEW): S.WITHDRAWN,
}
# Decisions of reviewing organs under the default path (the board gives its opinion, the
# General Assembly approves): (state, organ, decision) → new state. Every other decision is
# refused as no move from that state: by the organ that reviews in it, by the other organ
# (the report is not, or no longer, before it), and in states where nobody reviews.
DECISION_MOVES = {
    (S.BOARD_REVIEW, EB, DecisionKind.OPINION): S.ASSEMBLY_REVIEW,
    (S.BOARD_REVIEW, EB, DecisionKind.RETURN): S.DRAFT,
    (S.BOARD_REVIEW, EB, DecisionKind.REJECT): S.REJECTED,
    (S.ASSEMBLY_REVIEW, GA, DecisionKind.APPROVE): S.APPROVED,
    (S.ASSEMBLY_REVIEW, GA, DecisionKind.RETURN): S.DRAFT,
    (S.ASSEMBLY_REVIEW, GA, DecisionKind.REJECT): S.REJECTED,
}
ACTION_OF = {
    DecisionKind.OPINION: A.FORWARD,
    DecisionKind.APPROVE: A.APPROVE,
    DecisionKind.RETURN: A.RETURN,
    DecisionKind.REJECT: A.REJECT,
}
REVIEWER = {S.BOARD_REVIEW: EB, S.ASSEMBLY_REVIEW: GA}
REVIEW_DECISIONS = [
    DecisionKind.OPINION,
    DecisionKind.APPROVE,
    DecisionKind.RETURN,
    DecisionKind.REJECT,
]
OPEN = [S.DRAFT, S.GROUP_ADOPTED, S.BOARD_REVIEW, S.ASSEMBLY_REVIEW]
REASONS = "Bulgular bölümü kaynak göstermeli; öneriler bütçelendirilmeli."


def organ_of(kind):
    return board() if kind == EB else general_assembly()


def timeline(report):
    return [
        (event.action, event.from_status, event.to_status, event.actor_id, event.note)
        for event in ReportEvent.objects.filter(report=report).order_by("at", "pk")
    ]


def report_log(report):
    """The report's audit log entries written by the deliberation services, oldest first."""
    return list(
        ModelLogEntry.objects.for_instance(report)
        .filter(action__startswith="deliberation.report.")
        .order_by("timestamp", "pk")
    )


def assert_moved(report, *, action, from_status, to_status, actor, note="", decision=None):
    """The last transition is on the timeline and in Wagtail's audit log."""
    event = ReportEvent.objects.filter(report=report).order_by("at", "pk").last()
    assert (event.action, event.from_status, event.to_status) == (action, from_status, to_status)
    assert event.actor == actor
    assert event.note == note
    assert event.decision == decision
    entry = report_log(report)[-1]
    assert entry.action == f"deliberation.report.{action}"
    assert entry.user_id == actor.pk
    assert entry.data["from"] == from_status
    assert entry.data["to"] == to_status
    assert entry.data["note"] == note
    if decision is not None:
        assert entry.data["decision"] == decision.reference


def refused(code, call, *args, **kwargs):
    with pytest.raises(DeliberationError) as error:
        call(*args, **kwargs)
    assert error.value.code == code, str(error.value)
    return error.value


def transition(actor, report, action, note=""):
    return services.report_transition(actor=actor, report_id=report.pk, action=action, note=note)


# The whole path ---------------------------------------------------------------------------


def test_the_default_path_from_draft_to_approval(secretariat, group, chair, member):
    report = ReportFactory(group=group, author=member)
    edit_report(report, actor=member, title="Engelsiz kent için erişilebilir duraklar")

    transition(chair, report, A.ADOPT, note="Grup toplantısında oybirliğiyle kabul edildi.")
    report.refresh_from_db()
    assert report.status == S.GROUP_ADOPTED
    assert_moved(
        report,
        action=A.ADOPT,
        from_status=S.DRAFT,
        to_status=S.GROUP_ADOPTED,
        actor=chair,
        note="Grup toplantısında oybirliğiyle kabul edildi.",
    )

    transition(chair, report, A.SUBMIT)
    report.refresh_from_db()
    assert report.status == S.BOARD_REVIEW
    assert_moved(
        report, action=A.SUBMIT, from_status=S.GROUP_ADOPTED, to_status=S.BOARD_REVIEW, actor=chair
    )

    opinion = decide(report, organ=board(), kind=DecisionKind.OPINION, text="Olumlu görüş.")
    report.refresh_from_db()
    assert report.status == S.ASSEMBLY_REVIEW
    assert_moved(
        report,
        action=A.FORWARD,
        from_status=S.BOARD_REVIEW,
        to_status=S.ASSEMBLY_REVIEW,
        actor=secretariat,
        note="Olumlu görüş.",
        decision=opinion,
    )

    approval = decide(report, organ=general_assembly(), kind=DecisionKind.APPROVE, text="Kabul.")
    report.refresh_from_db()
    assert report.status == S.APPROVED
    assert_moved(
        report,
        action=A.APPROVE,
        from_status=S.ASSEMBLY_REVIEW,
        to_status=S.APPROVED,
        actor=secretariat,
        note="Kabul.",
        decision=approval,
    )

    # the approval record: the final text, the date, and the decision with its vote
    assert report.approved_revision == report.latest_revision
    assert report.approved_revision.content["title"] == "Engelsiz kent için erişilebilir duraklar"
    assert report.approved_on == approval.decided_on
    assert approval.organ.kind == GA
    assert approval.adopted and approval.yes == approval.present
    assert list(Report.objects.approved()) == [report]
    assert [action for action, *_ in timeline(report)] == [
        A.CREATE,
        A.EDIT,
        A.ADOPT,
        A.SUBMIT,
        A.FORWARD,
        A.APPROVE,
    ]
    assert [entry.action for entry in report_log(report)] == [
        f"deliberation.report.{action}"
        for action in ("create", "edit", "adopt", "submit", "forward", "approve")
    ]


def test_the_approved_text_stays_as_approved(group, chair):
    report = ReportFactory(group=group, approved=True)
    approved_title, approved_summary = report.title, report.summary

    refused("state", edit_report, report, actor=chair, title="Sonradan değiştirilmiş başlık")
    # even a change behind the services' back leaves the approved version alone
    Report.objects.filter(pk=report.pk).update(title="Elle değişti", summary="Elle değişti")

    report.refresh_from_db()
    approved = report.approved_version()
    assert (approved.title, approved.summary) == (approved_title, approved_summary)
    assert report.approved_revision.content["title"] == approved_title


def test_the_group_can_reopen_an_adopted_draft(group, chair, member):
    report = ReportFactory(group=group, adopted=True)

    transition(chair, report, A.REOPEN, note="Bir düzeltme gerekiyor.")

    report.refresh_from_db()
    assert report.status == S.DRAFT
    assert_moved(
        report,
        action=A.REOPEN,
        from_status=S.GROUP_ADOPTED,
        to_status=S.DRAFT,
        actor=chair,
        note="Bir düzeltme gerekiyor.",
    )
    edit_report(report, actor=member, summary="Düzeltilmiş özet.")


# A council whose Executive Board approves alone ------------------------------------------


def test_board_only_the_board_approves(board_only, secretariat, group):
    report = ReportFactory(group=group, in_board_review=True)

    approval = decide(report, organ=board(), kind=DecisionKind.APPROVE, text="Onaylandı.")

    report.refresh_from_db()
    assert report.status == S.APPROVED
    assert report.approved_on == approval.decided_on
    assert report.approved_revision == report.latest_revision
    assert_moved(
        report,
        action=A.APPROVE,
        from_status=S.BOARD_REVIEW,
        to_status=S.APPROVED,
        actor=secretariat,
        note="Onaylandı.",
        decision=approval,
    )


def test_board_only_an_opinion_is_refused(board_only, group):
    report = ReportFactory(group=group, in_board_review=True)

    refused("state", decide, report, organ=board(), kind=DecisionKind.OPINION, text="Görüş.")

    report.refresh_from_db()
    assert report.status == S.BOARD_REVIEW
    assert not Decision.objects.filter(kind=DecisionKind.OPINION).exists()


@pytest.mark.parametrize("kind", [DecisionKind.RETURN, DecisionKind.REJECT])
def test_board_only_the_board_still_returns_and_rejects(board_only, group, kind):
    report = ReportFactory(group=group, in_board_review=True)

    decide(report, organ=board(), kind=kind, text=REASONS)

    report.refresh_from_db()
    assert report.status == (S.DRAFT if kind == DecisionKind.RETURN else S.REJECTED)


def test_default_path_the_board_cannot_approve_alone(group):
    report = ReportFactory(group=group, in_board_review=True)

    refused("state", decide, report, organ=board(), kind=DecisionKind.APPROVE, text="Onay.")

    report.refresh_from_db()
    assert report.status == S.BOARD_REVIEW
    assert report.approved_revision is None


# Returned, rejected, withdrawn -------------------------------------------------------------


@pytest.mark.parametrize("state", [S.BOARD_REVIEW, S.ASSEMBLY_REVIEW])
def test_a_returned_report_goes_back_to_draft_and_keeps_the_returned_version(
    secretariat, group, member, state
):
    report = ReportFactory(group=group, state=state)
    returned_version = report.latest_revision

    decision = decide(
        report, organ=organ_of(REVIEWER[state]), kind=DecisionKind.RETURN, text=REASONS
    )

    report.refresh_from_db()
    assert report.status == S.DRAFT
    assert report.is_editable
    assert_moved(
        report,
        action=A.RETURN,
        from_status=state,
        to_status=S.DRAFT,
        actor=secretariat,
        note=REASONS,
        decision=decision,
    )
    event = ReportEvent.objects.get(report=report, action=A.RETURN)
    assert event.revision == returned_version

    # the group revises it; the version the organ returned stays in the history
    edit_report(report, actor=member, findings="<p>Kaynaklarıyla birlikte bulgular.</p>")
    report.refresh_from_db()
    assert report.latest_revision != returned_version
    assert report.revisions.filter(pk=returned_version.pk).exists()
    assert returned_version.content["findings"] != report.findings

    # and takes it round again
    transition(group_leader(group), report, A.ADOPT)
    transition(group_leader(group), report, A.SUBMIT)
    report.refresh_from_db()
    assert report.status == S.BOARD_REVIEW


@pytest.mark.parametrize("reasons", ["", "   \n "])
@pytest.mark.parametrize("state", [S.BOARD_REVIEW, S.ASSEMBLY_REVIEW])
def test_returning_without_reasons_is_refused(group, state, reasons):
    report = ReportFactory(group=group, state=state)
    events_before = timeline(report)

    refused(
        "invalid",
        decide,
        report,
        organ=organ_of(REVIEWER[state]),
        kind=DecisionKind.RETURN,
        text=reasons,
    )

    report.refresh_from_db()
    assert report.status == state
    assert timeline(report) == events_before
    assert not Decision.objects.filter(kind=DecisionKind.RETURN).exists()


@pytest.mark.parametrize("state", [S.BOARD_REVIEW, S.ASSEMBLY_REVIEW])
def test_rejection_is_final(secretariat, group, chair, state):
    report = ReportFactory(group=group, state=state)
    organ = organ_of(REVIEWER[state])

    decision = decide(report, organ=organ, kind=DecisionKind.REJECT, text="Görev alanı dışında.")

    report.refresh_from_db()
    assert report.status == S.REJECTED
    assert_moved(
        report,
        action=A.REJECT,
        from_status=state,
        to_status=S.REJECTED,
        actor=secretariat,
        note="Görev alanı dışında.",
        decision=decision,
    )
    for action in (A.ADOPT, A.REOPEN, A.SUBMIT, A.WITHDRAW):
        refused("state", transition, chair, report, action)
    for kind in REVIEW_DECISIONS:
        refused("state", decide, report, organ=organ, kind=kind, text=REASONS)
    refused("state", edit_report, report, actor=chair, title="Yeniden")
    report.refresh_from_db()
    assert report.status == S.REJECTED


@pytest.mark.parametrize("state", OPEN)
def test_the_group_withdraws_a_report_from_any_open_state(group, chair, state):
    report = ReportFactory(group=group, state=state)

    transition(chair, report, A.WITHDRAW, note="Güncelliğini yitirdi.")

    report.refresh_from_db()
    assert report.status == S.WITHDRAWN
    assert_moved(
        report,
        action=A.WITHDRAW,
        from_status=state,
        to_status=S.WITHDRAWN,
        actor=chair,
        note="Güncelliğini yitirdi.",
    )
    refused("state", transition, chair, report, A.WITHDRAW)


def test_an_approved_report_cannot_be_withdrawn(group, chair):
    report = ReportFactory(group=group, approved=True)

    refused("state", transition, chair, report, A.WITHDRAW)

    report.refresh_from_db()
    assert report.status == S.APPROVED


# Every move from every state ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "state"),
    list(itertools.product([A.ADOPT, A.REOPEN, A.SUBMIT, A.WITHDRAW], list(S))),
)
def test_group_moves_from_every_state(group, action, state):
    report = ReportFactory(group=group, state=state)
    chair = group_leader(group)
    expected = GROUP_MOVES.get((action, state))

    if expected is None:
        error = refused("state", transition, chair, report, action)
        assert str(error)  # a message a person can act on
        report.refresh_from_db()
        assert report.status == state
    else:
        transition(chair, report, action)
        report.refresh_from_db()
        assert report.status == expected
        assert_moved(report, action=action, from_status=state, to_status=expected, actor=chair)


@pytest.mark.parametrize(
    ("state", "organ_kind", "kind"),
    list(itertools.product(list(S), [EB, GA], REVIEW_DECISIONS)),
)
def test_review_decisions_from_every_state(group, state, organ_kind, kind):
    report = ReportFactory(group=group, state=state)
    events_before = timeline(report)
    expected = DECISION_MOVES.get((state, organ_kind, kind))

    if expected is not None:
        decision = decide(report, organ=organ_of(organ_kind), kind=kind, text=REASONS)
        report.refresh_from_db()
        assert report.status == expected
        assert_moved(
            report,
            action=ACTION_OF[kind],
            from_status=state,
            to_status=expected,
            actor=decision.recorded_by,
            note=REASONS,
            decision=decision,
        )
        return

    refused("state", decide, report, organ=organ_of(organ_kind), kind=kind, text=REASONS)
    report.refresh_from_db()
    assert report.status == state
    assert timeline(report) == events_before
    assert not Decision.objects.filter(text=REASONS).exists()


@pytest.mark.parametrize("action", [A.FORWARD, A.APPROVE, A.RETURN, A.REJECT])
def test_review_moves_are_only_made_as_decisions_of_a_meeting(secretariat, group, action):
    report = ReportFactory(group=group, in_board_review=True)

    refused("forbidden", transition, secretariat, report, action)

    report.refresh_from_db()
    assert report.status == S.BOARD_REVIEW


@pytest.mark.parametrize("state", [S.BOARD_REVIEW, S.ASSEMBLY_REVIEW])
def test_a_decision_by_the_wrong_organ_is_refused(group, state):
    report = ReportFactory(group=group, state=state)
    wrong = [
        organ_of(GA if state == S.BOARD_REVIEW else EB),
        report.group,
        OrganFactory(assembly=True),
    ]

    for organ in wrong:
        error = refused(
            "state", decide, report, organ=organ, kind=DecisionKind.RETURN, text=REASONS
        )
        # the refusal names the organ that decides now
        assert str(OrganKind(REVIEWER[state]).label) in str(error)

    report.refresh_from_db()
    assert report.status == state
    assert not Decision.objects.filter(text=REASONS).exists()


@pytest.mark.parametrize("kind", REVIEW_DECISIONS)
@pytest.mark.parametrize(("yes", "no", "abstain"), [(1, 3, 0), (2, 0, 2), (0, 0, 0)])
def test_a_vote_that_is_not_adopted_leaves_the_report_where_it_is(group, kind, yes, no, abstain):
    report = ReportFactory(group=group, in_board_review=True)
    events_before = timeline(report)
    log_before = len(report_log(report))

    decision = decide(
        report, organ=board(), kind=kind, text=REASONS, yes=yes, no=no, abstain=abstain
    )

    assert not decision.adopted
    report.refresh_from_db()
    assert report.status == S.BOARD_REVIEW
    assert timeline(report) == events_before
    assert len(report_log(report)) == log_before


@pytest.mark.parametrize("state", [S.BOARD_REVIEW, S.ASSEMBLY_REVIEW])
def test_an_organ_may_postpone_or_note_a_report_without_moving_it(group, state):
    """A decision of the kind "other" (ertelendi, bilgiye sunuldu) is no move of the path."""
    report = ReportFactory(group=group, state=state)
    events_before = timeline(report)
    log_before = len(report_log(report))

    decision = decide(
        report, organ=organ_of(REVIEWER[state]), kind=DecisionKind.OTHER, text="Ertelendi."
    )

    assert decision.adopted
    assert decision.agenda_item.report == report
    assert Decision.objects.filter(agenda_item__report=report, text="Ertelendi.").count() == 1
    report.refresh_from_db()
    assert report.status == state
    assert timeline(report) == events_before
    assert len(report_log(report)) == log_before


def test_the_groups_adoption_is_no_decision_a_reviewing_organ_takes(group):
    report = ReportFactory(group=group, in_board_review=True)
    events_before = timeline(report)

    with translation.override("en"):
        error = refused(
            "state", decide, report, organ=board(), kind=DecisionKind.ADOPT, text=REASONS
        )
        assert "cannot take the decision “Adopted by the group”" in str(error)
    report.refresh_from_db()
    assert report.status == S.BOARD_REVIEW
    assert timeline(report) == events_before
    assert not Decision.objects.filter(text=REASONS).exists()


def test_a_missing_report_is_not_found(chair):
    refused("not_found", services.report_transition, actor=chair, report_id=99999, action=A.ADOPT)
