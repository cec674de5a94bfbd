"""Statistics for the district analysis: CSV import, freezing on approval, and
the tables and charts of an analysis.

The import is all or nothing: every line is checked first (``statistics_csv``),
and a file with any error imports nothing and names the line and the column of
each error.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from areas.formats import decimal_places, number
from planning import charts
from planning.models import Figure, FrozenFigure, ImportBatch, Indicator
from planning.models.documents import FROZEN
from planning.statistics_csv import ImportRefused as ImportRefused  # raised by import_csv
from planning.statistics_csv import parse


@dataclass
class ImportResult:
    batch: ImportBatch
    created: int = 0
    revised: int = 0
    unchanged: int = 0


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


@dataclass
class IndicatorBlock:
    indicator: Indicator
    unit: str
    years: list[int]
    district_values: dict = field(default_factory=dict)
    municipality_values: dict = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    revised: dict = field(default_factory=dict)  # (is_district, year) -> current value text

    @property
    def places(self) -> int:
        """The decimals of the whole table (and its charts): 34,0 beside 33,6."""
        return max(
            (decimal_places(v) for v in [*self.district_values.values(),
                                         *self.municipality_values.values()]),
            default=0,
        )

    def rows(self, district_name):
        places = self.places

        def cells(values, is_district):
            out = []
            for year in self.years:
                value = values.get(year)
                out.append({
                    "text": number(value, places) if value is not None else "–",
                    "revised": (is_district, year) in self.revised,
                })
            return out

        return [
            {"label": district_name, "cells": cells(self.district_values, True)},
            {"label": _("Hela kommunen"), "cells": cells(self.municipality_values, False)},
        ]

    def revision_notes(self, district_name) -> list[dict]:
        """One note under the table per revised value (the cell carries a mark), so a
        sentence does not widen a column of numbers."""
        return [
            {"label": district_name if is_district else _("Hela kommunen"), "year": year,
             "value": value}
            for (is_district, year), value in sorted(
                self.revised.items(), key=lambda item: (not item[0][0], item[0][1])
            )
            if year in self.years
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
                block.revised[(bool(f.district_id), f.year)] = number(now)
    result = []
    for block in sorted(blocks.values(), key=lambda b: (b.indicator.sort_order, b.indicator.name)):
        block.years.sort()
        block.years = block.years[-6:]
        result.append({
            "block": block,
            "rows": block.rows(district.name),
            "revision_notes": block.revision_notes(district.name),
            "line_chart": charts.line_chart(
                _series(district.name, block), years=block.years, unit=block.unit,
                places=block.places,
            ),
            "bar_chart": charts.compare_bars(
                district.name, block.district_values, block.municipality_values,
                years=block.years, unit=block.unit, places=block.places,
            ),
        })
    return {"indicators": result, "frozen": frozen,
            "any_revised": any(item["block"].revised for item in result)}
