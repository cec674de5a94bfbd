"""WCAG 2.1 AA (the DOS law): axe-core in Chromium on every main page, signed in as
each role, with a realistic Botkyrka year on the pages (the demo loaders).

PAGES is the one list to extend: a new page is a row (name, URL builder, roles,
and optionally what a user does on it first, e.g. send a form with errors). A URL
builder takes the world that ``_world()`` returns. Each role signs in once and
visits every page that names it; any axe violation of impact serious or critical
against the WCAG 2.1 A/AA rules fails the test, listing the rule, impact, help and
the offending selectors per page and role.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from areas import demo as area_demo
from areas.models import AreaGroup, Membership, Role, WorkingGroup
from budget.models import SpendRequest, SpendStatus
from omradesutveckling.management.commands.load_demo import APP_LOADERS
from omradesutveckling.structure import load_structure
from planning import editing, services
from planning.models import FollowUpRow, Report, Section
from tests.conftest import browser_login

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
# axe reports these as "needs review", but here they can only be a real error: an
# id that a label or ARIA attribute points at, used twice, names the wrong field.
REVIEW_AS_VIOLATION = ["duplicate-id-aria"]

# The demo accounts (areas.demo) that play each role; password "demo".
ACCOUNTS = {
    "anonymous": None,
    "member": "ledamot.alby",
    "developer": "utvecklare.alby",
    "chair": "ordforande.alby",
    "secretary": "sekreterare.alby",
    "reader": "lasare",  # management office: reads every group, sets dates, imports figures
    "superuser": "admin",
}
SIGNED_IN = ("member", "developer", "chair", "secretary", "reader", "superuser")
GROUP_READERS = SIGNED_IN
EDITORS = ("developer", "chair", "superuser")
CYCLE_MANAGERS = ("reader", "superuser")


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[dict], str]  # the world (_world()) -> path
    roles: tuple[str, ...]
    status: int = 200
    then: Callable | None = None  # Playwright page -> None: what the user does first


def _failed_login(page):
    page.fill("#id_username", ACCOUNTS["member"])
    page.fill("#id_password", "fel-lösenord")
    page.click("main button[type=submit]")
    page.locator(".form-errors").wait_for()


def _effort_with_a_wrong_cost(page):
    page.fill("#id_new-title", "Språkcafé för föräldrar")
    page.fill("#id_new-planned_cost", "ungefär hundra")
    page.click("#add-effort button[type=submit]")  # htmx swaps the form back with errors
    page.locator("#add-effort .error").wait_for()
    page.wait_for_function("!document.querySelector('.htmx-request, .htmx-settling')")


def _htmx_settled(page):
    for busy in (".htmx-request", ".htmx-settling", ".htmx-swapping"):
        page.locator(busy).first.wait_for(state="detached")


def _reject_without_reason(page):
    page.locator(".queue-item").first.get_by_role("button", name="Avslå").click()
    page.locator(".queue-item .error").first.wait_for()
    _htmx_settled(page)


def _empty_proposal(page):
    page.click("main form button[type=submit]")
    page.locator(".form-errors").wait_for()


def _filter_ledger(page):
    page.select_option("#id_cost_type", "iop")
    page.wait_for_url("**cost_type=iop**")
    _htmx_settled(page)


def _money(name, *args):
    return lambda w: reverse(f"budget:{name}", args=["alby", 2026, *[w[a].pk for a in args]])


def _doc(kind, year=2026):
    return lambda w: reverse("planning:document", args=["alby", year, kind])


PAGES = [
    Page("login", lambda w: reverse("login"), ("anonymous",)),
    Page("login, wrong password", lambda w: reverse("login"), ("anonymous",),
         then=_failed_login),
    Page("start", lambda w: reverse("start"), SIGNED_IN),
    Page("district", lambda w: reverse("district", args=["alby"]), GROUP_READERS),
    Page("members", lambda w: reverse("areas:members", args=["alby"]), EDITORS),
    Page("membership edit", lambda w: reverse(
        "areas:membership_edit", args=["alby", w["membership"].pk]), ("developer",)),
    Page("membership end", lambda w: reverse(
        "areas:membership_end", args=["alby", w["membership"].pk]), ("chair",)),
    Page("my substitute", lambda w: reverse(
        "areas:substitute_edit", args=[w["membership"].pk]), ("member",)),
    Page("working groups", lambda w: reverse("areas:working_groups", args=["alby"]),
         GROUP_READERS),
    Page("working group", lambda w: reverse(
        "areas:working_group", args=["alby", w["working_group"].pk]), GROUP_READERS),
    Page("strategic programme", lambda w: reverse("planning:programme", args=["alby"]),
         ("member", "reader")),
    Page("planning years", lambda w: reverse("planning:years", args=["alby"]),
         ("developer", "reader")),
    Page("planning overview", lambda w: reverse("planning:overview", args=[2026]), SIGNED_IN),
    Page("planning year (årshjul)", lambda w: reverse("planning:year", args=["alby", 2026]),
         GROUP_READERS),
    Page("due dates", lambda w: reverse("planning:due_dates", args=["alby", 2026]),
         CYCLE_MANAGERS),
    Page("district analysis with statistics", _doc("stadsdelsanalys"), GROUP_READERS),
    Page("action plan editor (draft)", _doc("handlingsplan", 2027), GROUP_READERS),
    Page("action plan editor, new effort with errors", _doc("handlingsplan", 2027),
         ("developer",), then=_effort_with_a_wrong_cost),
    Page("action plan, effort being edited", lambda w: reverse(
        "planning:effort_edit", args=["alby", 2027, w["effort"].pk]), ("developer",)),
    Page("action plan, section being edited", lambda w: reverse(
        "planning:section_edit", args=["alby", 2027, "handlingsplan", w["section"].pk]),
        ("chair",)),
    Page("action plan (published)", _doc("handlingsplan"), ("member",)),
    Page("interim report (submitted)", _doc("delarsrapport"), GROUP_READERS),
    Page("annual report (draft)", _doc("arsrapport"), GROUP_READERS),
    Page("annual report, row being followed up", lambda w: reverse(
        "planning:row_edit", args=["alby", 2026, "arsrapport", w["row"].pk]), ("developer",)),
    Page("document history", lambda w: reverse(
        "planning:history", args=["alby", 2026, "handlingsplan"]), GROUP_READERS),
    Page("statistics import", lambda w: reverse("planning:statistics_import"), CYCLE_MANAGERS),
    Page("public index", lambda w: reverse("planning:public_index"), ("anonymous",)),
    Page("public district", lambda w: reverse("planning:public_district", args=["alby"]),
         ("anonymous",)),
    Page("public strategic programme", lambda w: reverse("planning:public_programme", args=["alby"]),
         ("anonymous",)),
    Page("public document (analysis)", lambda w: reverse(
        "planning:public_document", args=["alby", 2026, "stadsdelsanalys"]), ("anonymous",)),
    Page("public document (action plan)", lambda w: reverse(
        "planning:public_document", args=["alby", 2026, "handlingsplan"]), ("anonymous",)),
    # --- development money
    Page("money overview", lambda w: reverse("budget:overview", args=[2026]), SIGNED_IN),
    Page("grants", lambda w: reverse("budget:grants", args=[2026]), CYCLE_MANAGERS),
    Page("ledger with chart", _money("ledger"), GROUP_READERS),
    Page("ledger, filtered with htmx", _money("ledger"), ("chair",), then=_filter_ledger),
    Page("spend requests", _money("requests"), GROUP_READERS),
    Page("spend request, booked and corrected", _money("request", "spend_corrected"),
         GROUP_READERS),
    Page("spend request, waiting (decision form)", _money("request", "spend_proposed"),
         ("chair", "developer")),
    Page("new spend request", _money("request_add"), ("developer", "member")),
    Page("new spend request with errors", _money("request_add"), ("member",),
         then=_empty_proposal),
    Page("chair's queue", _money("queue"), ("chair",)),
    Page("chair's queue, rejection without reason", _money("queue"), ("chair",),
         then=_reject_without_reason),
    Page("booking form", _money("request_book", "spend_approved"), ("developer",)),
    Page("revoke form", _money("request_cancel", "spend_approved"), ("chair",)),
    Page("correction form", _money("request_correct", "spend_corrected"), ("developer",)),
    Page("delegations", lambda w: reverse("budget:delegations", args=["alby"]),
         ("chair", "member", "reader")),
    Page("audit trail", lambda w: reverse("trust:audit_trail"), ("superuser",)),
    Page("object history", lambda w: reverse(
        "trust:object_history", args=["planning.followuprow", w["row"].pk]),
        ("developer", "reader", "superuser")),
    Page("my data (register extract)", lambda w: reverse("trust:my_data"), SIGNED_IN),
    Page("register extract of a person", lambda w: reverse(
        "trust:person_data", args=[w["member"].pk]), ("superuser",)),
    Page("accessibility statement", lambda w: reverse("trust:accessibility"),
         ("anonymous", "member")),
    Page("privacy", lambda w: reverse("trust:privacy"), ("anonymous", "member")),
    Page("no permission", lambda w: reverse("areas:members", args=["alby"]), ("member",),
         status=403),
    Page("not found", lambda w: "/stadsdelar/finns-inte/", ("member",), status=404),
]


def _world():
    """The demo's Botkyrka year (late November 2026, every app's loader, as
    ``load_demo`` runs them), plus what a developer does then: drafts next year's
    action plan from this year's unfinished efforts and starts following up this
    year's efforts in the annual report."""
    load_structure()
    area_demo.load_people()
    for loader in APP_LOADERS:
        loader.load()
    alby = AreaGroup.objects.get(district__slug="alby")
    next_year = services.start_year(alby, 2027)
    plan = next_year.action_plan
    editing.copy_forward(plan)
    annual = Report.objects.get(planning_year__area_group=alby, planning_year__year=2026,
                                kind=Report.Kind.ANNUAL)
    editing.sync_report_rows(annual)
    member = get_user_model().objects.get(username=ACCOUNTS["member"])
    spends = SpendRequest.objects.filter(area_group=alby, year=2026).order_by("pk")
    return {
        "spend_proposed": spends.filter(status=SpendStatus.PROPOSED).first(),
        "spend_approved": spends.filter(status=SpendStatus.APPROVED).first(),
        "spend_corrected": spends.filter(entries__event="correction").first(),
        "member": member,
        "membership": Membership.objects.get(person=member, area_group=alby, role=Role.MEMBER),
        "working_group": WorkingGroup.objects.filter(area_group=alby).order_by("pk").first(),
        "effort": plan.efforts.order_by("position").first(),
        "section": Section.objects.filter(planning_year=next_year, document="action_plan")
        .order_by("position").first(),
        "row": FollowUpRow.objects.filter(report=annual).order_by("position").first(),
    }


AXE_RUN = """([tags, reviewed]) => axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations", "incomplete"]})
  .then(r => r.violations.concat(r.incomplete.filter(v => reviewed.includes(v.id)))
    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" "))})))"""


def axe_violations(page):
    """axe's WCAG 2.1 A/AA violations of impact serious or critical on the page."""
    found = page.evaluate(AXE_RUN, [WCAG_TAGS, REVIEW_AS_VIOLATION])
    return [v for v in found if v["impact"] in BLOCKING]


def report(found):
    lines = []
    for role, name, url, violations in found:
        lines.append(f"{name} ({url}) as {role}:")
        for v in violations:
            lines.append(f"  {v['id']} [{v['impact']}] {v['help']}")
            lines += [f"      {t}" for t in v["targets"]]
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_main_pages_have_no_serious_accessibility_violations_for_any_role(browser_page):
    """One world, one browser; each role signs in once in its own context."""
    world = _world()
    browser = browser_page.context.browser
    found, wrong_status = [], []
    for role, username in ACCOUNTS.items():
        # axe comes with every document as a Playwright init script, which the
        # page's CSP does not govern. page.add_script_tag() adds an inline <script>
        # that the app's CSP refuses (test below), so it would need a context with
        # bypass_csp=True, and injecting axe into each page that way nearly doubled
        # the time per page. The app's policy stays as it is; nothing bypasses it.
        context = browser.new_context()
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.base_url = browser_page.base_url
        if username:
            browser_login(page, username, password="demo")
        for spec in PAGES:
            if role not in spec.roles:
                continue
            url = spec.url(world)
            response = page.goto(page.base_url + url)
            if response.status != spec.status:
                wrong_status.append(f"{spec.name} ({url}) as {role}: {response.status}")
                continue
            if spec.then:
                spec.then(page)
            violations = axe_violations(page)
            if violations:
                found.append((role, spec.name, url, violations))
        context.close()
    assert not wrong_status, "Pages that did not answer as expected:\n" + "\n".join(wrong_status)
    assert not found, f"WCAG 2.1 AA violations (serious or critical):\n{report(found)}"


def test_page_rows_name_only_known_roles_and_every_role_has_pages():
    """A misspelt role in a row would leave the page unchecked without a word."""
    for role in ACCOUNTS:
        assert any(role in p.roles for p in PAGES), role
    unknown = {r for p in PAGES for r in p.roles} - set(ACCOUNTS)
    assert not unknown, unknown


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_app_csp_refuses_the_injected_checker(browser_page):
    """The app's own policy blocks an injected inline script in a real browser (which
    is why the checks above bring axe in as an init script)."""
    from playwright.sync_api import Error

    page = browser_page
    page.goto(page.base_url + reverse("trust:accessibility"))
    with pytest.raises(Error, match="violates the following Content Security Policy"):
        page.add_script_tag(path=str(AXE))
    assert page.evaluate("typeof window.axe") == "undefined"
