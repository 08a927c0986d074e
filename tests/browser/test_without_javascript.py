"""With JavaScript off, the site's forms still work: search, language switch, contact."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission

from cms import demo
from tests.browser.checks import tr, ui_name

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def page(new_context):
    """A page in a browser context that runs no JavaScript."""
    return new_context(java_script_enabled=False).new_page()


def test_javascript_is_really_off(page):
    page.set_content("<p id=x>off</p><script>document.getElementById('x').textContent = 1</script>")
    expect(page.locator("#x")).to_have_text("off")


def test_search_form_finds_pages(page, shared_demo_site):
    panel_page = shared_demo_site.pages["event-panel"]
    page.goto(shared_demo_site.url + shared_demo_site.pages["home"].path)
    header_search = page.get_by_role("search").first
    header_search.get_by_label(ui_name("Search the site")).fill("izmir")
    header_search.get_by_role("button", name=ui_name("Search")).click()

    expect(page).to_have_url(re.compile(r"/ara/\?q=izmir$"))
    expect(page.get_by_role("main").get_by_role("heading", level=2)).to_have_text(
        re.compile(r"^\d+\s")
    )
    result = page.locator(".search-results").get_by_role(
        "link", name="Yerel Demokrasi ve Sivil Toplum Paneli", exact=True
    )
    expect(result).to_have_count(1)
    result.click()
    expect(page).to_have_url(shared_demo_site.url + panel_page.path)


def test_language_switch_goes_to_english_and_back(page, shared_demo_site):
    news = shared_demo_site.pages["news-index"].path
    page.goto(shared_demo_site.url + news)
    expect(page.locator("html")).to_have_attribute("lang", "tr")

    page.get_by_label(ui_name("Language")).select_option("en")
    page.get_by_role("button", name=ui_name("Change")).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(shared_demo_site.url + "/en" + news)
    expect(page.get_by_role("navigation", name="Main menu", exact=True)).to_be_visible()

    page.get_by_label("Language", exact=True).select_option("tr")
    page.get_by_role("button", name="Change", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page).to_have_url(shared_demo_site.url + news)
    expect(page.get_by_role("navigation", name=tr("Main menu"), exact=True)).to_be_visible()


def test_contact_form_shows_errors_then_sends(page, shared_demo_site):
    contact = shared_demo_site.pages["contact"].path
    page.goto(shared_demo_site.url + contact)
    form = page.get_by_role("main").locator("form")
    name, email, subject, message = (
        form.get_by_role("textbox", name=re.compile("^" + re.escape(label)))
        for label, _type, _required, _help in demo.CONTACT_FIELDS
    )

    form.get_by_role("button", name=ui_name("Send")).click()
    expect(page).to_have_url(shared_demo_site.url + contact)
    expect(page.get_by_role("alert")).to_be_visible()
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(form.locator(".errorlist").first).to_have_text(tr("This field is required."))

    name.fill("Ayşe Yılmaz")
    email.fill("ayse@example.org")
    subject.fill("Bisiklet yolları")
    message.fill("Çarşı'ya bisiklet yolu önerisi.")
    page.wait_for_timeout(3_000)  # the form refuses messages sent within 3 s of opening it
    form.get_by_role("button", name=ui_name("Send")).click()

    expect(page.get_by_role("status")).to_contain_text(re.compile(r"\w"))
    expect(page.get_by_role("alert")).to_have_count(0)
    submission = FormSubmission.objects.get()
    assert submission.get_data()["e_posta"] == "ayse@example.org"
