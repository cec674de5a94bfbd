"""In Chromium: the chair decides the group's spend requests in the queue, inline,
without a page reload; a rejection without a reason is refused in place."""

import pytest

from budget.models import LedgerEntry, SpendStatus
from tests.budget.conftest import propose
from tests.conftest import browser_login


def text(locator):
    return locator.inner_text().replace("\xa0", " ")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_chair_approves_and_rejects_inline_in_the_queue(browser_page, alby, alby_effort,
                                                        alby_developer, alby_chair):
    first = propose(alby_developer, alby, alby_effort, amount="30000", recipient="Alby IF")
    second = propose(alby_developer, alby, alby_effort, amount="5000", recipient="Tryckeri Söder AB")
    page = browser_page
    browser_login(page, alby_chair.username)
    page.goto(page.base_url + "/stadsdelar/alby/utvecklingspengar/2026/beslut/")
    page.evaluate("window.__sameDocument = true")
    assert "100 000 kr" in text(page.locator("#remaining"))

    item = page.locator(f"#spend-{first.pk}")
    item.get_by_label("Beslutsparagraf").fill("§ 12/2026")
    item.get_by_role("button", name="Godkänn").click()
    page.locator(f"#spend-{first.pk}.decided").wait_for()
    assert "Godkänd" in page.locator(f"#spend-{first.pk}").inner_text()
    assert "70 000 kr" in text(page.locator("#remaining"))
    assert "Godkänt: 30 000 kr till Alby IF" in text(page.locator("#messages"))

    other = page.locator(f"#spend-{second.pk}")
    other.get_by_role("button", name="Avslå").click()
    page.get_by_text("Skriv varför förslaget avslås.").wait_for()
    other = page.locator(f"#spend-{second.pk}")
    other.get_by_label("Motivering (krävs vid avslag)").fill("Kommunikation trycker utan kostnad.")
    other.get_by_role("button", name="Avslå").click()
    page.locator(f"#spend-{second.pk}.decided").wait_for()
    assert page.evaluate("window.__sameDocument") is True  # no reload happened

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == SpendStatus.APPROVED and first.decision_paragraph == "§ 12/2026"
    assert second.status == SpendStatus.REJECTED
    assert LedgerEntry.objects.count() == 1
