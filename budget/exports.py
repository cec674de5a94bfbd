"""The ledger of a group and year for the finance office: CSV and Excel (openpyxl).

Every row carries the chair's account number (BK-nummer). The CSV is what
Swedish Excel opens directly: semicolons, decimal comma, UTF-8 with a BOM.
Text that a spreadsheet would run as a formula (=, +, -, @) is kept as text.
"""

import csv
import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from budget import services

COLUMNS = [
    "BK-nummer", "Områdesgrupp", "Budgetår", "Post", "Datum", "Händelse", "Konto", "Belopp (kr)",
    "Kostnadsslag", "Insats", "Mottagare", "Förslag", "Status", "Verifikationsnummer",
    "Beslutsparagraf", "Registrerad av", "Skäl", "Rättar post",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def rows(grant) -> list[list]:
    """The ledger's entries as rows of plain values (Decimal for amounts)."""
    group = grant.area_group
    out = []
    for e in services.ledger_entries(group, grant.year):
        out.append([
            e.account_number, group.name, grant.year, e.pk, e.entry_date, e.get_event_display(),
            e.get_account_display(), e.amount, e.get_cost_type_display(),
            e.effort.title if e.effort else "", e.spend_request.recipient, e.spend_request_id,
            e.spend_request.get_status_display(), e.voucher, e.decision_paragraph,
            e.created_by.get_full_name() or e.created_by.get_username(), e.reason,
            e.reverses_id or "",
        ])
    return out


def filename(grant, suffix: str) -> str:
    return f"utvecklingspengar-{grant.area_group.district.slug}-{grant.year}.{suffix}"


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def ledger_csv(grant) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(grant):
        writer.writerow([
            f"{v:.2f}".replace(".", ",") if i == 7 else
            v.isoformat() if hasattr(v, "isoformat") else _text(str(v))
            for i, v in enumerate(row)
        ])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def ledger_xlsx(grant) -> bytes:
    t = services.totals(grant.area_group, grant.year, grant)
    book = Workbook()
    sheet = book.active
    sheet.title = "Huvudbok"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(grant):
        sheet.append([None if isinstance(v, str) else v for v in row])
        for col, value in enumerate(row, start=1):
            if isinstance(value, str):
                cell = sheet.cell(row=sheet.max_row, column=col)
                cell.value = value
                cell.data_type = "s"  # never a formula, whatever the text begins with
        sheet.cell(row=sheet.max_row, column=5).number_format = "yyyy-mm-dd"
        sheet.cell(row=sheet.max_row, column=8).number_format = "#,##0.00"
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJKLMNOPQR", [12, 28, 10, 7, 12, 22, 20, 14, 40, 36, 30,
                                                      9, 18, 18, 16, 24, 40, 10], strict=True):
        sheet.column_dimensions[letter].width = width

    summary = book.create_sheet("Sammanställning")
    for label, value in [
        ("Områdesgrupp", grant.area_group.name), ("Budgetår", grant.year),
        ("BK-nummer", grant.account_number), ("Anslag (kr)", grant.amount),
        ("Beslutat, ej bokfört (kr)", t.committed), ("Bokfört (kr)", t.booked),
        ("Återstår (kr)", t.remaining),
        ("Utskriven", timezone.localtime().strftime("%Y-%m-%d %H:%M")),
    ]:
        summary.append([label, value])
        summary.cell(row=summary.max_row, column=1).font = Font(bold=True)
        if label.endswith("(kr)"):
            summary.cell(row=summary.max_row, column=2).number_format = "#,##0.00"
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 30
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
