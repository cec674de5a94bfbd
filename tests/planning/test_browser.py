"""The journey in Chromium: an area developer adds two efforts inline and submits
the plan; the chair approves it; the plan is then read-only for the developer."""

import pytest

from planning import services
from planning.models import Effort, Status
from tests.conftest import browser_login


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_developer_adds_efforts_inline_chair_approves_plan_is_read_only(
    browser_page, alby, alby_developer, alby_chair
):
    page = browser_page
    plan = services.start_year(alby, 2026).action_plan
    url = page.base_url + plan.get_absolute_url()

    browser_login(page, alby_developer.username)
    page.goto(url)
    for title, org in [("Sommarlovsaktiviteter", "Kultur- och fritidsförvaltningen"),
                       ("Läxhjälp på biblioteket", "Utbildningsförvaltningen")]:
        page.fill("#id_new-title", title)
        page.select_option("#id_new-organisation", label=org)
        page.fill("#id_new-planned_cost", "45000")
        page.click("#add-effort button[type=submit]")
        page.locator("#effort-list h3", has_text=title).wait_for()
    # Both arrived without a page load: the add form is fresh and the messages area was swapped.
    assert page.locator("#effort-list article").count() == 2
    assert page.input_value("#id_new-title") == ""
    assert "Läxhjälp på biblioteket" in page.inner_text("#messages")
    assert Effort.objects.filter(action_plan=plan).count() == 2

    # Edit one in place: the form opens inside the list with the saved values.
    page.click("#effort-list article:first-child a:has-text('Ändra')")
    cost = page.locator("#effort-list form input[name$='-planned_cost']")
    assert cost.input_value().replace("\xa0", " ") == "45 000,00"
    page.fill("#effort-list form input[name$='-title']", "Sommarlov för alla")
    page.click("#effort-list form button[type=submit]")
    page.locator("#effort-list h3", has_text="Sommarlov för alla").wait_for()

    page.click("text=Lämna till områdesgruppen")
    page.wait_for_load_state()
    assert "Lämnad till områdesgruppen" in page.inner_text(".doc-header")

    page.context.clear_cookies()
    browser_login(page, alby_chair.username)
    page.goto(url)
    page.click("button:has-text('Godkänn')")
    page.wait_for_load_state()
    plan.refresh_from_db()
    assert plan.status == Status.APPROVED

    page.context.clear_cookies()
    browser_login(page, alby_developer.username)
    page.goto(url)
    assert page.locator("text=Dokumentet är godkänt och kan inte ändras.").is_visible()
    assert page.locator("#add-effort").count() == 0
    assert page.locator("#effort-list a:has-text('Ändra')").count() == 0
    assert page.locator("button:has-text('Lämna till områdesgruppen')").count() == 0


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_refused_new_effort_with_javascript_off_lands_at_the_form_with_a_message(
    browser_page, alby, alby_developer
):
    plan = services.start_year(alby, 2026).action_plan
    context = browser_page.context.browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.base_url = browser_page.base_url
    browser_login(page, alby_developer.username)
    page.goto(page.base_url + plan.get_absolute_url())
    page.fill("#id_new-title", "Sommarlovsaktiviteter")  # no one responsible: refused by the server
    page.click("#add-effort button[type=submit]")
    page.wait_for_load_state()

    assert page.url.endswith("#add-effort")
    # Scrolled to the form: it is in view, the page's heading above it is not.
    box, viewport = page.locator("#add-effort").bounding_box(), page.viewport_size
    assert -1 < box["y"] < viewport["height"] / 2
    assert page.locator("h1").bounding_box()["y"] < 0
    assert "Insatsen lades inte till" in page.inner_text("#messages")
    assert "Ange vem som ansvarar" in page.inner_text("#add-effort")
    assert page.input_value("#id_new-title") == "Sommarlovsaktiviteter"  # what was typed is kept
    assert not Effort.objects.filter(action_plan=plan).exists()
    context.close()
