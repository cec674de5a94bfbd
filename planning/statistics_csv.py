"""Reading a statistics file (CSV) into checked rows, before anything is saved.

Every line is checked; a file with any error raises ``ImportRefused`` listing
each error with its line and column, and nothing is imported (the caller,
``planning.statistics.import_csv``, saves only what ``parse`` returns).
"""

import codecs
import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from areas.models import District
from planning.models import AreaCode, Figure, Indicator

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
# The longest text each column may hold (the database refuses longer: a 500 on
# PostgreSQL, silently kept whole on SQLite).
MAX_LENGTHS = {
    "indicator": Indicator._meta.get_field("name").max_length,
    "unit": Figure._meta.get_field("unit").max_length,
    "source": Figure._meta.get_field("source").max_length,
}
MAX_VALUE = Decimal("1e11")  # Figure.value: 14 digits, 3 of them decimals
STORED = Decimal(1).scaleb(-Figure._meta.get_field("value").decimal_places)  # 0.001
# Units whose values add up over sub-areas. Shares, rates, medians and means do
# not: a DeSO's 40 % beside another's 60 % says nothing about the district
# without the populations behind them, so such values from sub-areas are refused.
COUNT_UNITS = {"antal", "st", "st.", "stycken", "personer", "invånare", "hushåll",
               "bostäder", "lägenheter", "elever", "företag"}


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
    value: Decimal | None
    unit: str
    source: str
    # The sub-area (a DeSO, or a RegSO where the district has several) the line
    # gives; None when the line stands for the whole district or municipality.
    part: AreaCode | None = None


def _decode(raw: bytes) -> str:
    # Excel's "Unicode text" is UTF-16 with a byte order mark.
    encodings = ("utf-16",) if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else ()
    for encoding in (*encodings, "utf-8-sig", "cp1252"):
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
        self.parts = defaultdict(list)  # (district id, kind) -> codes
        for area in self.codes.values():
            if area.district_id and area.kind != AreaCode.Kind.MUNICIPALITY:
                self.parts[(area.district_id, area.kind)].append(area.code)

    def by_code(self, text: str):
        """(district, part): ``part`` is the area code when it is one of several of
        its kind in the district (a DeSO of Alby), None when it is the whole."""
        token = text.split()[0].upper() if text.split() else ""
        area = self.codes.get(token)
        if area is not None:
            if area.district_id and len(self.parts[(area.district_id, area.kind)]) > 1:
                return area.district, area
            return area.district, None  # no district: the whole municipality
        if token == MUNICIPALITY_CODE:
            return None, None
        return self.UNKNOWN, None

    def by_name_or_code(self, text: str):
        name = " ".join(text.lower().split())
        if name in MUNICIPALITY_NAMES:
            return None, None
        if name in self.districts:
            return self.districts[name], None
        return self.by_code(text)


def _parse_value(text: str) -> Decimal:
    """The value as it will be stored: rounded half up to the decimals the database
    keeps (12,12345 → 12.123). Rounded here, not by the database, so that a re-import
    of the same file compares equal (no false revisions) and PostgreSQL and SQLite,
    which round differently, store the same value."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    value = Decimal(cleaned)
    if not value.is_finite() or abs(value) >= MAX_VALUE:
        raise InvalidOperation
    value = value.quantize(STORED, rounding=ROUND_HALF_UP)
    if abs(value) >= MAX_VALUE:  # 99 999 999 999,9996 rounds up past the limit
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
    lines = _read(text, dialect)
    _line, header = next(lines)
    if isinstance(header, str):
        raise ImportRefused([header])
    header = [h.strip().lower() for h in header]
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

    errors, candidates, seen = [], [], {}

    def error(line, key, message):
        errors.append(
            _("Rad %(line)s, kolumn ”%(col)s”: %(msg)s")
            % {"line": line, "col": names.get(key, COLUMN_LABELS[key]), "msg": message}
        )

    for line, cells in lines:
        if isinstance(cells, str):  # a line the csv module could not read
            errors.append(cells)
            continue
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

        district, part, area_ok = None, None, True
        code = cell("code")
        name = cell("district")
        if code:
            district, part = areas.by_code(code)
            if district is areas.UNKNOWN:
                error(line, "code", _("områdeskoden ”%(v)s” är okänd.") % {"v": code})
                area_ok = False
        elif name:
            district, part = areas.by_name_or_code(name)
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

        too_long = {key for key, most in MAX_LENGTHS.items() if len(cell(key)) > most}
        for key in sorted(too_long, key=list(COLUMNS).index):
            error(line, key, _("texten är %(n)s tecken lång; högst %(most)s tecken får plats.")
                  % {"n": len(cell(key)), "most": MAX_LENGTHS[key]})

        indicator = cell("indicator")
        if not indicator:
            error(line, "indicator", _("värdet saknas."))

        value_text, value = cell("value"), None
        try:
            value = _parse_value(value_text)
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

        if area_ok and year and indicator and not too_long:
            key = (district.pk if district else None, indicator.lower(), year, part and part.code)
            if key in seen:
                errors.append(
                    _("Rad %(line)s: samma område, indikator och år finns redan på rad %(first)s.")
                    % {"line": line, "first": seen[key]}
                )
            else:
                seen[key] = line
                candidates.append(_Row(line, district, indicator, year, value, unit, source, part))

    rows = [
        row for row in _combine_parts(candidates, areas, units, errors)
        if row.value is not None and row.source
    ]
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(_("… och %(n)s fel till.") % {"n": len(errors) - MAX_ERRORS_SHOWN})
        raise ImportRefused(shown)
    if not rows:
        raise ImportRefused([_("Filen innehåller inga värden.")])
    return rows


def _read(text: str, dialect):
    """(line number, cells) for each line; a line the csv module refuses (a cell
    over its size limit, a NUL character) comes as (line number, message)."""
    reader = csv.reader(io.StringIO(text), dialect)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield line, _("Rad %(line)s: raden går inte att läsa som CSV (en cell är för lång "
                          "eller ett citattecken saknas).") % {"line": line}
            return
        if any("\x00" in cell for cell in cells):
            yield line, _("Rad %(line)s: raden innehåller ett nolltecken (NUL). Spara filen som "
                          "CSV (UTF-8).") % {"line": line}
        else:
            yield line, cells
        line = reader.line_num + 1


def _lines(numbers: list[int]) -> str:
    """"Rad 5", "Raderna 5, 6 och 7" (at most eight named)."""
    if len(numbers) == 1:
        return _("Rad %(n)s") % {"n": numbers[0]}
    named = [str(n) for n in numbers[:8]]
    if len(numbers) > 8:
        listed = _("%(first)s och %(more)s till") % {"first": ", ".join(named), "more": len(numbers) - 8}
    else:
        listed = _("%(first)s och %(last)s") % {"first": ", ".join(named[:-1]), "last": named[-1]}
    return _("Raderna %(list)s") % {"list": listed}


def _codes(codes: list[str]) -> str:
    if len(codes) > 8:
        return ", ".join(codes[:8]) + " …"
    return ", ".join(codes[:-1]) + (_(" och ") if len(codes) > 1 else "") + codes[-1]


def _combine_parts(rows: list[_Row], areas: _Areas, units: dict, errors: list) -> list[_Row]:
    """Lines that give sub-areas of a district (its DeSO, or its RegSO where it has
    several) become one value for the district: their sum, when the unit is a count
    and every sub-area of that kind is in the file. Anything else would put a wrong
    figure on the district, so it is refused naming the lines: a share, median or
    mean (they do not add up), a sum with sub-areas missing, RegSO and DeSO mixed
    (DeSO lie within RegSO: counted twice), or sub-areas beside the district's own
    value. Lines for the whole district or municipality pass through unchanged."""
    whole, parts = {}, defaultdict(list)
    for row in rows:
        key = (row.district.pk if row.district else None, row.indicator.lower(), row.year)
        if row.part is None:
            whole[key] = row
        else:
            parts[key].append(row)
    result = [row for row in rows if row.part is None]
    for key, group in parts.items():
        first, district = group[0], group[0].district
        codes = [row.part.code for row in group]
        kinds = {row.part.kind for row in group}
        context = {
            "lines": _lines([row.line for row in group]), "codes": _codes(codes),
            "district": district.name, "indicator": first.indicator, "year": first.year,
        }
        unit = first.unit or units.get(first.indicator.lower()) or ""
        if key in whole:
            errors.append(
                _("%(lines)s: %(codes)s ingår i %(district)s, som redan har ett värde för samma "
                  "indikator och år på rad %(first)s.") % {**context, "first": whole[key].line}
            )
        elif len(kinds) > 1:
            errors.append(
                _("%(lines)s: %(district)s anges med både RegSO- och DeSO-koder för ”%(indicator)s” "
                  "%(year)s. DeSO ligger inom RegSO, så värdena skulle räknas två gånger; använd "
                  "en av indelningarna.") % context
            )
        elif any((row.unit or unit).lower() not in COUNT_UNITS for row in group):
            kind = AreaCode.Kind(kinds.pop()).label
            unit_text = _("enheten ”%(u)s”") % {"u": unit} if unit else _("ingen enhet")
            errors.append(
                ngettext("%(lines)s: områdeskoden %(codes)s är en del (%(kind)s) av %(district)s.",
                         "%(lines)s: områdeskoderna %(codes)s är delar (%(kind)s) av %(district)s.",
                         len(codes)) % {**context, "kind": kind}
                + " "
                + _("”%(indicator)s” har %(unit)s: andelar, medianer och medelvärden för delområden "
                    "går inte att lägga ihop till stadsdelen, bara antal. Ange stadsdelens eget värde "
                    "(%(district)s i kolumnen stadsdel).") % {**context, "unit": unit_text}
            )
        else:
            kind = kinds.pop()
            missing = sorted(set(areas.parts[(district.pk, kind)]) - set(codes))
            if missing:
                errors.append(
                    _("%(lines)s: %(district)s består av %(total)s %(kind)s-områden men filen har "
                      "värden för %(n)s av dem för ”%(indicator)s” %(year)s (saknas: %(missing)s). "
                      "Antal läggs ihop till stadsdelen bara när alla dess delområden finns med.")
                    % {**context, "total": len(areas.parts[(district.pk, kind)]), "n": len(codes),
                       "kind": AreaCode.Kind(kind).label, "missing": _codes(missing)}
                )
            elif all(row.value is not None and row.source for row in group):
                total = sum(row.value for row in group)
                source = "; ".join(dict.fromkeys(row.source for row in group))
                if abs(total) >= MAX_VALUE:
                    errors.append(_("%(lines)s: summan för %(district)s blir för stor för att "
                                    "sparas.") % context)
                elif len(source) > MAX_LENGTHS["source"]:
                    errors.append(_("%(lines)s: källorna blir tillsammans längre än %(most)s tecken; "
                                    "ange samma källa på raderna.")
                                  % {**context, "most": MAX_LENGTHS["source"]})
                else:
                    result.append(_Row(first.line, district, first.indicator, first.year,
                                       total, first.unit, source))
    return sorted(result, key=lambda row: row.line)
