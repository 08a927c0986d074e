"""E-mail alerts on motions: double opt-in, one alert per address, unsubscribe, manage."""

import datetime
import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from deliberation.models import Topic
from motions import notifications, services
from motions import subscriptions as alerts
from motions.models import (
    AlertDelivery,
    AlertScope,
    DeletionReason,
    EventKind,
    Subscription,
    SubscriptionDeletion,
)
from tests.deliberation.factories import secretariat_user

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LINK = re.compile(r"http://testserver(/\S+)")


@pytest.fixture(autouse=True)
def motion_log_actions():
    """The audit actions motions.services writes, where the back office has not yet
    registered them."""
    from wagtail.log_actions import registry

    registry.scan_for_actions()
    for action in ("motions.motion.create", "motions.motion.event", "motions.motion.correct"):
        if not registry.action_exists(action):
            registry.register_action(action, action, action)


@pytest.fixture
def secretariat(db):
    return secretariat_user()


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Ulaşım", slug="ulasim")


@pytest.fixture
def motion(secretariat, topic):
    return services.motion_create(
        actor=secretariat,
        title="Bisiklet yolları ağı",
        summary="Kent merkezinde kesintisiz bisiklet yolu.",
        submitted_on=TODAY - datetime.timedelta(days=30),
        recipient="Büyükşehir Belediye Meclisi",
        topics=[topic],
    )


@pytest.fixture
def other_motion(secretariat):
    return services.motion_create(
        actor=secretariat,
        title="Kadın sığınma evi",
        summary="İlçede bir kadın sığınma evi açılması.",
        submitted_on=TODAY - datetime.timedelta(days=20),
        recipient="Büyükşehir Belediye Meclisi",
    )


def subscribe(client, capture, *, email, scope=AlertScope.ALL, consent=True, **extra):
    data = {"email": email, "scope": scope, **extra}
    if consent:
        data["consent"] = "on"
    with capture(execute=True):
        return client.post("/takip/", data)


def follow(email, *, scope=AlertScope.ALL, motion=None, topic=None) -> Subscription:
    """A confirmed subscription, made through the services as the pages make it."""
    alerts.subscription_request(
        email=email,
        scope=scope,
        motion_id=motion.pk if motion else None,
        topic_id=topic.pk if topic else None,
        consent=True,
        language="tr",
    )
    subscription = Subscription.objects.get(email=email, scope=scope, motion=motion, topic=topic)
    return alerts.subscription_confirm(token=subscription.token)


def record(capture, motion, *, kind=EventKind.PLACED_ON_AGENDA, **fields):
    with capture(execute=True):
        return services.motion_record_event(
            actor=secretariat_user(),
            motion_id=motion.pk,
            kind=kind,
            on=TODAY - datetime.timedelta(days=1),
            **fields,
        )


def links(message) -> list[str]:
    return LINK.findall(message.body)


def templates(response) -> list[str]:
    return [t.name for t in response.templates]


# --- The whole journey -------------------------------------------------------------------


def test_subscribe_confirm_and_receive_one_alert(
    client, home, motion, django_capture_on_commit_callbacks
):
    response = subscribe(
        client,
        django_capture_on_commit_callbacks,
        email=" Ayse@Example.org ",
        scope=AlertScope.MOTION,
        motion=motion.reference,
    )
    assert response.status_code == 302
    assert response["Location"] == "/takip/gonderildi/"
    assert client.get(response["Location"]).status_code == 200

    subscription = Subscription.objects.get()
    assert subscription.email == "ayse@example.org"
    assert subscription.motion == motion
    assert not subscription.is_confirmed
    assert subscription.consent_version == alerts.CONSENT_VERSION == "2026-12"
    assert subscription.consent_given_at is not None
    assert subscription.language == "tr"

    (confirmation,) = mail.outbox
    assert confirmation.to == ["ayse@example.org"]
    (confirm_path,) = links(confirmation)
    assert confirm_path == f"/takip/onayla/{subscription.token}/"

    # Opening the link shows a button; only pressing it confirms.
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert 'method="post"' in page.text
    subscription.refresh_from_db()
    assert not subscription.is_confirmed
    response = client.post(confirm_path)
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    assert client.get(confirm_path).context["state"] == "confirmed"

    mail.outbox.clear()
    event = record(django_capture_on_commit_callbacks, motion, note="Gündemin 7. maddesi.")

    (alert,) = mail.outbox
    assert alert.to == ["ayse@example.org"]
    assert motion.reference in alert.subject
    assert "Gündemin 7. maddesi." in alert.body
    unsubscribe_path = f"/takip/birak/{subscription.token}/"
    assert unsubscribe_path in links(alert)
    one_click = f"http://testserver/takip/birak/{subscription.token}/tek-tik/"
    assert alert.extra_headers["List-Unsubscribe"] == f"<{one_click}>"
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The headers are in the message as sent, too.
    sent = alert.message()
    assert sent["List-Unsubscribe"] == f"<{one_click}>"
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert AlertDelivery.objects.filter(event=event, subscription=subscription).exists()


def test_one_email_per_address_however_many_subscriptions_match(
    home, motion, topic, django_capture_on_commit_callbacks
):
    follow("ayse@example.org", scope=AlertScope.MOTION, motion=motion)
    follow("ayse@example.org", scope=AlertScope.TOPIC, topic=topic)
    follow("ayse@example.org", scope=AlertScope.ALL)
    follow("mehmet@example.org", scope=AlertScope.TOPIC, topic=topic)
    mail.outbox.clear()

    record(django_capture_on_commit_callbacks, motion)

    assert sorted(m.to[0] for m in mail.outbox) == ["ayse@example.org", "mehmet@example.org"]
    (ayse,) = [m for m in mail.outbox if m.to == ["ayse@example.org"]]
    tokens = Subscription.objects.filter(email="ayse@example.org").values_list("token", flat=True)
    for token in tokens:
        assert f"/takip/birak/{token}/" in ayse.body
    broadest = Subscription.objects.get(email="ayse@example.org", scope=AlertScope.ALL)
    assert broadest.token in ayse.extra_headers["List-Unsubscribe"]


def test_unconfirmed_and_other_followers_get_nothing(
    home, motion, other_motion, topic, django_capture_on_commit_callbacks
):
    alerts.subscription_request(
        email="pending@example.org", scope=AlertScope.ALL, consent=True, language="tr"
    )
    follow("other@example.org", scope=AlertScope.MOTION, motion=other_motion)
    mail.outbox.clear()

    record(django_capture_on_commit_callbacks, motion)

    assert mail.outbox == []


def test_non_public_event_sends_nothing(home, motion, django_capture_on_commit_callbacks):
    follow("ayse@example.org")
    mail.outbox.clear()

    record(django_capture_on_commit_callbacks, motion, is_public=False)

    assert mail.outbox == []


def test_event_of_non_public_motion_sends_nothing(home, motion, django_capture_on_commit_callbacks):
    follow("ayse@example.org")
    motion.is_public = False
    motion.save()
    mail.outbox.clear()

    record(django_capture_on_commit_callbacks, motion)

    assert mail.outbox == []


def test_alert_is_queued_only_when_the_event_commits(
    home, motion, django_capture_on_commit_callbacks
):
    follow("ayse@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.motion_record_event(
            actor=secretariat_user(),
            motion_id=motion.pk,
            kind=EventKind.PLACED_ON_AGENDA,
            on=TODAY,
        )
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


# --- Sending: idempotent, and one failure does not stop the others -------------------------


def test_a_retried_task_does_not_send_twice(home, motion, django_capture_on_commit_callbacks):
    follow("ayse@example.org")
    follow("mehmet@example.org")
    event = record(django_capture_on_commit_callbacks, motion)
    mail.outbox.clear()

    counts = notifications.send_event_alerts(event.pk)

    assert counts == {"sent": 0, "skipped": 2, "failed": 0}
    assert mail.outbox == []


def test_a_failing_send_is_logged_and_the_others_still_go(
    home, motion, django_capture_on_commit_callbacks, caplog
):
    follow("ayse@example.org")
    follow("bozuk@example.org")
    follow("mehmet@example.org")
    broken = Subscription.objects.get(email="bozuk@example.org")
    mail.outbox.clear()
    real_send = mail.EmailMessage.send

    def send(message, *args, **kwargs):
        if message.to == ["bozuk@example.org"]:
            raise OSError("mailbox unavailable")
        return real_send(message, *args, **kwargs)

    with mock.patch.object(mail.EmailMessage, "send", send):
        event = record(django_capture_on_commit_callbacks, motion)

    assert sorted(m.to[0] for m in mail.outbox) == ["ayse@example.org", "mehmet@example.org"]
    assert f"subscription {broken.pk} failed" in caplog.text
    assert "bozuk@example.org" not in caplog.text
    # The failed one was not marked as sent, so running the task again delivers it.
    assert not AlertDelivery.objects.filter(event=event, subscription=broken).exists()
    mail.outbox.clear()
    assert notifications.send_event_alerts(event.pk) == {"sent": 1, "skipped": 2, "failed": 0}
    assert [m.to for m in mail.outbox] == [["bozuk@example.org"]]


def test_a_corrected_event_alerts_only_through_its_correction(
    home, motion, django_capture_on_commit_callbacks
):
    follow("ayse@example.org")
    with django_capture_on_commit_callbacks(execute=False):
        wrong = services.motion_record_event(
            actor=secretariat_user(), motion_id=motion.pk, kind=EventKind.PLACED_ON_AGENDA, on=TODAY
        )
    record(django_capture_on_commit_callbacks, motion, supersedes_id=wrong.pk)
    mail.outbox.clear()

    assert notifications.send_event_alerts(wrong.pk) == {"sent": 0, "skipped": 0, "failed": 0}


# --- The subscribe form ---------------------------------------------------------------------


def test_consent_is_required_and_the_form_keeps_what_was_typed(
    client, home, motion, django_capture_on_commit_callbacks
):
    response = subscribe(
        client,
        django_capture_on_commit_callbacks,
        email="ayse@example.org",
        scope=AlertScope.MOTION,
        motion=motion.reference,
        consent=False,
    )
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert 'value="ayse@example.org"' in response.text
    assert f'value="{motion.reference}"' in response.text
    assert Subscription.objects.count() == 0
    assert mail.outbox == []


def test_the_consent_checkbox_is_unticked_and_the_text_is_shown(client, home):
    response = client.get("/takip/")
    assert response.status_code == 200
    checkbox = re.search(r'<input[^>]*name="consent"[^>]*>', response.text).group(0)
    assert "checked" not in checkbox
    assert "6698" in response.text
    assert alerts.CONSENT_VERSION in response.text
    assert "csrfmiddlewaretoken" in response.text


def test_topics_are_listed_in_turkish_order(client, home):
    for name, slug in (("Zabıta", "zabita"), ("Çevre", "cevre"), ("Cadde", "cadde")):
        Topic.objects.create(name=name, slug=slug)
    options = re.findall(r'<option value="([a-z]+)">', client.get("/takip/").text)
    assert options == ["cadde", "cevre", "zabita"]


def test_a_link_can_choose_the_motion_or_the_topic(client, home, motion, topic):
    response = client.get("/takip/", {"onerge": motion.reference})
    form = response.context["form"]
    assert form["scope"].value() == AlertScope.MOTION
    assert form["motion"].value() == motion.reference
    assert response.context["chosen_motion"] == motion
    assert alerts.subscribe_url(motion=motion) == "/takip/?onerge=" + motion.reference.replace(
        "/", "%2F"
    )
    response = client.get(alerts.subscribe_url(topic=topic))
    assert response.context["form"]["scope"].value() == AlertScope.TOPIC


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "not-an-address", "scope": "all"}, "email"),
        ({"email": "a@example.org", "scope": "everything"}, "scope"),
        ({"email": "a@example.org", "scope": "motion", "motion": ""}, "motion"),
        ({"email": "a@example.org", "scope": "motion", "motion": "1999/99"}, "motion"),
        ({"email": "a@example.org", "scope": "topic", "topic": "no-such-topic"}, "topic"),
        ({"email": "a@example.org", "scope": "topic"}, "topic"),
    ],
)
def test_bad_input_is_a_form_error_not_a_crash(client, home, motion, data, field):
    response = client.post("/takip/", {**data, "consent": "on"})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Subscription.objects.count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/takip/?onerge=%00",
        "/takip/?konu=%00",
        "/takip/onayla/%00abcdefghijklmnopqrstuvwxyz/",
        "/takip/birak/%00abcdefghijklmnopqrstuvwxyz/",
        "/takip/birak/%00abcdefghijklmnopqrstuvwxyz/tek-tik/",
        "/takip/aboneliklerim/%00/",
    ],
)
def test_control_characters_in_links_are_not_a_crash(client, home, path):
    assert client.get(path).status_code < 500
    assert client.post(path, {"email": "a@example.org", "action": "delete_all"}).status_code < 500


def test_control_characters_in_the_form_are_form_errors(client, home, motion):
    for data in (
        {"email": "a\x00@example.org", "scope": "all"},
        {"email": "a@example.org", "scope": "topic", "topic": "\x00"},
        {"email": "a@example.org", "scope": "motion", "motion": "2026/\x00"},
        {"email": "a@example.org", "scope": "\x00"},
    ):
        response = client.post("/takip/", {**data, "consent": "on"})
        assert response.status_code == 200
        assert response.context["form"].errors
    response = client.post("/takip/aboneliklerim/", {"email": "a\x00@example.org"})
    assert response.status_code == 200
    assert Subscription.objects.count() == 0


def test_a_non_public_motion_cannot_be_followed(
    client, home, motion, django_capture_on_commit_callbacks
):
    motion.is_public = False
    motion.save()
    response = subscribe(
        client,
        django_capture_on_commit_callbacks,
        email="a@example.org",
        scope=AlertScope.MOTION,
        motion=motion.reference,
    )
    assert "motion" in response.context["form"].errors
    assert Subscription.objects.count() == 0


def test_following_again_does_not_duplicate_and_says_the_same(
    client, home, django_capture_on_commit_callbacks
):
    first = subscribe(client, django_capture_on_commit_callbacks, email="ayse@example.org")
    alerts.subscription_confirm(token=Subscription.objects.get().token)
    mail.outbox.clear()

    again = subscribe(client, django_capture_on_commit_callbacks, email="AYSE@example.org")
    stranger = subscribe(client, django_capture_on_commit_callbacks, email="yeni@example.org")

    assert Subscription.objects.filter(email="ayse@example.org").count() == 1
    assert [m.to for m in mail.outbox] == [["yeni@example.org"]]
    # Whether an address is subscribed never shows: the same redirect, the same page.
    assert first["Location"] == again["Location"] == stranger["Location"]


# How often an address or a client may ask: tests/motions/test_alert_limits.py.


# --- Confirm links ---------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["yok", "x" * 500, "a" * 43])
def test_a_bad_confirm_link_gets_a_friendly_404(client, home, token):
    for method in (client.get, client.post):
        response = method(f"/takip/onayla/{token}/")
        assert response.status_code == 404
        assert "motions/alerts/confirm.html" in templates(response)
        assert response.context["state"] == "invalid"


def test_an_expired_confirm_link_gets_a_friendly_410_and_is_purged(
    client, home, django_capture_on_commit_callbacks
):
    alerts.subscription_request(
        email="ayse@example.org", scope=AlertScope.ALL, consent=True, language="tr"
    )
    subscription = Subscription.objects.get()
    Subscription.objects.filter(pk=subscription.pk).update(
        confirmation_sent_at=timezone.now() - alerts.CONFIRM_MAX_AGE - datetime.timedelta(hours=1)
    )
    path = f"/takip/onayla/{subscription.token}/"
    assert client.get(path).status_code == 410
    response = client.post(path)
    assert response.status_code == 410
    assert response.context["state"] == "expired"
    subscription.refresh_from_db()
    assert not subscription.is_confirmed

    assert alerts.subscriptions_purge_expired() == 1
    assert not Subscription.objects.exists()
    record_ = SubscriptionDeletion.objects.get()
    assert (record_.reason, record_.count) == (DeletionReason.EXPIRED, 1)


def test_english_subscribers_get_english_links(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/takip/", {"email": "jane@example.org", "scope": "all", "consent": "on"}
        )
    assert response["Location"] == "/en/takip/gonderildi/"
    assert Subscription.objects.get().language == "en"
    (confirmation,) = mail.outbox
    assert links(confirmation)[0].startswith("/en/takip/onayla/")


# --- Unsubscribe -----------------------------------------------------------------------------


def test_unsubscribe_link_shows_a_page_then_deletes(client, home):
    subscription = follow("ayse@example.org")
    path = f"/takip/birak/{subscription.token}/"

    page = client.get(path)
    assert page.status_code == 200
    assert 'method="post"' in page.text
    assert Subscription.objects.exists()

    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == "/takip/birakildi/"
    assert client.get(response["Location"]).status_code == 200
    assert not Subscription.objects.exists()
    deletion = SubscriptionDeletion.objects.get()
    assert (deletion.reason, deletion.count) == (DeletionReason.UNSUBSCRIBED, 1)

    gone = client.get(path)
    assert gone.status_code == 404
    assert "motions/alerts/unsubscribe.html" in templates(gone)
    assert client.post(path).status_code == 404


def test_one_click_unsubscribe_works_without_a_csrf_token(home):
    subscription = follow("ayse@example.org")
    mail_client = Client(enforce_csrf_checks=True)
    path = f"/takip/birak/{subscription.token}/tek-tik/"

    response = mail_client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert not Subscription.objects.exists()
    # Again, or with an unknown token: the same answer (it is unsubscribed either way).
    assert mail_client.post(path).status_code == 200
    # A browser opening it gets the page with the button.
    assert mail_client.get(path)["Location"] == f"/takip/birak/{subscription.token}/"


def test_the_unsubscribe_form_is_csrf_protected(home):
    subscription = follow("ayse@example.org")
    response = Client(enforce_csrf_checks=True).post(f"/takip/birak/{subscription.token}/")
    assert response.status_code == 403
    assert Subscription.objects.exists()


# --- Manage my subscriptions -----------------------------------------------------------------


def manage_link(client, capture, email) -> str:
    mail.outbox.clear()
    with capture(execute=True):
        response = client.post("/takip/aboneliklerim/", {"email": email})
    assert response["Location"] == "/takip/aboneliklerim/gonderildi/"
    (message,) = mail.outbox
    assert message.to == [email.lower()]
    (path,) = links(message)
    assert email not in path
    return path


def test_manage_page_lists_and_deletes(
    client, home, motion, topic, django_capture_on_commit_callbacks
):
    follow("ayse@example.org", scope=AlertScope.MOTION, motion=motion)
    follow("ayse@example.org", scope=AlertScope.TOPIC, topic=topic)
    follow("ayse@example.org", scope=AlertScope.ALL)
    follow("mehmet@example.org", scope=AlertScope.ALL)
    path = manage_link(client, django_capture_on_commit_callbacks, "Ayse@example.org")

    page = client.get(path)
    assert page.status_code == 200
    assert [s.scope for s in page.context["subscriptions"]] == ["all", "motion", "topic"]
    assert "mehmet@example.org" not in page.text

    # Deleting the oldest one (the link's anchor) moves to a link that still works.
    oldest = Subscription.objects.filter(email="ayse@example.org").order_by("pk").first()
    response = client.post(path, {"action": "delete", "subscription": oldest.pk})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert len(page.context["subscriptions"]) == 2
    # Somebody else's subscription cannot be deleted from this page.
    mehmet = Subscription.objects.get(email="mehmet@example.org")
    client.post(response["Location"], {"action": "delete", "subscription": mehmet.pk})
    assert Subscription.objects.filter(pk=mehmet.pk).exists()

    response = client.post(response["Location"], {"action": "delete_all"})
    assert response["Location"] == "/takip/aboneliklerim/silindi/"
    assert client.get(response["Location"]).status_code == 200
    assert not Subscription.objects.filter(email="ayse@example.org").exists()
    assert list(SubscriptionDeletion.objects.order_by("pk").values_list("reason", "count")) == [
        (DeletionReason.BY_SUBSCRIBER, 1),
        (DeletionReason.BY_SUBSCRIBER, 2),
    ]
    # The old link no longer opens anything.
    assert client.get(path).status_code == 400


def test_manage_request_never_tells_whether_an_address_is_known(
    client, home, django_capture_on_commit_callbacks
):
    follow("ayse@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/takip/aboneliklerim/", {"email": "ayse@example.org"})
        unknown = client.post("/takip/aboneliklerim/", {"email": "kimse@example.org"})
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["ayse@example.org"]]

    bad = client.post("/takip/aboneliklerim/", {"email": "bozuk"})
    assert bad.status_code == 200
    assert 'value="bozuk"' in bad.text


def test_expired_or_tampered_manage_links_get_friendly_pages(
    client, home, django_capture_on_commit_callbacks
):
    follow("ayse@example.org")
    path = manage_link(client, django_capture_on_commit_callbacks, "ayse@example.org")
    token = path.rstrip("/").rsplit("/", 1)[1]

    tampered = client.get(f"/takip/aboneliklerim/{token[:-2]}xy/")
    assert tampered.status_code == 400
    assert "motions/alerts/manage_link_failed.html" in templates(tampered)
    assert client.post("/takip/aboneliklerim/garbage/", {"action": "delete_all"}).status_code == 400

    stale = int(time.time() - alerts.MANAGE_LINK_MAX_AGE.total_seconds() - 60)
    old = alerts.make_manage_token("ayse@example.org", issued_at=stale)
    expired = client.get(f"/takip/aboneliklerim/{old}/")
    assert expired.status_code == 410
    assert expired.context["expired"]
    assert Subscription.objects.exists()


# --- Settings ---------------------------------------------------------------------------------


def test_tasks_run_in_the_database_worker_outside_tests(settings):
    from cms.settings import base

    assert base.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in base.INSTALLED_APPS
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
