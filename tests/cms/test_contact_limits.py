"""Limits on abuse of the contact form: a token that works once, and requests per client
and per e-mail address (settings.ABUSE_LIMITS)."""

import re
from types import SimpleNamespace

import django_ratelimit.core
import pytest
from django.conf import settings as django_settings
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from cms.spam import TIMESTAMP_NAME
from shared.limits import rate_count

from .test_contact_form import THANK_YOU, VALID, field_value, post_data, token_started

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rate_windows_frozen")]

TOO_MANY_TR = re.compile(r"Çok fazla deneme yapıldı\. Lütfen \d+ dakika sonra yeniden deneyin\.")
REPLAYED = "Bu form zaten gönderildi. Lütfen iletinizi kontrol edip yeniden gönderin."


def limit(per: str) -> int:
    return rate_count(django_settings.ABUSE_LIMITS["contact"][per])


def ip(n: int) -> str:
    return f"10.2.{n // 250}.{n % 250 + 1}"


def send(client, page, *, address="10.9.9.9", **by_label):
    return client.post(page.url, post_data(page, **{**VALID, **by_label}), REMOTE_ADDR=address)


def test_a_sent_form_cannot_be_sent_again(client, contact_page):
    data = post_data(contact_page, **VALID)
    assert THANK_YOU in client.post(contact_page.url, data).content.decode()

    replayed = client.post(contact_page.url, data)

    content = replayed.content.decode()
    assert REPLAYED in content
    assert THANK_YOU not in content
    assert field_value(replayed.content, contact_page, "Adınız") == "Şule Doğan"
    assert FormSubmission.objects.filter(page=contact_page).count() == 1
    assert len(mail.outbox) == 1


def test_the_refused_page_carries_a_fresh_token(client, contact_page):
    data = post_data(contact_page, **VALID)
    client.post(contact_page.url, data)

    replayed = client.post(contact_page.url, data)

    fresh = re.search(rf'name="{TIMESTAMP_NAME}" value="([^"]+)"', replayed.content.decode())
    assert fresh and fresh.group(1) != data[TIMESTAMP_NAME]


def test_a_form_with_errors_keeps_its_token_usable(client, contact_page):
    data = post_data(contact_page, **{**VALID, "E-posta": "bozuk"})
    assert THANK_YOU not in client.post(contact_page.url, data).content.decode()

    fixed = {**data, contact_page.form_fields.get(label="E-posta").clean_name: "sule@example.org"}

    assert THANK_YOU in client.post(contact_page.url, fixed).content.decode()


def test_the_contact_form_from_one_client_is_limited(client, contact_page):
    for n in range(limit("per_ip")):
        response = send(client, contact_page, **{"E-posta": f"kisi{n}@example.org"})
        assert THANK_YOU in response.content.decode()

    response = send(client, contact_page, **{"E-posta": "son@example.org"})

    assert response.status_code == 429
    assert TOO_MANY_TR.search(response.content.decode())
    assert field_value(response.content, contact_page, "E-posta") == "son@example.org"
    assert field_value(response.content, contact_page, "Mesajınız").strip() == VALID["Mesajınız"]
    assert FormSubmission.objects.filter(page=contact_page).count() == limit("per_ip")


def test_the_contact_form_for_one_address_is_limited_from_any_client(client, contact_page):
    for n in range(limit("per_email")):
        assert send(client, contact_page, address=ip(n)).status_code == 200

    response = send(client, contact_page, address=ip(99), **{"E-posta": "SULE@example.org"})

    assert response.status_code == 429
    assert TOO_MANY_TR.search(response.content.decode())
    assert len(mail.outbox) == limit("per_email")


def test_a_limited_form_does_not_use_up_its_token(
    client, contact_page, monkeypatch, rate_windows_frozen
):
    for n in range(limit("per_email")):
        send(client, contact_page, address=ip(n))
    data = post_data(contact_page, **VALID)
    assert client.post(contact_page.url, data, REMOTE_ADDR=ip(99)).status_code == 429

    # The window passes: the same page, sent again, goes through.
    later = rate_windows_frozen + 2 * 60 * 60
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: later))
    assert THANK_YOU in client.post(contact_page.url, data).content.decode()


def test_an_old_token_still_expires(client, contact_page):
    data = post_data(contact_page, **VALID)
    data[TIMESTAMP_NAME] = token_started(2 * 24 * 60 * 60)

    assert THANK_YOU not in client.post(contact_page.url, data).content.decode()
