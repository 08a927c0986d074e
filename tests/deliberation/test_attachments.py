"""Attachments of drafts and unpublished minutes: served only to those who may see them."""

import pytest
from django.utils import timezone

from deliberation.models import ReportStatus
from tests.deliberation.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganFactory,
    ReportFactory,
    advance_report,
)
from tests.factories import CouncilDocumentFactory, make_home

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(db):
    return make_home()


def download(client, document, user=None):
    if user is not None:
        client.force_login(user)
    return client.get(document.url)


def test_a_draft_reports_attachment_is_hidden_until_the_report_is_approved(client, group, member):
    outsider = MembershipFactory(organ=OrganFactory()).person
    report = ReportFactory(group=group)
    document = CouncilDocumentFactory(title="Saha görüşmeleri")
    report.attachments.add(document)
    report.save()  # a ParentalManyToManyField is written on save

    assert download(client, document).status_code == 404
    assert download(client, document, outsider).status_code == 404
    assert download(client, document, member).status_code == 200

    client.logout()
    advance_report(report, ReportStatus.APPROVED)
    assert download(client, document).status_code == 200


def test_attachments_of_unpublished_minutes_are_for_the_organ_only(client, group, member):
    meeting = MeetingFactory(organ=group)
    document = CouncilDocumentFactory(title="Toplantı tutanağı eki")
    meeting.minutes_attachments.add(document)

    assert download(client, document).status_code == 404
    assert download(client, document, member).status_code == 200

    client.logout()
    meeting.minutes_published_at = timezone.now()
    meeting.save(update_fields=["minutes_published_at"])
    assert download(client, document).status_code == 200


def test_other_documents_are_served_as_before(client):
    document = CouncilDocumentFactory(title="Sonuç bildirgesi", declaration=True)
    assert download(client, document).status_code == 200
