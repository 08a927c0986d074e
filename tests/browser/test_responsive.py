"""At 320 CSS pixels (WCAG 1.4.10 reflow) no public page scrolls sideways and the menu works."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import PUBLIC_PAGE_NAMES, open_public_page, ui_name

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTH = 320
MAIN_MENU = ui_name("Main menu")

# The elements that stick out past the right edge, innermost first, to say what to fix.
OVERFLOWING_ELEMENTS_JS = """(width) => {
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      const classes = element.getAttribute("class") || "";
      const text = (element.innerText || element.getAttribute("src") || "").trim();
      found.push(
        `<${element.tagName.toLowerCase()}${classes ? ` class="${classes}"` : ""}>` +
        ` right edge at ${Math.round(box.right)}px: ${text.slice(0, 60).replace(/\\s+/g, " ")}`
      );
    }
  }
  return found.reverse().slice(0, 10);
}"""


@pytest.fixture
def narrow_page(new_context):
    return new_context(viewport={"width": WIDTH, "height": 640}).new_page()


@pytest.mark.parametrize("name", PUBLIC_PAGE_NAMES)
def test_page_has_no_horizontal_scrolling_at_320px(narrow_page, shared_demo_site, name):
    page = narrow_page
    open_public_page(page, shared_demo_site.url, shared_demo_site.pages[name])
    page.wait_for_load_state("load")  # images have their size

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > WIDTH:
        culprits = "\n".join(page.evaluate(OVERFLOWING_ELEMENTS_JS, WIDTH))
        pytest.fail(f"{name}: the page is {scroll_width}px wide at {WIDTH}px:\n{culprits}")


@pytest.mark.parametrize("name", PUBLIC_PAGE_NAMES)
def test_main_menu_is_reachable_at_320px(narrow_page, shared_demo_site, name):
    page = narrow_page
    open_public_page(page, shared_demo_site.url, shared_demo_site.pages[name])

    toggle = page.get_by_role("button", name=re.compile(r"men[uü]", re.IGNORECASE), expanded=False)
    if toggle.count():  # a collapsed menu must open with its button
        toggle.first.click()
    menu = page.get_by_role("navigation", name=MAIN_MENU)
    expect(menu).to_be_visible()
    links = menu.get_by_role("link")
    assert links.count() >= 5, f"{name}: the main menu has {links.count()} links"
    for link in links.all():
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, (
            f"{name}: menu link {link.inner_text()!r} lies outside the {WIDTH}px viewport: {box}"
        )
        link.click(trial=True)  # nothing covers it: a tap would reach it


def test_narrow_visitor_reaches_a_section_through_the_menu(narrow_page, shared_demo_site):
    page = narrow_page
    page.goto(shared_demo_site.url + shared_demo_site.pages["home"].path)
    menu = page.get_by_role("navigation", name=MAIN_MENU)
    menu.get_by_role("link", name="Haberler", exact=True).click()
    expect(page).to_have_url(shared_demo_site.url + shared_demo_site.pages["news-index"].path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Haberler")
