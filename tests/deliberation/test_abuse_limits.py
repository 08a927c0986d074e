"""Limits on abuse of the accounts: sign-up, sign-in, password reset and join requests.

Each form takes so many requests from one client address and so many for one e-mail
address (settings.ABUSE_LIMITS, the production values); the next one is refused with
HTTP 429, the form shown again with what was typed and a message saying when to try
again. Logins lock out after repeated failures (django-axes), on /admin/ too.
"""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import default_task_backend

from cms.models import OrganIndexPage
from shared.limits import rate_count

from .test_public_pages import make_organ, organ_page_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rate_windows_frozen")]

TOO_MANY_TR = re.compile(r"Çok fazla deneme yapıldı\. Lütfen \d+ dakika sonra yeniden deneyin\.")
TOO_MANY_EN = re.compile(r"Too many attempts\. Please try again in \d+ minutes?\.")
LOCKED_TR = re.compile(
    r"Çok fazla başarısız giriş denemesi yapıldı\. Lütfen 15 dakika sonra yeniden deneyin\."
)
PASSWORD = "kent-hakki-2026"
LINK = re.compile(r"https?://\S+/hesap/dogrula/\S+/")
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture(autouse=True)
def _turkish():
    """A request to /en/ leaves English active in the test's thread; URLs here are Turkish."""
    translation.activate("tr")
    yield
    translation.activate("tr")


def limit(form: str, per: str) -> int:
    return rate_count(django_settings.ABUSE_LIMITS[form][per])


def ip(n: int) -> str:
    return f"10.0.{n // 250}.{n % 250 + 1}"


def make_account(email="sule@example.org", password=PASSWORD, **fields):
    return get_user_model().objects.create_user(
        username=email, email=email, password=password, first_name="Şule", **fields
    )


def assert_refused(response, pattern=TOO_MANY_TR):
    assert response.status_code == 429
    assert pattern.search(response.content.decode()), response.content.decode()[-3000:]


# --- Sign-up ----------------------------------------------------------------------------


def signup_data(email="sule@example.org", **extra):
    return {
        "first_name": "Şule",
        "last_name": "Öztürk",
        "email": email,
        "privacy_consent": "on",
        **extra,
    }


def test_signup_from_one_client_is_limited_and_keeps_what_was_typed(client):
    url = reverse("accounts:signup")
    for n in range(limit("signup", "per_ip")):
        assert client.post(url, signup_data(f"kisi{n}@example.org")).status_code == 302

    response = client.post(url, signup_data("son@example.org", last_name="Doğan"))

    assert_refused(response)
    content = response.content.decode()
    assert 'value="son@example.org"' in content
    assert 'value="Doğan"' in content
    assert not get_user_model().objects.filter(email="son@example.org").exists()


def test_signup_for_one_address_is_limited_from_any_client(client):
    url = reverse("accounts:signup")
    for n in range(limit("signup", "per_email")):
        response = client.post(url, signup_data("Hedef@Example.org"), REMOTE_ADDR=ip(n))
        assert response.status_code == 302

    response = client.post(url, signup_data("hedef@example.org"), REMOTE_ADDR=ip(99))

    assert_refused(response)
    # Another address from the same client is not affected.
    assert client.post(url, signup_data("baska@example.org"), REMOTE_ADDR=ip(99)).status_code == 302


def test_the_refusal_is_in_english_on_the_english_site(client):
    url = "/en" + reverse("accounts:signup")
    for _ in range(limit("signup", "per_email")):
        client.post(url, signup_data())

    assert_refused(client.post(url, signup_data()), TOO_MANY_EN)


def test_a_sign_up_with_someone_elses_address_cannot_fix_their_password(
    client, django_capture_on_commit_callbacks
):
    attacker = client
    # Whatever password fields an attacker adds, sign-up takes none.
    with django_capture_on_commit_callbacks(execute=True):
        attacker.post(
            reverse("accounts:signup"),
            signup_data(
                "victim@example.org", password1="saldirgan-2026", password2="saldirgan-2026"
            ),
        )
    account = get_user_model().objects.get(email="victim@example.org")
    assert not account.has_usable_password()

    # The victim opens the link in their mailbox and chooses their own password.
    from django.test import Client

    victim = Client()
    link = LINK.search(mail.outbox[0].body).group(0)
    victim.post(
        link,
        {
            "first_name": "Gerçek",
            "last_name": "Sahip",
            "new_password1": "benim-parolam-26",
            "new_password2": "benim-parolam-26",
        },
    )
    account.refresh_from_db()
    assert account.is_active and account.first_name == "Gerçek"

    attacker.post(
        reverse("accounts:login"),
        {"username": "victim@example.org", "password": "saldirgan-2026"},
    )
    assert SESSION_KEY not in attacker.session
    assert account.check_password("benim-parolam-26")


def test_signing_up_with_a_registered_address_mails_the_owner_a_reset_link(
    client, django_capture_on_commit_callbacks
):
    make_account()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:signup"), signup_data())

    assert get_user_model().objects.count() == 1
    assert [m.to for m in mail.outbox] == [["sule@example.org"]]
    assert reverse("accounts:password_reset") in mail.outbox[0].body


@pytest.fixture
def queued_tasks(settings):
    """Tasks are queued, not run, so a test can count them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    return default_task_backend.results


@pytest.fixture
def hasher_calls(monkeypatch):
    """Every password hashed or checked with the test settings' hasher."""
    calls = []
    encode, verify = MD5PasswordHasher.encode, MD5PasswordHasher.verify
    monkeypatch.setattr(
        MD5PasswordHasher, "encode", lambda self, *a: calls.append("encode") or encode(self, *a)
    )
    monkeypatch.setattr(
        MD5PasswordHasher, "verify", lambda self, *a: calls.append("verify") or verify(self, *a)
    )
    return calls


def answer_and_work(client, url, data, queued_tasks, hasher_calls, capture):
    """What the visitor sees and what the request did: its page, its tasks, its hashing."""
    queued_tasks.clear()
    hasher_calls.clear()
    with capture(execute=True):
        response = client.post(url, data)
    page = client.get(response["Location"])
    return (
        response.status_code,
        response["Location"],
        page.status_code,
        # Django masks the CSRF token differently in every response.
        CSRF.sub(b'name="csrfmiddlewaretoken" value=""', page.content),
        [(task.task.name, sorted(task.kwargs)) for task in queued_tasks],
        list(hasher_calls),
    )


def test_signup_answers_and_works_the_same_for_known_and_unknown_addresses(
    client, queued_tasks, hasher_calls, django_capture_on_commit_callbacks
):
    make_account("bilinen@example.org")
    url = reverse("accounts:signup")

    known = answer_and_work(
        client,
        url,
        signup_data("bilinen@example.org"),
        queued_tasks,
        hasher_calls,
        django_capture_on_commit_callbacks,
    )
    client.session.flush()
    unknown = answer_and_work(
        client,
        url,
        signup_data("yeni@example.org"),
        queued_tasks,
        hasher_calls,
        django_capture_on_commit_callbacks,
    )

    # The done page names the address typed; put the same one in both before comparing.
    known = (*known[:3], known[3].replace(b"bilinen@", b"X@"), *known[4:])
    unknown = (*unknown[:3], unknown[3].replace(b"yeni@", b"X@"), *unknown[4:])
    assert known == unknown
    assert len(known[4]) == 1  # exactly one e-mail task queued on both paths
    assert not mail.outbox  # nothing was sent during the request


def test_password_reset_answers_and_works_the_same_for_known_and_unknown_addresses(
    client, queued_tasks, hasher_calls, django_capture_on_commit_callbacks
):
    make_account("bilinen@example.org")
    url = reverse("accounts:password_reset")

    known = answer_and_work(
        client,
        url,
        {"email": "bilinen@example.org"},
        queued_tasks,
        hasher_calls,
        django_capture_on_commit_callbacks,
    )
    unknown = answer_and_work(
        client,
        url,
        {"email": "kimse@example.org"},
        queued_tasks,
        hasher_calls,
        django_capture_on_commit_callbacks,
    )

    assert known == unknown
    assert len(known[4]) == 1
    assert not mail.outbox


# --- Password reset -----------------------------------------------------------------------


def test_password_reset_from_one_client_is_limited(client):
    url = reverse("accounts:password_reset")
    for n in range(limit("password_reset", "per_ip")):
        assert client.post(url, {"email": f"kisi{n}@example.org"}).status_code == 302

    response = client.post(url, {"email": "son@example.org"})

    assert_refused(response)
    assert 'value="son@example.org"' in response.content.decode()


def test_password_reset_for_one_address_is_limited_from_any_client(
    client, django_capture_on_commit_callbacks
):
    make_account()
    url = reverse("accounts:password_reset")
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(limit("password_reset", "per_email")):
            client.post(url, {"email": "sule@example.org"}, REMOTE_ADDR=ip(n))
        response = client.post(url, {"email": "SULE@example.org"}, REMOTE_ADDR=ip(99))

    assert_refused(response)
    assert len(mail.outbox) == limit("password_reset", "per_email")


def test_the_admin_password_reset_counts_with_the_public_one(client):
    make_account("editor@example.org", is_staff=True)
    for n in range(limit("password_reset", "per_email") - 1):
        client.post(
            reverse("accounts:password_reset"), {"email": "editor@example.org"}, REMOTE_ADDR=ip(n)
        )
    url = reverse("wagtailadmin_password_reset")
    assert client.post(url, {"email": "editor@example.org"}, REMOTE_ADDR=ip(50)).status_code == 302

    response = client.post(url, {"email": "editor@example.org"}, REMOTE_ADDR=ip(51))

    assert_refused(response)
    assert 'value="editor@example.org"' in response.content.decode()


# --- Sign-in: limits and lockout ------------------------------------------------------------


def login(client, username, password, *, address="10.9.9.9", url=None):
    return client.post(
        url or reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_sign_in_from_one_client_is_limited(client):
    for n in range(limit("login", "per_ip")):
        assert login(client, f"kisi{n}@example.org", "yanlis").status_code == 200

    response = login(client, "son@example.org", "yanlis")

    assert_refused(response)
    assert 'value="son@example.org"' in response.content.decode()


def test_sign_in_for_one_address_is_limited_from_any_client(client):
    make_account()
    for n in range(limit("login", "per_email")):
        assert login(client, "sule@example.org", "yanlis", address=ip(n)).status_code == 200

    response = login(client, "sule@example.org", PASSWORD, address=ip(99))

    assert_refused(response)
    assert SESSION_KEY not in client.session


def test_a_dozen_wrong_passwords_lock_the_public_sign_in_even_for_the_right_one(client):
    make_account()
    for _ in range(12):
        login(client, "sule@example.org", "yanlis")

    response = login(client, "sule@example.org", PASSWORD)

    assert SESSION_KEY not in client.session
    assert_refused(response, LOCKED_TR)
    # Only this name from this address is locked: the owner elsewhere signs in.
    assert login(client, "sule@example.org", PASSWORD, address="10.8.8.8").status_code == 302
    assert SESSION_KEY in client.session


def test_a_dozen_wrong_passwords_lock_the_admin_sign_in_even_for_the_right_one(client):
    make_account("editor@example.org", is_superuser=True, is_staff=True)
    url = reverse("wagtailadmin_login")
    for _ in range(12):
        login(client, "editor@example.org", "yanlis", url=url)

    response = login(client, "editor@example.org", PASSWORD, url=url)

    assert SESSION_KEY not in client.session
    assert_refused(response, LOCKED_TR)


def test_the_lockout_ends_after_the_cool_off_and_success_clears_the_failures(client):
    make_account()
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        login(client, "sule@example.org", "yanlis")
    assert login(client, "sule@example.org", PASSWORD).status_code == 429

    # The cool-off (AXES_COOLOFF_TIME) passes.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - django_settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    )

    assert login(client, "sule@example.org", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_fewer_failures_than_the_limit_do_not_lock_out(client):
    make_account()
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        login(client, "sule@example.org", "yanlis")

    assert login(client, "sule@example.org", PASSWORD).status_code == 302


# --- Join requests ----------------------------------------------------------------------------


@pytest.fixture
def group_page(home):
    index = home.add_child(instance=OrganIndexPage(title="Organlar", slug="organlar"))
    return organ_page_for(index, make_organ("Engelsiz Yaşam Çalışma Grubu"))


def ask_to_join(client, page, address="10.9.9.9"):
    url = page.url + page.reverse_subpage("join")
    return client.post(
        url, {"message": "Katılmak istiyorum.", "represents": "Dernek"}, REMOTE_ADDR=address
    )


def test_join_requests_of_one_account_are_limited_from_any_client(client, group_page):
    client.force_login(make_account())
    for n in range(limit("join_request", "per_email")):
        assert ask_to_join(client, group_page, address=ip(n)).status_code in (200, 302)

    response = ask_to_join(client, group_page, address=ip(99))

    assert_refused(response)
    assert 'value="Dernek"' in response.content.decode()


def test_join_requests_from_one_client_are_limited(client, group_page):
    for n in range(limit("join_request", "per_ip")):
        client.force_login(make_account(f"kisi{n}@example.org"))
        assert ask_to_join(client, group_page).status_code == 302

    client.force_login(make_account("son@example.org"))
    assert_refused(ask_to_join(client, group_page))


# --- The client address behind proxies --------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "192.0.2.1"),  # no proxy trusted: the header is the client's word
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged entry on the left is ignored
        (2, "6.6.6.6, 203.0.113.9, 198.51.100.7", "203.0.113.9"),
        (2, "", "192.0.2.1"),
    ],
)
def test_the_client_address_trusts_only_the_configured_proxies(
    rf, settings, proxies, forwarded, expected
):
    from shared.limits import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


def test_behind_a_proxy_each_client_is_counted_on_its_own(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ABUSE_LIMITS = {
        **django_settings.ABUSE_LIMITS,
        "password_reset": {"per_ip": "1/h", "per_email": "100/h"},
    }

    def reset(client_address, forged=""):
        forwarded = f"{forged}, {client_address}" if forged else client_address
        return client.post(
            reverse("accounts:password_reset"),
            {"email": "kimse@example.org"},
            REMOTE_ADDR="10.0.0.1",  # the proxy, the same for everyone
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    assert reset("198.51.100.1").status_code == 302
    # A forged left-most entry does not make a new client.
    assert reset("198.51.100.1", forged="6.6.6.6").status_code == 429
    assert reset("198.51.100.2").status_code == 302


def test_the_admin_password_reset_answers_and_works_the_same_for_known_and_unknown_addresses(
    client, queued_tasks, hasher_calls, django_capture_on_commit_callbacks
):
    make_account("editor@example.org", is_staff=True)
    url = reverse("wagtailadmin_password_reset")

    known, unknown = (
        answer_and_work(
            client,
            url,
            {"email": email},
            queued_tasks,
            hasher_calls,
            django_capture_on_commit_callbacks,
        )
        for email in ("editor@example.org", "kimse@example.org")
    )

    # Wagtail's admin pages also carry the CSRF token in their JSON configuration.
    def masked(answer):
        return (*answer[:3], re.sub(rb'"CSRF_TOKEN": "[^"]*"', b"", answer[3]), *answer[4:])

    assert masked(known) == masked(unknown)
    assert len(known[4]) == 1  # one reset task, queued for the worker on both paths
    assert not mail.outbox  # nothing is sent while the visitor waits


def test_the_admin_sign_in_is_limited_per_client_across_names(client, rate_windows_frozen):
    """Guessing many accounts from one address meets the sign-in's limit per client."""
    url = reverse("wagtailadmin_login")
    for n in range(limit("login", "per_ip")):
        login(client, f"kisi{n}@example.org", "yanlis", url=url)

    response = login(client, "kisi-son@example.org", "yanlis", url=url)

    assert_refused(response)
    assert 'value="kisi-son@example.org"' in response.content.decode()  # what was typed stays
