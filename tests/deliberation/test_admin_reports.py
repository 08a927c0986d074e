"""Reports in the Wagtail admin: who sees which, the editor's conflict check, the actions."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

from deliberation.models import Report, ReportAction, ReportEvent, ReportStatus

from .factories import (
    MembershipFactory,
    OrganFactory,
    ReportFactory,
    UserFactory,
    board,
    edit_report,
)

pytestmark = pytest.mark.django_db


def admin_client(user) -> Client:
    """A signed-in browser that asks for English, so messages don't depend on the catalogue."""
    # The Wagtail admin speaks the language of the user's profile, not Accept-Language.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def url(name, *args):
    return reverse(f"deliberation_report:{name}", args=args)


@pytest.fixture
def reports(group):
    """A draft of ``group``, a draft of another group, and another group's report in review."""
    other_group = OrganFactory()
    return {
        "own_draft": ReportFactory(group=group, title="Kaldırımlar herkes için"),
        "other_draft": ReportFactory(group=other_group, title="Engelsiz parklar"),
        "in_review": ReportFactory(
            group=other_group, title="Bisiklet yolları", in_board_review=True
        ),
    }


@pytest.mark.parametrize(
    ("role", "seen"),
    [
        ("member", {"own_draft"}),
        ("board_member", {"in_review"}),
        ("secretariat", {"own_draft", "other_draft", "in_review"}),
    ],
)
def test_the_listing_shows_each_role_only_its_reports(reports, member, secretariat, role, seen):
    user = {
        "member": member,
        "board_member": lambda: board().memberships.first().person,
        "secretariat": secretariat,
    }[role]
    user = user() if callable(user) else user

    response = admin_client(user).get(url("list"))

    assert response.status_code == 200
    content = response.content.decode()
    for key, report in reports.items():
        assert (report.title in content) == (key in seen), key


def test_a_report_outside_the_circle_is_not_found_anywhere(reports, member):
    client = admin_client(member)
    hidden = reports["other_draft"]

    for name in ("inspect", "edit", "history", "usage"):
        assert client.get(url(name, hidden.pk)).status_code == 404, name
    revision = hidden.latest_revision_id
    compare = url("revisions_compare", hidden.pk, revision, "latest")
    assert client.get(compare).status_code == 404
    chooser = client.get(reverse("wagtailsnippetchoosers_deliberation_report:choose"))
    assert hidden.title not in chooser.content.decode()


def test_a_report_in_review_opens_on_its_page_not_in_the_editor(reports, secretariat):
    report = reports["in_review"]

    response = admin_client(secretariat).get(url("edit", report.pk))

    assert response.status_code == 302
    assert response.url == url("inspect", report.pk)


def test_nobody_deletes_a_report_not_even_the_secretariat(reports, secretariat):
    report = reports["own_draft"]

    response = admin_client(secretariat).post(url("delete", report.pk))

    assert response.status_code in (302, 403)
    assert Report.objects.filter(pk=report.pk).exists()


def test_a_member_starts_a_report_for_their_own_group_only(group, member):
    other_group = OrganFactory(name="Başka grup")
    client = admin_client(member)

    form = client.get(url("add")).content.decode()
    assert group.name in form and "Başka grup" not in form

    response = client.post(
        url("add"),
        {
            "group": group.pk,
            "title": "Engelsiz Yaşam",
            "summary": "Kısa özet.",
            "problem": rich_text("<p>Rampalar eksik.</p>"),
            "findings": rich_text(""),
            "recommendations": rich_text(""),
            "references": rich_text(""),
        },
    )

    report = Report.objects.get(title="Engelsiz Yaşam")
    assert response.status_code == 302
    assert report.created_by == member and report.group == group
    assert ReportEvent.objects.filter(report=report, action=ReportAction.CREATE).exists()
    refused = client.post(url("add"), {"group": other_group.pk, "title": "X", "summary": "Y"})
    assert refused.status_code == 200
    assert not Report.objects.filter(group=other_group).exists()


def edit_data(report, **changes):
    data = {
        "title": report.title,
        "summary": report.summary,
        "problem": rich_text(report.problem),
        "findings": rich_text(report.findings),
        "recommendations": rich_text(report.recommendations),
        "references": rich_text(report.references),
    }
    data.update(changes)
    return data


def loaded_revision_id(html: str) -> int:
    return int(re.search(r'name="loaded_revision_id" value="(\d+)"', html).group(1))


def test_saving_over_a_newer_version_is_refused_and_keeps_the_text(group, member, chair):
    report = ReportFactory(group=group, title="Kaldırımlar")
    client = admin_client(member)
    loaded = loaded_revision_id(client.get(url("edit", report.pk)).content.decode())
    edit_report(report, actor=chair, title="Kaldırımlar (başkanın sürümü)")

    response = client.post(
        url("edit", report.pk),
        edit_data(report, title="Kaldırımlar (üyenin sürümü)", loaded_revision_id=loaded),
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "saved this draft" in content and "while you were editing" in content
    assert "Kaldırımlar (üyenin sürümü)" in content  # what the member typed is still there
    assert url("revisions_compare", report.pk, loaded, "latest") in content
    report.refresh_from_db()
    assert report.title == "Kaldırımlar (başkanın sürümü)"

    # Having seen the conflict, saving again (from the latest version) is deliberate.
    again = client.post(
        url("edit", report.pk),
        edit_data(
            report,
            title="Kaldırımlar (üyenin sürümü)",
            loaded_revision_id=loaded_revision_id(content),
        ),
    )
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.title == "Kaldırımlar (üyenin sürümü)"
    assert report.revisions.count() == 3


def test_a_member_of_another_group_cannot_edit(reports):
    outsider = MembershipFactory(organ=reports["other_draft"].group).person
    report = reports["own_draft"]

    response = admin_client(outsider).post(url("edit", report.pk), edit_data(report, title="X"))

    assert response.status_code == 404
    report.refresh_from_db()
    assert report.title != "X"


def test_the_chair_submits_an_adopted_report_from_its_page(group, chair, member):
    report = ReportFactory(group=group, adopted=True)

    page = admin_client(chair).get(url("inspect", report.pk)).content.decode()
    assert "Submit to the Executive Board" in page
    assert "Submit to the Executive Board" not in (
        admin_client(member).get(url("inspect", report.pk)).content.decode()
    )

    response = admin_client(chair).post(
        url("inspect", report.pk), {"form": "transition", "action": "submit", "note": ""}
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.BOARD_REVIEW
    assert ModelLogEntry.objects.filter(action="deliberation.report.submit").exists()


def test_a_refused_move_is_an_error_message_not_a_500(group, member):
    report = ReportFactory(group=group, adopted=True)

    response = admin_client(member).post(
        url("inspect", report.pk), {"form": "transition", "action": "submit", "note": ""}
    )

    assert response.status_code == 200
    assert "Only the chair or deputy chair" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.GROUP_ADOPTED


def test_withdrawing_needs_a_reason_and_keeps_what_was_typed(group, chair):
    report = ReportFactory(group=group)
    client = admin_client(chair)

    response = client.post(
        url("inspect", report.pk), {"form": "transition", "action": "withdraw", "note": " "}
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT

    client.post(
        url("inspect", report.pk),
        {"form": "transition", "action": "withdraw", "note": "Başka bir raporla birleşti."},
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.WITHDRAWN
    event = report.events.get(action=ReportAction.WITHDRAW)
    assert event.note == "Başka bir raporla birleşti."


def test_members_comment_and_see_the_timeline(group, member):
    report = ReportFactory(group=group)
    client = admin_client(member)

    client.post(url("inspect", report.pk), {"form": "comment", "body": "Rampalar eklenmeli."})

    page = client.get(url("inspect", report.pk)).content.decode()
    assert "Rampalar eklenmeli." in page
    with translation.override("en"):  # the language of admin_client
        assert str(ReportAction.CREATE.label) in page


def test_restoring_an_older_version_goes_through_the_service(group, member):
    report = ReportFactory(group=group, title="İlk başlık")
    first = report.latest_revision_id
    edit_report(report, actor=member, title="İkinci başlık")
    client = admin_client(member)

    assert client.get(url("revisions_revert", report.pk, first)).status_code == 200
    response = client.post(url("revisions_revert", report.pk, first))

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.title == "İlk başlık"
    assert report.events.filter(action=ReportAction.RESTORE, actor=member).exists()


def test_any_two_versions_can_be_compared(group, member):
    report = ReportFactory(group=group, title="Bir")
    first = report.latest_revision_id
    edit_report(report, actor=member, title="İki")
    edit_report(report, actor=member, title="Üç")
    last = Report.objects.get(pk=report.pk).latest_revision_id
    client = admin_client(member)

    response = client.get(url("compare_any", report.pk), {"revision_a": last, "revision_b": first})

    assert response.status_code == 302
    assert response.url == url("revisions_compare", report.pk, first, last)
    assert client.get(response.url).status_code == 200


def test_a_board_member_reads_a_report_in_review_but_cannot_act(reports):
    reviewer = board().memberships.first().person
    report = reports["in_review"]
    client = admin_client(reviewer)

    page = client.get(url("inspect", report.pk))
    assert page.status_code == 200
    assert "Withdraw the report" not in page.content.decode()
    assert client.get(url("history", report.pk)).status_code == 200


def test_signed_up_people_without_a_role_see_no_reports(reports):
    person = UserFactory()
    MembershipFactory(organ=OrganFactory(), person=person).delete()  # access via the group only

    response = admin_client(person).get(url("list"))

    assert response.status_code in (200, 302)
    for report in reports.values():
        assert report.title not in response.content.decode()


def test_a_locked_draft_cannot_be_saved_or_unlocked_by_a_colleague(group, member, chair):
    report = ReportFactory(group=group, title="Kilitli taslak")
    colleague = MembershipFactory(organ=group).person
    admin_client(member).post(url("lock", report.pk))
    report.refresh_from_db()
    assert report.locked and report.locked_by == member
    client = admin_client(colleague)

    page = client.get(url("edit", report.pk))
    response = client.post(
        url("edit", report.pk),
        edit_data(report, title="Üstüne yazma", loaded_revision_id=report.latest_revision_id),
    )

    assert page.status_code == 200
    assert response.status_code == 200
    assert "locked" in response.content.decode()
    client.post(url("unlock", report.pk))
    report.refresh_from_db()
    assert report.title == "Kilitli taslak" and report.locked

    admin_client(chair).post(url("unlock", report.pk))
    report.refresh_from_db()
    assert not report.locked


def test_the_listing_costs_the_same_queries_for_few_or_many_reports(group, member, secretariat):
    def count_queries(user):
        client = admin_client(user)
        client.get(url("list"))  # warm caches (content types, site, settings)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("list")).status_code == 200
        return len(queries)

    ReportFactory(group=group)
    few = [count_queries(member), count_queries(secretariat)]
    ReportFactory.create_batch(8, group=group)
    ReportFactory.create_batch(4, group=group, in_board_review=True)

    assert [count_queries(member), count_queries(secretariat)] == few
