"""No admin form or view of the project answers hostile input with a server error.

The secretariat and a working group's member and chair, on the demo site, fill the
project's own admin forms (reports, meetings, attendance, decisions, motions and their
events, submissions, join requests, organs, memberships) and search its lists and the
report chooser with the hostile values of tests/fuzz.py. A form with a bad field is
shown again, never a 500.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from deliberation.models import AgendaItem, JoinRequest, Meeting, Report, ReportStatus
from motions.models import Motion

from .deliberation.factories import ReportFactory
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

PASSWORDS = {
    "sekreterya": "demo-sekreterya-2026",
    "uye": "demo-uye-2026",
    "baskan": "demo-baskan-2026",
}

LIST_PARAMETERS = ["q", "p", "ordering", "status", "group", "organ", "year", "kind", "state"]


@pytest.fixture(autouse=True)
def _limits_off(settings):
    """The limits on abuse have their own tests; here every hostile value must reach the
    form it is aimed at, not a 429."""
    settings.RATELIMIT_ENABLE = False


def _client(username: str) -> Client:
    user = get_user_model().objects.get(username=username)
    assert user.check_password(PASSWORDS[username])  # the demo's own login
    client = Client()
    client.force_login(user)  # django-axes wants a request to authenticate() with
    return client


def _draft_of(username: str) -> Report:
    return (
        Report.objects.filter(
            status=ReportStatus.DRAFT, group__memberships__person__username=username
        )
        .order_by("pk")
        .first()
    )


def _begun_meeting() -> Meeting:
    return (
        Meeting.objects.filter(starts_at__lt=timezone.now())
        .annotate(items=Count("agenda_items"))
        .filter(items__gt=0)
        .order_by("-starts_at")
        .first()
    )


def _admin_forms() -> list[tuple[str, str]]:
    """(user, URL) of every admin form the tests fill."""
    draft = _draft_of("uye")
    meeting = _begun_meeting()
    item = AgendaItem.objects.filter(meeting=meeting).order_by("pk").first()
    motion = Motion.objects.order_by("pk").first()
    join_request = JoinRequest.objects.order_by("pk").first()
    # An approved report not yet submitted, so that the submission form is shown.
    approved = (
        Report.objects.filter(status=ReportStatus.APPROVED)
        .exclude(pk__in=Motion.objects.filter(report__isnull=False).values("report_id"))
        .order_by("pk")
        .first()
    ) or ReportFactory(approved=True)
    forms = [
        ("uye", "/admin/deliberation/reports/add/"),
        ("uye", f"/admin/deliberation/reports/edit/{draft.pk}/"),
        ("uye", f"/admin/deliberation/reports/inspect/{draft.pk}/"),
        ("baskan", f"/admin/deliberation/reports/inspect/{draft.pk}/"),
        ("sekreterya", "/admin/deliberation/reports/add/"),
        ("sekreterya", "/admin/deliberation/meetings/new/"),
        ("sekreterya", f"/admin/deliberation/meetings/edit/{meeting.pk}/"),
        ("sekreterya", f"/admin/deliberation/meetings/attendance/{meeting.pk}/"),
        ("sekreterya", f"/admin/deliberation/meetings/decision/{item.pk}/"),
        ("sekreterya", "/admin/deliberation/organs/new/"),
        ("sekreterya", "/admin/deliberation/memberships/new/"),
        ("sekreterya", "/admin/motions/motions/new/"),
        ("sekreterya", f"/admin/motions/motions/record/{motion.pk}/"),
        ("sekreterya", f"/admin/motions/submit/{approved.pk}/"),
        ("sekreterya", "/admin/motions/assembly-meetings/new/"),
    ]
    if join_request is not None:
        forms.append(("sekreterya", f"/admin/deliberation/join-requests/decide/{join_request.pk}/"))
    return forms


ADMIN_LISTS = [
    ("uye", "/admin/deliberation/reports/"),
    ("uye", "/admin/snippets/choose/deliberation/report/"),
    ("uye", "/admin/snippets/choose/deliberation/report/results/"),
    ("baskan", "/admin/snippets/choose/deliberation/report/results/"),
    ("sekreterya", "/admin/snippets/choose/deliberation/report/results/"),
    ("sekreterya", "/admin/deliberation/reports/results/"),
    ("sekreterya", "/admin/deliberation/meetings/"),
    ("sekreterya", "/admin/deliberation/join-requests/"),
    ("sekreterya", "/admin/deliberation/memberships/"),
    ("sekreterya", "/admin/motions/motions/"),
    ("sekreterya", "/admin/motions/submit/"),
    ("sekreterya", "/admin/motions/assembly-meetings/"),
    ("sekreterya", "/admin/"),
]


@pytest.fixture
def admin_forms():
    return _admin_forms()


def _get(client, url, query=""):
    response = client.get(url, QUERY_STRING=query)
    assert_no_server_error(response, f"GET {url}?{query[:200]}")
    return response


def _post(client, url, data):
    response = client.post(url, data)
    assert_no_server_error(response, f"POST {url} {str(data)[:300]}")
    return response


def _filled_forms(client, url):
    """The forms of an admin page that post somewhere, with the values it shows."""
    response = _get(client, url)
    if response.status_code != 200:
        # Not open in this state (the demo's item is decided, the report submitted):
        # what is posted to it anyway must still get a clear answer.
        return [(url, {"csrfmiddlewaretoken": [""]})]
    forms = [form for form in forms_on(response.text) if "csrfmiddlewaretoken" in form.fields]
    # The header's search and the account menu's log-out form are Wagtail's own.
    forms = [form for form in forms if "logout" not in form.action]
    return [(form.action or url, form.data()) for form in forms] or [
        (url, {"csrfmiddlewaretoken": [""]})
    ]


@pytest.mark.parametrize("index", range(17))
def test_every_hostile_value_in_every_admin_field(admin_forms, index):
    if index >= len(admin_forms):
        # The demo has no join request to decide; its form is covered when it has one.
        assert len(admin_forms) == 16
        return
    username, url = admin_forms[index]
    client = _client(username)
    for action, fields in _filled_forms(client, url):
        for value in [*HOSTILE_TEXT, *map(Raw, HOSTILE_RAW)]:
            data = {**fields, **{name: [as_text(value)] for name in fuzzable(fields)}}
            _post(client, action, data)
        # One field at a time, the others as the page filled them.
        for name in fuzzable(fields):
            _post(client, action, {**fields, name: [str(2**63)]})


@pytest.mark.parametrize("index", range(17))
@FUZZ
@given(data=st.data())
def test_hostile_admin_form_combinations(admin_forms, index, data):
    if index >= len(admin_forms):
        return
    username, url = admin_forms[index]
    client = _client(username)
    action, fields = _filled_forms(client, url)[0]
    _post(client, action, hostile_form_data(fields, data.draw))


@pytest.mark.parametrize(("username", "url"), ADMIN_LISTS)
def test_admin_lists_and_the_report_chooser_take_hostile_parameters(username, url):
    client = _client(username)
    for query in every_value_everywhere(LIST_PARAMETERS)[::2]:
        _get(client, url, query)


@pytest.mark.parametrize(("username", "url"), ADMIN_LISTS[:6])
@FUZZ
@given(data=st.data())
def test_hostile_admin_list_combinations(username, url, data):
    _get(_client(username), url, query_string(data.draw(hostile_pairs(LIST_PARAMETERS))))


def test_a_report_save_naming_a_version_that_does_not_exist_is_refused_with_the_text_kept():
    client = _client("uye")
    draft = _draft_of("uye")
    url = f"/admin/deliberation/reports/edit/{draft.pk}/"
    (action, fields), *_ = _filled_forms(client, url)
    for revision in ["999999999", str(2**63), "-1", "٣", "abc"]:
        fields["title"] = ["Kaldırımlar herkesindir"]
        fields["loaded_revision_id"] = [revision]
        response = _post(client, action, fields)
        assert response.status_code == 200, revision
        assert "Değişiklikleriniz kaydedilmedi" in response.text
        assert "Kaldırımlar herkesindir" in response.text
        draft.refresh_from_db()
        assert draft.title != "Kaldırımlar herkesindir"


def test_a_group_member_finds_the_groups_report_in_the_chooser():
    draft = _draft_of("uye")
    word = max(draft.title.split(), key=len)
    response = _get(
        _client("uye"),
        "/admin/snippets/choose/deliberation/report/results/",
        query_string([("q", word)]),
    )
    assert response.status_code == 200
    assert draft.title in response.text


def test_the_submission_form_is_among_those_filled(admin_forms):
    client = _client("sekreterya")
    url = next(url for _user, url in admin_forms if url.startswith("/admin/motions/submit/"))
    response = _get(client, url)
    assert response.status_code == 200
    assert forms_on(response.text)


def test_a_formset_asked_for_too_many_forms_is_refused():
    client = _client("sekreterya")
    meeting = _begun_meeting()
    url = f"/admin/deliberation/meetings/edit/{meeting.pk}/"
    action, fields = _filled_forms(client, url)[0]
    counts = [name for name in fields if name.endswith("-TOTAL_FORMS")]
    assert counts, "the meeting form has a formset"
    response = _post(client, action, {**fields, counts[0]: [str(2**63)]})
    assert response.status_code == 200
