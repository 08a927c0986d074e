"""Private files stay private: who gets a working file, through every channel.

Every owner state (reports on their path, minutes, motions and their events, a file only
an earlier version referred to) against every role, through the serve view, MEDIA_ROOT,
the admin's document chooser, listing and API, and the project's own forms.
"""

import importlib
import json
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import Http404
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.views.static import serve as static_serve
from wagtail.models import Collection, GroupCollectionPermission

from cms.models import CouncilDocument, DocumentKind
from cms.models.documents import public_library_documents
from deliberation.files import library_collection, private_collection
from deliberation.forms import ReportForm
from deliberation.models import DecisionKind, ReportStatus
from motions.forms import MotionCreateForm, MotionEventForm
from motions.models import EventKind
from tests.deliberation.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganFactory,
    ReportFactory,
    UserFactory,
    advance_report,
    board,
    decide,
    edit_report,
    secretariat_user,
)
from tests.factories import CouncilDocumentFactory, make_home
from tests.motions.open_data import motion as make_motion
from tests.motions.open_data import place_on_agenda

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "member",
    "other_member",
    "board_member",
    "editor",
    "secretariat",
    "deactivated",
)
EVERYONE = set(ROLES)


@pytest.fixture(autouse=True)
def site(db):
    return make_home()


@pytest.fixture
def group(db):
    return OrganFactory()


@pytest.fixture
def people(group):
    """One user per role; the deactivated one was a member of the group."""
    deactivated = MembershipFactory(organ=group).person
    deactivated.is_active = False
    deactivated.save(update_fields=["is_active"])
    return {
        "anonymous": None,
        "member": MembershipFactory(organ=group).person,
        "other_member": MembershipFactory(organ=OrganFactory()).person,
        "board_member": MembershipFactory(organ=board()).person,
        "editor": UserFactory(group_names=("Editors",)),
        "secretariat": secretariat_user(),
        "deactivated": deactivated,
    }


def working_file(uploader=None, **kwargs):
    return CouncilDocumentFactory(
        title=kwargs.pop("title", "Saha görüşmeleri notları"),
        kind=DocumentKind.OTHER,
        collection=private_collection(),
        uploaded_by_user=uploader,
        **kwargs,
    )


def client_for(user) -> Client:
    client = Client(headers={"accept-language": "tr"})
    if user is not None:
        client.force_login(user)
    return client


def who_downloads(document, people) -> set[str]:
    """The roles that get the file from /documents/<id>/<name>; the others must get 404."""
    allowed = set()
    for role, user in people.items():
        response = client_for(user).get(document.url)
        assert response.status_code in (200, 404), (role, response.status_code)
        if response.status_code == 200:
            assert b"".join(response.streaming_content).startswith(b"%PDF")
            allowed.add(role)
    return allowed


def attach_to_report(document, report):
    report.attachments.add(document)
    report.save()  # a ParentalManyToManyField is written on save


# -- Who gets the file -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (ReportStatus.DRAFT, {"member", "secretariat"}),
        (ReportStatus.GROUP_ADOPTED, {"member", "secretariat"}),
        (ReportStatus.BOARD_REVIEW, {"member", "board_member", "secretariat"}),
        (ReportStatus.ASSEMBLY_REVIEW, {"member", "board_member", "secretariat"}),
        (ReportStatus.REJECTED, {"member", "board_member", "secretariat"}),
        (ReportStatus.APPROVED, EVERYONE),
    ],
)
def test_a_reports_attachment_follows_the_report(group, people, state, expected):
    report = ReportFactory(group=group)
    document = working_file(people["member"])
    attach_to_report(document, report)
    advance_report(report, state)

    assert who_downloads(document, people) == expected


def test_a_returned_reports_attachment_stays_with_the_group_and_the_reviewers(group, people):
    report = ReportFactory(group=group, in_board_review=True)
    document = working_file(people["member"])
    report.attachments.add(document)
    report.save()
    decide(report, organ=board(), kind=DecisionKind.RETURN, text="Yeniden değerlendirilsin.")
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT

    assert who_downloads(document, people) == {"member", "board_member", "secretariat"}


def test_a_file_only_an_earlier_version_referred_to_is_the_uploaders_and_the_secretariats(
    group, people
):
    report = ReportFactory(group=group)
    by_member = working_file(people["member"], title="Üyenin eski eki")
    by_clerk = working_file(people["secretariat"], title="Sekreteryanın eski eki")
    edit_report(report, actor=people["member"], attachments=[by_member, by_clerk])
    assert who_downloads(by_clerk, people) == {"member", "secretariat"}
    edit_report(report, actor=people["member"], attachments=[])
    report.refresh_from_db()
    assert list(report.attachments.all()) == []
    assert any(
        by_member.pk in revision.content.get("attachments", [])
        for revision in report.revisions.all()
    )

    assert who_downloads(by_member, people) == {"member", "secretariat"}
    # The group may see the report, not a file nothing refers to any more.
    assert who_downloads(by_clerk, people) == {"secretariat"}


def test_minutes_attachments_are_the_organs_until_the_minutes_are_published(group, people):
    meeting = MeetingFactory(organ=group)
    document = working_file(people["secretariat"], title="Tutanak eki")
    meeting.minutes_attachments.add(document)

    assert who_downloads(document, people) == {"member", "secretariat"}

    meeting.minutes_published_at = timezone.now()
    meeting.save(update_fields=["minutes_published_at"])
    assert who_downloads(document, people) == EVERYONE


def test_a_motions_documents_are_public_with_the_motion(people):
    hidden = working_file(people["secretariat"], title="Gizli önerge eki")
    shown = working_file(people["secretariat"], title="Önerge gerekçesi")
    make_motion(title="Gizli önerge", is_public=False, documents=[hidden])
    make_motion(title="Açık önerge", documents=[shown])

    assert who_downloads(hidden, people) == {"secretariat"}
    assert who_downloads(shown, people) == EVERYONE


def test_an_events_document_is_public_only_with_a_current_public_event_of_a_public_motion(
    people,
):
    of_hidden_event = working_file(people["secretariat"], title="Gizli olay belgesi")
    of_public_event = working_file(people["secretariat"], title="Açık olay belgesi")
    of_hidden_motion = working_file(people["secretariat"], title="Gizli önergenin belgesi")
    of_corrected_event = working_file(people["secretariat"], title="Düzeltilen olayın belgesi")
    place_on_agenda(make_motion(title="Bir"), document=of_hidden_event, is_public=False)
    place_on_agenda(make_motion(title="İki"), document=of_public_event)
    place_on_agenda(make_motion(title="Üç", is_public=False), document=of_hidden_motion)
    corrected_motion = make_motion(title="Dört")
    wrong = place_on_agenda(corrected_motion, document=of_corrected_event)
    place_on_agenda(corrected_motion, supersedes_id=wrong.pk)

    assert who_downloads(of_hidden_event, people) == {"secretariat"}
    assert who_downloads(of_public_event, people) == EVERYONE
    assert who_downloads(of_hidden_motion, people) == {"secretariat"}
    assert who_downloads(of_corrected_event, people) == {"secretariat"}


def test_the_public_library_is_for_everyone(people):
    document = CouncilDocumentFactory(title="Sonuç bildirgesi", declaration=True)
    assert document.collection_id != private_collection().pk
    assert who_downloads(document, people) == EVERYONE


def test_a_working_file_filed_in_a_public_collection_still_follows_its_draft(group, people):
    report = ReportFactory(group=group)
    document = CouncilDocumentFactory(title="Kütüphaneye yanlış konmuş taslak eki")
    attach_to_report(document, report)

    assert who_downloads(document, people) == {"member", "secretariat"}
    assert document not in public_library_documents()
    advance_report(report, ReportStatus.APPROVED)
    assert document in public_library_documents()


def test_a_wrong_file_name_or_an_unknown_id_is_a_404():
    document = working_file()
    client = client_for(secretariat_user())
    assert client.get(f"/documents/{document.pk}/baska-dosya.pdf").status_code == 404
    assert client.get(f"/documents/{document.pk + 1000}/{document.filename}").status_code == 404


# -- No public path to the file ----------------------------------------------------------------


def test_documents_are_stored_outside_media_root_and_have_no_url_of_their_own():
    document = working_file()
    name = document.file.name

    assert (Path(settings.DOCUMENTS_ROOT) / name).is_file()
    assert not (Path(settings.MEDIA_ROOT) / name).exists()
    assert (
        not Path(settings.DOCUMENTS_ROOT)
        .resolve()
        .is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    )
    with pytest.raises(NotImplementedError):
        document.file.url  # noqa: B018
    assert document.url == f"/documents/{document.pk}/{document.filename}"

    # /media/ is served from MEDIA_ROOT in development (cms.urls, DEBUG): the file is not there.
    request = RequestFactory().get(f"/media/{name}")
    with pytest.raises(Http404):
        static_serve(request, name, document_root=settings.MEDIA_ROOT)
    assert client_for(None).get(f"/media/{name}").status_code == 404


# -- Choosers, listings and the admin API ------------------------------------------------------


ADMIN_LISTINGS = ("/admin/documents/chooser/", "/admin/documents/", "/admin/api/main/documents/")


def listed_to(people, *documents) -> dict[str, dict[str, set[str]]]:
    """For each listing, the titles of these documents each role sees in it."""
    seen = {}
    for url in ADMIN_LISTINGS:
        seen[url] = {}
        for role, user in people.items():
            response = client_for(user).get(url)
            if response.status_code != 200:
                seen[url][role] = set()
                continue
            content = response.content.decode()
            if response["Content-Type"].startswith("application/json"):
                content = json.dumps(response.json(), ensure_ascii=False)
            seen[url][role] = {
                document.title for document in documents if document.title in content
            }
    return seen


def test_the_admin_lists_working_files_only_to_the_secretariat(group, people):
    report = ReportFactory(group=group)
    draft_file = working_file(people["secretariat"], title="Taslak ekinin başlığı")
    attach_to_report(draft_file, report)
    library = CouncilDocumentFactory(
        title="Kütüphanedeki yönerge", directive=True, collection=library_collection()
    )

    seen = listed_to(people, draft_file, library)

    for url in ADMIN_LISTINGS:
        assert seen[url]["secretariat"] == {draft_file.title, library.title}, url
        for role in ("anonymous", "deactivated", "member", "other_member", "board_member"):
            assert draft_file.title not in seen[url][role], (url, role)
        assert seen[url]["editor"] == {library.title}, url
    # Asked for by id: the chooser's "chosen" answer and the API's detail.
    for role in ("member", "other_member", "board_member", "editor"):
        client = client_for(people[role])
        chosen = client.get(f"/admin/documents/chooser/chosen/{draft_file.pk}/")
        # Wagtail answers a refused choice by sending the user back to the dashboard.
        assert chosen.status_code in (302, 403, 404), role
        assert draft_file.title not in chosen.content.decode()
        detail = client.get(f"/admin/api/main/documents/{draft_file.pk}/")
        assert detail.status_code == 404, role
    secretariat = client_for(people["secretariat"])
    assert secretariat.get(f"/admin/documents/chooser/chosen/{draft_file.pk}/").status_code == 200
    assert secretariat.get(f"/admin/api/main/documents/{draft_file.pk}/").status_code == 200
    # Members of organs choose from the library; they do not manage it.
    assert seen["/admin/documents/chooser/"]["member"] == {library.title}
    assert seen["/admin/api/main/documents/"]["member"] == {library.title}


def test_a_members_own_upload_is_a_working_file_they_alone_manage(group, people):
    member, other = people["member"], MembershipFactory(organ=group).person
    client = client_for(member)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Saha notlarım",
            "file": SimpleUploadedFile("notlar.pdf", b"%PDF-1.4 notlar", "application/pdf"),
            "collection": private_collection().pk,
            "kind": DocumentKind.OTHER,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    assert "Saha notlarım" in client.get("/admin/documents/").content.decode()
    assert "Saha notlarım" not in client_for(other).get("/admin/documents/").content.decode()
    assert (
        "Saha notlarım" not in client_for(other).get("/admin/documents/chooser/").content.decode()
    )


def test_the_uploader_cannot_replace_a_file_the_record_refers_to(group, people):
    """Wagtail lets an uploader edit their own document; once a report past its draft refers
    to it, a new file under the old name would rewrite the record, so it is refused."""
    member = people["member"]
    draft = ReportFactory(group=group)
    document = working_file(uploader=member, title="Saha notlarım")
    attach_to_report(document, draft)
    stored = document.file.name

    def replace():
        return client_for(member).post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": "Saha notlarım",
                "file": SimpleUploadedFile("yeni.pdf", b"%PDF-1.4 yeni", "application/pdf"),
                "collection": private_collection().pk,
                "kind": DocumentKind.OTHER,
            },
        )

    advance_report(draft, ReportStatus.BOARD_REVIEW)
    response = replace()
    assert response.status_code == 200
    assert "yeni bir belge olarak yükleyin" in response.content.decode()
    assert CouncilDocument.objects.get(pk=document.pk).file.name == stored

    while_a_draft = working_file(uploader=member, title="Taslak notları")
    attach_to_report(while_a_draft, ReportFactory(group=group))
    document = while_a_draft
    assert replace().status_code == 302
    assert CouncilDocument.objects.get(pk=document.pk).file.name != while_a_draft.file.name


def test_the_report_form_offers_the_library_and_the_reports_own_attachments(group, people):
    own_report = ReportFactory(group=group)
    other_report = ReportFactory(group=OrganFactory())
    own_file = working_file(people["member"], title="Kendi ekimiz")
    others_file = working_file(title="Başka grubun eki")
    misfiled = CouncilDocumentFactory(title="Başka grubun kütüphanedeki taslak eki")
    library = CouncilDocumentFactory(title="Yönerge", directive=True)
    attach_to_report(own_file, own_report)
    attach_to_report(others_file, other_report)
    attach_to_report(misfiled, other_report)

    offered = set(
        ReportForm(instance=own_report, for_user=people["member"])
        .fields["attachments"]
        .queryset.values_list("title", flat=True)
    )
    assert offered == {own_file.title, library.title}

    offered_to_outsider = set(
        ReportForm(for_user=people["other_member"])
        .fields["attachments"]
        .queryset.values_list("title", flat=True)
    )
    assert offered_to_outsider == {library.title}


def test_the_motion_forms_offer_the_library_and_the_motions_own_documents(people):
    library = CouncilDocumentFactory(title="Yönerge", directive=True)
    draft_file = working_file(title="Grubun taslak eki")
    attach_to_report(draft_file, ReportFactory(group=OrganFactory()))
    own = working_file(title="Önergenin kendi belgesi")
    others = working_file(title="Başka önergenin belgesi")
    motion = make_motion(title="Bu önerge", documents=[own])
    make_motion(title="Başka önerge", is_public=False, documents=[others])

    offered = set(MotionCreateForm().fields["documents"].queryset.values_list("title", flat=True))
    assert offered == {library.title}
    event_form = MotionEventForm(motion=motion)
    offered = set(event_form.fields["document"].queryset.values_list("title", flat=True))
    assert offered == {library.title, own.title}


# -- What is served, and what may be uploaded ---------------------------------------------------


def test_documents_are_downloads_with_safe_headers(group, people):
    public = CouncilDocumentFactory(title="Sonuç bildirgesi", declaration=True)
    private = working_file(people["member"])
    attach_to_report(private, ReportFactory(group=group))

    response = client_for(None).get(public.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Cache-Control"] == "no-cache"

    response = client_for(people["member"]).get(private.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}

    assert client_for(None).get(private.url).status_code == 404


def test_an_html_file_is_refused_in_turkish_by_the_admin():
    client = client_for(secretariat_user())
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Sayfa",
            "file": SimpleUploadedFile("sayfa.html", b"<script>alert(1)</script>", "text/html"),
            "collection": library_collection().pk,
            "kind": DocumentKind.OTHER,
        },
    )
    assert response.status_code == 200
    assert "“html” dosya uzantısına izin verilmiyor" in response.content.decode()
    assert not CouncilDocument.objects.filter(title="Sayfa").exists()


def test_an_html_file_is_refused_in_turkish_by_the_motion_forms():
    motion = make_motion(title="Bu önerge")
    with translation.override("tr"):
        form = MotionEventForm(
            data={"kind": EventKind.POSTPONED, "date": "2026-04-06"},
            files={"upload": SimpleUploadedFile("sayfa.html", b"<html></html>", "text/html")},
            motion=motion,
        )
        assert not form.is_valid()
        assert "“html” türündeki dosyalar yüklenemez" in str(form.errors["upload"])

        form = MotionCreateForm(
            data={"title": "Yeni önerge"},
            files={"uploads": SimpleUploadedFile("sayfa.htm", b"<html></html>", "text/html")},
        )
        assert not form.is_valid()
        assert "“htm” türündeki dosyalar yüklenemez" in str(form.errors["uploads"])


def test_the_document_permissions_are_per_collection():
    def grants(group_name):
        return {
            (grant.collection.name, grant.permission.codename)
            for grant in GroupCollectionPermission.objects.filter(
                group__name=group_name, permission__content_type__app_label="wagtaildocs"
            ).select_related("collection", "permission")
        }

    root = Collection.get_first_root_node().name
    editors, members, clerks = (
        grants("Editors"),
        grants("Çalışma grubu üyeleri"),
        grants("Sekreterya"),
    )
    # Nothing on the root (it would reach the private collection) but for the secretariat.
    assert {collection for collection, _ in editors | members} <= {
        "Belge kütüphanesi",
        "Çalışma belgeleri",
    }
    assert {codename for collection, codename in editors if collection == "Çalışma belgeleri"} == (
        set()
    )
    assert {codename for collection, codename in members if collection == "Çalışma belgeleri"} == {
        "add_document"
    }
    assert ("Belge kütüphanesi", "choose_document") in editors
    assert ("Belge kütüphanesi", "choose_document") in members
    assert {(root, "add_document"), (root, "change_document"), (root, "choose_document")} <= clerks


# -- Existing installs ---------------------------------------------------------------------------


def test_the_migration_moves_files_out_of_media_root_and_files_working_documents(group, people):
    migration = importlib.import_module("motions.migrations.0008_private_documents")
    root = Collection.get_first_root_node()
    # As before: every document in the root collection, its file under MEDIA_ROOT, and
    # Wagtail's Editors group with document permissions on the root.
    draft_file = CouncilDocumentFactory(title="Eski taslak eki", kind=DocumentKind.OTHER)
    library = CouncilDocumentFactory(title="Eski yönerge", directive=True)
    attach_to_report(draft_file, ReportFactory(group=group))
    public, private = storages["default"], storages["documents"]
    for document in (draft_file, library):
        with private.open(document.file.name) as file:
            public.save(document.file.name, file)
        private.delete(document.file.name)
    choose = Permission.objects.get(
        content_type__app_label="wagtaildocs", codename="choose_document"
    )
    editors = Group.objects.get(name="Editors")
    GroupCollectionPermission.objects.create(group=editors, collection=root, permission=choose)

    migration.forwards(django_apps, None)

    for document in (draft_file, library):
        document.refresh_from_db()
        assert private.exists(document.file.name)
        assert not public.exists(document.file.name)
    assert draft_file.collection == private_collection()
    assert library.collection == library_collection()
    assert not GroupCollectionPermission.objects.filter(
        group=editors, collection=root, permission__content_type__app_label="wagtaildocs"
    ).exists()
    assert who_downloads(draft_file, people) == {"member", "secretariat"}
    assert who_downloads(library, people) == EVERYONE


def test_a_download_costs_the_same_few_queries_however_many_owners(group, people):
    def owned_by(count):
        document = working_file(people["secretariat"])
        for _ in range(count):
            attach_to_report(document, ReportFactory(group=group))
            MeetingFactory(organ=group).minutes_attachments.add(document)
        return document

    few, many = owned_by(1), owned_by(6)
    for role, status in (("member", 200), ("board_member", 404)):
        client = client_for(people[role])
        client.get(few.url)  # the first request looks up the site and its settings
        counts = []
        for document in (few, many):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(document.url).status_code == status
            counts.append(len(queries))
        assert counts[0] == counts[1], role
        assert counts[0] <= 20, role
