"""Drafting a report: a version per save, conflicts, restoring, locks and comments."""

import pytest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry, Revision

from deliberation import services
from deliberation.errors import DeliberationError
from deliberation.models import Report, ReportAction, ReportComment, ReportEvent, ReportStatus

from .factories import MembershipFactory, OrganFactory, ReportFactory, edit_report

pytestmark = pytest.mark.django_db


def refused(code, call, *args, **kwargs):
    with pytest.raises(DeliberationError) as error:
        call(*args, **kwargs)
    assert error.value.code == code, str(error.value)
    return error.value


def versions(report):
    return list(report.revisions.order_by("created_at", "pk"))


def test_a_new_report_is_a_draft_with_its_first_version(group, member):
    report = services.report_create(
        actor=member,
        group=group,
        title="Engelsiz Yaşam: erişilebilir kaldırımlar",
        summary="Kaldırımların erişilebilirliği üzerine.",
        problem="<p>Rampalar eksik.</p>",
    )

    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.created_by == member
    [first] = versions(report)
    assert first.user == member
    assert first.content["problem"] == "<p>Rampalar eksik.</p>"
    assert report.latest_revision == first
    event = ReportEvent.objects.get(report=report)
    assert (event.action, event.actor, event.revision) == (ReportAction.CREATE, member, first)


@pytest.mark.parametrize("kind", ["executive_board", "general_assembly"])
def test_only_working_groups_and_assemblies_write_reports(secretariat, kind):
    organ = OrganFactory(**{kind: True})

    refused(
        "invalid", services.report_create, actor=secretariat, group=organ, title="T", summary="S"
    )

    assert not Report.objects.exists()


def test_an_assembly_writes_reports(secretariat):
    assembly = OrganFactory(assembly=True)
    writer = MembershipFactory(organ=assembly).person

    report = services.report_create(actor=writer, group=assembly, title="Gençlik", summary="Özet")

    assert report.group == assembly


@pytest.mark.parametrize(("title", "summary"), [("", "Özet"), ("Başlık", ""), ("x" * 301, "Özet")])
def test_a_report_without_title_or_summary_is_refused_with_a_domain_error(
    group, member, title, summary
):
    refused(
        "invalid", services.report_create, actor=member, group=group, title=title, summary=summary
    )

    assert not Report.objects.exists()


def test_every_save_keeps_a_version_with_its_author(group, chair, member):
    report = ReportFactory(group=group, author=chair, title="İlk başlık")

    edit_report(report, actor=member, title="İkinci başlık")
    edit_report(report, actor=chair, title="Üçüncü başlık", summary="Yeni özet")

    report.refresh_from_db()
    assert report.title == "Üçüncü başlık"
    assert [(v.user, v.content["title"]) for v in versions(report)] == [
        (chair, "İlk başlık"),
        (member, "İkinci başlık"),
        (chair, "Üçüncü başlık"),
    ]
    edits = ReportEvent.objects.filter(report=report, action=ReportAction.EDIT).order_by("pk")
    assert [(e.actor, e.revision) for e in edits] == [
        (member, versions(report)[1]),
        (chair, versions(report)[2]),
    ]
    assert (
        ModelLogEntry.objects.for_instance(report).filter(action="deliberation.report.edit").count()
        == 2
    )


def test_a_save_cannot_change_the_state_the_group_or_the_approval_record(group, member):
    report = ReportFactory(group=group)
    other_group = OrganFactory()
    edited = Report.objects.get(pk=report.pk)
    edited.title = "Düzeltilmiş"
    edited.status = ReportStatus.APPROVED
    edited.group = other_group

    services.report_save(actor=member, report=edited, base_revision_id=edited.latest_revision_id)

    report.refresh_from_db()
    assert report.title == "Düzeltilmiş"
    assert report.status == ReportStatus.DRAFT
    assert report.group == group
    assert report.approved_revision is None


def test_a_save_over_a_newer_version_is_refused_and_changes_nothing(group, chair, member):
    report = ReportFactory(group=group, title="Ortak başlangıç")
    loaded = report.latest_revision_id  # both open the same version
    edit_report(report, actor=chair, title="Başkanın değişikliği", base_revision_id=loaded)

    error = refused(
        "conflict",
        edit_report,
        report,
        actor=member,
        title="Üyenin değişikliği",
        summary="Üyenin özeti",
        base_revision_id=loaded,
    )

    report.refresh_from_db()
    assert report.title == "Başkanın değişikliği"
    assert report.summary != "Üyenin özeti"
    assert len(versions(report)) == 2
    assert report.latest_revision.user == chair
    # the message says who saved in between, so the member can compare and merge
    assert chair.get_full_name() in str(error)


def test_a_save_that_does_not_say_which_version_it_started_from_is_refused(group, member):
    """Without the loaded version the conflict check cannot run: nothing is overwritten."""
    report = ReportFactory(group=group, title="Ortak başlangıç")
    edited = Report.objects.get(pk=report.pk)
    edited.title = "Sürümü bilinmeyen değişiklik"

    with translation.override("en"):
        error = refused(
            "conflict", services.report_save, actor=member, report=edited, base_revision_id=None
        )
        # its own message: nobody else saved in between, the editor named no version
        assert "did not say which version of the draft it started from" in str(error)
        assert "Someone else" not in str(error)

    report.refresh_from_db()
    assert report.title == "Ortak başlangıç"
    assert len(versions(report)) == 1


def test_restoring_an_old_version_keeps_the_ones_in_between(group, chair, member):
    report = ReportFactory(group=group, title="Birinci", problem="<p>Birinci sorun</p>")
    edit_report(report, actor=member, title="İkinci", problem="<p>İkinci sorun</p>")
    edit_report(report, actor=member, title="Üçüncü", problem="<p>Üçüncü sorun</p>")
    first, second, third = versions(report)

    restored = services.report_restore(actor=chair, report_id=report.pk, revision_id=first.pk)

    report.refresh_from_db()
    assert restored.pk == report.pk
    assert (report.title, report.problem) == ("Birinci", "<p>Birinci sorun</p>")
    assert report.status == ReportStatus.DRAFT
    *kept, newest = versions(report)
    assert kept == [first, second, third]
    assert (newest.user, newest.content["title"]) == (chair, "Birinci")
    assert report.latest_revision == newest
    event = ReportEvent.objects.filter(report=report).last()
    assert (event.action, event.actor, event.revision) == (ReportAction.RESTORE, chair, newest)
    assert (
        ModelLogEntry.objects.for_instance(report)
        .filter(action="deliberation.report.restore", user=chair)
        .exists()
    )


def test_a_version_of_another_report_cannot_be_restored(group, member):
    report = ReportFactory(group=group, title="Bizim rapor")
    other = ReportFactory(title="Başka rapor")

    refused(
        "invalid",
        services.report_restore,
        actor=member,
        report_id=report.pk,
        revision_id=other.latest_revision_id,
    )

    report.refresh_from_db()
    assert report.title == "Bizim rapor"


@pytest.mark.parametrize(
    "state",
    [
        ReportStatus.GROUP_ADOPTED,
        ReportStatus.BOARD_REVIEW,
        ReportStatus.ASSEMBLY_REVIEW,
        ReportStatus.APPROVED,
        ReportStatus.REJECTED,
        ReportStatus.WITHDRAWN,
    ],
)
def test_only_drafts_are_edited_or_restored(group, member, state):
    report = ReportFactory(group=group, state=state, title="Kabul edilen metin")
    count = Revision.objects.count()

    refused("state", edit_report, report, actor=member, title="Sonradan")
    refused(
        "state",
        services.report_restore,
        actor=member,
        report_id=report.pk,
        revision_id=report.latest_revision_id,
    )

    report.refresh_from_db()
    assert report.title == "Kabul edilen metin"
    assert report.status == state
    assert Revision.objects.count() == count


def test_only_the_groups_members_edit_or_restore_and_each_refusal_says_which(group):
    report = ReportFactory(group=group, title="Grubun raporu")
    outsider = MembershipFactory(organ=OrganFactory()).person

    with translation.override("en"):
        saving = refused("forbidden", edit_report, report, actor=outsider, title="Dışarıdan")
        restoring = refused(
            "forbidden",
            services.report_restore,
            actor=outsider,
            report_id=report.pk,
            revision_id=report.latest_revision_id,
        )
        assert str(saving) == "You may not edit this report."
        assert str(restoring) == "You may not restore versions of this report now."

    report.refresh_from_db()
    assert report.title == "Grubun raporu"
    assert len(versions(report)) == 1


def lock(report, user):
    Report.objects.filter(pk=report.pk).update(
        locked=True, locked_by=user, locked_at=timezone.now()
    )


def test_a_draft_locked_by_another_member_cannot_be_saved_or_restored(group, chair, member):
    report = ReportFactory(group=group, title="Kilitli taslak")
    edit_report(report, actor=chair, title="Kilitli taslak, ikinci")
    lock(report, chair)

    refused("conflict", edit_report, report, actor=member, title="Üzerine yazma")
    refused(
        "conflict",
        services.report_restore,
        actor=member,
        report_id=report.pk,
        revision_id=versions(report)[0].pk,
    )

    report.refresh_from_db()
    assert report.title == "Kilitli taslak, ikinci"
    assert len(versions(report)) == 2


def test_restoring_a_version_saved_under_a_lock_does_not_bring_the_lock_back(group, chair, member):
    report = ReportFactory(group=group, title="Birinci")
    lock(report, chair)
    edit_report(report, actor=chair, title="Kilit altında kaydedildi")
    Report.objects.filter(pk=report.pk).update(locked=False, locked_by=None, locked_at=None)
    edit_report(report, actor=member, title="Kilit açıldıktan sonra")
    saved_under_lock = versions(report)[1]

    services.report_restore(actor=member, report_id=report.pk, revision_id=saved_under_lock.pk)

    report.refresh_from_db()
    assert report.title == "Kilit altında kaydedildi"
    assert (report.locked, report.locked_by) == (False, None)


def test_the_member_holding_the_lock_saves(group, chair):
    report = ReportFactory(group=group)
    lock(report, chair)

    edit_report(report, actor=chair, title="Kilidi tutan kaydeder")

    report.refresh_from_db()
    assert report.title == "Kilidi tutan kaydeder"


# Comments ---------------------------------------------------------------------------------


def test_members_comment_on_the_version_they_read(group, member):
    report = ReportFactory(group=group)

    comment = services.report_comment_add(
        actor=member, report_id=report.pk, body="  Öneriler bölümüne bütçe eklenmeli.  "
    )

    assert comment.body == "Öneriler bölümüne bütçe eklenmeli."
    assert comment.author == member
    assert comment.revision == report.latest_revision
    assert (
        ModelLogEntry.objects.for_instance(report)
        .filter(action="deliberation.report.comment", user=member)
        .exists()
    )


@pytest.mark.parametrize("body", ["", "   ", None])
def test_an_empty_comment_is_refused(group, member, body):
    report = ReportFactory(group=group)

    refused("invalid", services.report_comment_add, actor=member, report_id=report.pk, body=body)

    assert not ReportComment.objects.exists()
