"""No public URL or form answers hostile input with a server error.

Every public page that reads parameters, every feed, calendar, CSV and API URL, and
every public form, on the demo site, in Turkish and in English. The values are in
tests/fuzz.py; hypothesis combines them, deterministically and within a fixed budget.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from motions.subscriptions import make_manage_token

from .fuzz import (
    FUZZ,
    HOSTILE_RAW,
    HOSTILE_TEXT,
    Raw,
    as_text,
    assert_no_server_error,
    demo_site_fixture,
    every_value_everywhere,
    forms_on,
    fuzzable,
    hostile_form_data,
    hostile_pairs,
    query_string,
)

demo_site = demo_site_fixture()

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

MOTION_FILTERS = ["status", "topic", "origin", "year", "overdue", "q", "sort", "page"]
API_FILTERS = ["status", "topic", "origin", "year", "overdue", "q", "sort", "lang"]
GROUP = "/organlar/kent-ve-kentli-hakki-calisma-grubu/"

PUBLIC_URLS = {
    "/ara/": ["q", "page"],
    "/en/ara/": ["q", "page"],
    "/onerge-takibi/": MOTION_FILTERS,
    "/en/onerge-takibi/": MOTION_FILTERS,
    "/onerge-takibi/istatistikler/": ["year"],
    "/onerge-takibi/o/2026/1/": ["lang"],
    "/belgeler/": ["kind", "year", "page"],
    "/en/belgeler/": ["kind", "year", "page"],
    "/haberler/": ["tag", "page"],
    "/haberler/rss/": ["tag"],
    "/haberler/atom/": ["tag"],
    "/etkinlikler/": ["page"],
    "/etkinlikler/gecmis/": ["page"],
    "/etkinlikler/takvim.ics": ["page"],
    "/etkinlikler/genel-kurul-toplantisi/takvim.ics": ["page"],
    GROUP: ["page"],
    GROUP + "toplantilar/": ["page"],
    "/onergeler/akis/": ["page"],
    "/en/onergeler/akis/": ["page"],
    "/onergeler/akis/toplantilar.ics": ["page"],
    "/sitemap.xml": ["p"],
    "/api/v1/motions": [*API_FILTERS, "limit", "offset"],
    "/api/v1/motions.csv": [*API_FILTERS, "delimiter"],
    "/api/v1/stats": ["lang"],
    "/api/v1/motions/2026/1": ["lang"],
    "/takip/": ["scope", "motion", "topic", "email"],
    "/en/takip/": ["scope", "motion", "topic", "email"],
    "/hesap/kayit/": ["next"],
    "/hesap/giris/": ["next"],
}

# Paths whose own segments carry a value: ids, references and signed tokens.
PATH_TEMPLATES = [
    "/onerge-takibi/o/{}/1/",
    "/onerge-takibi/o/2026/{}/",
    "/onerge-takibi/o/2026/{}/yazdir/",
    GROUP + "rapor/{}/",
    GROUP + "toplanti/{}/",
    "/onergeler/akis/o/2026/{}/",
    "/onergeler/akis/konu/{}/",
    "/api/v1/motions/2026/{}",
    "/api/v1/motions/{}/1",
    "/hesap/dogrula/{}/",
    "/hesap/sifre/yeni/{}/{}/",
    "/takip/onayla/{}/",
    "/takip/birak/{}/",
    "/takip/birak/{}/tek-tik/",
    "/takip/aboneliklerim/{}/",
]
PATH_VALUES = [
    str(2**63),
    str(10**30),
    "-1",
    "0",
    "٣",
    "３",
    "x" * 600,
    "abc:def:ghi",
    "Ij8i:1uA:zzz",
    "%FF%FE",
    "%00",
    "..",
]


@pytest.fixture(autouse=True)
def _limits_off(settings):
    """The limits on abuse have their own tests; here every hostile value must reach the
    form it is aimed at, not a 429."""
    settings.RATELIMIT_ENABLE = False


def _get(client, url, query=""):
    response = client.get(url, QUERY_STRING=query)
    assert_no_server_error(response, f"GET {url}?{query[:200]}")
    return response


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_hostile_value_in_every_parameter(url):
    client = Client()
    for query in every_value_everywhere(PUBLIC_URLS[url]):
        _get(client, url, query)


@pytest.mark.parametrize("url", PUBLIC_URLS)
@FUZZ
@given(data=st.data())
def test_hostile_parameter_combinations(url, data):
    pairs = data.draw(hostile_pairs(PUBLIC_URLS[url]))
    _get(Client(), url, query_string(pairs))


@pytest.mark.parametrize("template", PATH_TEMPLATES)
def test_hostile_path_segments(template):
    client = Client()
    for value in PATH_VALUES:
        url = template.format(*([value] * template.count("{}")))
        for method in (client.get, client.post):
            response = method(url)
            assert_no_server_error(response, f"{method.__name__.upper()} {url[:200]}")


def test_bad_filters_are_named_on_the_page_in_turkish_and_english():
    response = _get(Client(), "/belgeler/", query_string([("year", "٢٠٢٤"), ("kind", "zzz")]))
    assert response.status_code == 200
    assert "Yıl dört basamaklı bir sayı olmalıdır." in response.text
    assert "Bilinmeyen belge türü." in response.text
    response = _get(Client(), "/en/belgeler/", "year=0")
    assert "The year is a four-digit number." in response.text
    response = _get(Client(), "/onerge-takibi/", f"origin={2**63}&year={10**30}")
    assert response.status_code == 200
    assert "Yıl dört basamaklı bir sayı olmalıdır." in response.text


def test_bad_api_parameters_get_a_json_400():
    response = _get(
        Client(), "/api/v1/motions", query_string([("origin", 2**63), ("year", "٢٠٢٤")])
    )
    assert response.status_code in (400, 422)
    assert response["Content-Type"].startswith("application/json")


# --- forms ------------------------------------------------------------------------------

PUBLIC_FORMS = [
    "/hesap/kayit/",
    "/en/hesap/kayit/",
    "/hesap/giris/",
    "/hesap/sifre/",
    "/takip/",
    "/en/takip/",
    "/takip/aboneliklerim/",
    "/iletisim/",
]


def _form(client, url, index=0):
    response = _get(client, url)
    assert response.status_code == 200
    forms = [form for form in forms_on(response.text) if "csrfmiddlewaretoken" in form.fields]
    assert forms, f"no form on {url}"
    form = forms[index]
    return (form.action or url), form.data()


def _post(client, url, data):
    response = client.post(url, data)
    assert_no_server_error(response, f"POST {url} {str(data)[:300]}")
    return response


@pytest.mark.parametrize("url", PUBLIC_FORMS)
def test_every_hostile_value_in_every_field(url):
    client = Client()
    action, fields = _form(client, url)
    for value in [*HOSTILE_TEXT, *map(Raw, HOSTILE_RAW)]:
        data = {**fields, **{name: [as_text(value)] for name in fuzzable(fields)}}
        _post(client, action, data)


@pytest.mark.parametrize("url", PUBLIC_FORMS)
@FUZZ
@given(data=st.data())
def test_hostile_form_combinations(url, data):
    client = Client()
    action, fields = _form(client, url)
    _post(client, action, hostile_form_data(fields, data.draw))


def test_the_manage_page_and_the_join_form_take_hostile_input():
    client = Client()
    token = make_manage_token("takipci@example.org")
    url = f"/takip/aboneliklerim/{token}/"
    _get(client, url)
    for value in [*HOSTILE_TEXT, "-1"]:
        _post(client, url, {"action": "delete", "subscription": value})
        _post(client, url, {"action": value, "subscription": value})
    client.force_login(get_user_model().objects.get(username="uye"))
    for value in HOSTILE_TEXT:
        response = _post(client, GROUP + "katil/", {"motivation": value, "consent": value})
        assert response.status_code in (200, 302)


def test_a_form_with_a_bad_field_keeps_what_was_typed():
    client = Client()
    response = _post(
        client,
        "/hesap/kayit/",
        {
            "first_name": "Zeynep",
            "last_name": "Öztürk",
            "email": "zeynep@example.org\x00",
            "password1": "uzun-ve-guclu-parola-2026",
            "password2": "uzun-ve-guclu-parola-2026",
            "privacy_consent": "on",
            "next": "/onerge-takibi/",
        },
    )
    assert response.status_code == 200
    assert 'value="Zeynep"' in response.text
    assert 'value="Öztürk"' in response.text
    assert "zeynep@example.org" in response.text
    assert not mail.outbox

    response = _post(
        client,
        "/takip/",
        {"email": "zeynep@example.org", "scope": "topic", "topic": str(2**63), "consent": "on"},
    )
    assert response.status_code == 200
    assert 'value="zeynep@example.org"' in response.text
