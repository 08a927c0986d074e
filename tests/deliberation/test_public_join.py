"""Asking to join a working group from its public page."""

import pytest
from django.urls import reverse
from django.utils import translation

from cms.models import OrganIndexPage
from deliberation.models import JoinRequest, JoinRequestStatus, OrganKind, Role

from .test_public_pages import add_member, make_organ, make_user, organ_page_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def organ_index(home):
    return home.add_child(instance=OrganIndexPage(title="Organlar", slug="organlar"))


@pytest.fixture
def group_page(organ_index):
    return organ_page_for(organ_index, make_organ("Engelsiz Yaşam Çalışma Grubu"))


@pytest.fixture
def chair(group_page):
    return add_member(group_page.organ, make_user("Zeynep", "Kaya"), role=Role.CHAIR)


def join_url(page) -> str:
    return page.url + page.reverse_subpage("join")


def ask(client, page, **data):
    data = {"message": "Engelli erişimi üzerine çalışmak istiyorum.", "represents": "", **data}
    return client.post(join_url(page), data)


def test_anonymous_visitors_are_asked_to_sign_in_or_sign_up_and_come_back(client, group_page):
    content = client.get(group_page.url).content.decode()

    back = f"?next={group_page.url}"
    assert f'href="{reverse("accounts:login")}{back}"' in content
    assert f'href="{reverse("accounts:signup")}{back}"' in content
    assert join_url(group_page) not in content  # no form without an account


def test_anonymous_post_is_sent_to_sign_in(client, group_page):
    response = ask(client, group_page)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not JoinRequest.objects.exists()


def test_signed_in_person_asks_to_join_and_sees_the_pending_request(
    client, group_page, django_capture_on_commit_callbacks
):
    person = make_user("Mustafa", "Aydın")
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, group_page, represents="Engelliler Derneği", show_publicly="on")

    assert response.status_code == 302
    assert response["Location"] == group_page.url + "#katil"
    request = JoinRequest.objects.get()
    assert (request.organ, request.person, request.status) == (
        group_page.organ,
        person,
        JoinRequestStatus.PENDING,
    )
    assert request.represents == "Engelliler Derneği"
    assert request.show_publicly
    assert request.message == "Engelli erişimi üzerine çalışmak istiyorum."
    page = client.get(response["Location"])
    content = page.content.decode()
    assert 'role="status"' in content  # the confirmation
    assert page.context["join"].pending == request
    assert join_url(group_page) not in content  # no second request from the page


def test_asking_twice_shows_the_refusal_and_keeps_what_was_typed(client, group_page):
    client.force_login(make_user())
    ask(client, group_page)

    response = ask(client, group_page, message="İkinci kez yazdığım mesaj")

    assert response.status_code == 200
    content = response.content.decode()
    assert "İkinci kez yazdığım mesaj" in content
    assert 'role="alert"' in content
    assert group_page.organ.name in response.context["join_form"].non_field_errors()[0]
    assert JoinRequest.objects.count() == 1


def test_a_member_is_told_so_and_cannot_ask(client, group_page):
    member = add_member(group_page.organ)
    client.force_login(member)

    page = client.get(group_page.url)
    refused = ask(client, group_page)

    assert page.context["join"].is_member
    assert join_url(group_page) not in page.content.decode()
    assert refused.status_code == 200
    assert refused.context["join_form"].non_field_errors()
    assert not JoinRequest.objects.exists()


def test_a_declined_person_may_ask_again(client, group_page, chair):
    from deliberation import services

    person = make_user()
    client.force_login(person)
    ask(client, group_page)
    services.join_request_decide(
        actor=chair, request_id=JoinRequest.objects.get().pk, accept=False, reason="Kontenjan dolu."
    )

    assert join_url(group_page) in client.get(group_page.url).content.decode()
    assert ask(client, group_page).status_code == 302
    assert JoinRequest.objects.filter(status=JoinRequestStatus.PENDING).count() == 1


@pytest.mark.parametrize(
    "organ_fields",
    [
        {"kind": OrganKind.EXECUTIVE_BOARD},
        {"kind": OrganKind.ASSEMBLY},
        {"accepts_join_requests": False},
        {"is_active": False},
    ],
)
def test_organs_that_take_no_requests_show_no_form_and_refuse_posts(
    client, organ_index, organ_fields
):
    page = organ_page_for(organ_index, make_organ("Kapalı Organ", **organ_fields))
    client.force_login(make_user())

    assert 'id="katil"' not in client.get(page.url).content.decode()
    assert ask(client, page).status_code == 404
    assert not JoinRequest.objects.exists()


def test_a_request_that_the_domain_refuses_is_never_a_500(client, group_page, monkeypatch):
    """Even if the group closes between showing and sending the form."""
    client.force_login(make_user())
    from deliberation.errors import DeliberationError

    def refuse(**kwargs):
        raise DeliberationError("Grup şu anda yeni üye almıyor.")

    monkeypatch.setattr("cms.models.organs.join_request_create", refuse)
    response = ask(client, group_page, message="Kaybolmasın")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Grup şu anda yeni üye almıyor." in content
    assert "Kaybolmasın" in content


def test_the_join_address_redirects_a_get_to_the_form(client, group_page):
    response = client.get(join_url(group_page))

    assert response.status_code == 302
    assert response["Location"] == group_page.url + "#katil"


def test_the_chair_is_listed_with_the_role(client, group_page, chair):
    content = client.get(group_page.url).content.decode()

    assert "Zeynep Kaya" in content
    with translation.override("tr"):
        assert str(Role.CHAIR.label) in content
