"""What the back-office journeys share: labels as the server says them, logins, e-mails.

The admin and the public pages speak Turkish first, but not every message of the
deliberation and motions apps is translated yet. Rather than hard-code either language,
the tests ask Django's catalogues for the Turkish text of a message (``tr``), which is
what the server, running in the same process, shows.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect

LANGUAGES = ("tr", "en")
SLOW = 20_000  # ms: a save in the admin does a lot of work on a machine with two cores


def _in(language: str, message) -> str:
    """A message (or a lazy label, e.g. a choice's) in a language."""
    with translation.override(language):
        return gettext(message) if isinstance(message, str) else str(message)


def tr(message) -> str:
    """The message as the Turkish site shows it."""
    return _in("tr", message)


def tr_plural(singular: str, plural: str, count: int, **values) -> str:
    with translation.override("tr"):
        return ngettext(singular, plural, count) % {"counter": count, **values}


def exactly(*messages: str, required: bool = False) -> re.Pattern:
    """A pattern for an accessible name: one of the messages, whole, in Turkish or as written.

    The message as written stays an alternative because not every label of Wagtail's
    and the project's is translated in every context. Form labels of model fields are
    the capitalised verbose name; required fields end in an asterisk.
    """
    names = {capfirst(_in(language, message)) for message in messages for language in LANGUAGES}
    alternatives = "|".join(re.escape(name) for name in sorted(names))
    star = r"\s*\*?" if required else ""
    return re.compile(rf"^\s*({alternatives}){star}\s*$", re.IGNORECASE)


def starting(message: str) -> re.Pattern:
    """A pattern for a name that begins with the message (public labels add "(required)")."""
    alternatives = "|".join(re.escape(_in(language, message)) for language in LANGUAGES)
    return re.compile(rf"^\s*({alternatives})", re.IGNORECASE)


def council_login(username: str) -> tuple[str, str]:
    """The username and password of a demo login of the council (deliberation.demo)."""
    from deliberation.demo import LOGINS

    login = next(login for login in LOGINS if login["username"] == username)
    return login["username"], login["password"]


def log_in(page, site, username: str, password: str) -> None:
    """Sign in to the Wagtail admin with the login form."""
    page.goto(site("/admin/login/"))
    page.get_by_label(exactly("Username", "Kullanıcı adı", required=True)).fill(username)
    page.get_by_label(exactly("Password", "Parola", "Şifre", required=True)).fill(password)
    page.get_by_role("button", name=exactly("Sign in", "Log in")).click()
    expect(page).to_have_url(site("/admin/"), timeout=SLOW)


def success_message(page):
    """Wagtail's message area at the top of an admin page."""
    return page.locator(".messages")


def on_server(url: str, site) -> str:
    """A link from an e-mail, on the live server (the tests' BASE_URL is another host)."""
    parts = urlsplit(url)
    return site(parts.path + (f"?{parts.query}" if parts.query else ""))


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://\S+", text)


def journey_pages(new_context, request):
    """Open pages, each in its own browser context (its own login), for a fixture to yield.

    With JOURNEY_SCREENSHOTS=/some/dir each page's last state is kept there as a PNG,
    to look at when a journey fails.
    """
    pages = []

    def open_page():
        page = new_context().new_page()
        page.set_default_timeout(SLOW)
        pages.append(page)
        return page

    yield open_page
    where = os.environ.get("JOURNEY_SCREENSHOTS")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        for number, page in enumerate(pages):
            name = re.sub(r"\W+", "-", request.node.name).strip("-")
            page.screenshot(path=Path(where) / f"{name}-{number}.png", full_page=True)
