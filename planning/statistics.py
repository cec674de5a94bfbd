"""Statistics for the district analysis: CSV import, freezing on approval, and
the tables and charts of an analysis.

The import is all or nothing: every line is checked first, and a file with any
error imports nothing and names the line and the column of each error.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from areas.models import District
from planning import charts
from planning.models import AreaCode, Figure, FrozenFigure, ImportBatch, Indicator
from planning.models.documents import FROZEN

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
MUNICIPALITY_NAMES = {"botkyrka", "botkyrka kommun", "hela kommunen", "kommunen", "0127"}
MAX_ERRORS_SHOWN = 25


class ImportRefused(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ImportResult:
    batch: ImportBatch
    created: int = 0
    revised: int = 0
    unchanged: int = 0


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

    districts = {}
    for d in District.objects.all():
        districts[d.name.lower()] = d
        districts[d.slug] = d
    codes = {c.code.upper(): c for c in AreaCode.objects.select_related("district")}
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
            area = codes.get(code.upper())
            if area is None:
                error(line, "code", _("områdeskoden ”%(v)s” är okänd.") % {"v": code})
                area_ok = False
            else:
                district = area.district
        elif name:
            if name.lower() in MUNICIPALITY_NAMES:
                district = None
            elif name.lower() in districts:
                district = districts[name.lower()]
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


def _indicator(name: str, unit: str) -> Indicator:
    existing = Indicator.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    base = slugify(name)[:70] or "indikator"
    key, n = base, 2
    while Indicator.objects.filter(key=key).exists():
        key, n = f"{base}-{n}", n + 1
    return Indicator.objects.create(name=name, key=key, unit=unit)


@transaction.atomic
def import_csv(raw: bytes, filename: str, user) -> ImportResult:
    """Import a statistics file, all or nothing. A value that differs from the
    stored one replaces it (a revision); an approved analysis keeps its frozen copy."""
    rows = parse(raw)
    batch = ImportBatch.objects.create(filename=filename[:200], imported_by=user, rows=len(rows))
    result = ImportResult(batch=batch)
    indicators: dict[str, Indicator] = {}
    for row in rows:
        indicator = indicators.get(row.indicator.lower())
        if indicator is None:
            indicator = indicators[row.indicator.lower()] = _indicator(row.indicator, row.unit)
        unit = row.unit or indicator.unit
        figure = Figure.objects.filter(district=row.district, indicator=indicator, year=row.year).first()
        if figure is None:
            Figure.objects.create(district=row.district, indicator=indicator, year=row.year,
                                  value=row.value, unit=unit, source=row.source, batch=batch)
            result.created += 1
        elif figure.value != row.value or figure.source != row.source or figure.unit != unit:
            if figure.value != row.value:
                result.revised += 1
            else:
                result.unchanged += 1
            figure.value, figure.source, figure.unit, figure.batch = row.value, row.source, unit, batch
            figure.save()
        else:
            result.unchanged += 1
    batch.created, batch.revised = result.created, result.revised
    batch.save(update_fields=["created", "revised"])
    return result


# Freezing and showing ----------------------------------------------------------------


def _figures_for(analysis):
    district = analysis.get_area_group().district
    return Figure.objects.filter(year__lte=analysis.year).filter(
        Q(district=district) | Q(district__isnull=True)
    )


def freeze_figures(analysis) -> int:
    """Keep the figures an analysis used as they stood when it was approved."""
    analysis.frozen_figures.all().delete()
    frozen = [
        FrozenFigure.objects.create(
            analysis=analysis, district_id=f.district_id, indicator_id=f.indicator_id,
            year=f.year, value=f.value, unit=f.unit, source=f.source,
        )
        for f in _figures_for(analysis)
    ]
    return len(frozen)


def decimal_places(value: Decimal) -> int:
    return min(2, max(0, -value.normalize().as_tuple().exponent))


def format_value(value: Decimal, places: int | None = None) -> str:
    """Swedish number format; ``places`` keeps a table's column consistent (34,0 beside 33,6)."""
    if places is None:
        places = decimal_places(value)
    return number_format(value, decimal_pos=places, force_grouping=True)


@dataclass
class IndicatorBlock:
    indicator: Indicator
    unit: str
    years: list[int]
    district_values: dict = field(default_factory=dict)
    municipality_values: dict = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    revised: dict = field(default_factory=dict)  # (is_district, year) -> current value text

    def rows(self, district_name):
        places = max(
            (decimal_places(v) for v in [*self.district_values.values(),
                                         *self.municipality_values.values()]),
            default=0,
        )

        def cells(values, is_district):
            out = []
            for year in self.years:
                value = values.get(year)
                out.append({
                    "text": format_value(value, places) if value is not None else "–",
                    "revised": self.revised.get((is_district, year)),
                })
            return out

        return [
            {"label": district_name, "cells": cells(self.district_values, True)},
            {"label": _("Hela kommunen"), "cells": cells(self.municipality_values, False)},
        ]


def _series(district_name, block):
    """The district over the years, with the whole municipality beside it when the
    two are comparable (rates); a head count of the municipality would flatten the
    district's line, so counts show the district alone (the bars compare them)."""
    series = [(district_name, "series-district", block.district_values)]
    district_top = max((abs(v) for v in block.district_values.values()), default=0)
    municipality_top = max((abs(v) for v in block.municipality_values.values()), default=0)
    if block.municipality_values and (not district_top or municipality_top <= 3 * district_top):
        series.append((_("Hela kommunen"), "series-municipality", block.municipality_values))
    return series


def statistics_for(analysis) -> dict:
    """Tables and charts of an analysis: frozen figures once approved (with the
    revisions since flagged), live figures while it is a draft."""
    district = analysis.get_area_group().district
    frozen = analysis.status in FROZEN and analysis.frozen_figures.exists()
    source_qs = (
        analysis.frozen_figures.select_related("indicator") if frozen
        else _figures_for(analysis).select_related("indicator")
    )
    live = {}
    if frozen:
        live = {
            (f.district_id, f.indicator_id, f.year): f.value
            for f in _figures_for(analysis)
        }
    blocks: dict[int, IndicatorBlock] = {}
    for f in source_qs:
        block = blocks.get(f.indicator_id)
        if block is None:
            block = blocks[f.indicator_id] = IndicatorBlock(
                indicator=f.indicator, unit=f.unit or f.indicator.unit, years=[]
            )
        target = block.district_values if f.district_id else block.municipality_values
        target[f.year] = f.value
        if f.year not in block.years:
            block.years.append(f.year)
        if f.source not in block.sources:
            block.sources.append(f.source)
        if frozen:
            now = live.get((f.district_id, f.indicator_id, f.year))
            if now is not None and now != f.value:
                block.revised[(bool(f.district_id), f.year)] = format_value(now)
    result = []
    for block in sorted(blocks.values(), key=lambda b: (b.indicator.sort_order, b.indicator.name)):
        block.years.sort()
        block.years = block.years[-6:]
        result.append({
            "block": block,
            "rows": block.rows(district.name),
            "line_chart": charts.line_chart(
                _series(district.name, block), years=block.years, unit=block.unit,
            ),
            "bar_chart": charts.compare_bars(
                district.name, block.district_values, block.municipality_values,
                years=block.years, unit=block.unit,
            ),
        })
    return {"indicators": result, "frozen": frozen,
            "any_revised": any(item["block"].revised for item in result)}
