"""In Chromium: an area developer adds a member through the htmx form and sees
them in the list without a page reload."""

import pytest

from areas.models import Membership, Role
from tests.conftest import browser_login, make_user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_developer_adds_member_without_page_reload(browser_page, alby_developer, org):
    make_user("nora", "Nora", "Nykvist", org["SBF"])
    page = browser_page
    browser_login(page, alby_developer.username)
    page.goto(page.base_url + "/stadsdelar/alby/medlemmar/")
    page.evaluate("window.__sameDocument = true")

    form = page.locator("#add-membership")
    form.get_by_label("Person").select_option(label="Nora Nykvist (SBF)")
    form.get_by_label("Roll").select_option(label="Ledamot")
    form.get_by_label("Företräder").select_option(label="Samhällsbyggnadsförvaltningen")
    form.get_by_role("button", name="Lägg till").click()

    row = page.locator("#membership-rows tr", has_text="Nora Nykvist")
    row.wait_for()
    assert "Samhällsbyggnadsförvaltningen" in row.inner_text()
    assert "Nora Nykvist är nu ledamot" in page.locator("#messages").inner_text()
    assert page.evaluate("window.__sameDocument") is True  # no reload happened
    assert Membership.objects.filter(person__username="nora", role=Role.MEMBER).exists()

    # A refused add shows the error in place, still without a reload.
    form = page.locator("#add-membership")
    form.get_by_label("Person").select_option(label="Nora Nykvist (SBF)")
    form.get_by_label("Roll").select_option(label="Ordförande")
    form.get_by_role("button", name="Lägg till").click()
    page.get_by_text("Gruppen har redan en ordförande under perioden.").wait_for()
    assert page.evaluate("window.__sameDocument") is True
