"""Reading a statistics file (CSV) into checked rows, before anything is saved.

Every line is checked; a file with any error raises ``ImportRefused`` listing
each error with its line and column, and nothing is imported (the caller,
``planning.statistics.import_csv``, saves only what ``parse`` returns).
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from areas.models import District
from planning.models import AreaCode, Indicator

# Column names accepted in the header (lower case), per field.
COLUMNS = {
    "district": ("stadsdel", "district", "område", "omrade", "region"),
    "code": ("områdeskod", "omradeskod", "regso", "deso", "area_code", "kod", "regionkod"),
    "year": ("år", "ar", "year"),
    "indicator": ("indikator", "indicator", "nyckeltal", "mått"),
    "value": ("värde", "varde", "value"),
    "unit": ("enhet", "unit"),
    "source": ("källa", "kalla", "source"),
}
# What the messages call each column when the file does not name it.
COLUMN_LABELS = {"district": "stadsdel", "code": "områdeskod", "year": "år",
                 "indicator": "indikator", "value": "värde", "unit": "enhet", "source": "källa"}
MUNICIPALITY_NAMES = {"botkyrka", "botkyrka kommun", "hela kommunen", "kommunen"}
MUNICIPALITY_CODE = "0127"
MAX_ERRORS_SHOWN = 25


class ImportRefused(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class _Row:
    line: int
    district: District | None
    indicator: str
    year: int
    value: Decimal
    unit: str
    source: str


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused([_("Filen går inte att läsa som text. Spara den som CSV (UTF-8).")])


class _Areas:
    """Where a line's area points: a district, the whole municipality (``None``),
    or nothing known. Accepts a district's name or slug, a RegSO/DeSO code, and
    SCB's region labels, which put the code first ("0127 Botkyrka",
    "0127R001 Alby")."""

    UNKNOWN = object()

    def __init__(self):
        self.districts = {}
        for d in District.objects.all():
            self.districts[d.name.lower()] = d
            self.districts[d.slug] = d
        self.codes = {c.code.upper(): c for c in AreaCode.objects.select_related("district")}

    def by_code(self, text: str):
        token = text.split()[0].upper() if text.split() else ""
        area = self.codes.get(token)
        if area is not None:
            return area.district  # no district: the whole municipality
        if token == MUNICIPALITY_CODE:
            return None
        return self.UNKNOWN

    def by_name_or_code(self, text: str):
        name = " ".join(text.lower().split())
        if name in MUNICIPALITY_NAMES:
            return None
        if name in self.districts:
            return self.districts[name]
        return self.by_code(text)


def _parse_value(text: str) -> Decimal:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    value = Decimal(cleaned)
    if not value.is_finite():
        raise InvalidOperation
    return value


def parse(raw: bytes) -> list[_Row]:
    """Check every line of a statistics file; ``ImportRefused`` lists every error."""
    text = _decode(raw)
    if not text.strip():
        raise ImportRefused([_("Filen är tom.")])
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().lower() for h in next(reader)]
    index, names = {}, {}
    for key, aliases in COLUMNS.items():
        for position, name in enumerate(header):
            if name in aliases:
                index[key], names[key] = position, name
                break
    missing = [k for k in ("year", "indicator", "value", "source") if k not in index]
    if "district" not in index and "code" not in index:
        missing.insert(0, "district")
    if missing:
        raise ImportRefused([
            _("Rad 1: kolumnen ”%(col)s” saknas. Filen behöver kolumnerna stadsdel (eller "
              "områdeskod), år, indikator, värde, enhet och källa.") % {"col": COLUMN_LABELS[k]}
            for k in missing
        ])

    areas = _Areas()
    units = {i.name.lower(): i.unit for i in Indicator.objects.all()}

    errors, rows, seen = [], [], {}

    def error(line, key, message):
        errors.append(
            _("Rad %(line)s, kolumn ”%(col)s”: %(msg)s")
            % {"line": line, "col": names.get(key, COLUMN_LABELS[key]), "msg": message}
        )

    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < len(header):
            errors.append(
                _("Rad %(line)s: raden har %(n)s kolumner men rubrikraden har %(m)s.")
                % {"line": line, "n": len(cells), "m": len(header)}
            )
            continue

        def cell(key, _cells=cells):
            return _cells[index[key]].strip() if key in index else ""

        district, area_ok = None, True
        code = cell("code")
        name = cell("district")
        if code:
            district = areas.by_code(code)
            if district is areas.UNKNOWN:
                error(line, "code", _("områdeskoden ”%(v)s” är okänd.") % {"v": code})
                area_ok = False
        elif name:
            district = areas.by_name_or_code(name)
            if district is areas.UNKNOWN:
                if name[0].isdigit():
                    error(line, "district", _("områdeskoden ”%(v)s” är okänd.") % {"v": name})
                else:
                    error(line, "district", _("stadsdelen ”%(v)s” finns inte.") % {"v": name})
                area_ok = False
        else:
            error(line, "code" if "code" in index else "district", _("värdet saknas."))
            area_ok = False

        year_text, year = cell("year"), None
        try:
            year = int(year_text)
            if not 1990 <= year <= 2100:
                raise ValueError
        except ValueError:
            error(line, "year", _("”%(v)s” är inte ett årtal.") % {"v": year_text})

        indicator = cell("indicator")
        if not indicator:
            error(line, "indicator", _("värdet saknas."))

        value_text, value = cell("value"), None
        try:
            value = _parse_value(value_text)
            if abs(value) >= Decimal("1e11"):
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            if value_text in ("", "..", "-"):
                error(line, "value", _("värdet saknas."))
            else:
                error(line, "value", _("”%(v)s” är inte ett tal.") % {"v": value_text})
            value = None

        source = cell("source")
        if not source:
            error(line, "source", _("källan saknas; varje värde ska ha en källa."))
        unit = cell("unit")
        known_unit = units.get(indicator.lower())
        if indicator and known_unit is not None and unit and known_unit and unit != known_unit:
            error(line, "unit", _("indikatorn ”%(i)s” har enheten ”%(u)s”, inte ”%(v)s”.")
                  % {"i": indicator, "u": known_unit, "v": unit})

        if area_ok and year and indicator:
            key = (district.pk if district else None, indicator.lower(), year)
            if key in seen:
                errors.append(
                    _("Rad %(line)s: samma område, indikator och år finns redan på rad %(first)s.")
                    % {"line": line, "first": seen[key]}
                )
            seen[key] = line
        if area_ok and year and indicator and value is not None and source:
            rows.append(_Row(line, district, indicator, year, value, unit, source))

    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(_("… och %(n)s fel till.") % {"n": len(errors) - MAX_ERRORS_SHOWN})
        raise ImportRefused(shown)
    if not rows:
        raise ImportRefused([_("Filen innehåller inga värden.")])
    return rows
