"""An editor writes a news article in the Wagtail admin; once it is published, visitors find it.

The demo editor belongs to Wagtail's "Editors" group, which may add and change pages but
not publish them: the article goes through the "Moderators approval" workflow, and the
demo administrator approves it from the dashboard, which publishes it.
"""

import random
import re
from urllib.parse import urljoin

import feedparser
import pytest
from django.conf import settings as django_settings
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from cms.models import NewsIndexPage, NewsPage
from tests.browser.checks import demo_login, ui_name

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "İzmir'de Gençlik Meclisi toplandı"
INTRO = "Gençlik Meclisi, Konak'taki toplantıda kentin ulaşım ve yeşil alan sorunlarını konuştu."
PARAGRAPH = "Gençler, Kordon boyunca güvenli bisiklet yolu ve daha çok çınar önerdi."
IMAGE_TITLE = "Gençlik Meclisi toplantısı"
IMAGE_ALT = "Toplantı salonunda söz alan genç bir kadın"
EDITOR = demo_login("editor")  # in Wagtail's "Editors" group
MODERATOR = demo_login("admin")
SAVE_TIMEOUT = 20_000  # ms; saving a page in the admin does a lot of work


def make_png(path) -> None:
    """A 1200×800 PNG that no other image on the site duplicates."""
    image = Image.new("RGB", (1200, 800), (11, 79, 138))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = random.randrange(1100), random.randrange(700)
        colour = tuple(random.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + 100, y + 100), fill=colour)
    image.save(path, format="PNG")


def log_in(page, site, username: str, password: str) -> None:
    page.goto(site("/admin/"))
    page.get_by_label(ui_name("Username")).fill(username)
    page.get_by_label(ui_name("Password")).fill(password)
    page.get_by_role("button", name=ui_name("Sign in")).click()
    expect(page).to_have_url(site("/admin/"), timeout=SAVE_TIMEOUT)


def create_news_article(page, site, image_file) -> None:
    news_index = NewsIndexPage.objects.get()
    page.goto(site(f"/admin/pages/{news_index.pk}/"))
    page.get_by_role("link", name=ui_name("Add child page")).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/cms/newspage/\d+/$"))

    page.get_by_role("textbox", name=ui_name("title")).fill(TITLE)
    page.get_by_role("textbox", name=ui_name("intro")).fill(INTRO)

    page.get_by_role("button", name=ui_name("Choose an image")).click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("tab", name=ui_name("Upload")).click()
    chooser.get_by_label(ui_name("file")).set_input_files(image_file)
    chooser.get_by_label(ui_name("title")).fill(IMAGE_TITLE)
    chooser.get_by_label(ui_name("description")).fill(IMAGE_ALT)
    chooser.get_by_role("button", name=ui_name("Upload")).click()
    expect(chooser).to_be_hidden(timeout=SAVE_TIMEOUT)
    expect(page.get_by_text(IMAGE_TITLE, exact=True)).to_be_visible()

    page.get_by_role("button", name=ui_name("Insert a block")).click()
    page.get_by_role("option", name=ui_name("Paragraph")).click()
    editor = page.locator("[contenteditable=true][role=textbox]")
    expect(editor).to_have_count(1)
    editor.click()
    page.keyboard.type(PARAGRAPH)
    # The rich text editor copies its content into the form a moment after typing stops.
    stored = page.locator("input[name='body-0-value']")
    expect(stored).to_have_value(re.compile(re.escape(PARAGRAPH)))

    workflow = news_index.get_workflow().name
    page.get_by_role("button", name=ui_name("More actions")).click()
    submit = ui_name("Submit to %(workflow_name)s", workflow_name=workflow)
    page.get_by_role("button", name=submit).click()
    expect(page).to_have_url(site(f"/admin/pages/{news_index.pk}/"), timeout=SAVE_TIMEOUT)
    expect(page.get_by_role("status").filter(has_text=TITLE).first).to_be_visible()


def approve_from_dashboard(page, site) -> None:
    page.goto(site("/admin/"))
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE, exact=True))
    row.get_by_role("button", name=ui_name("Actions")).click()
    row.get_by_role("button", name=ui_name("Approve")).click()
    expect(row).to_have_count(0, timeout=SAVE_TIMEOUT)


@pytest.fixture
def without_autosave(settings):
    """Switch Wagtail's autosave off for the admin pages of this test.

    Autosave posts the form in the background while the editor types. In Wagtail 8.0 an
    action clicked while such a post is under way can be refused ("would overwrite a
    newer version"), and text typed during a post is taken as saved when it returns, so
    the test would depend on timing. The journey is about writing, moderating and
    publishing, which works the same without it.
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def test_editor_writes_news_article_that_visitors_find_once_published(
    new_context, demo_site, without_autosave, tmp_path
):
    image_file = tmp_path / "genclik-meclisi.png"
    make_png(image_file)

    editor = new_context().new_page()
    log_in(editor, demo_site, *EDITOR)
    create_news_article(editor, demo_site, image_file)
    article = NewsPage.objects.get(title=TITLE)
    assert not article.live and article.owner.username == EDITOR[0]

    moderator = new_context().new_page()
    log_in(moderator, demo_site, *MODERATOR)
    approve_from_dashboard(moderator, demo_site)
    article.refresh_from_db()
    assert article.live and not article.has_unpublished_changes
    assert article.image.title == IMAGE_TITLE
    assert PARAGRAPH in str(article.body[0].value)

    visitor = new_context().new_page()
    news_path = demo_site.pages["news-index"].path

    # The news index lists it, with its intro; the article shows its image as a rendition.
    visitor.goto(demo_site(news_path))
    card = visitor.get_by_role("article").filter(has=visitor.get_by_role("link", name=TITLE))
    expect(card).to_contain_text(INTRO)
    card.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_role("main")).to_contain_text(PARAGRAPH)
    image = visitor.get_by_role("main").get_by_role("img", name=IMAGE_ALT)
    expect(image).to_be_visible()
    src = image.get_attribute("src")
    assert re.search(rf"^{re.escape(django_settings.MEDIA_URL)}images/.+\.width-960\.\w+$", src), (
        src
    )
    assert image.evaluate("img => img.complete && img.naturalWidth") == 960
    article_url = visitor.url

    # The site search finds it whatever the case of the Turkish İ.
    for query in ["izmir", "İZMİR"]:
        visitor.goto(demo_site(news_path))
        search = visitor.get_by_role("search").first
        search.get_by_label(ui_name("Search the site")).fill(query)
        search.get_by_role("button", name=ui_name("Search")).click()
        results = visitor.locator(".search-results").get_by_role("link", name=TITLE)
        expect(results, f"searching for {query!r}").to_have_count(1)
        results.click()
        expect(visitor).to_have_url(article_url)

    # The Atom feed that the news index advertises carries it.
    visitor.goto(demo_site(news_path))
    feed_link = visitor.locator('head link[rel="alternate"][type="application/atom+xml"]')
    feed_url = urljoin(visitor.url, feed_link.get_attribute("href"))
    response = visitor.request.get(feed_url)
    assert response.ok, f"{feed_url} answered {response.status}"
    feed = feedparser.parse(response.body())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    entries = [entry for entry in feed.entries if entry.title == TITLE]
    assert len(entries) == 1, [entry.title for entry in feed.entries]
    assert entries[0].link == article_url
    assert entries[0].summary == INTRO
