"""The public organ pages: consented members, meetings, minutes and approved reports only.

Test data is built with the ORM and the deliberation services; the page tree with the
site's fixtures (tests/conftest.py).
"""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import HomePage, OrganIndexPage, OrganPage
from deliberation import services
from deliberation.access import SECRETARIAT_GROUP
from deliberation.models import (
    AgendaItem,
    DecisionKind,
    Meeting,
    Membership,
    Organ,
    OrganKind,
    Report,
    ReportAction,
    ReportStatus,
    Role,
    Topic,
)
from tests.factories import make_home

pytestmark = pytest.mark.django_db

SINCE = datetime.date(2025, 1, 1)
_numbers = itertools.count(1)


# --- Building the council ----------------------------------------------------------------


def make_user(first_name="Ayşe", last_name="Yılmaz", *, email=None, **fields):
    number = next(_numbers)
    email = email or f"kisi{number}@example.org"
    return get_user_model().objects.create_user(
        username=email,
        email=email,
        password="parola-1234-uzun",
        first_name=first_name,
        last_name=last_name,
        **fields,
    )


def make_secretariat():
    user = make_user("Sekreter", "Kâtip")
    user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    return user


def make_organ(name="Kent ve Kentli Hakkı Çalışma Grubu", kind=OrganKind.WORKING_GROUP, **fields):
    number = next(_numbers)
    return Organ.objects.create(
        name=name,
        slug=f"organ-{number}",
        kind=kind,
        purpose=fields.pop("purpose", "Kentte yaşayanların haklarını görüşür."),
        **fields,
    )


def add_member(organ, person=None, *, role=Role.MEMBER, show_publicly=True, represents=""):
    person = person or make_user(f"Üye{next(_numbers)}", "Demir")
    Membership.objects.create(
        organ=organ,
        person=person,
        role=role,
        represents=represents,
        show_publicly=show_publicly,
        starts_on=SINCE,
    )
    return person


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def quorate_meeting(organ, clerk, *, members=3, days=30):
    """A past meeting of ``organ`` with all of its (made up to ``members``) members present."""
    while organ.memberships.count() < members:
        add_member(organ)
    meeting = Meeting.objects.create(
        organ=organ, starts_at=days_ago(days), place="Kent Konseyi Toplantı Salonu"
    )
    services.meeting_record_attendance(
        actor=clerk,
        meeting_id=meeting.pk,
        present_ids=organ.memberships.values_list("person_id", flat=True),
    )
    return meeting


def decide(report, organ, clerk, kind, text="", *, days=30):
    meeting = quorate_meeting(organ, clerk, days=days)
    item = AgendaItem.objects.create(meeting=meeting, title=f"Rapor: {report.title}", report=report)
    return services.decision_record(
        actor=clerk,
        agenda_item_id=item.pk,
        kind=kind,
        yes=meeting.present_count(),
        text=text,
    )


def draft_report(group, chair, **fields):
    fields.setdefault("title", "Kentsel dönüşümde hak kayıpları")
    fields.setdefault("summary", "Kiracıların ve esnafın yaşadığı hak kayıpları.")
    fields.setdefault("recommendations", "<p>Her dönüşüm alanında danışma masası kurulmalı.</p>")
    return services.report_create(actor=chair, group=group, **fields)


def approve(report, chair, clerk):
    """Walk a draft along the default path: the board's opinion, the assembly's approval."""
    for action in (ReportAction.ADOPT, ReportAction.SUBMIT):
        services.report_transition(actor=chair, report_id=report.pk, action=action)
    board = Organ.objects.filter(kind=OrganKind.EXECUTIVE_BOARD).first() or make_organ(
        "Yürütme Kurulu", OrganKind.EXECUTIVE_BOARD
    )
    assembly = Organ.objects.filter(kind=OrganKind.GENERAL_ASSEMBLY).first() or make_organ(
        "Genel Kurul", OrganKind.GENERAL_ASSEMBLY
    )
    decide(
        report, board, clerk, DecisionKind.OPINION, "Yürütme Kurulu olumlu görüş verdi.", days=40
    )
    decide(report, assembly, clerk, DecisionKind.APPROVE, "Rapor aynen kabul edildi.", days=20)
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    return report


def approved_directly(group, title):
    """An approved report made by setting its approved revision, as a data import would."""
    report = Report.objects.create(group=group, title=title, summary=f"{title} özeti.")
    revision = report.save_revision()
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.APPROVED,
        approved_revision=revision,
        approved_on=datetime.date(2026, 5, 1),
    )
    return report


@pytest.fixture
def organ_index(home):
    return home.add_child(instance=OrganIndexPage(title="Organlar", slug="organlar"))


@pytest.fixture
def group():
    return make_organ()


@pytest.fixture
def chair(group):
    return add_member(group, make_user("Zeynep", "Kaya"), role=Role.CHAIR)


@pytest.fixture
def clerk():
    return make_secretariat()


def organ_page_for(organ_index, organ, **fields):
    return organ_index.add_child(
        instance=OrganPage(title=organ.name, slug=organ.slug, organ=organ, **fields)
    )


@pytest.fixture
def group_page(organ_index, group):
    return organ_page_for(organ_index, group, intro="Kent hakkı üzerine çalışır.")


def report_url(page, report_id) -> str:
    return page.url + page.reverse_subpage("report", args=[report_id])


def minutes_url(page, meeting_id) -> str:
    return page.url + page.reverse_subpage("meeting", args=[meeting_id])


# --- Members -----------------------------------------------------------------------------


def test_page_shows_purpose_and_only_members_who_consented_without_emails(
    client, group_page, chair
):
    group = group_page.organ
    shown = add_member(
        group, make_user("Elif", "Şahin"), represents="Mimarlar Odası", show_publicly=True
    )
    hidden = add_member(group, make_user("Gizli", "Kişi"), show_publicly=False)
    former = make_user("Eski", "Üye")
    Membership.objects.create(
        organ=group, person=former, show_publicly=True, starts_on=SINCE, ends_on=SINCE
    )

    response = client.get(group_page.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Kentte yaşayanların haklarını görüşür." in content
    assert "Elif Şahin" in content and "Mimarlar Odası" in content
    assert "Zeynep Kaya" in content
    assert "Gizli" not in content
    assert "Eski Üye" not in content
    for person in (shown, hidden, former, chair):
        assert person.email not in content
    assert "@" not in content


def test_a_consenting_member_without_a_name_is_not_shown_by_user_name(client, group_page):
    add_member(group_page.organ, make_user("", "", email="adsiz@example.org"))

    content = client.get(group_page.url).content.decode()

    assert "adsiz" not in content


# --- Reports -----------------------------------------------------------------------------


def test_approved_report_shows_the_approved_text_even_after_the_row_changes(
    client, group_page, chair, clerk
):
    report = draft_report(group_page.organ, chair)
    edited = Report.objects.get(pk=report.pk)
    edited.topics = [Topic.objects.create(name="Kentsel dönüşüm", slug="kentsel-donusum")]
    services.report_save(actor=chair, report=edited, base_revision_id=report.latest_revision_id)
    report = approve(report, chair, clerk)
    # Someone changes the row afterwards and saves a new version: neither is public.
    Report.objects.filter(pk=report.pk).update(
        title="Sonradan değişen başlık", recommendations="<p>Onaylanmamış öneri.</p>"
    )
    changed = Report.objects.get(pk=report.pk)
    changed.summary = "Onaylanmamış özet."
    changed.topics = [Topic.objects.create(name="Onaylanmamış konu", slug="konu")]
    changed.save()
    changed.save_revision()

    detail = client.get(report_url(group_page, report.pk))
    listing = client.get(group_page.url).content.decode()

    assert detail.status_code == 200
    content = detail.content.decode()
    assert "Kentsel dönüşümde hak kayıpları" in content
    assert "Her dönüşüm alanında danışma masası kurulmalı." in content
    assert "Kentsel dönüşüm</span>" in content
    assert "Sonradan değişen başlık" not in content
    assert "Onaylanmamış" not in content
    assert "Kentsel dönüşümde hak kayıpları" in listing
    assert "Sonradan değişen başlık" not in listing
    assert "Onaylanmamış özet." not in listing


def test_report_page_shows_the_approval_record_and_the_path_but_no_edits_or_comments(
    client, group_page, chair, clerk
):
    report = draft_report(group_page.organ, chair)
    edited = Report.objects.get(pk=report.pk)
    edited.summary = "İkinci sürüm özeti."
    services.report_save(actor=chair, report=edited, base_revision_id=report.latest_revision_id)
    services.report_comment_add(actor=chair, report_id=report.pk, body="Gizli iç yorum")
    report = approve(report, chair, clerk)

    response = client.get(report_url(group_page, report.pk))

    content = response.content.decode()
    decisions = [event.decision for event in report.events.exclude(decision=None)]
    assert len(decisions) == 2
    assert "Yürütme Kurulu" in content and "Genel Kurul" in content
    for decision in decisions:
        assert f"<td>{decision.reference}</td>" in content
    assert "Yürütme Kurulu olumlu görüş verdi." in content
    assert "Gizli iç yorum" not in content
    with translation.override("tr"):
        assert str(ReportAction.APPROVE.label) in content
        assert str(ReportAction.EDIT.label) not in content
        assert str(ReportAction.CREATE.label) not in content
    # the votes: 3 members, 3 present, 3 yes, 0 no, 0 abstain
    assert content.count("<td>3</td>") == 6


@pytest.mark.parametrize(
    "walk",
    ["draft", "adopted", "in_review", "returned", "rejected", "withdrawn"],
)
def test_a_report_that_is_not_approved_is_404_for_everyone(client, group_page, chair, clerk, walk):
    report = draft_report(group_page.organ, chair)
    moves = {
        "adopted": [ReportAction.ADOPT],
        "in_review": [ReportAction.ADOPT, ReportAction.SUBMIT],
        "returned": [ReportAction.ADOPT, ReportAction.SUBMIT],
        "rejected": [ReportAction.ADOPT, ReportAction.SUBMIT],
        "withdrawn": [ReportAction.WITHDRAW],
    }.get(walk, [])
    for action in moves:
        services.report_transition(actor=chair, report_id=report.pk, action=action)
    board = make_organ("Yürütme Kurulu", OrganKind.EXECUTIVE_BOARD)
    if walk == "returned":
        decide(report, board, clerk, DecisionKind.RETURN, "Bulgular eksik.")
    if walk == "rejected":
        decide(report, board, clerk, DecisionKind.REJECT, "Görev alanı dışında.")

    url = report_url(group_page, report.pk)
    assert client.get(url).status_code == 404
    client.force_login(clerk)  # the secretariat sees drafts in the back office, not here
    assert client.get(url).status_code == 404
    assert report.title not in client.get(group_page.url).content.decode()


def test_an_approved_report_is_only_served_under_its_own_groups_page(
    client, organ_index, group_page, chair, clerk
):
    other_page = organ_page_for(organ_index, make_organ("Engelsiz Yaşam Çalışma Grubu"))
    report = approve(draft_report(group_page.organ, chair), chair, clerk)

    assert client.get(report_url(other_page, report.pk)).status_code == 404
    assert client.get(report_url(group_page, report.pk)).status_code == 200


def test_reviewing_organs_page_lists_the_reports_it_decided_on(
    client, organ_index, group_page, chair, clerk
):
    report = approve(draft_report(group_page.organ, chair), chair, clerk)
    assembly_page = organ_page_for(organ_index, Organ.objects.get(kind=OrganKind.GENERAL_ASSEMBLY))

    content = client.get(assembly_page.url).content.decode()

    assert f'href="{report_url(group_page, report.pk)}"' in content


def test_an_unpublished_page_serves_nothing(client, group_page, chair, clerk):
    report = approve(draft_report(group_page.organ, chair), chair, clerk)
    group_page.unpublish()

    assert client.get(group_page.url or "/organlar/" + group_page.slug + "/").status_code == 404
    assert client.get(f"/organlar/{group_page.slug}/rapor/{report.pk}/").status_code == 404


# --- Meetings and minutes ----------------------------------------------------------------


def test_meetings_are_listed_and_only_published_minutes_are_served(client, group_page, clerk):
    group = group_page.organ
    published = quorate_meeting(group, clerk, days=60)
    Meeting.objects.filter(pk=published.pk).update(minutes="Toplantı tutanağının metni.")
    services.meeting_publish_minutes(actor=clerk, meeting_id=published.pk)
    unpublished = Meeting.objects.create(
        organ=group, starts_at=days_ago(10), place="Muhtarlık", minutes="Taslak tutanak."
    )
    Meeting.objects.create(organ=group, starts_at=days_ago(-10), place="Gelecek Salonu")

    page = client.get(group_page.url).content.decode()
    shown = client.get(minutes_url(group_page, published.pk))

    assert "Gelecek Salonu" in page and "Muhtarlık" in page
    assert minutes_url(group_page, published.pk) in page
    assert minutes_url(group_page, unpublished.pk) not in page
    assert shown.status_code == 200
    assert "Toplantı tutanağının metni." in shown.content.decode()
    assert client.get(minutes_url(group_page, unpublished.pk)).status_code == 404
    client.force_login(clerk)
    assert client.get(minutes_url(group_page, unpublished.pk)).status_code == 404


def test_minutes_of_another_organ_are_not_served_here(client, organ_index, group_page, clerk):
    other = make_organ("Engelsiz Yaşam Çalışma Grubu")
    organ_page_for(organ_index, other)
    meeting = quorate_meeting(other, clerk)
    Meeting.objects.filter(pk=meeting.pk).update(minutes="Başka grubun tutanağı.")
    services.meeting_publish_minutes(actor=clerk, meeting_id=meeting.pk)

    assert client.get(minutes_url(group_page, meeting.pk)).status_code == 404


# --- Sitemap, index and search -----------------------------------------------------------


def test_sitemap_lists_approved_reports_and_published_minutes_only(
    client, group_page, chair, clerk
):
    approved = approve(draft_report(group_page.organ, chair), chair, clerk)
    draft = draft_report(group_page.organ, chair, title="Taslak rapor")
    published = quorate_meeting(group_page.organ, clerk, days=5)
    Meeting.objects.filter(pk=published.pk).update(minutes="Tutanak.")
    services.meeting_publish_minutes(actor=clerk, meeting_id=published.pk)
    unpublished = Meeting.objects.create(
        organ=group_page.organ, starts_at=days_ago(3), place="Salon"
    )

    sitemap = client.get("/sitemap.xml").content.decode()

    assert f"{group_page.url}rapor/{approved.pk}/</loc>" in sitemap
    assert f"rapor/{draft.pk}/</loc>" not in sitemap
    assert f"{group_page.url}toplanti/{published.pk}/</loc>" in sitemap
    assert f"toplanti/{unpublished.pk}/</loc>" not in sitemap


def test_index_lists_organ_pages_by_kind(client, organ_index, group_page):
    organ_page_for(organ_index, make_organ("Genel Kurul", OrganKind.GENERAL_ASSEMBLY))
    organ_page_for(organ_index, make_organ("Çocuk Meclisi", OrganKind.ASSEMBLY))

    content = client.get(organ_index.url).content.decode()

    assert content.index("Genel Kurul") < content.index("Çocuk Meclisi")
    assert content.index("Çocuk Meclisi") < content.index(group_page.title)


def test_search_finds_the_organ_page_but_never_a_draft(client, group_page, chair):
    draft_report(group_page.organ, chair, title="Gizlikalacak taslak")

    found = client.get("/ara/", {"q": "KENTTE YAŞAYANLARIN"}).content.decode()
    hidden = client.get("/ara/", {"q": "Gizlikalacak"}).content.decode()

    assert group_page.title in found
    assert 'class="search-results"' not in hidden


def test_one_page_per_organ_and_language(organ_index, group_page):
    duplicate = OrganPage(title="İkinci", slug="ikinci", organ=group_page.organ)
    duplicate.locale = group_page.locale
    with pytest.raises(ValidationError):
        duplicate.clean()


# --- Query budget ------------------------------------------------------------------------


def queries_for(client, url: str) -> list[str]:
    assert client.get(url).status_code == 200
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def grow(group, clerk, count: int):
    for _ in range(count):
        add_member(group, represents="Bir dernek")
        number = next(_numbers)
        meeting = Meeting.objects.create(
            organ=group, starts_at=days_ago(number % 200 + 1), place=f"Salon {number}"
        )
        Meeting.objects.filter(pk=meeting.pk).update(
            minutes="Tutanak.", minutes_published_at=timezone.now()
        )
        Meeting.objects.create(organ=group, starts_at=days_ago(-number), place="Gelecek")
        approved_directly(group, f"Rapor {number}")


def test_organ_page_queries_do_not_grow_with_members_meetings_and_reports(
    client, group_page, clerk
):
    client.force_login(add_member(group_page.organ))  # signed in: the join state is read too
    grow(group_page.organ, clerk, 3)
    small = queries_for(client, group_page.url)
    grow(group_page.organ, clerk, 25)
    large = queries_for(client, group_page.url)

    assert len(large) == len(small), "\n".join(large[len(small) :])


def test_report_page_queries_do_not_grow_with_its_decisions(client, group_page, chair, clerk):
    report = approve(draft_report(group_page.organ, chair), chair, clerk)
    small = queries_for(client, report_url(group_page, report.pk))
    # A second approved report with a longer path (returned once) costs the same.
    second = draft_report(group_page.organ, chair, title="İkinci rapor")
    for action in (ReportAction.ADOPT, ReportAction.SUBMIT):
        services.report_transition(actor=chair, report_id=second.pk, action=action)
    board = Organ.objects.get(kind=OrganKind.EXECUTIVE_BOARD)
    decide(second, board, clerk, DecisionKind.RETURN, "Eksik.", days=50)
    approve(second, chair, clerk)
    large = queries_for(client, report_url(group_page, second.pk))

    assert len(large) == len(small), "\n".join(large[len(small) :])


# --- Editors place the pages -------------------------------------------------------------


class OrganPagesInAdminTests(WagtailPageTestCase):
    """An editor adds the organs index and an organ's page in the admin."""

    def setUp(self):
        # client.login() passes no request, which django-axes needs; force_login checks none.
        self.client.force_login(self.create_test_user())
        self.home = make_home()
        self.organ = make_organ()

    def test_tree_rules(self):
        self.assertAllowedSubpageTypes(OrganIndexPage, {OrganPage})
        self.assertAllowedParentPageTypes(OrganPage, {OrganIndexPage})
        self.assertAllowedSubpageTypes(OrganPage, set())
        self.assertCanCreateAt(HomePage, OrganIndexPage)

    def test_editor_creates_the_index_and_an_organ_page(self):
        self.assertCanCreate(
            self.home,
            OrganIndexPage,
            nested_form_data(
                {
                    "title": "Organlar ve çalışma grupları",
                    "slug": "organlar",
                    "intro": "Konseyin organları.",
                    "body": streamfield([]),
                }
            ),
        )
        index = OrganIndexPage.objects.get(slug="organlar")
        self.assertCanCreate(
            index,
            OrganPage,
            nested_form_data(
                {
                    "title": "Kent ve Kentli Hakkı",
                    "slug": "kent-hakki",
                    "organ": self.organ.pk,
                    "intro": "Kent hakkı üzerine çalışır.",
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Her ayın ilk salısı toplanır.</p>"))]
                    ),
                }
            ),
        )
        page = OrganPage.objects.get(slug="kent-hakki")
        response = self.client.get(page.url)
        self.assertContains(response, "Her ayın ilk salısı toplanır.")
        self.assertContains(response, "Kentte yaşayanların haklarını görüşür.")
        self.assertContains(self.client.get(index.url), page.title)

    def test_a_second_page_for_the_same_organ_is_refused(self):
        index = self.home.add_child(instance=OrganIndexPage(title="Organlar", slug="organlar"))
        organ_page_for(index, self.organ)

        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=["cms", "organpage", index.pk]),
            nested_form_data(
                {
                    "title": "Kopya",
                    "slug": "kopya",
                    "organ": self.organ.pk,
                    "intro": "",
                    "body": streamfield([]),
                    "action-publish": "publish",
                }
            ),
        )

        self.assertEqual(response.status_code, 200)
        with translation.override("tr"):
            self.assertContains(
                response, translation.gettext("This organ already has a page in this language.")
            )
        self.assertFalse(OrganPage.objects.filter(slug="kopya").exists())
