"""Member management: htmx fragments, the same forms without JavaScript, and
bad input that never changes what is saved."""

from datetime import date

import pytest

from areas.models import Membership, Organisation, Role, WorkingGroup, WorkingGroupMember
from tests.conftest import make_user, seat

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "http://testserver/stadsdelar/alby/medlemmar/"}


@pytest.fixture
def newcomer(org):
    return make_user("newcomer", "Nora", "Nykvist", org["SBF"])


def _add(client, newcomer, org, **headers):
    return client.post(
        "/stadsdelar/alby/medlemmar/ny/",
        {"person": newcomer.pk, "role": Role.MEMBER, "organisation": org["SBF"].pk,
         "start_date": "2026-11-01"},
        **headers,
    )


def test_htmx_add_returns_new_row_fresh_form_and_message(login, alby_developer, newcomer, org):
    response = _add(login(alby_developer), newcomer, org, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'hx-swap-oob="beforeend:#membership-rows"' in body
    assert "Nora Nykvist" in body
    assert 'id="messages" class="messages" role="status" aria-live="polite" hx-swap-oob="true"' in body
    assert "Nora Nykvist är nu ledamot i Områdesgruppen Alby." in body
    assert "<html" not in body
    assert Membership.objects.filter(person=newcomer, role=Role.MEMBER).exists()


def test_add_without_javascript_redirects_to_the_list(login, alby_developer, newcomer, org):
    client = login(alby_developer)
    response = _add(client, newcomer, org)
    assert response.status_code == 302
    assert response["Location"] == "/stadsdelar/alby/medlemmar/"
    assert "Nora Nykvist" in client.get(response["Location"]).content.decode()


def test_invalid_htmx_add_shows_errors_in_place_with_200_and_saves_nothing(
    login, alby_developer, alby_member, org
):
    colleague = make_user("colleague", org=org["UF"])
    before = Membership.objects.count()
    response = login(alby_developer).post(
        "/stadsdelar/alby/medlemmar/ny/",
        {"person": colleague.pk, "role": Role.MEMBER, "organisation": org["UF"].pk,
         "start_date": "2026-11-01"},
        **HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Utbildningsförvaltningen har redan en ledamot i gruppen under perioden." in body
    assert 'id="add-membership"' in body
    assert Membership.objects.count() == before


def test_second_chair_is_refused_with_a_clear_message(login, alby_developer, alby_chair, newcomer):
    response = login(alby_developer).post(
        "/stadsdelar/alby/medlemmar/ny/",
        {"person": newcomer.pk, "role": Role.CHAIR, "start_date": "2026-11-01"},
    )
    assert response.status_code == 200
    assert "Gruppen har redan en ordförande under perioden." in response.content.decode()
    assert Membership.objects.filter(role=Role.CHAIR, area_group__district__slug="alby").count() == 1


def test_end_date_before_start_is_refused_and_the_seat_stays_open(login, alby_developer, alby_member):
    seat = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    response = login(alby_developer).post(
        f"/stadsdelar/alby/medlemmar/{seat.pk}/avsluta/", {"end_date": "2024-01-01"}, **HTMX
    )
    assert response.status_code == 200
    assert "sluta innan det börjar" in response.content.decode()
    seat.refresh_from_db()
    assert seat.end_date is None


def test_ending_by_htmx_removes_the_row_and_updates_history(login, alby_developer, alby_member):
    seat = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    response = login(alby_developer).post(
        f"/stadsdelar/alby/medlemmar/{seat.pk}/avsluta/", {"end_date": "2026-11-30"}, **HTMX
    )
    body = response.content.decode()
    assert f'id="membership-{seat.pk}"' not in body
    assert 'hx-swap-oob="outerHTML:#membership-history"' in body
    seat.refresh_from_db()
    assert seat.end_date == date(2026, 11, 30)


def test_ending_twice_is_refused(login, alby_developer, alby_member):
    seat = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    seat.end_date = date(2026, 12, 31)
    seat.save()
    response = login(alby_developer).post(
        f"/stadsdelar/alby/medlemmar/{seat.pk}/avsluta/", {"end_date": "2026-12-01"}
    )
    assert "redan avslutat" in response.content.decode()
    seat.refresh_from_db()
    assert seat.end_date == date(2026, 12, 31)


def test_htmx_edit_returns_the_row_in_edit_mode(login, alby_developer, alby_member):
    seat = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    body = login(alby_developer).get(
        f"/stadsdelar/alby/medlemmar/{seat.pk}/andra/", **HTMX
    ).content.decode()
    assert body.lstrip().startswith(f'<tr id="membership-{seat.pk}" class="editing">')


def test_pages_switching_on_htmx_vary_on_the_header(login, alby_developer):
    response = login(alby_developer).get("/stadsdelar/alby/medlemmar/")
    assert "HX-Request" in response["Vary"]


def test_expired_session_on_htmx_request_redirects_the_whole_page_to_login(client, alby):
    response = client.post("/stadsdelar/alby/medlemmar/ny/", {}, **HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/logga-in/?next=/stadsdelar/alby/medlemmar/"


def test_new_person_is_registered_without_a_usable_password(login, alby_developer, org):
    response = login(alby_developer).post(
        "/stadsdelar/alby/medlemmar/ny-person/",
        {"first_name": "Åsa", "last_name": "Öst", "email": "asa.ost@botkyrka.se",
         "title": "Ledamot", "organisation": org["VOF"].pk},
    )
    assert response.status_code == 302
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(email="asa.ost@botkyrka.se")
    assert user.username == "asa.ost"
    assert not user.has_usable_password()
    assert user.person.organisation == org["VOF"]


def test_new_person_with_an_existing_email_is_refused(login, alby_developer, alby_member, org):
    response = login(alby_developer).post(
        "/stadsdelar/alby/medlemmar/ny-person/",
        {"first_name": "X", "last_name": "Y", "email": alby_member.email,
         "organisation": org["VOF"].pk},
    )
    assert "Det finns redan en person med den e-postadressen." in response.content.decode()


def test_working_group_member_added_and_ended(login, alby, alby_developer, alby_member):
    wg = WorkingGroup.objects.create(area_group=alby, name="Läxhjälp")
    client = login(alby_developer)
    client.post(f"/stadsdelar/alby/arbetsgrupper/{wg.pk}/medlemmar/ny/",
                {"person": alby_member.pk, "start_date": "2026-01-01"})
    seat = wg.members.get()
    client.post(f"/stadsdelar/alby/arbetsgrupper/{wg.pk}/medlemmar/{seat.pk}/avsluta/")
    seat.refresh_from_db()
    assert seat.end_date is not None


def test_working_group_name_taken_or_second_network_group_is_refused_not_a_500(
    login, alby, alby_developer
):
    WorkingGroup.objects.create(area_group=alby, name="Läxhjälp")
    WorkingGroup.objects.create(area_group=alby, name="Nätverket", kind=WorkingGroup.Kind.NETWORK)
    client = login(alby_developer)
    taken = client.post("/stadsdelar/alby/arbetsgrupper/ny/", {"name": "Läxhjälp", "kind": "working"})
    second = client.post("/stadsdelar/alby/arbetsgrupper/ny/", {"name": "Nytt", "kind": "network"})
    assert taken.status_code == second.status_code == 200
    assert "form-errors" in taken.content.decode()
    assert "Gruppen har redan en nätverksgrupp." in second.content.decode()
    assert WorkingGroup.objects.filter(area_group=alby).count() == 2


def _members_and_working_groups(group, n, start):
    """``n`` more members (each of an actor of their own) and working groups."""
    for i in range(start, start + n):
        actor = Organisation.objects.create(name=f"Aktör {i}", short_name=f"A{i}",
                                            kind=Organisation.Kind.LOCAL_ACTOR)
        person = make_user(f"extra_{i}", "Ledamot", str(i), actor)
        seat(person, group, Role.MEMBER, actor)
        wg = WorkingGroup.objects.create(area_group=group, name=f"Arbetsgrupp {i}")
        WorkingGroupMember.objects.create(working_group=wg, person=person,
                                          start_date=date(2026, 1, 1))


def test_district_page_query_count_is_pinned(login, alby, alby_member, pinned_queries):
    """The group's people and working groups, two more of each and then twenty."""
    # 14, and 3 for the year's development money (grant, ledger sums, waiting proposals),
    # and 1 for the year's due dates the management office set for all groups (asked
    # while the group has not started the year, as Alby has not here).
    _members_and_working_groups(alby, 2, 0)
    pinned_queries(login(alby_member), "/stadsdelar/alby/", 18,
                   lambda: _members_and_working_groups(alby, 18, 2), "Arbetsgrupp 19")


def test_members_page_query_count_does_not_grow_with_members(login, alby, alby_developer,
                                                             pinned_queries):
    _members_and_working_groups(alby, 2, 0)
    pinned_queries(login(alby_developer), "/stadsdelar/alby/medlemmar/", 14,
                   lambda: _members_and_working_groups(alby, 18, 2), "Ledamot 19")
