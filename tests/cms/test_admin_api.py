"""The admin API behind Wagtail's choosers answers any offset without a server error."""

import pytest
from django.test import Client

from tests.deliberation.factories import secretariat_user
from tests.factories import CouncilDocumentFactory, ImageFactory, make_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat_client():
    make_home()
    CouncilDocumentFactory()
    ImageFactory()
    client = Client()
    client.force_login(secretariat_user())
    return client


@pytest.mark.parametrize("endpoint", ["documents", "images"])
@pytest.mark.parametrize("offset", ["99999999999999999999", str(2**63), "-1", "x"])
def test_an_offset_no_database_takes_is_a_400(secretariat_client, endpoint, offset):
    response = secretariat_client.get(f"/admin/api/main/{endpoint}/", {"offset": offset})

    assert response.status_code == 400


def test_the_pages_endpoint_takes_any_offset(secretariat_client):
    for offset in ("99999999999999999999", str(2**63), "-1", "x"):
        response = secretariat_client.get("/admin/api/main/pages/", {"offset": offset})
        assert response.status_code in (200, 400), offset


@pytest.mark.parametrize("endpoint", ["documents", "images"])
def test_a_usable_offset_still_pages(secretariat_client, endpoint):
    response = secretariat_client.get(f"/admin/api/main/{endpoint}/", {"offset": "0"})

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] >= 1
