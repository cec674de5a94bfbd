"""Keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7): Tab reaches the skip link and the
main navigation on the start page; in the action plan editor a keyboard user edits an
effort in place and adds one, pressing links and buttons with Enter and Space. Every
stop on the way shows where focus is, and focus keeps its place when htmx swaps."""

import pytest

from planning import services
from planning.models import Effort
from tests.conftest import browser_login
from tests.planning.conftest import add_effort

FOCUSED = """() => {
  const el = document.activeElement, s = getComputedStyle(el), box = el.getBoundingClientRect();
  return {tag: el.tagName.toLowerCase(), id: el.id, cls: el.className,
          text: (el.innerText || el.value || "").trim().slice(0, 60),
          inNav: !!el.closest("nav.main-nav"),
          ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
                || s.boxShadow !== "none",
          onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                    && box.left < innerWidth};
}"""


def tab(page):
    """Press Tab; where focus went, and whether a sighted user can see it there."""
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def tab_to(page, matches, limit=200):
    """Tab until ``matches(focused)``; every element passed on the way shows focus."""
    for _ in range(limit):
        focused = tab(page)
        assert focused["ring"], f"no visible focus on {focused}"
        assert focused["onScreen"], f"focus off screen on {focused}"
        if matches(focused):
            return focused
    raise AssertionError(f"Tab never reached the element ({limit} presses)")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_tab_reaches_skip_link_and_main_navigation_on_start_page(browser_page, alby_member):
    page = browser_page
    browser_login(page, alby_member.username)
    page.goto(page.base_url + "/")

    first = tab(page)
    assert first["cls"] == "skip-link" and first["text"] == "Hoppa till innehållet", first
    assert first["ring"] and first["onScreen"], f"skip link not visible on focus: {first}"
    nav = tab_to(page, lambda f: f["inNav"], limit=10)
    assert nav["tag"] == "a"

    # The skip link takes a keyboard user past the header into the content.
    page.goto(page.base_url + "/")
    tab(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    after = tab(page)
    assert not after["inNav"], f"Tab after the skip link went back to the menu: {after}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_keyboard_user_edits_and_adds_efforts_in_the_action_plan_editor(
    browser_page, alby, alby_developer, org
):
    page = browser_page
    plan = services.start_year(alby, 2026).action_plan
    first = add_effort(plan, "Läxhjälp på biblioteket", organisation=org["UF"])
    add_effort(plan, "Trygghetsvandringar", organisation=org["SOF"])
    browser_login(page, alby_developer.username)
    page.goto(page.base_url + plan.get_absolute_url())

    # Enter on "Ändra": the effort opens for editing in place, focus in its first field.
    tab_to(page, lambda f: f["text"].startswith("Ändra") and "Läxhjälp" in f["text"])
    page.keyboard.press("Enter")
    page.locator(f"#effort-{first.pk}.editing").wait_for()
    assert page.evaluate(FOCUSED)["id"] == f"id_e{first.pk}-title"
    page.keyboard.press("Control+A")
    page.keyboard.type("Läxhjälp och läsfrämjande")
    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Spara insatsen")
    page.keyboard.press("Enter")
    page.locator("#effort-list h3", has_text="Läxhjälp och läsfrämjande").wait_for()
    first.refresh_from_db()
    assert first.title == "Läxhjälp och läsfrämjande"
    # Focus is back on the effort's own "Ändra", not at the top of the page.
    back = page.evaluate(FOCUSED)
    assert back["text"].startswith("Ändra") and "Läxhjälp och läsfrämjande" in back["text"], back

    # A new effort: fields typed in, then Space on the button (Space presses only a
    # focused button; Enter in a field would submit the form by itself).
    tab_to(page, lambda f: f["id"] == "id_new-title")
    page.keyboard.type("Språkcafé för föräldrar")
    tab_to(page, lambda f: f["id"] == "id_new-organisation")
    page.keyboard.type("Utbildning")  # a closed select picks the option typed
    tab_to(page, lambda f: f["id"] == "id_new-planned_cost")
    page.keyboard.type("25 000")
    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Lägg till insatsen")
    page.keyboard.press("Space")

    page.locator("#effort-list h3", has_text="Språkcafé för föräldrar").wait_for()
    effort = Effort.objects.get(action_plan=plan, title="Språkcafé för föräldrar")
    assert effort.planned_cost == 25000
    assert effort.organisation.short_name == "UF"
    assert page.input_value("#id_new-title") == ""  # a fresh form for the next one
    assert page.evaluate(FOCUSED)["text"] == "Lägg till insatsen"  # focus kept its place
