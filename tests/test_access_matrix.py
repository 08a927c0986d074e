"""The leak matrix: every role × every object state × every channel.

One council (tests/access_world.py) is built once for the module. Every object carries
distinctive strings ("tokens"). Each channel (a page, a feed, the API, an admin screen)
is read as each role, and the tokens it shows are compared with what the access rule
allows:

- nothing the rule forbids may appear (a leak), and
- what the channel exists to show must appear for everyone the rule allows it to
  (a channel that hides what it should show is a broken rule too).

The rule comes from deliberation/access.py (the oracle); ``test_the_rule_is_the_table``
checks the oracle itself against a small explicit table, so a change to the rule that
widens who sees what fails there, not silently here.

Another column is added by appending a ``Channel`` to ``CHANNELS``. Files are channels too:
each working file through /documents/, the admin's document chooser, listing and API, and
(never) /media/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import Client
from django.urls import reverse

from deliberation import access
from motions.access import can_download_document
from motions.models import Motion, MotionEvent

from .access_world import (
    CONSENTING,
    EMAIL_ADDRESS,
    EVERYONE,
    GROUP,
    LEADERS,
    REPORT_STATES,
    REVIEWERS,
    ROLES,
    STAFF,
    World,
    build_world,
    email_of,
    name_token,
)

# --- The data set, built once -------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The council, built in a transaction that is rolled back after the module.

    Each test runs in a savepoint inside it (pytest-django's ``db``), so nothing a test
    does reaches the next one and nothing is left for other modules.
    """
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
    try:
        with django_db_blocker.unblock():
            built = build_world()
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# --- The explicit table: who may see what ---------------------------------------------------

# Back office: who may open each report (with its versions and comments).
REPORT_READERS = {
    "draft": GROUP | STAFF,  # never submitted: the group and the secretariat
    "adopted": GROUP | STAFF,  # not submitted yet either
    "board_review": GROUP | REVIEWERS | STAFF,
    "returned": GROUP | REVIEWERS | STAFF,  # the reviewers keep seeing what they returned
    "approved": GROUP | REVIEWERS | STAFF,
    "rejected": GROUP | REVIEWERS | STAFF,
    "withdrawn": GROUP | STAFF,  # withdrawn as a draft, never submitted
}
REPORT_EDITORS = {state: frozenset() for state in REPORT_STATES} | {
    "draft": GROUP | STAFF,
    "returned": GROUP | STAFF,
}
PUBLIC_REPORTS = {"approved"}
MINUTES_READERS = {"unpublished": GROUP | STAFF, "published": EVERYONE}
JOIN_REQUEST_DECIDERS = {"group": LEADERS | STAFF, "other_group": STAFF}
EMAIL_READERS = STAFF
PUBLIC_NAMES = CONSENTING  # the deactivated former chair consented, but the account is gone
PUBLIC_MOTIONS = {"public"}
PUBLIC_EVENTS = {"public", "correction"}  # not the hidden, superseded or hidden motion's
# Who gets each working file: its owner's readers, everyone once the owner is public.


def file_readers(key: str) -> frozenset[str]:
    owner, name = key.split(":", 1)
    if owner == "report":
        return EVERYONE if name in PUBLIC_REPORTS else REPORT_READERS[name]
    if owner == "minutes":
        return MINUTES_READERS[name]
    public = name in (PUBLIC_MOTIONS if owner == "motion" else PUBLIC_EVENTS)
    return EVERYONE if public else STAFF  # motions and events are the secretariat's records


# The dashboard lists what waits for each role (deliberation/dashboard.py), not all it sees.
DASHBOARD_REPORTS = {
    "draft": GROUP,  # the group's drafts
    "returned": GROUP,  # returned for reconsideration
    "adopted": LEADERS,  # to submit to the Executive Board
    "board_review": {"board_member"} | STAFF,  # before the board, no meeting yet
    "approved": STAFF,  # not yet submitted to the municipal assembly
}


def _event_is_public(event: MotionEvent) -> bool:
    """Events with ``is_public`` of a public motion, not superseded by a correction."""
    return (
        MotionEvent.objects.filter(pk=event.pk, is_public=True, superseded_by__isnull=True)
        .filter(motion__in=Motion.objects.public())
        .exists()
    )


def _name_is_public(world: World, who: str) -> bool:
    """``access.public_memberships`` names the person (in any organ)."""
    person = world.applicant if who == "applicant" else world.users[who]
    return access.public_memberships().filter(person=person).exists()


@pytest.mark.parametrize("role", ROLES)
def test_the_rule_is_the_table(world, db, role):
    """access.py, asked about each object, agrees with the explicit table."""
    user = world.user(role)
    for state, case in world.reports.items():
        assert access.can_view_report(user, case.report) == (role in REPORT_READERS[state]), state
        assert access.can_edit_report(user, case.report) == (role in REPORT_EDITORS[state]), state
        assert access.visible_reports(user).filter(pk=case.report.pk).exists() == (
            role in REPORT_READERS[state]
        ), state
        assert access.report_is_public(case.report) == (state in PUBLIC_REPORTS), state
        assert access.public_reports().filter(pk=case.report.pk).exists() == (
            state in PUBLIC_REPORTS
        ), state
    for key, meeting in (
        ("unpublished", world.minutes_unpublished),
        ("published", world.minutes_published),
    ):
        assert access.can_view_minutes(user, meeting) == (role in MINUTES_READERS[key]), key
        assert access.published_meetings().filter(pk=meeting.pk).exists() == (key == "published")
    for key, join_request in world.join_requests.items():
        allowed = role in JOIN_REQUEST_DECIDERS[key]
        assert access.can_decide_join_request(user, join_request) == allowed, key
        assert access.decidable_join_requests(user).filter(pk=join_request.pk).exists() == allowed
    assert access.can_see_email_addresses(user) == (role in EMAIL_READERS)
    assert _name_is_public(world, role if role != "anonymous" else "applicant") == (
        role in PUBLIC_NAMES
    )
    for key, motion in (("public", world.public_motion), ("hidden", world.hidden_motion)):
        assert Motion.objects.public().filter(pk=motion.pk).exists() == (key in PUBLIC_MOTIONS)
    for key, document in world.files.items():
        assert can_download_document(user, document) == (role in file_readers(key)), key
    for key, event in world.events.items():
        assert _event_is_public(event) == (key in PUBLIC_EVENTS), key


# --- Tokens: the distinctive strings and the rule for each ----------------------------------


@dataclass(frozen=True)
class Token:
    key: str  # readable: "report-title:draft", "name:deputy_chair"
    kind: str
    text: str
    public: bool  # may appear on public pages
    back_office: Callable[[object], bool]  # may appear on this user's admin screens
    owner: str = ""  # the role whose own name or address it is

    def __repr__(self):
        return self.key


def tokens_of(world: World) -> list[Token]:
    tokens = []
    for state, case in world.reports.items():
        report = case.report
        public = access.report_is_public(report)

        def may_view(user, report=report):
            return access.can_view_report(user, report)

        tokens += [
            Token(
                f"report-title:{state}",
                "report_title",
                case.title,
                public,
                lambda user, may_view=may_view, public=public: public or may_view(user),
            ),
            Token(f"report-comment:{state}", "report_comment", case.comment, False, may_view),
            Token(f"report-old-text:{state}", "report_old_text", case.old_text, False, may_view),
            Token(
                f"report-url:{state}",
                "report_url",
                _report_path(world, case.report),
                public,
                lambda user: True,
            ),
        ]
    for key, meeting in (
        ("unpublished", world.minutes_unpublished),
        ("published", world.minutes_published),
    ):
        public = access.published_meetings().filter(pk=meeting.pk).exists()
        tokens += [
            Token(
                f"minutes:{key}",
                "minutes",
                world.minutes_text[key],
                public,
                lambda user, meeting=meeting: access.can_view_minutes(user, meeting),
            ),
            Token(
                f"minutes-url:{key}",
                "minutes_url",
                _minutes_path(world, meeting),
                public,
                lambda user: True,
            ),
        ]
    for key, join_request in world.join_requests.items():
        tokens.append(
            Token(
                f"join-request:{key}",
                "join_message",
                world.join_messages[key],
                False,
                lambda user, join_request=join_request: access.can_decide_join_request(
                    user, join_request
                ),
            )
        )
    for key, motion in (("public", world.public_motion), ("hidden", world.hidden_motion)):
        public = Motion.objects.public().filter(pk=motion.pk).exists()
        tokens += [
            Token(
                f"motion-title:{key}",
                "motion_title",
                world.motion_titles[key],
                public,
                lambda user, public=public: public or access.is_secretariat(user),
            ),
            Token(
                f"motion-url:{key}",
                "motion_url",
                _motion_path(world, motion),
                public,
                lambda user: True,
            ),
        ]
    for key, event in world.events.items():
        public = _event_is_public(event)
        tokens.append(
            Token(
                f"motion-event:{key}",
                "event_note",
                world.event_notes[key],
                public,
                lambda user, public=public: public or access.is_secretariat(user),
            )
        )
    for who in ("subscriber", "pending_subscriber"):
        tokens.append(
            Token(f"email:{who}", "email", email_of(who), False, access.can_see_email_addresses)
        )
    for who in (*(role for role in ROLES if role != "anonymous"), "applicant"):
        tokens += [
            Token(
                f"name:{who}",
                "name",
                name_token(who),
                _name_is_public(world, who),
                lambda user: True,  # names are not secret from the back office
                owner=who,
            ),
            Token(
                f"email:{who}",
                "email",
                email_of(who),
                False,
                access.can_see_email_addresses,
                owner=who,
            ),
        ]
    for key, document in world.files.items():

        def may_download(user, document=document):
            return can_download_document(user, document)

        public = may_download(AnonymousUser())
        tokens += [
            Token(f"file:{key}", "file_content", world.file_contents[key], public, may_download),
            Token(f"file-title:{key}", "file_title", document.title, public, may_download),
        ]
    return tokens


def _report_path(world: World, report) -> str:
    return f"{world.pages['group']}rapor/{report.pk}/"


def _minutes_path(world: World, meeting) -> str:
    return f"{world.pages['group']}toplanti/{meeting.pk}/"


def _motion_path(world: World, motion) -> str:
    year, number = motion.reference.split("/")
    return f"{world.pages['motions']}o/{year}/{number}/"


@pytest.fixture(scope="module")
def tokens(world, django_db_blocker):
    with django_db_blocker.unblock():
        return tokens_of(world)


# --- Channels -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Channel:
    name: str
    audience: str  # "public" or "admin"
    read: Callable[[Client, World], list[str]]  # the bodies a person in the role gets
    # Which tokens the channel exists to show, to this user: they must appear whenever
    # the rule allows them (everything else is only checked for leaks).
    shows: Callable[[Token, World, object], bool] = lambda token, world, user: False


def _get(client: Client, url: str, *, ok=(200, 302, 404)) -> str:
    response = client.get(url)
    assert response.status_code in ok, (url, response.status_code)
    if response.status_code != 200:
        return ""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _kinds(*kinds):
    return lambda token, world, user: token.kind in kinds


# Public channels. They must not depend on who looks; each is read as every role anyway.


def read_organ_pages(client, world):
    pages = world.pages
    return [
        _get(client, pages[key], ok=(200,))
        for key in ("organ_index", "group", "other_group", "board", "assembly")
    ] + [_get(client, f"{pages['group']}toplantilar/", ok=(200,))]


def read_report_pages(client, world):
    return [_get(client, _report_path(world, case.report)) for case in world.reports.values()]


def read_minutes_pages(client, world):
    return [
        _get(client, _minutes_path(world, meeting))
        for meeting in (world.minutes_unpublished, world.minutes_published)
    ]


def read_motion_list(client, world):
    return [
        _get(client, world.pages["motions"], ok=(200,)),
        _get(client, f"{world.pages['motions']}?konu={world.topic.slug}", ok=(200,)),
    ]


def read_motion_pages(client, world):
    bodies = []
    for motion in (world.public_motion, world.hidden_motion):
        path = _motion_path(world, motion)
        bodies += [_get(client, path), _get(client, f"{path}yazdir/")]
    return bodies


# What site search is asked for: one private string of each kind (site search reads
# only pages, whatever the role; each query costs a page render).
SEARCHED = (
    "report-title:draft",
    "report-title:returned",
    "report-comment:approved",
    "report-old-text:approved",
    "minutes:unpublished",
    "join-request:group",
    "motion-title:hidden",
    "motion-event:hidden",
    "motion-event:superseded",
    "name:deputy_chair",
    "name:deactivated",
)


SEARCH_RESULTS = '<ol class="search-results">'


def read_search(client, world):
    """A private string that finds any page counts as shown: the page holds it somewhere.

    (The results page repeats the query itself, which is not a leak.)
    """
    found = []
    # The search works and indexes the organ pages: the group's page is found by name.
    assert SEARCH_RESULTS in _get(client, f"/ara/?q={world.group.name}", ok=(200,))
    for token in tokens_of(world):
        if token.key not in SEARCHED:
            continue
        assert not token.public, token
        if SEARCH_RESULTS in _get(client, f"/ara/?q={token.text}", ok=(200,)):
            found.append(token.text)
    return found


def read_feeds(client, world):
    year, number = world.public_motion.reference.split("/")
    hidden_year, hidden_number = world.hidden_motion.reference.split("/")
    return [
        _get(client, "/onergeler/akis/", ok=(200,)),
        _get(client, f"/onergeler/akis/o/{year}/{number}/", ok=(200,)),
        _get(client, f"/onergeler/akis/o/{hidden_year}/{hidden_number}/", ok=(404,)),
        _get(client, f"/onergeler/akis/konu/{world.topic.slug}/", ok=(200,)),
        _get(client, "/onergeler/akis/toplantilar.ics", ok=(200,)),
        _get(client, f"{world.pages['news']}rss/", ok=(200,)),
        _get(client, f"{world.pages['news']}atom/", ok=(200,)),
        _get(client, f"{world.pages['events']}takvim.ics", ok=(200,)),
    ]


def read_sitemap(client, world):
    return [_get(client, "/sitemap.xml", ok=(200,))]


def read_motion_csv(client, world):
    return [
        _get(client, "/api/v1/motions.csv", ok=(200,)),
        _get(client, f"/api/v1/motions.csv?topic={world.topic.slug}", ok=(200,)),
    ]


def read_api(client, world):
    year, number = world.public_motion.reference.split("/")
    hidden_year, hidden_number = world.hidden_motion.reference.split("/")
    stats = client.get("/api/v1/stats")
    assert stats.json()["total"] == Motion.objects.public().count()
    listing = client.get("/api/v1/motions")
    assert listing.json()["count"] == Motion.objects.public().count()
    return [
        listing.content.decode(),
        _get(client, f"/api/v1/motions?topic={world.topic.slug}", ok=(200,)),
        _get(client, f"/api/v1/motions?q={world.motion_titles['hidden']}", ok=(200,)),
        _get(client, f"/api/v1/motions/{year}/{number}", ok=(200,)),
        _get(client, f"/api/v1/motions/{hidden_year}/{hidden_number}", ok=(404,)),
        stats.content.decode(),
    ]


# Admin channels: what each role's back office shows.


def _reports_url(name, case, *args):
    return reverse(f"deliberation_report:{name}", args=[quote(case.report.pk), *args])


def read_admin_report_listing(client, world):
    url = reverse("deliberation_report:list")
    return [_get(client, url), _get(client, f"{url}?q=xqbaslik")]


def read_admin_report_inspect(client, world):
    return [_get(client, _reports_url("inspect", case)) for case in world.reports.values()]


def read_admin_report_history(client, world):
    return [_get(client, _reports_url("history", case)) for case in world.reports.values()]


def read_admin_report_restore(client, world):
    """The earlier version, as the restore screen shows it before restoring."""
    return [
        _get(client, _reports_url("revisions_revert", case, case.first_revision_id))
        for case in world.reports.values()
    ]


def read_admin_report_compare(client, world):
    return [
        _get(client, _reports_url("revisions_compare", case, case.first_revision_id, "latest"))
        for case in world.reports.values()
    ]


def read_admin_report_edit(client, world):
    return [_get(client, _reports_url("edit", case)) for case in world.reports.values()]


def read_report_chooser(client, world):
    choose = reverse("wagtailsnippetchoosers_deliberation_report:choose")
    results = reverse("wagtailsnippetchoosers_deliberation_report:choose_results")
    bodies = [_get(client, choose), _get(client, f"{results}?q=xqbaslik")]
    for case in world.reports.values():
        chosen = reverse(
            "wagtailsnippetchoosers_deliberation_report:chosen", args=[quote(case.report.pk)]
        )
        bodies.append(_get(client, chosen))
    return bodies


def read_dashboard(client, world):
    return [_get(client, reverse("wagtailadmin_home"))]


def read_admin_search(client, world):
    return [_get(client, f"{reverse('wagtailadmin_pages:search')}?q=xqbaslik")]


def read_site_history(client, world):
    """Wagtail's audit log of the whole site: every report's moves are logged there."""
    return [_get(client, reverse("wagtailadmin_reports:site_history"))]


def read_account_page(client, world):
    return [_get(client, reverse("accounts:account"))]


def read_join_requests(client, world):
    bodies = [_get(client, reverse("deliberation_joinrequest:index"))]
    for join_request in world.join_requests.values():
        bodies.append(
            _get(client, reverse("deliberation_joinrequest:edit", args=[join_request.pk]))
        )
    return bodies


def read_meeting_screens(client, world):
    bodies = [_get(client, reverse("deliberation_meeting:index"))]
    for meeting in (world.minutes_unpublished, world.minutes_published):
        for name in ("inspect", "edit", "attendance"):
            bodies.append(_get(client, reverse(f"deliberation_meeting:{name}", args=[meeting.pk])))
    return bodies


def read_people_screens(client, world):
    """Organs, memberships, and Wagtail's users and groups: names and e-mail addresses."""
    return [
        _get(client, url)
        for url in (
            reverse("deliberation_organ:index"),
            reverse("deliberation_membership:index"),
            reverse("wagtailusers_users:index"),
            reverse("wagtailusers_groups:index"),
        )
    ]


def read_motion_admin(client, world):
    bodies = [_get(client, reverse("motions_motion:index"))]
    for motion in (world.public_motion, world.hidden_motion):
        for name in ("inspect", "edit", "history"):
            bodies.append(_get(client, reverse(f"motions_motion:{name}", args=[motion.pk])))
    return bodies


def read_document_urls(client, world):
    """Every working file through its one address, /documents/<id>/<name>."""
    return [_get(client, document.url) for document in world.files.values()]


def read_document_listings(client, world):
    """The admin's document chooser, its listing and the admin API's documents."""
    return [
        _get(client, url)
        for url in ("/admin/documents/chooser/", "/admin/documents/", "/admin/api/main/documents/")
    ]


def _files_shown(kind):
    def shows(token, world, user):
        if token.kind != kind:
            return False
        return can_download_document(user, world.files[token.key.split(":", 1)[1]])

    return shows


def _report_case(token: Token, world: World):
    return world.reports[token.key.split(":", 1)[1]]


def _reports_shown(*kinds, rule=access.can_view_report):
    def shows(token, world, user):
        return token.kind in kinds and rule(user, _report_case(token, world).report)

    return shows


def _to_secretariat(*kinds):
    return lambda token, world, user: token.kind in kinds and access.is_secretariat(user)


def _dashboard_shown(token, world, user):
    if token.kind != "report_title":
        return False
    state = token.key.split(":", 1)[1]
    return any(user == world.user(role) for role in DASHBOARD_REPORTS.get(state, ()))


def _join_requests_shown(token, world, user):
    if token.key == "email:applicant":  # the secretariat writes to the applicant
        return access.can_see_email_addresses(user)
    if token.kind != "join_message":
        return False
    join_request = world.join_requests[token.key.split(":", 1)[1]]
    return access.can_decide_join_request(user, join_request)


CHANNELS = [
    # Public pages, search, feeds, sitemap, CSV and the API.
    Channel(
        "organ-pages",
        "public",
        read_organ_pages,
        _kinds("report_title", "report_url", "minutes_url", "name"),
    ),
    Channel("report-pages", "public", read_report_pages, _kinds("report_title")),
    Channel("minutes-pages", "public", read_minutes_pages, _kinds("minutes")),
    Channel("motion-list", "public", read_motion_list, _kinds("motion_title", "motion_url")),
    Channel("motion-pages", "public", read_motion_pages, _kinds("motion_title", "event_note")),
    Channel("search", "public", read_search),
    Channel("feeds", "public", read_feeds, _kinds("motion_title", "event_note")),
    Channel("sitemap", "public", read_sitemap, _kinds("report_url", "minutes_url", "motion_url")),
    Channel("motion-csv", "public", read_motion_csv, _kinds("motion_title")),
    Channel("api", "public", read_api, _kinds("motion_title", "event_note")),
    Channel("account-page", "public", read_account_page),
    # The back office.
    Channel(
        "admin-report-listing",
        "admin",
        read_admin_report_listing,
        _reports_shown("report_title"),
    ),
    Channel(
        "admin-report-inspect",
        "admin",
        read_admin_report_inspect,
        _reports_shown("report_title", "report_comment"),
    ),
    Channel(
        "admin-report-history", "admin", read_admin_report_history, _reports_shown("report_title")
    ),
    Channel(
        "admin-report-compare",
        "admin",
        read_admin_report_compare,
        _reports_shown("report_title", "report_old_text"),
    ),
    Channel(
        "admin-report-restore",
        "admin",
        read_admin_report_restore,
        _reports_shown("report_old_text", rule=access.can_edit_report),
    ),
    Channel(
        "admin-report-edit",
        "admin",
        read_admin_report_edit,
        _reports_shown("report_title", rule=access.can_edit_report),
    ),
    Channel("admin-report-chooser", "admin", read_report_chooser, _reports_shown("report_title")),
    Channel("admin-dashboard", "admin", read_dashboard, _dashboard_shown),
    Channel("admin-search", "admin", read_admin_search),
    Channel("admin-site-history", "admin", read_site_history),
    Channel("admin-join-requests", "admin", read_join_requests, _join_requests_shown),
    Channel("admin-meetings", "admin", read_meeting_screens, _to_secretariat("minutes")),
    Channel("admin-people", "admin", read_people_screens),
    # Files: who gets each working file, and whose admin listings name it.
    Channel("document-urls", "admin", read_document_urls, _files_shown("file_content")),
    Channel(
        "admin-document-listings",
        "admin",
        read_document_listings,
        lambda token, world, user: (
            token.kind == "file_title" and access.is_secretariat(user)  # the others choose none
        ),
    ),
    Channel(
        "admin-motions",
        "admin",
        read_motion_admin,
        _to_secretariat("motion_title", "event_note"),
    ),
]


def client_for(user) -> Client:
    client = Client()
    if user.is_authenticated:
        # A deactivated account's session is refused by Django on the next request.
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("channel", CHANNELS, ids=lambda channel: channel.name)
def test_channel_shows_exactly_what_the_rule_allows(world, tokens, db, channel, role):
    user = world.user(role)
    text = "\n".join(channel.read(client_for(user), world))

    def allowed(token):
        if channel.audience == "public":
            return token.public
        return token.public or token.back_office(user)

    checked = [token for token in tokens if token.owner != role]  # one's own name is fine
    seen = {token for token in checked if token.text in text}
    leaks = sorted(token.key for token in seen if not allowed(token))
    hidden = sorted(
        token.key
        for token in checked
        if allowed(token) and channel.shows(token, world, user) and token not in seen
    )
    assert not leaks, f"{channel.name} shows {role} what the rule forbids: {leaks}"
    assert not hidden, f"{channel.name} hides from {role} what it should show: {hidden}"

    # No e-mail address at all (not only the ones made here), except one's own, outside
    # the secretariat's admin screens.
    if channel.audience == "public" or not access.can_see_email_addresses(user):
        own = email_of(role)
        addresses = sorted(set(EMAIL_ADDRESS.findall(text)) - {own})
        assert not addresses, f"{channel.name} shows {role} e-mail addresses: {addresses}"


@pytest.mark.parametrize("role", ROLES)
def test_no_document_is_served_from_media(world, db, role):
    """Documents have no public path: /media/<its stored name> is a 404 for everyone."""
    client = client_for(world.user(role))
    for key, document in world.files.items():
        response = client.get(f"{settings.MEDIA_URL}{document.file.name}")
        assert response.status_code == 404, (key, role)
