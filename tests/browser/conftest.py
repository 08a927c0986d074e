"""Browser tests: the system Chromium through pytest-playwright, a live server with the demo.

Tests that change content (the editor journey) use pytest-django's ``live_server`` with a
transactional database and load the Turkish demo content for themselves (``demo_site``).
Tests that only look at pages share one load per module (``shared_demo_site``): loading the
demo takes seconds, and there are dozens of such tests. In both cases the Wagtail site
points at the live server, so full URLs (feeds, canonical links) lead back to it.
"""

import html
import mimetypes
import os
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import pytest_django.plugin
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from pytest_django.live_server_helper import LiveServer

from tests.browser.checks import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PUBLIC_PAGE_NAMES,
    PublicPage,
    find_java,
    public_pages,
    require_tool,
    validate_html,
)

# Playwright's sync API runs an event loop in the main thread; the test code that talks
# to the database from there is synchronous all the same.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Put the tests back in pytest-django's order: database tests first, transactional last.

    pytest-playwright parametrizes every browser test with the session-scoped
    ``browser_name``, and pytest then pulls all tests of that parameter together, at the
    place of the first one. That would run the transactional browser tests, which leave
    the database empty, before the other database tests of the suite.
    """
    pytest_django.plugin.pytest_collection_modifyitems(items)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    return require_tool(CHROMIUM, "Chromium", "to run the browser tests")


@pytest.fixture(scope="session")
def java_executable() -> str:
    return require_tool(find_java(), "Java", "to run the Nu HTML checker (vnu.jar)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_executable):
    """Launch the Debian Chromium; Playwright never downloads a browser here."""
    args = list(CHROMIUM_ARGS)
    if browser_type_launch_args.get("headless") is False:  # pytest --headed, for debugging
        args.remove("--headless")
    return {**browser_type_launch_args, "executable_path": chromium_executable, "args": args}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "tr-TR", "timezone_id": "Europe/Istanbul"}


@dataclass
class DemoSite:
    """The demo content served by the live server."""

    url: str
    pages: dict[str, PublicPage]

    def __call__(self, path: str) -> str:
        """The absolute URL of a path on the live server."""
        return self.url + path


def load_demo(**options) -> None:
    call_command("load_demo", stdout=StringIO(), stderr=StringIO(), **options)


@pytest.fixture
def demo_site(live_server) -> DemoSite:
    """The live server with the demo content and logins; the Wagtail site points at it."""
    host, port = live_server.thread.host, live_server.thread.port
    load_demo(force=True, hostname=host, port=port)
    return DemoSite(url=live_server.url, pages=public_pages())


@pytest.fixture(scope="session")
def _shared_live_server():
    """A second live server for the read-only tests.

    pytest-django's ``live_server`` fixture makes every test that uses it, even
    indirectly, run on a transactional database that is emptied after each test, which
    would throw the shared demo content away after the first test.
    """
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()  # its host in ALLOWED_HOSTS
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture(scope="session")
def _migrated_state(django_db_setup, django_db_blocker) -> str:
    """The test database as the migrations left it, serialized.

    pytest-django has it already when a test in the run uses ``serialized_rollback``.
    """
    from cms.models import HomePage

    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized is None:
        with django_db_blocker.unblock():
            if HomePage.objects.exists():
                pytest.fail("The test database holds a home page; expected the migrated state.")
            serialized = connection.creation.serialize_db_to_string()
    return serialized


@pytest.fixture(scope="module")
def shared_demo_site(django_db_blocker, _migrated_state, _shared_live_server):
    """The demo content, loaded once for a module of tests that only look at pages.

    The tests must not change content. They are marked ``django_db`` (non-transactional)
    so that the server thread may use the database and so that pytest-django runs them
    among the database tests, when the database still holds only what the migrations
    put there. Afterwards the database is emptied and that state put back, the way
    Django's ``TransactionTestCase`` does it with ``serialized_rollback``.
    """
    from cms.models import HomePage

    server = _shared_live_server
    with django_db_blocker.unblock():
        if HomePage.objects.exists():
            pytest.fail("The test database holds a home page; expected the migrated state.")
        try:
            # With its people: organs, reports, minutes and motions come with them.
            load_demo(force=True, hostname=server.thread.host, port=server.thread.port)
            site = DemoSite(url=server.url, pages=public_pages())
        except BaseException:
            _restore(_migrated_state)
            raise
    yield site
    with django_db_blocker.unblock():
        _restore(_migrated_state)


def _restore(serialized: str) -> None:
    """Empty the database and load the serialized state, as TransactionTestCase does."""
    # Sequences must go on from where they are: the state is loaded with its own keys.
    call_command(
        "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False
    )
    connection.creation.deserialize_db_from_string(serialized)


def _is_media_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.hostname == "localhost" and parts.path.startswith(settings.MEDIA_URL)


def _serve_media(route) -> None:
    media_root = Path(settings.MEDIA_ROOT).resolve()
    relative = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
    file = (media_root / relative).resolve()
    if not file.is_relative_to(media_root) or not file.is_file():
        route.fulfill(status=404, body="Not found")
        return
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=file.read_bytes(), content_type=content_type)


@pytest.fixture
def new_context(new_context):
    """Browser contexts in which uploaded files and renditions load.

    Django serves MEDIA_ROOT only with DEBUG on, and the test settings turn it off; in
    production the web server serves it, here the browser context does.
    """

    def make_context(**kwargs):
        context = new_context(**kwargs)
        context.route(_is_media_url, _serve_media)
        return context

    return make_context


# --- The Nu HTML checker: one run for every page --------------------------------------


@pytest.fixture(scope="session")
def _nu_report_cache() -> dict:
    return {}


@pytest.fixture
def nu_errors(_nu_report_cache, java_executable, db, client, tmp_path_factory):
    """Nu checker errors of every public page's HTML, by page name.

    The first test that asks loads the demo in its own (rolled back) transaction, renders
    every page through the test client and validates them all in one JVM start; the other
    tests reuse the report.
    """
    if "errors" not in _nu_report_cache:
        load_demo(force=True)
        documents = {}
        for name, page in public_pages().items():
            if page.submit_empty_form:
                response = client.post(page.path, {})
            else:
                response = client.get(page.path)
            assert response.status_code == page.status, (
                f"{name}: {page.path} answered {response.status_code}, not {page.status}"
            )
            documents[name] = response.content.decode(response.charset or "utf-8")
            assert page.shows in html.unescape(documents[name]), f"{name}: no {page.shows!r}"
        assert set(documents) == set(PUBLIC_PAGE_NAMES)
        workdir = tmp_path_factory.mktemp("nu-html")
        _nu_report_cache["errors"] = validate_html(documents, workdir, java_executable)
    return _nu_report_cache["errors"]
