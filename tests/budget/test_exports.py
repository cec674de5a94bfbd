"""The ledger for the finance office: Excel and CSV, opened and read back."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from budget import services
from budget.models import CostType
from tests.budget.conftest import YEAR, propose


def ledger_with_three_events(alby, alby_effort, alby_developer, alby_chair):
    spend = propose(alby_developer, alby, alby_effort, amount="12500.50", cost_type=CostType.IOP,
                    recipient="=HYPERLINK(\"http://evil\")")
    services.approve(spend, alby_chair, paragraph="§ 12/2026",
                     at=timezone.make_aware(datetime(YEAR, 6, 1, 10)))
    services.book(spend, alby_developer, amount=Decimal("12000"), on=date(YEAR, 6, 20), voucher="V-42")
    return spend


def test_excel_export_has_every_entry_with_the_account_number(login, alby, alby_effort, alby_developer,
                                                              alby_chair):
    spend = ledger_with_three_events(alby, alby_effort, alby_developer, alby_chair)
    response = login(alby_chair).get(reverse("budget:export_xlsx", args=["alby", YEAR]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="utvecklingspengar-alby-2026.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["Huvudbok"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[0] == "BK-nummer" and header[7] == "Belopp (kr)"
    assert len(body) == 3 and all(r[0] == "BK 1201" for r in body)
    assert [r[5] for r in body] == ["Beslut", "Bokföring", "Avräkning mot bokföring"]
    assert [r[7] for r in body] == [12500.5, 12000, -12500.5]
    approval = body[0]
    assert approval[8] == "Idéburet offentligt partnerskap (IOP)" and approval[9] == "Sommarlovsaktiviteter"
    assert approval[11] == spend.pk and approval[14] == "§ 12/2026"
    assert body[1][13] == "V-42"
    # A recipient that looks like a formula stays text.
    cell = book["Huvudbok"].cell(row=2, column=11)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    summary = dict(book["Sammanställning"].iter_rows(values_only=True))
    assert summary["BK-nummer"] == "BK 1201" and summary["Anslag (kr)"] == 100000
    assert summary["Bokfört (kr)"] == 12000 and summary["Återstår (kr)"] == 88000


def test_csv_export_opens_in_swedish_excel(login, alby, alby_effort, alby_developer, alby_chair):
    ledger_with_three_events(alby, alby_effort, alby_developer, alby_chair)
    response = login(alby_developer).get(reverse("budget:export_csv", args=["alby", YEAR]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][0] == "BK-nummer" and len(rows) == 4
    assert all(r[0] == "BK 1201" for r in rows[1:])
    assert [r[7] for r in rows[1:]] == ["12500,50", "12000,00", "-12500,50"]
    assert rows[1][4] == f"{YEAR}-06-01" and rows[2][4] == f"{YEAR}-06-20"
    assert rows[1][10] == "'=HYPERLINK(\"http://evil\")"  # never a formula


def test_export_sums_match_the_ledger_page(login, alby, alby_effort, alby_developer, alby_chair):
    ledger_with_three_events(alby, alby_effort, alby_developer, alby_chair)
    response = login(alby_chair).get(reverse("budget:export_xlsx", args=["alby", YEAR]))
    body = list(load_workbook(io.BytesIO(response.content))["Huvudbok"].iter_rows(values_only=True))[1:]
    t = services.totals(alby, YEAR)
    assert Decimal(str(sum(r[7] for r in body))) == t.committed + t.booked


def test_export_of_a_year_without_grant_is_404(login, alby_chair, alby_people):
    assert login(alby_chair).get(reverse("budget:export_csv", args=["alby", 2031])).status_code == 404


def test_export_of_another_group_is_forbidden(login, tumba_member, alby_grant):
    assert login(tumba_member).get(reverse("budget:export_xlsx", args=["alby", YEAR])).status_code == 403
