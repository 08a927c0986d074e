"""The contact form: stored and e-mailed when valid, refused with a clear message when not."""

import time
from smtplib import SMTPException
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from wagtail.contrib.forms.models import FormSubmission

from cms.spam import HONEYPOT_NAME, MIN_SECONDS, TIMESTAMP_NAME, new_timestamp_token

pytestmark = pytest.mark.django_db

THANK_YOU = "Mesajınız için teşekkür ederiz."
REQUIRED = "Bu alan zorunludur."
BAD_EMAIL = "Geçerli bir e-posta adresi girin."
SPAM = "İletiniz istenmeyen ileti gibi görünüyor ve gönderilmedi."
TOO_FAST = "Form çok hızlı gönderildi. Lütfen biraz bekleyip yeniden gönderin."
EXPIRED = "Formun süresi doldu. Lütfen iletinizi kontrol edip yeniden gönderin."


class BrokenEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise SMTPException("Connection refused")


def token_started(seconds_ago: float) -> str:
    """The signed timestamp the form would have carried if opened `seconds_ago`."""
    with mock.patch("cms.spam.time.time", return_value=time.time() - seconds_ago):
        return new_timestamp_token()


def post_data(page, *, seconds_ago: float = MIN_SECONDS + 7, honeypot: str = "", **by_label):
    """POST data keyed by the fields' labels, as a visitor fills them in."""
    names = {field.label: field.clean_name for field in page.form_fields.all()}
    data = {names[label]: value for label, value in by_label.items()}
    data[HONEYPOT_NAME] = honeypot
    data[TIMESTAMP_NAME] = token_started(seconds_ago)
    return data


VALID = {
    "Adınız": "Şule Doğan",
    "E-posta": "sule@example.org",
    "Mesajınız": "Mahallemizdeki parka gölgelik istiyoruz.",
}


def submissions(page):
    return FormSubmission.objects.filter(page=page)


def field_value(content: bytes, page, label: str) -> str:
    """What the visitor sees in the field with the given label after the page re-renders."""
    name = page.form_fields.get(label=label).clean_name
    element = BeautifulSoup(content, "html.parser").find(attrs={"name": name})
    return element.get_text() if element.name == "textarea" else element.get("value", "")


def test_form_offers_the_fields_a_hidden_trap_and_a_timestamp(client, contact_page):
    soup = BeautifulSoup(client.get(contact_page.url).content, "html.parser")
    form = soup.find("form", action=contact_page.url)
    labels = [label.get_text(" ", strip=True) for label in form.find_all("label")]
    for label in VALID:
        assert any(text.startswith(label) for text in labels), labels
    assert form.find("input", attrs={"name": HONEYPOT_NAME}) is not None
    token = form.find("input", attrs={"name": TIMESTAMP_NAME, "type": "hidden"})
    assert token is not None and token["value"]


def test_valid_submission_is_stored_and_emailed(client, contact_page):
    response = client.post(contact_page.url, post_data(contact_page, **VALID))

    assert response.status_code == 200
    assert THANK_YOU in response.content.decode()
    [submission] = submissions(contact_page)
    stored = submission.get_data()
    assert stored[contact_page.form_fields.get(label="Adınız").clean_name] == "Şule Doğan"
    assert stored[contact_page.form_fields.get(label="E-posta").clean_name] == "sule@example.org"
    assert HONEYPOT_NAME not in stored
    assert TIMESTAMP_NAME not in stored
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sekreterya@example.org"]
    assert message.from_email == "web@example.org"
    assert message.subject == "Web sitesinden yeni mesaj"
    assert "Adınız: Şule Doğan" in message.body
    assert "Mesajınız: Mahallemizdeki parka gölgelik istiyoruz." in message.body
    assert HONEYPOT_NAME not in message.body


def test_missing_required_fields_are_named_and_typed_text_kept(client, contact_page):
    data = post_data(contact_page, **{"E-posta": "sule@example.org", "Adınız": "", "Mesajınız": ""})

    response = client.post(contact_page.url, data)

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count(REQUIRED) == 2
    assert "Lütfen aşağıdaki hataları düzeltin." in content
    assert field_value(response.content, contact_page, "E-posta") == "sule@example.org"
    assert THANK_YOU not in content
    assert not submissions(contact_page).exists()
    assert mail.outbox == []


def test_bad_email_is_refused_and_typed_text_kept(client, contact_page):
    data = post_data(contact_page, **{**VALID, "E-posta": "sule-at-example"})

    response = client.post(contact_page.url, data)

    assert response.status_code == 200
    assert BAD_EMAIL in response.content.decode()
    assert field_value(response.content, contact_page, "E-posta") == "sule-at-example"
    assert field_value(response.content, contact_page, "Adınız") == "Şule Doğan"
    assert field_value(response.content, contact_page, "Mesajınız").strip() == VALID["Mesajınız"]
    assert not submissions(contact_page).exists()
    assert mail.outbox == []


def test_filled_honeypot_is_rejected_as_spam(client, contact_page):
    data = post_data(contact_page, honeypot="http://spam.example", **VALID)

    response = client.post(contact_page.url, data)

    assert response.status_code == 200
    assert SPAM in response.content.decode()
    assert "İleti gönderilmedi" in response.content.decode()
    assert THANK_YOU not in response.content.decode()
    assert not submissions(contact_page).exists()
    assert mail.outbox == []


def test_too_fast_submission_is_rejected_and_typed_text_kept(client, contact_page):
    data = post_data(contact_page, seconds_ago=0.5, **VALID)

    response = client.post(contact_page.url, data)

    assert response.status_code == 200
    assert TOO_FAST in response.content.decode()
    assert field_value(response.content, contact_page, "Mesajınız").strip() == VALID["Mesajınız"]
    assert not submissions(contact_page).exists()
    assert mail.outbox == []


def test_just_after_the_minimum_wait_is_accepted(client, contact_page):
    data = post_data(contact_page, seconds_ago=MIN_SECONDS + 0.5, **VALID)
    response = client.post(contact_page.url, data)
    assert THANK_YOU in response.content.decode()
    assert submissions(contact_page).count() == 1


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("", id="missing"),
        pytest.param("forged-token", id="forged"),
        pytest.param(None, id="two-days-old"),
    ],
)
def test_missing_forged_or_stale_timestamp_is_rejected(client, contact_page, token):
    data = post_data(contact_page, **VALID)
    data[TIMESTAMP_NAME] = token_started(2 * 24 * 60 * 60) if token is None else token

    response = client.post(contact_page.url, data)

    assert EXPIRED in response.content.decode()
    assert not submissions(contact_page).exists()


def test_failing_mail_server_still_stores_and_thanks(client, contact_page, settings):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenEmailBackend"

    response = client.post(contact_page.url, post_data(contact_page, **VALID))

    assert response.status_code == 200
    assert THANK_YOU in response.content.decode()
    assert submissions(contact_page).count() == 1


def test_page_without_recipient_stores_without_mailing(client, contact_page):
    contact_page.to_address = ""
    contact_page.save()

    response = client.post(contact_page.url, post_data(contact_page, **VALID))

    assert THANK_YOU in response.content.decode()
    assert submissions(contact_page).count() == 1
    assert mail.outbox == []
