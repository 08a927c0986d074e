"""KVKK: a person sees and erases what the platform holds about them, through a mailed link."""

import json
import re
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms import personal_data
from cms.models import PersonalDataErasure
from deliberation import people
from deliberation.models import JoinRequest, Membership
from motions import subscriptions as alerts
from motions.models import AlertScope, DeletionReason, Subscription, SubscriptionDeletion
from tests.deliberation.factories import (
    MembershipFactory,
    OrganFactory,
    UserFactory,
)
from tests.deliberation.test_signup import sign_up

pytestmark = pytest.mark.django_db

EMAIL = "sule.ozturk@example.org"
LINK = re.compile(r"http://testserver(/kisisel-verilerim/[^/\s]+/)")
REQUEST_URL = "/kisisel-verilerim/"


@pytest.fixture(autouse=True)
def log_actions():
    from wagtail.log_actions import registry

    registry.scan_for_actions()


@pytest.fixture
def person(client, django_capture_on_commit_callbacks, home):
    """Şule signed up (consenting to the privacy notice), verified, asked to join a group,
    became a member, and follows all motions by e-mail."""
    sign_up(client, django_capture_on_commit_callbacks)
    user = get_user_model().objects.get(username=EMAIL)
    user.is_active = True
    user.save()
    group = OrganFactory(name="Kent Hakkı Çalışma Grubu", accepts_join_requests=True)
    JoinRequest.objects.create(
        organ=group, person=user, message="Bisiklet yolları için.", represents="Pedal Derneği"
    )
    MembershipFactory(organ=group, person=user, show_publicly=True, represents="Pedal Derneği")
    alerts.subscription_request(email=EMAIL, scope=AlertScope.ALL, consent=True, language="tr")
    mail.outbox.clear()
    return user


def ask_for_link(client, capture, email=EMAIL):
    with capture(execute=True):
        return client.post(REQUEST_URL, {"email": email})


def mailed_link(capture, client) -> str:
    ask_for_link(client, capture)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    return LINK.search(mail.outbox[0].body).group(1)


def test_the_page_is_reached_from_the_footer(client, home):
    html = client.get("/").content.decode()

    assert f'href="{REQUEST_URL}"' in html


def test_request_mail_and_page_list_everything(client, person, django_capture_on_commit_callbacks):
    response = ask_for_link(
        client, django_capture_on_commit_callbacks, email="Sule.Ozturk@Example.org "
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("personal_data:request_done")
    link = LINK.search(mail.outbox[0].body).group(1)
    assert EMAIL not in link  # the address never appears in the URL
    page = client.get(link)
    html = page.content.decode()
    assert page.status_code == 200
    for shown in (
        "Şule Öztürk",
        EMAIL,
        "Kent Hakkı Çalışma Grubu",
        "Bisiklet yolları için.",
        "Pedal Derneği",
        alerts.CONSENT_VERSION,
    ):
        assert shown in html, shown
    # The consents, with their text versions: the sign-up's privacy notice and the alerts'.
    signup = ModelLogEntry.objects.get(action="deliberation.account.signup")
    assert f"Aydınlatma metni sürüm {signup.data['privacy_notice']}" in html
    assert f"Aydınlatma metni sürüm {alerts.CONSENT_VERSION}" in html


def test_unknown_address_gets_the_same_answer_and_no_mail(
    client, person, django_capture_on_commit_callbacks
):
    known = ask_for_link(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    unknown = ask_for_link(client, django_capture_on_commit_callbacks, email="kimse@example.org")

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert mail.outbox == []


def test_an_invalid_address_is_refused_on_the_form(client, db):
    response = client.post(REQUEST_URL, {"email": "not an address"})

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_erasing_everything_leaves_no_personal_data_and_an_anonymous_record(
    client, person, django_capture_on_commit_callbacks
):
    link = mailed_link(django_capture_on_commit_callbacks, client)
    reference = personal_data.check_access_token(link.split("/")[-2]).reference

    response = client.post(link, {"erase": "all"})

    assert response.status_code == 302
    assert response["Location"] == reverse("personal_data:erased")
    assert reference in client.get(response["Location"]).content.decode()
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.email) == ("", "", "")
    assert EMAIL not in person.username
    assert not person.is_active and not person.has_usable_password()
    assert people.display_name(person) in {f"Üye #{person.pk}", f"Member #{person.pk}"}
    assert not JoinRequest.objects.exists()
    assert not Membership.objects.exists()
    assert not Subscription.objects.exists()
    assert SubscriptionDeletion.objects.get().reason == DeletionReason.PERSONAL_DATA
    record = PersonalDataErasure.objects.get()
    assert record.reference == reference
    assert record.kinds == {
        "account": 1,
        "join_requests": 1,
        "memberships": 1,
        "alert_subscriptions": 1,
    }
    # Nothing kept anywhere names the person or their address: not the record, not the log.
    stored = json.dumps(list(PersonalDataErasure.objects.values()), default=str) + json.dumps(
        list(ModelLogEntry.objects.values("label", "data")), default=str
    )
    for personal in (EMAIL, "Şule", "Öztürk", "Pedal Derneği"):
        assert personal not in stored, personal
    assert ModelLogEntry.objects.filter(action="cms.personal_data.erase").exists()
    # The link no longer leads anywhere.
    assert client.get(link).status_code == 404


def test_erasing_one_part_keeps_the_others(client, person, django_capture_on_commit_callbacks):
    link = mailed_link(django_capture_on_commit_callbacks, client)

    response = client.post(link, {"erase": "alert_subscriptions"})

    assert response["Location"] == link
    assert not Subscription.objects.exists()
    assert JoinRequest.objects.exists() and Membership.objects.exists()
    person.refresh_from_db()
    assert person.email == EMAIL
    page = client.get(link).content.decode()
    assert "Şule Öztürk" in page
    assert PersonalDataErasure.objects.get().kinds == {"alert_subscriptions": 1}


def test_a_back_office_account_is_not_erased_here(client, django_capture_on_commit_callbacks, home):
    UserFactory(username="editor", email=EMAIL, is_staff=True)
    link = mailed_link(django_capture_on_commit_callbacks, client)

    response = client.post(link, {"erase": "account"}, follow=True)

    assert get_user_model().objects.get(username="editor").email == EMAIL
    assert not PersonalDataErasure.objects.exists()
    assert 'name="erase" value="account"' not in response.content.decode()


def test_a_member_of_the_board_keeps_that_membership(
    client, person, django_capture_on_commit_callbacks
):
    board = OrganFactory(executive_board=True)
    MembershipFactory(organ=board, person=person)
    link = mailed_link(django_capture_on_commit_callbacks, client)

    client.post(link, {"erase": "memberships"})

    assert list(Membership.objects.values_list("organ", flat=True)) == [board.pk]


def test_a_tampered_link_is_refused(client, person, django_capture_on_commit_callbacks):
    link = mailed_link(django_capture_on_commit_callbacks, client)

    response = client.get(link[:-3] + "xx/")

    assert response.status_code == 404
    assert "Bu bağlantı çalışmıyor" in response.content.decode()


def test_a_link_signed_for_another_purpose_is_refused(client, person):
    token = signing.dumps({"u": person.pk, "s": None, "h": "x", "r": "r"}, salt="other")

    assert client.get(f"/kisisel-verilerim/{token}/").status_code == 404


def test_an_expired_link_says_so(client, person, django_capture_on_commit_callbacks):
    link = mailed_link(django_capture_on_commit_callbacks, client)
    later = time.time() + personal_data.LINK_MAX_AGE.total_seconds() + 60

    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.get(link)
        posted = client.post(link, {"erase": "all"})

    assert response.status_code == 410
    assert "Bu bağlantının süresi doldu" in response.content.decode()
    assert posted.status_code == 410
    assert Subscription.objects.exists()


def test_known_and_unknown_addresses_queue_the_same_task_without_the_address(
    client, person, settings, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    queued = []
    for email in (EMAIL, "kimse@example.org"):
        default_task_backend.clear()
        ask_for_link(client, django_capture_on_commit_callbacks, email=email)
        queued.append([(r.task.name, sorted(r.kwargs)) for r in default_task_backend.results])
        assert all(email not in json.dumps(r.kwargs) for r in default_task_backend.results)

    assert (
        queued[0]
        == queued[1]
        == [("send_personal_data_link_task", ["language", "site_name", "token", "url"])]
    )
    assert mail.outbox == []  # the worker sends it, never the request


def test_link_requests_are_limited_per_address_with_a_turkish_message(
    client, person, django_capture_on_commit_callbacks, rate_windows_frozen
):
    for _ in range(3):
        assert ask_for_link(client, django_capture_on_commit_callbacks).status_code == 302
    mail.outbox.clear()

    refused = ask_for_link(client, django_capture_on_commit_callbacks)

    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Çok fazla deneme yapıldı" in html
    assert EMAIL in html  # what was typed stays in the form
    assert mail.outbox == []
