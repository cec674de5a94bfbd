"""The yearly wheel (årshjul): the annual report, due early the next year, is not
drawn in this year's January beside the analysis and the plan."""

from datetime import date

from django.urls import reverse

from planning import charts, services


def _wheel(planning_year, today=date(2026, 11, 20)):
    docs = services.documents_of(planning_year)
    for doc in docs:
        doc.planning_year = planning_year
    return charts.year_wheel(planning_year, docs, today)


def test_annual_report_is_drawn_after_december_not_in_january(alby_year):
    wheel = _wheel(alby_year)
    centre, ring = wheel["centre"], 120
    by_title = {m["title"].split(":")[0]: m for m in wheel["markers"]}
    annual, analysis = by_title["Årsrapport"], by_title["Stadsdelsanalys"]
    assert "after-year" in annual["css"] and "(nästa år)" in annual["title"]
    assert float(annual["y"]) < centre - ring  # above the ring, at the turn of the year
    assert "after-year" not in analysis["css"] and float(analysis["y"]) > centre - ring
    assert [m["kind"] for m in wheel["after_year"]] == ["Årsrapport"] and wheel["next_year"] == "2027"


def test_year_page_explains_the_annual_report_in_the_legend(client, alby_year, alby_developer):
    client.force_login(alby_developer)
    html = client.get(reverse("planning:year", args=["alby", 2026])).content.decode()
    assert "ovanför hjulet, efter december: Årsrapport, senast 31 januari 2027 (nästa år)" in html
    assert '<circle class="marker after-year coming"' in html


def test_a_due_date_on_the_next_years_leap_day_draws(alby):
    planning_year = services.start_year(alby, 2027)
    planning_year.annual_report_due = date(2028, 2, 29)  # 29 February 2027 does not exist
    planning_year.save()
    wheel = _wheel(planning_year, today=date(2027, 5, 1))
    assert wheel["after_year"][0]["due"] == date(2028, 2, 29)
