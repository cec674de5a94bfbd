"""The small Markdown subset of document sections (planning.markup): what it
understands, and that no HTML an editor types ever reaches the page."""

import re

import pytest
from django.urls import reverse

from planning.history import word_diff
from planning.markup import render
from planning.models import Section
from tests.planning.conftest import walk

HX = {"HTTP_HX_REQUEST": "true"}


def tags(html: str) -> set[str]:
    """Every tag name in the rendered HTML."""
    return {name.lower() for name in re.findall(r"</?([a-zA-Z0-9]+)", html)}


def test_plain_text_keeps_paragraphs_and_line_breaks():
    assert render("Första raden\nandra raden\n\nNytt stycke") == (
        "<p>Första raden<br>andra raden</p>\n<p>Nytt stycke</p>"
    )


def test_headings_sit_below_the_sections_own_heading():
    assert render("## Rubrik\n### Underrubrik") == "<h3>Rubrik</h3>\n<h4>Underrubrik</h4>"


def test_a_single_hash_or_four_stay_text():
    assert render("# inte rubrik\n#### inte heller") == "<p># inte rubrik<br>#### inte heller</p>"


def test_bullet_and_numbered_lists():
    html = render("Vi vill:\n- läxhjälp\n* **lov** för *alla*\n\n1. först\n2. sedan")
    assert html == (
        "<p>Vi vill:</p>\n<ul><li>läxhjälp</li><li><strong>lov</strong> för <em>alla</em></li></ul>\n"
        "<ol><li>först</li><li>sedan</li></ol>"
    )


def test_a_blank_line_between_items_keeps_one_numbered_list():
    assert render("1. först\n\n2. sedan") == "<ol><li>först</li><li>sedan</li></ol>"


def test_a_list_that_starts_later_keeps_its_number():
    assert render("3. tredje") == '<ol start="3"><li>tredje</li></ol>'


def test_a_year_at_the_start_of_a_line_is_not_a_list():
    assert render("Vi började\n2025. Då kom beslutet.") == "<p>Vi började<br>2025. Då kom beslutet.</p>"


def test_arithmetic_stars_are_not_emphasis():
    assert render("5 * 3 * 2") == "<p>5 * 3 * 2</p>"


def test_links_to_http_https_and_mailto():
    html = render("[Botkyrka](https://www.botkyrka.se/a?b=1&c=2), [SCB](http://scb.se) "
                  "och [skriv](mailto:alby@botkyrka.se)")
    assert '<a href="https://www.botkyrka.se/a?b=1&amp;c=2">Botkyrka</a>' in html
    assert '<a href="http://scb.se">SCB</a>' in html
    assert '<a href="mailto:alby@botkyrka.se">skriv</a>' in html


@pytest.mark.parametrize("link", [
    "[x](javascript:alert(1))", "[x](JavaScript:alert`1`)", "[x](data:text/html,hej)",
    "[x](vbscript:msgbox)", "[x](/relativ/sida)", "[x](//evil.example)", "[x](&#106;avascript:alert(1))",
])
def test_links_with_other_schemes_stay_text(link):
    html = render(link)
    assert "<a" not in html and "href" not in html
    assert html.startswith("<p>[x](")


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '[x"><img src=x onerror=alert(1)>](https://botkyrka.se)',
    '[x](https://botkyrka.se/"><img src=x onerror=alert(1)>)',
    '[x](https://botkyrka.se/"onmouseover="alert(1))',
    '[x](https://a"onmouseover=alert`1`)',
    "## <svg/onload=alert(1)>\n- <iframe src=javascript:alert(1)>\n**<b>fet</b>**",
    "<a href='javascript:alert(1)'>klick</a>",
])
def test_no_html_the_editor_types_is_rendered(hostile):
    html = render(hostile)
    assert tags(html) <= {"p", "br", "h3", "h4", "ul", "ol", "li", "strong", "em", "a"}
    assert "<img" not in html and "<script" not in html and "<svg" not in html
    # Every attribute is the href of a link we made, quoted, to an allowed scheme.
    for attribute in re.findall(r"<a ([^>]*)>", html):
        assert re.fullmatch(r'href="(https?://|mailto:)[^"<>]*"', attribute)


def test_a_hostile_address_stays_inside_its_href():
    html = render('[x](https://a"onmouseover=alert`1`)')
    assert html == '<p><a href="https://a&quot;onmouseover=alert`1`">x</a></p>'


def test_section_markdown_is_rendered_on_the_document_page(client, alby_analysis, alby_developer):
    section = Section.objects.filter(planning_year=alby_analysis.planning_year, document="analysis").first()
    section.body = "## Läget\n- **Fler** i arbete\n- [SCB](https://www.scb.se)\n\n[x](javascript:alert(1))"
    section.save()
    client.force_login(alby_developer)
    html = client.get(alby_analysis.get_absolute_url()).content.decode()
    assert "<h3>Läget</h3>" in html and "<li><strong>Fler</strong> i arbete</li>" in html
    assert '<a href="https://www.scb.se">SCB</a>' in html
    assert "[x](javascript:alert(1))" in html and 'href="javascript' not in html


def test_section_markdown_is_rendered_on_the_public_page(client, alby_analysis, alby_developer, alby_chair):
    section = Section.objects.filter(planning_year=alby_analysis.planning_year, document="analysis").first()
    section.body = "Vi har:\n1. *lyssnat*\n2. <script>alert(1)</script>"
    section.save()
    walk(alby_analysis, ["submit", "approve", "committee", "report", "publish"], alby_developer, alby_chair)
    html = client.get(reverse("planning:public_document", args=["alby", 2026, "stadsdelsanalys"])).content.decode()
    assert "<ol><li><em>lyssnat</em></li><li>&lt;script&gt;alert(1)&lt;/script&gt;</li></ol>" in html


def test_saved_section_is_shown_rendered_and_history_diffs_the_source(client, alby_analysis, alby_developer):
    section = Section.objects.filter(planning_year=alby_analysis.planning_year, document="analysis").first()
    url = reverse("planning:section_edit", args=["alby", 2026, "stadsdelsanalys", section.pk])
    client.force_login(alby_developer)
    body = "## Ny rubrik\n- **punkt**"
    response = client.post(url, {f"s{section.pk}-body": body, f"s{section.pk}-version": 1}, **HX)
    assert "<h3>Ny rubrik</h3>" in response.content.decode()
    history = client.get(reverse("planning:history", args=["alby", 2026, "stadsdelsanalys"])).content.decode()
    assert "<ins>## Ny rubrik\n- **punkt**</ins>" in history and "<h3>Ny rubrik</h3>" not in history


def test_section_form_explains_the_markdown_subset(client, alby_analysis, alby_developer):
    section = Section.objects.filter(planning_year=alby_analysis.planning_year, document="analysis").first()
    client.force_login(alby_developer)
    html = client.get(reverse("planning:section_edit", args=["alby", 2026, "stadsdelsanalys", section.pk])).content.decode()
    assert "## Rubrik" in html and "- punkt" in html and "**fet**" in html and "[länk](https://…)" in html
    assert f'aria-describedby="id_s{section.pk}-body_helptext"' in html


def test_history_diff_of_a_first_text_is_one_insertion():
    assert word_diff("", "## Ny rubrik\n- punkt") == [("ins", "## Ny rubrik\n- punkt")]
