"""Sign-up with e-mail verification, sign-in by e-mail and sign-out."""

import re

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from deliberation import tokens

pytestmark = pytest.mark.django_db

PASSWORD = "kent-hakki-2026"
LINK = re.compile(r"https?://\S+/hesap/dogrula/\S+/")


def signup_data(**overrides):
    data = {
        "first_name": "Şule",
        "last_name": "Öztürk",
        "email": "Sule.Ozturk@Example.org",
        "privacy_consent": "on",
    }
    data.update(overrides)
    return data


def sign_up(client, capture, url=None, **overrides):
    with capture(execute=True):
        return client.post(url or reverse("accounts:signup"), signup_data(**overrides))


def verification_link(message) -> str:
    return LINK.search(message.body).group(0)


def verify(client, link, password=PASSWORD, **overrides):
    """Follow the mailed link and choose the password there, as the mailbox's owner does."""
    data = {
        "first_name": "Şule",
        "last_name": "Öztürk",
        "new_password1": password,
        "new_password2": password,
    }
    data.update(overrides)
    return client.post(link, data)


def test_signup_page_shows_the_form_and_the_privacy_notice(client):
    response = client.get(reverse("accounts:signup"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "KVKK" in content
    assert 'name="privacy_consent"' in content
    # The password is chosen behind the mailed link, by the address's owner.
    assert 'type="password"' not in content


def test_signup_creates_an_inactive_account_and_mails_a_link_that_activates_it(
    client, django_capture_on_commit_callbacks, home
):
    response = sign_up(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_done")
    user = get_user_model().objects.get()
    assert (user.username, user.email) == ("sule.ozturk@example.org", "sule.ozturk@example.org")
    assert (user.first_name, user.last_name) == ("Şule", "Öztürk")
    assert not user.is_active
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sule.ozturk@example.org"]
    assert "sule.ozturk@example.org" in client.get(response["Location"]).content.decode()
    link = verification_link(mail.outbox[0])

    form_page = client.get(link)
    user.refresh_from_db()
    assert form_page.status_code == 200
    assert 'type="password"' in form_page.content.decode()
    assert not user.is_active  # opening the link (a mail scanner may) changes nothing

    verified = verify(client, link)

    assert verified.status_code == 302
    assert verified["Location"] == reverse("accounts:account")
    user.refresh_from_db()
    assert user.is_active
    assert user.check_password(PASSWORD)
    assert client.session[SESSION_KEY] == str(user.pk)
    assert "Şule Öztürk" in client.get(verified["Location"]).content.decode()


def test_the_password_form_behind_the_link_checks_the_password_and_keeps_the_name(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    link = verification_link(mail.outbox[0])

    response = verify(client, link, password="12345678", first_name="Şule Nur")

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    assert 'value="Şule Nur"' in response.content.decode()
    assert not get_user_model().objects.get().is_active
    assert verify(client, link).status_code == 302


def test_the_link_works_once_and_then_says_the_address_is_verified(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    link = verification_link(mail.outbox[0])
    verify(client, link)
    client.logout()

    again = client.get(link)

    assert again.status_code == 400
    assert reverse("accounts:login") in again.content.decode()
    assert verify(client, link, password="baska-parola-2026").status_code == 400
    assert get_user_model().objects.get().check_password(PASSWORD)


def test_signup_remembers_where_the_person_came_from(client, django_capture_on_commit_callbacks):
    url = reverse("accounts:signup") + "?next=/organlar/kent-hakki/"
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, signup_data(next="/organlar/kent-hakki/"))

    verified = verify(client, verification_link(mail.outbox[0]))

    assert verified["Location"] == "/organlar/kent-hakki/"


def test_signup_ignores_a_next_address_on_another_site(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:signup"), signup_data(next="https://evil.example/"))

    verified = verify(client, verification_link(mail.outbox[0]))

    assert verified["Location"] == reverse("accounts:account")


def test_signup_records_which_privacy_notice_was_accepted(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)

    user = get_user_model().objects.get()
    entry = ModelLogEntry.objects.get(action="deliberation.account.signup")
    assert entry.object_id == str(user.pk)
    assert len(entry.data["privacy_notice"]) == 16
    assert entry.data["language"] == "tr"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"privacy_consent": ""}, "privacy_consent"),
        ({"email": "eposta-degil"}, "email"),
        ({"first_name": ""}, "first_name"),
    ],
)
def test_invalid_signup_creates_nothing_and_keeps_what_was_typed(
    client, django_capture_on_commit_callbacks, overrides, field
):
    response = sign_up(client, django_capture_on_commit_callbacks, **overrides)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not get_user_model().objects.exists()
    assert not mail.outbox
    content = response.content.decode()
    assert 'role="alert"' in content
    if field != "first_name":
        assert 'value="Şule"' in content


def test_signing_up_again_with_a_verified_address_changes_nothing_and_tells_the_owner(
    client, django_capture_on_commit_callbacks
):
    owner = get_user_model().objects.create_user(
        username="sule.ozturk@example.org",
        email="sule.ozturk@example.org",
        password="asil-parola-2026",
        first_name="Şule",
    )

    response = sign_up(client, django_capture_on_commit_callbacks, first_name="Sahte")

    # The visitor sees the same page as for a new address: nothing tells them it exists.
    assert response["Location"] == reverse("accounts:signup_done")
    assert get_user_model().objects.count() == 1
    owner.refresh_from_db()
    assert owner.check_password("asil-parola-2026")
    assert owner.first_name == "Şule"
    assert len(mail.outbox) == 1
    assert reverse("accounts:login") in mail.outbox[0].body
    assert not LINK.search(mail.outbox[0].body)


def test_signing_up_again_before_verifying_sends_a_new_link_and_retires_the_old_one(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    first_link = verification_link(mail.outbox[0])

    sign_up(client, django_capture_on_commit_callbacks, first_name="Şule Nur")

    assert get_user_model().objects.count() == 1
    assert len(mail.outbox) == 2
    assert client.get(first_link).status_code == 400
    assert verify(client, first_link).status_code == 400
    second_link = verification_link(mail.outbox[1])
    assert 'value="Şule Nur"' in client.get(second_link).content.decode()
    assert verify(client, second_link, password="yeni-parola-2026").status_code == 302
    assert get_user_model().objects.get().check_password("yeni-parola-2026")


def test_a_deactivated_account_is_not_brought_back_by_signing_up(
    client, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    get_user_model().objects.create_user(
        username="sule.ozturk@example.org",
        email="sule.ozturk@example.org",
        password="eski-parola-2026",
        is_active=False,
        last_login=timezone.now(),
    )

    sign_up(client, django_capture_on_commit_callbacks)

    assert not LINK.search(mail.outbox[0].body)
    assert not get_user_model().objects.get().is_active


def test_an_expired_link_says_so(client, django_capture_on_commit_callbacks, monkeypatch):
    sign_up(client, django_capture_on_commit_callbacks)
    link = verification_link(mail.outbox[0])
    monkeypatch.setattr(tokens, "VERIFY_MAX_AGE", tokens.VERIFY_MAX_AGE * -1)

    response = client.get(link)

    assert response.status_code == 400
    assert response.context["expired"]
    assert not get_user_model().objects.get().is_active


def test_a_tampered_link_does_not_work(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    link = verification_link(mail.outbox[0])

    response = client.get(link[:-3] + "xx/")

    assert response.status_code == 400
    assert not get_user_model().objects.get().is_active


def test_the_token_is_valid_for_three_days():
    assert tokens.VERIFY_MAX_AGE.days == 3


# --- Sign-in and sign-out ----------------------------------------------------------------


def test_sign_in_by_email_in_any_case(client):
    user = get_user_model().objects.create_user(
        username="ibrahim@example.org", email="ibrahim@example.org", password=PASSWORD
    )

    response = client.post(
        reverse("accounts:login"),
        {"username": " IBRAHIM@Example.org ", "password": PASSWORD, "next": "/organlar/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/organlar/"
    assert client.session[SESSION_KEY] == str(user.pk)


def test_staff_accounts_with_another_user_name_sign_in_by_email(client):
    user = get_user_model().objects.create_user(
        username="sekreterya", email="Sekreterya@example.org", password=PASSWORD
    )

    client.post(
        reverse("accounts:login"), {"username": "sekreterya@example.org", "password": PASSWORD}
    )

    assert client.session[SESSION_KEY] == str(user.pk)


def test_wrong_password_gives_one_message_for_every_case(client):
    get_user_model().objects.create_user(
        username="ibrahim@example.org", email="ibrahim@example.org", password=PASSWORD
    )

    wrong = client.post(
        reverse("accounts:login"), {"username": "ibrahim@example.org", "password": "yanlis"}
    )
    unknown = client.post(
        reverse("accounts:login"), {"username": "yok@example.org", "password": "yanlis"}
    )

    assert wrong.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()
    assert SESSION_KEY not in client.session


def test_an_unverified_account_cannot_sign_in(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)

    response = client.post(
        reverse("accounts:login"), {"username": "sule.ozturk@example.org", "password": ""}
    )

    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_sign_out_is_a_post(client, home):
    user = get_user_model().objects.create_user(username="a@example.org", password=PASSWORD)
    client.force_login(user)

    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"), {"next": "/organlar/"})

    assert response["Location"] == "/organlar/"
    assert SESSION_KEY not in client.session


def test_account_page_needs_sign_in(client):
    response = client.get(reverse("accounts:account"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")


def test_password_reset_mails_a_working_link(client, home, django_capture_on_commit_callbacks):
    user = get_user_model().objects.create_user(
        username="ibrahim@example.org", email="ibrahim@example.org", password=PASSWORD
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "ibrahim@example.org"})
    link = re.search(r"https?://\S+/hesap/sifre/yeni/\S+/", mail.outbox[0].body).group(0)
    form_page = client.get(link, follow=True)
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "yepyeni-parola-26", "new_password2": "yepyeni-parola-26"},
    )

    assert done["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("yepyeni-parola-26")


def test_the_audit_log_names_a_new_account_without_its_address(
    client, django_capture_on_commit_callbacks
):
    from wagtail.models import ModelLogEntry

    sign_up(client, django_capture_on_commit_callbacks)

    labels = list(ModelLogEntry.objects.values_list("label", flat=True))
    assert labels
    assert not any("@" in label for label in labels)
