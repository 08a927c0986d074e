"""The "waiting for me" panel on the admin dashboard, per role, with a query budget."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from deliberation.models import DecisionKind

from .factories import (
    JoinRequestFactory,
    OrganFactory,
    ReportFactory,
    UserFactory,
    board,
    decide,
)

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def admin_client(user) -> Client:
    # The Wagtail admin speaks the language of the user's profile, not Accept-Language.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def returned(group):
    report = ReportFactory(group=group, in_board_review=True)
    decide(report, organ=board(), kind=DecisionKind.RETURN, text="Maliyet analizi eksik.")
    return report


def test_the_chair_is_waited_for_on_adopted_reports_and_requests(group, chair):
    report = ReportFactory(group=group, adopted=True, title="Gönderilmeyi bekleyen rapor")
    JoinRequestFactory(organ=group, person=UserFactory(first_name="Can", last_name="Aday"))
    ReportFactory(group=OrganFactory(), adopted=True, title="Başka grubun raporu")

    page = admin_client(chair).get(HOME).content.decode()

    assert "Waiting for me" in page
    assert report.title in page and "Can Aday" in page
    assert "Başka grubun raporu" not in page


def test_members_see_their_returned_drafts_with_the_reasons(group, member):
    report = returned(group)
    ReportFactory(group=group, title="Sıradan taslak")

    page = admin_client(member).get(HOME).content.decode()

    assert report.title in page and "Maliyet analizi eksik." in page
    assert "Sıradan taslak" not in page


def test_the_secretariat_sees_reports_awaiting_a_decision(group, secretariat):
    report = ReportFactory(group=group, in_board_review=True)

    page = admin_client(secretariat).get(HOME).content.decode()

    assert report.title in page


def test_the_panel_costs_the_same_queries_for_few_or_many_rows(group, chair, member, secretariat):
    def count_queries(user):
        client = admin_client(user)
        client.get(HOME)  # warm caches (content types, settings, site)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(HOME).status_code == 200
        return len(queries)

    ReportFactory(group=group, adopted=True)
    JoinRequestFactory(organ=group, person=UserFactory())
    returned(group)
    few = {user.pk: count_queries(user) for user in (chair, member, secretariat)}

    ReportFactory.create_batch(4, group=group, adopted=True)
    for _ in range(4):
        JoinRequestFactory(organ=group, person=UserFactory())
        returned(group)
    many = {user.pk: count_queries(user) for user in (chair, member, secretariat)}

    assert many == few
