"""WCAG 2.1 AA 1.4.10 Reflow (the DOS law): at 320 CSS px wide, the width of a phone
or of a desktop window zoomed to 400 %, no main page is wider than the screen. A
table may scroll sideways inside its own ``.table-scroll`` wrapper; the page may not.

Every row of the accessibility test's PAGES is opened once, as the first role in
ROLE_ORDER that the row names (the area developer sees most of them), on the same
demo year; each role signs in once. Pages that must reflow in states the PAGES table
does not reach (a table row opened as a form in place) are rows of EXTRA_PAGES.
"""

import pytest
from django.urls import reverse

from tests.conftest import browser_login
from tests.trust.test_accessibility import ACCOUNTS, PAGES, Page, _htmx_settled, _world

WIDTH = 320
ROLE_ORDER = ("developer", "chair", "reader", "member", "secretary", "superuser", "anonymous")


def _edit_first_membership_in_place(page):
    page.locator("#membership-rows").get_by_role("link", name="Ändra").first.click()
    page.locator("#membership-rows tr.editing form").wait_for()
    _htmx_settled(page)


EXTRA_PAGES = [
    Page("members, a row opened as a form in place", lambda w: reverse(
        "areas:members", args=["alby"]), ("developer",), then=_edit_first_membership_in_place),
]

# The page's width, and the elements and text that stick out past the right edge of
# the screen (not counting what scrolls inside a .table-scroll), to say where to look.
MEASURE = """() => {
  const W = window.innerWidth, out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.parentElement.closest(".table-scroll")) continue;
    const r = el.getBoundingClientRect();
    const inside = [...el.children].some(c => c.getBoundingClientRect().right > W + 0.5);
    if (r.width > 0 && r.right > W + 0.5 && !inside)
      out.push(`${el.tagName.toLowerCase()}${el.getAttribute("class") ? "." + el.getAttribute("class") : ""} `
               + `(right edge ${Math.round(r.right)} px): ${el.textContent.trim().slice(0, 40)}`);
  }
  const text = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = text.nextNode(); node; node = text.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getBoundingClientRect().right > W + 0.5 && !node.parentElement.closest(".table-scroll"))
      out.push(`text in ${node.parentElement.tagName.toLowerCase()}: ${node.textContent.trim().slice(0, 40)}`);
  }
  return {width: document.documentElement.scrollWidth, screen: W, wide: out.slice(0, 5)};
}"""


def _first_role(spec):
    return next(role for role in ROLE_ORDER if role in spec.roles)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_main_pages_fit_a_320_px_wide_screen(browser_page):
    world = _world()
    browser = browser_page.context.browser
    pages = PAGES + EXTRA_PAGES
    too_wide, wrong_status = [], []
    for role in ROLE_ORDER:
        mine = [spec for spec in pages if _first_role(spec) == role]
        if not mine:
            continue
        context = browser.new_context(viewport={"width": WIDTH, "height": 800})
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.base_url = browser_page.base_url
        if ACCOUNTS[role]:
            browser_login(page, ACCOUNTS[role], password="demo")
        for spec in mine:
            url = spec.url(world)
            response = page.goto(page.base_url + url)
            if response.status != spec.status:
                wrong_status.append(f"{spec.name} ({url}) as {role}: {response.status}")
                continue
            if spec.then:
                spec.then(page)
            found = page.evaluate(MEASURE)
            if found["width"] > found["screen"]:
                too_wide.append(f"{spec.name} ({url}) as {role}: {found['width']} px\n"
                                + "\n".join(f"    {w}" for w in found["wide"]))
        context.close()
    assert not wrong_status, "Pages that did not answer as expected:\n" + "\n".join(wrong_status)
    assert not too_wide, f"Wider than a {WIDTH} px screen:\n" + "\n".join(too_wide)


def test_every_page_row_is_measured():
    """Each row names a role in ROLE_ORDER, so no page is left out of the reflow test."""
    assert all(set(spec.roles) & set(ROLE_ORDER) for spec in PAGES + EXTRA_PAGES)
    assert set(ROLE_ORDER) == set(ACCOUNTS)
