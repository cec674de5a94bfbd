"""The public side (no sign-in): an index of the districts, each district's page
with its published documents and its strategic programme, read-only."""

from datetime import date

from django.urls import reverse

from areas.models import District
from planning.models import MainTask, StrategicProgramme


def _programme(district_slug="alby"):
    programme = StrategicProgramme.objects.create(
        district=District.objects.get(slug=district_slug), title="Strategiskt utvecklingsprogram för Alby",
        adopted_on=date(2017, 6, 15), case_number="KS/2016:341", first_year=2018,
    )
    MainTask.objects.create(programme=programme, position=1, title="Trygg och trivsam stadsdel",
                            paths="Trygghetsvandringar\nBelysning")
    return programme


def test_public_index_lists_every_district_without_sign_in(client, structure):
    response = client.get(reverse("planning:public_index"))
    assert response.status_code == 200
    html = response.content.decode()
    for district in District.objects.all():
        assert f'href="{reverse("planning:public_district", args=[district.slug])}"' in html
    assert "Vårsta-Grödinge" in html and "Logga ut" not in html


def test_public_index_query_count_is_pinned(client, structure, pinned_queries):
    """The districts, with or without an area group: six, then twenty."""

    def more_districts():
        for i in range(14):
            District.objects.create(name=f"Stadsdel {i}", slug=f"stadsdel-{i}", sort_order=100 + i)

    pinned_queries(client, reverse("planning:public_index"), 1, more_districts, "Stadsdel 13")


def test_public_district_links_its_strategic_programme(client, alby):
    _programme()
    html = client.get(reverse("planning:public_district", args=["alby"])).content.decode()
    url = reverse("planning:public_programme", args=["alby"])
    assert f'<a href="{url}">Strategiskt utvecklingsprogram för Alby</a>' in html
    assert f'href="{reverse("planning:public_index")}"' in html  # back to every district


def test_public_programme_is_readable_without_sign_in_and_read_only(client, alby):
    _programme()
    response = client.get(reverse("planning:public_programme", args=["alby"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Trygg och trivsam stadsdel" in html and "Trygghetsvandringar" in html
    assert "<form" not in html and reverse("district", args=["alby"]) not in html


def test_public_district_without_a_programme_does_not_link_one(client, tumba):
    html = client.get(reverse("planning:public_district", args=["tumba"])).content.decode()
    assert reverse("planning:public_programme", args=["tumba"]) not in html


def test_public_programme_of_an_unknown_district_is_not_found(client, structure):
    assert client.get(reverse("planning:public_programme", args=["ingenstans"])).status_code == 404


def test_every_page_links_the_public_index_in_its_footer(client):
    html = client.get("/logga-in/").content.decode()
    assert 'href="/offentlig/"' in html and "Stadsdelarnas publicerade dokument" in html
