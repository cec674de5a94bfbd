"""Statistics: CSV import all or nothing with line and column in every error,
area codes, sources shown, figures frozen on approval and revisions flagged."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from areas.models import District
from omradesutveckling.structure import load_structure
from planning import statistics
from planning.models import AreaCode, Figure, Indicator
from tests.planning.conftest import walk

GOOD = (
    "stadsdel;år;indikator;värde;enhet;källa\n"
    "Alby;2024;Förvärvsfrekvens 20–64 år;59,2;procent;SCB\n"
    "Alby;2025;Förvärvsfrekvens 20–64 år;60,8;procent;SCB\n"
    "Hela kommunen;2024;Förvärvsfrekvens 20–64 år;72,1;procent;SCB\n"
    "Hela kommunen;2025;Förvärvsfrekvens 20–64 år;72,5;procent;SCB\n"
    "Alby;2025;Folkmängd;13 307;antal;SCB\n"
)


def refused(text):
    with pytest.raises(statistics.ImportRefused) as error:
        statistics.import_csv(text.encode(), "fil.csv", None)
    assert Figure.objects.count() == 0, "a refused file must import nothing"
    return error.value.errors


def test_good_file_imports_every_value_with_unit_and_source(structure):
    result = statistics.import_csv(GOOD.encode(), "scb.csv", None)
    assert (result.created, result.revised) == (5, 0)
    figure = Figure.objects.get(district__slug="alby", year=2025, indicator__name="Folkmängd")
    assert figure.value == Decimal("13307") and figure.unit == "antal" and figure.source == "SCB"
    assert Figure.objects.filter(district__isnull=True).count() == 2


def test_comma_separated_file_with_english_headers_imports(structure):
    text = "district,year,indicator,value,unit,source\nFittja,2025,Folkmängd,8123,antal,SCB\n"
    assert statistics.import_csv(text.encode(), "en.csv", None).created == 1


def test_file_keyed_by_area_code_imports(structure):
    text = "områdeskod;år;indikator;värde;enhet;källa\n0127R001;2025;Folkmängd;13307;antal;SCB\n"
    statistics.import_csv(text.encode(), "regso.csv", None)
    assert Figure.objects.get().district.slug == "alby"


def test_area_code_key_is_loaded_with_the_structure(structure):
    """The RegSO/DeSO key is reference data: production's load_structure has it."""
    assert AreaCode.objects.get(code="0127").district is None  # the whole municipality
    regso = AreaCode.objects.filter(kind="regso")
    deso = AreaCode.objects.filter(kind="deso")
    assert all(re.fullmatch(r"0127R\d{3}", c.code) for c in regso)
    assert all(re.fullmatch(r"0127[ABC]\d{4}", c.code) for c in deso)
    # Every district with statistics has codes on both levels; every code has a district.
    for district in District.objects.all():
        assert regso.filter(district=district).exists() and deso.filter(district=district).exists()
    assert not AreaCode.objects.exclude(code="0127").filter(district__isnull=True).exists()
    assert not AreaCode.objects.filter(code__startswith="0127R-")  # the old invented ones
    assert AreaCode.history.count() == AreaCode.objects.count()  # audited like any change


def test_area_code_key_loads_idempotently_and_keeps_corrections(structure):
    corrected = AreaCode.objects.get(code="0127R001")
    corrected.name = "Alby (rättad)"
    corrected.save()
    count = AreaCode.objects.count()
    load_structure()
    assert AreaCode.objects.count() == count
    assert AreaCode.objects.get(code="0127R001").name == "Alby (rättad)"


def test_windows_encoded_file_imports(structure):
    raw = "stadsdel;år;indikator;värde;enhet;källa\nTumba;2025;Folkmängd;22000;antal;SCB\n".encode("cp1252")
    assert statistics.import_csv(raw, "excel.csv", None).created == 1


def test_unknown_district_is_refused_naming_line_and_column(structure):
    errors = refused(GOOD + "Atlantis;2025;Folkmängd;10;antal;SCB\n")
    assert errors == ["Rad 7, kolumn ”stadsdel”: stadsdelen ”Atlantis” finns inte."]


def test_value_that_is_not_a_number_is_refused(structure):
    errors = refused(GOOD.replace("59,2", "59,x"))
    assert errors == ["Rad 2, kolumn ”värde”: ”59,x” är inte ett tal."]


def test_missing_value_is_refused(structure):
    assert refused(GOOD.replace("60,8", ".."))[0] == "Rad 3, kolumn ”värde”: värdet saknas."


def test_bad_year_is_refused(structure):
    assert refused(GOOD.replace("Alby;2024", "Alby;tjugo"))[0] == "Rad 2, kolumn ”år”: ”tjugo” är inte ett årtal."


def test_missing_source_is_refused(structure):
    errors = refused(GOOD.replace("13 307;antal;SCB", "13 307;antal;"))
    assert errors == ["Rad 6, kolumn ”källa”: källan saknas; varje värde ska ha en källa."]


def test_missing_column_is_refused(structure):
    errors = refused("stadsdel;år;indikator;enhet;källa\nAlby;2025;Folkmängd;antal;SCB\n")
    assert errors[0].startswith("Rad 1: kolumnen ”värde” saknas")


def test_unknown_area_code_is_refused(structure):
    errors = refused("områdeskod;år;indikator;värde;enhet;källa\n9999X;2025;Folkmängd;1;antal;SCB\n")
    assert errors == ["Rad 2, kolumn ”områdeskod”: områdeskoden ”9999X” är okänd."]


def test_duplicate_rows_are_refused(structure):
    errors = refused(GOOD + "Alby;2025;Folkmängd;13 400;antal;SCB\n")
    assert errors == ["Rad 7: samma område, indikator och år finns redan på rad 6."]


def test_short_row_is_refused(structure):
    assert refused(GOOD + "Alby;2025\n") == ["Rad 7: raden har 2 kolumner men rubrikraden har 6."]


def test_unit_that_contradicts_the_indicator_is_refused(structure):
    Indicator.objects.create(key="folkmangd", name="Folkmängd", unit="antal")
    errors = refused(GOOD.replace("13 307;antal", "13 307;procent"))
    assert errors == ["Rad 6, kolumn ”enhet”: indikatorn ”Folkmängd” har enheten ”antal”, inte ”procent”."]


def test_empty_file_is_refused(structure):
    assert refused("") == ["Filen är tom."]


def test_every_error_of_a_file_is_listed(structure):
    errors = refused(GOOD.replace("59,2", "x").replace("Alby;2025;Folkmängd", "Ingenstans;2025;Folkmängd"))
    assert len(errors) == 2


def test_reimport_revises_changed_values(structure):
    statistics.import_csv(GOOD.encode(), "a.csv", None)
    result = statistics.import_csv(GOOD.replace("59,2", "59,8").encode(), "b.csv", None)
    assert (result.created, result.revised, result.unchanged) == (0, 1, 4)


def test_approved_analysis_keeps_its_figures_and_flags_the_revision(
    client, alby_analysis, alby_developer, alby_chair
):
    statistics.import_csv(GOOD.encode(), "a.csv", None)
    walk(alby_analysis, ["submit", "approve"], alby_developer, alby_chair)
    statistics.import_csv(GOOD.replace("59,2", "59,8").encode(), "b.csv", None)

    client.force_login(alby_developer)
    page = client.get(alby_analysis.get_absolute_url()).content.decode()
    assert "59,2" in page  # the value the analysis was approved with
    assert "värdet har reviderats sedan analysen godkändes" in page
    assert "59,8" in page  # the revised value is shown beside it


def test_draft_analysis_shows_live_figures_without_flags(client, alby_analysis, alby_developer):
    statistics.import_csv(GOOD.encode(), "a.csv", None)
    statistics.import_csv(GOOD.replace("59,2", "59,8").encode(), "b.csv", None)
    client.force_login(alby_developer)
    page = client.get(alby_analysis.get_absolute_url()).content.decode()
    assert "59,8" in page and "reviderats sedan" not in page


def test_tables_and_charts_name_their_source(client, alby_analysis, alby_developer):
    statistics.import_csv(GOOD.encode(), "a.csv", None)
    client.force_login(alby_developer)
    page = client.get(alby_analysis.get_absolute_url()).content.decode()
    assert page.count("Källa: SCB") == 2  # one per indicator (table and its charts)
    assert "<svg" in page and "<polyline" in page


def test_import_page_lists_errors_and_imports_nothing(client, reader):
    reader.user_permissions.add(Permission.objects.get(codename="manage_cycle"))
    client.force_login(reader)
    upload = SimpleUploadedFile("fel.csv", GOOD.replace("59,2", "59,x").encode(), "text/csv")
    response = client.post(reverse("planning:statistics_import"), {"file": upload})
    assert response.status_code == 200
    assert "Rad 2, kolumn ”värde”: ”59,x” är inte ett tal." in response.content.decode()
    assert Figure.objects.count() == 0


def test_import_page_imports_a_good_file(client, reader):
    reader.user_permissions.add(Permission.objects.get(codename="manage_cycle"))
    client.force_login(reader)
    upload = SimpleUploadedFile("scb.csv", GOOD.encode(), "text/csv")
    response = client.post(reverse("planning:statistics_import"), {"file": upload}, follow=True)
    assert "5 nya värden" in response.content.decode()
    assert Figure.objects.count() == 5


def test_area_code_in_the_district_column_imports(structure):
    text = "stadsdel;år;indikator;värde;enhet;källa\n0127R001;2025;Folkmängd;13307;antal;SCB\n"
    statistics.import_csv(text.encode(), "regso.csv", None)
    assert Figure.objects.get().district.slug == "alby"


def test_unknown_code_in_the_district_column_is_called_a_code(structure):
    errors = refused("stadsdel;år;indikator;värde;enhet;källa\n0127R999;2025;Folkmängd;1;antal;SCB\n")
    assert errors == ["Rad 2, kolumn ”stadsdel”: områdeskoden ”0127R999” är okänd."]


def test_scb_region_label_0127_botkyrka_is_the_whole_municipality(structure):
    text = ("region;år;indikator;värde;enhet;källa\n"
            "0127 Botkyrka;2025;Folkmängd;96015;antal;SCB\n"
            "0127R001 Alby;2025;Folkmängd;13307;antal;SCB\n")
    statistics.import_csv(text.encode(), "scb.csv", None)
    assert Figure.objects.get(district__isnull=True).value == Decimal("96015")
    assert Figure.objects.get(district__slug="alby").value == Decimal("13307")


def test_import_pages_own_example_imports(client, reader):
    import html

    reader.user_permissions.add(Permission.objects.get(codename="manage_cycle"))
    client.force_login(reader)
    page = client.get(reverse("planning:statistics_import")).content.decode()
    example = html.unescape(re.search(r'<pre class="example">(.*?)</pre>', page, re.S).group(1))
    upload = SimpleUploadedFile("exempel.csv", example.encode(), "text/csv")
    response = client.post(reverse("planning:statistics_import"), {"file": upload}, follow=True)
    assert "Filen importerades inte" not in response.content.decode()
    assert Figure.objects.count() == example.count("\n")  # every line after the header


ALBY_DESO = [f"0127B1{n:02d}0" for n in range(9, 16)]  # Alby's seven DeSO in the shipped key


def deso_file(rows):
    return "områdeskod;år;indikator;värde;enhet;källa\n" + "".join(
        f"{code};2025;{indicator};{value};{unit};SCB\n" for code, indicator, value, unit in rows
    )


def test_deso_counts_of_one_district_are_added_up(structure):
    text = deso_file([(code, "Folkmängd", 1900 + i, "antal") for i, code in enumerate(ALBY_DESO)])
    result = statistics.import_csv(text.encode(), "deso.csv", None)
    assert result.created == 1
    figure = Figure.objects.get()
    assert figure.district.slug == "alby" and figure.value == sum(1900 + i for i in range(7))


def test_deso_shares_of_one_district_are_refused_naming_the_lines(structure):
    errors = refused(deso_file([(code, "Förvärvsfrekvens 20–64 år", "60,1", "procent")
                                for code in ALBY_DESO[:2]]))
    assert errors == [
        "Raderna 2 och 3: områdeskoderna 0127B1090 och 0127B1100 är delar (DeSO) av Alby. "
        "”Förvärvsfrekvens 20–64 år” har enheten ”procent”: andelar, medianer och medelvärden "
        "för delområden går inte att lägga ihop till stadsdelen, bara antal. Ange stadsdelens "
        "eget värde (Alby i kolumnen stadsdel)."
    ]


def test_a_single_deso_share_is_not_taken_for_the_district(structure):
    errors = refused(deso_file([("0127B1090", "Förvärvsfrekvens 20–64 år", "60,1", "procent")]))
    assert errors[0].startswith("Rad 2: områdeskoden 0127B1090 är en del (DeSO) av Alby.")


def test_deso_counts_with_sub_areas_missing_are_refused(structure):
    errors = refused(deso_file([(code, "Folkmängd", 1900, "antal") for code in ALBY_DESO[:5]]))
    assert errors == [
        "Raderna 2, 3, 4, 5 och 6: Alby består av 7 DeSO-områden men filen har värden för 5 av dem "
        "för ”Folkmängd” 2025 (saknas: 0127B1140 och 0127B1150). Antal läggs ihop till stadsdelen "
        "bara när alla dess delområden finns med."
    ]


def test_regso_and_deso_of_one_district_together_are_refused(structure):
    rows = [("0127R007", "Folkmängd", 7000, "antal"), ("0127C1010", "Folkmängd", 1800, "antal")]
    errors = refused(deso_file(rows))
    assert errors[0].startswith("Raderna 2 och 3: Tumba anges med både RegSO- och DeSO-koder")


def test_sub_area_beside_the_districts_own_value_is_refused(structure):
    text = GOOD + "0127B1090;2025;Folkmängd;1900;antal;SCB\n"
    errors = refused(text)
    assert errors == ["Rad 7: 0127B1090 ingår i Alby, som redan har ett värde för samma indikator "
                      "och år på rad 6."]


def test_the_same_deso_twice_is_a_duplicate(structure):
    rows = [(code, "Folkmängd", 1900, "antal") for code in ALBY_DESO] + [(ALBY_DESO[0], "Folkmängd", 1, "antal")]
    assert refused(deso_file(rows)) == ["Rad 9: samma område, indikator och år finns redan på rad 2."]


def test_over_long_indicator_unit_and_source_are_refused_naming_line_and_column(structure):
    long_indicator, long_unit, long_source = "I" * 151, "u" * 31, "K" * 151
    text = ("stadsdel;år;indikator;värde;enhet;källa\n"
            f"Alby;2025;{long_indicator};1;antal;SCB\n"
            f"Alby;2025;Folkmängd;1;{long_unit};SCB\n"
            f"Alby;2025;Folkmängd 0–19 år;1;antal;{long_source}\n")
    assert refused(text) == [
        "Rad 2, kolumn ”indikator”: texten är 151 tecken lång; högst 150 tecken får plats.",
        "Rad 3, kolumn ”enhet”: texten är 31 tecken lång; högst 30 tecken får plats.",
        "Rad 4, kolumn ”källa”: texten är 151 tecken lång; högst 150 tecken får plats.",
    ]
    at_the_limits = f"stadsdel;år;indikator;värde;enhet;källa\nAlby;2025;{'I' * 150};1;{'u' * 30};{'K' * 150}\n"
    statistics.import_csv(at_the_limits.encode(), "gränser.csv", None)
    assert Figure.objects.get().source == "K" * 150


def test_over_long_values_on_the_import_page_get_a_message_not_an_error_page(client, reader):
    reader.user_permissions.add(Permission.objects.get(codename="manage_cycle"))
    client.force_login(reader)
    text = f"stadsdel;år;indikator;värde;enhet;källa\nAlby;2025;Folkmängd;1;antal;{'K' * 400}\n"
    upload = SimpleUploadedFile("lång.csv", text.encode(), "text/csv")
    response = client.post(reverse("planning:statistics_import"), {"file": upload})
    assert response.status_code == 200
    assert "Rad 2, kolumn ”källa”: texten är 400 tecken lång" in response.content.decode()
    assert Figure.objects.count() == 0


def test_nul_characters_and_huge_cells_are_refused_with_a_message(structure):
    nul = "stadsdel;år;indikator;värde;enhet;källa\nAlby;2025;Folk\x00mängd;1;antal;SCB\n"
    assert refused(nul) == ["Rad 2: raden innehåller ett nolltecken (NUL). Spara filen som CSV (UTF-8)."]
    huge = "stadsdel;år;indikator;värde;enhet;källa\nAlby;2025;Folkmängd;1;antal;\"" + "K" * 200_000 + "\"\n"
    assert refused(huge)[0].startswith("Rad 2: raden går inte att läsa")


def test_excel_unicode_text_file_imports(structure):
    raw = "stadsdel\tår\tindikator\tvärde\tenhet\tkälla\r\nTumba\t2025\tFolkmängd\t22000\tantal\tSCB\r\n"
    assert statistics.import_csv(raw.encode("utf-16"), "unicode.txt", None).created == 1


def test_reimport_of_the_same_file_with_more_decimals_than_stored_revises_nothing(structure):
    text = ("stadsdel;år;indikator;värde;enhet;källa\n"
            "Alby;2025;Förvärvsfrekvens 20–64 år;12,12345;procent;SCB\n"
            "Fittja;2025;Förvärvsfrekvens 20–64 år;40,0005;procent;SCB\n")
    statistics.import_csv(text.encode(), "a.csv", None)
    again = statistics.import_csv(text.encode(), "a.csv", None)
    assert (again.created, again.revised, again.unchanged) == (0, 0, 2)
    # Rounded half up to the three decimals stored, the same on every database.
    assert Figure.objects.get(district__slug="alby").value == Decimal("12.123")
    assert Figure.objects.get(district__slug="fittja").value == Decimal("40.001")
