"""Charts of the district analysis: round axis values, labels that fit, the
table's decimals, and revision notes that leave the table's columns alone.
(The round ticks themselves: tests/areas/test_charts.py.)"""

import re
from decimal import Decimal as D

from areas.charts import BOLD_CHAR_W, CHAR_W
from planning import charts, statistics
from tests.planning.conftest import walk

YEARS = [2020, 2021, 2022, 2023, 2024, 2025]
ALBY = dict(zip(YEARS, [D("31.8"), D("31.9"), D("31.4"), D("31.9"), D("31.9"), D("31.8")], strict=True))
KOMMUNEN = dict(zip(YEARS, [D("27.1"), D("27.5"), D("27.9"), D("28.3"), D("28.7"), D("29.1")], strict=True))


def series(*pairs):
    return [(label, f"series-{i}", data) for i, (label, data) in enumerate(pairs)]


def test_y_axis_ticks_are_round_values():
    chart = charts.line_chart(series(("Alby", ALBY), ("Hela kommunen", KOMMUNEN)),
                              years=YEARS, unit="procent", places=1)
    assert [t["label"] for t in chart["y_ticks"]] == ["26", "28", "30", "32"]


def test_y_labels_sit_at_their_values():
    data = {2024: D(30), 2025: D(38)}
    chart = charts.line_chart(series(("Alby", data)), years=[2024, 2025], unit="", places=0)
    at = {t["label"]: t["y"] for t in chart["y_ticks"]}
    dots = chart["lines"][0]["dots"]
    assert list(at) == ["30", "32", "34", "36", "38"]
    assert at["30"] == dots[0]["y"] and at["38"] == dots[1]["y"]


def test_years_sit_at_their_distance():
    data = {2020: D(1), 2022: D(2), 2024: D(3), 2025: D(4)}
    chart = charts.line_chart(series(("Alby", data)), years=list(data), unit="", places=0)
    x = [float(t["x"]) for t in chart["x_ticks"]]
    assert round(x[1] - x[0], 1) == round(x[2] - x[1], 1) == round(2 * (x[3] - x[2]), 1)


def test_bar_labels_fit_inside_the_chart():
    chart = charts.compare_bars("Hallunda-Norsborg", {2025: D(187363)}, {2025: D(912345)},
                                years=[2025], unit="personer", places=0)
    for bar in chart["bars"]:
        right = float(bar["value_x"]) + len(bar["value"]) * float(BOLD_CHAR_W)
        assert right <= chart["width"]
        assert len(bar["label"]) * float(CHAR_W) < chart["label_w"]  # name clear of the bar


def test_bars_show_the_tables_decimals():
    chart = charts.compare_bars("Alby", {2025: D("68.7")}, {2025: D("81")}, years=[2025],
                                unit="procent", places=1)
    assert [bar["value"] for bar in chart["bars"]] == ["68,7 procent", "81,0 procent"]


def test_analysis_page_bars_and_table_show_the_same_decimals(client, alby_analysis, alby_developer):
    statistics.import_csv(
        ("stadsdel;år;indikator;värde;enhet;källa\n"
         "Alby;2025;Behörighet;68,7;procent;Kolada\nHela kommunen;2025;Behörighet;81;procent;Kolada\n"
         ).encode(), "a.csv", None)
    client.force_login(alby_developer)
    page = client.get(alby_analysis.get_absolute_url()).content.decode()
    assert '<td class="num">81,0</td>' in page and ">81,0 procent</text>" in page


def test_a_revision_note_does_not_widen_the_tables_column(client, alby_analysis, alby_developer, alby_chair):
    good = ("stadsdel;år;indikator;värde;enhet;källa\n"
            "Alby;2024;Förvärvsfrekvens;59,2;procent;SCB\nAlby;2025;Förvärvsfrekvens;60,8;procent;SCB\n")
    statistics.import_csv(good.encode(), "a.csv", None)
    walk(alby_analysis, ["submit", "approve"], alby_developer, alby_chair)
    statistics.import_csv(good.replace("59,2", "59,8").encode(), "b.csv", None)
    client.force_login(alby_developer)
    page = client.get(alby_analysis.get_absolute_url()).content.decode()
    cell = re.search(r'<td class="num revised">(.*?)</td>', page).group(1)
    assert re.sub(r"<[^>]+>", "", cell).replace("(reviderat, se under tabellen)", "").strip() == "59,2*"
    table, after = page.split("</table>", 1)
    assert "värdet har reviderats sedan analysen godkändes" not in table.rsplit("<table", 1)[1]
    assert "Alby 2024: värdet har reviderats sedan analysen godkändes, nu 59,8." in after
