"""Limits on abuse of the e-mail alerts: following and asking for the management link.

The production limits (settings.ABUSE_LIMITS) replace the per-address daily counters the
subscriptions used to keep; over a limit the form comes back with HTTP 429, what was
typed and a message saying when to try again.
"""

import re

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.utils import translation
from django_tasks import default_task_backend

from motions import subscriptions as alerts
from motions.models import AlertScope, Subscription
from shared.limits import rate_count

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rate_windows_frozen")]

TOO_MANY_TR = re.compile(r"Çok fazla deneme yapıldı\. Lütfen \d+ dakika sonra yeniden deneyin\.")
TOO_MANY_EN = re.compile(r"Too many attempts\. Please try again in \d+ minutes?\.")
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture(autouse=True)
def _turkish():
    """A request to /en/ leaves English active in the test's thread."""
    translation.activate("tr")
    yield
    translation.activate("tr")


def limit(form: str, per: str) -> int:
    return rate_count(django_settings.ABUSE_LIMITS[form][per])


def ip(n: int) -> str:
    return f"10.1.{n // 250}.{n % 250 + 1}"


def assert_refused(response, pattern=TOO_MANY_TR):
    assert response.status_code == 429
    assert pattern.search(response.content.decode())


def follow_all(client, email, *, address="10.9.9.9", prefix=""):
    return client.post(
        f"{prefix}/takip/",
        {"email": email, "scope": AlertScope.ALL, "consent": "on"},
        REMOTE_ADDR=address,
    )


def test_following_from_one_client_is_limited_and_keeps_what_was_typed(client, home):
    for n in range(limit("alert_subscribe", "per_ip")):
        assert follow_all(client, f"kisi{n}@example.org").status_code == 302

    response = follow_all(client, "son@example.org")

    assert_refused(response)
    assert 'value="son@example.org"' in response.content.decode()
    assert not Subscription.objects.filter(email="son@example.org").exists()


def test_following_for_one_address_is_limited_from_any_client(
    client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(limit("alert_subscribe", "per_email")):
            assert follow_all(client, "hedef@example.org", address=ip(n)).status_code == 302
        response = follow_all(client, "HEDEF@example.org", address=ip(99))

    assert_refused(response)
    # Asking again for a pending target resends its link, within the same limit.
    assert len(mail.outbox) == limit("alert_subscribe", "per_email")


def test_the_refusal_is_in_english_on_the_english_site(client, home):
    for _ in range(limit("alert_subscribe", "per_email")):
        follow_all(client, "hedef@example.org", prefix="/en")

    assert_refused(follow_all(client, "hedef@example.org", prefix="/en"), TOO_MANY_EN)


def test_the_done_page_states_the_daily_limit_per_address(client, home):
    content = client.get("/takip/gonderildi/").content.decode()

    assert f"günde en çok {limit('alert_subscribe', 'per_email')} onay e-postası" in content


def ask_manage_link(client, email, *, address="10.9.9.9"):
    return client.post("/takip/aboneliklerim/", {"email": email}, REMOTE_ADDR=address)


def test_manage_links_from_one_client_are_limited(client, home):
    for n in range(limit("alert_manage_link", "per_ip")):
        assert ask_manage_link(client, f"kisi{n}@example.org").status_code == 302

    response = ask_manage_link(client, "son@example.org")

    assert_refused(response)
    assert 'value="son@example.org"' in response.content.decode()


def test_manage_links_for_one_address_are_limited_from_any_client(
    client, home, django_capture_on_commit_callbacks
):
    alerts.subscription_request(
        email="ayse@example.org", scope=AlertScope.ALL, consent=True, language="tr"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(limit("alert_manage_link", "per_email")):
            ask_manage_link(client, "ayse@example.org", address=ip(n))
        response = ask_manage_link(client, "Ayse@example.org", address=ip(99))

    assert_refused(response)
    assert len(mail.outbox) == limit("alert_manage_link", "per_email")


def test_manage_link_requests_answer_and_work_the_same_for_known_and_unknown_addresses(
    client, home, settings, django_capture_on_commit_callbacks
):
    alerts.subscription_request(
        email="ayse@example.org", scope=AlertScope.ALL, consent=True, language="tr"
    )
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    def answer_and_work(email):
        default_task_backend.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = ask_manage_link(client, email)
        page = client.get(response["Location"])
        tasks = [(r.task.name, sorted(r.kwargs)) for r in default_task_backend.results]
        return response.status_code, response["Location"], CSRF.sub(b"", page.content), tasks

    known = answer_and_work("ayse@example.org")
    unknown = answer_and_work("kimse@example.org")

    assert known == unknown
    assert len(known[3]) == 1  # one task queued on both paths; only it looks the address up
