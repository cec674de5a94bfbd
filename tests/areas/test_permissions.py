"""Who may do what in the areas app: role × view × own/other group, every cell asserted.

Own group is Alby, the other is Tumba. Existing-but-forbidden answers 403,
non-existent 404; anonymous users are sent to the login page (302).
"""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from guardian.shortcuts import assign_perm

from areas.models import AreaGroup, Membership, Role, WorkingGroup, WorkingGroupMember
from areas.permissions import visible_area_groups
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "member",
    "vice",
    "secretary",
    "developer",
    "chair",
    "reader",
    "superuser",
]

# view name -> (method, {role: (status for own group, status for other group)})
READ = {
    "anonymous": (302, 302),
    "outsider": (403, 403),
    "member": (200, 403),
    "vice": (200, 403),
    "secretary": (200, 403),
    "developer": (200, 403),
    "chair": (200, 403),
    "reader": (200, 200),
    "superuser": (200, 200),
}
MANAGE = {
    "anonymous": (302, 302),
    "outsider": (403, 403),
    "member": (403, 403),
    "vice": (403, 403),
    "secretary": (403, 403),
    "developer": (200, 403),
    "chair": (200, 403),
    "reader": (403, 403),
    "superuser": (200, 200),
}
# A POST that ends a working-group seat succeeds with a redirect.
MANAGE_REDIRECT = {
    role: tuple(302 if s == 200 else s for s in cell) for role, cell in MANAGE.items()
}

TABLE = {
    "district": ("get", READ),
    "working_groups": ("get", READ),
    "working_group": ("get", READ),
    "members": ("get", MANAGE),
    "membership_edit": ("get", MANAGE),
    "membership_end": ("get", MANAGE),
    "membership_add": ("post", MANAGE),  # empty post: the form comes back with errors
    "person_add": ("post", MANAGE),
    "working_group_add": ("post", MANAGE),
    "working_group_edit": ("post", MANAGE),
    "working_group_member_add": ("post", MANAGE),
    "working_group_member_end": ("post", MANAGE_REDIRECT),
}


@pytest.fixture
def people(alby_people, tumba_people, reader, outsider, superuser):
    return {
        **alby_people,
        "reader": reader,
        "outsider": outsider,
        "superuser": superuser,
        "anonymous": None,
    }


def _url(view, group):
    slug = group.district.slug
    membership = group.memberships.filter(role=Role.MEMBER).first()
    wg, _ = WorkingGroup.objects.get_or_create(area_group=group, name="Sommarlov")
    seat = WorkingGroupMember.objects.filter(working_group=wg, end_date__isnull=True).first()
    if seat is None:
        seat = WorkingGroupMember.objects.create(
            working_group=wg, person=membership.person, start_date=date(2025, 1, 1)
        )
    paths = {
        "district": f"/stadsdelar/{slug}/",
        "working_groups": f"/stadsdelar/{slug}/arbetsgrupper/",
        "working_group": f"/stadsdelar/{slug}/arbetsgrupper/{wg.pk}/",
        "members": f"/stadsdelar/{slug}/medlemmar/",
        "membership_edit": f"/stadsdelar/{slug}/medlemmar/{membership.pk}/andra/",
        "membership_end": f"/stadsdelar/{slug}/medlemmar/{membership.pk}/avsluta/",
        "membership_add": f"/stadsdelar/{slug}/medlemmar/ny/",
        "person_add": f"/stadsdelar/{slug}/medlemmar/ny-person/",
        "working_group_add": f"/stadsdelar/{slug}/arbetsgrupper/ny/",
        "working_group_edit": f"/stadsdelar/{slug}/arbetsgrupper/{wg.pk}/andra/",
        "working_group_member_add": f"/stadsdelar/{slug}/arbetsgrupper/{wg.pk}/medlemmar/ny/",
        "working_group_member_end": f"/stadsdelar/{slug}/arbetsgrupper/{wg.pk}/medlemmar/{seat.pk}/avsluta/",
    }
    return paths[view]


@pytest.mark.parametrize("view", list(TABLE))
@pytest.mark.parametrize("role", ROLES)
def test_permission_table(client, people, alby, tumba, role, view):
    method, expected = TABLE[view]
    user = people[role]
    if user is not None:
        client.force_login(user)
    for group, want in zip((alby, tumba), expected[role], strict=True):
        response = getattr(client, method)(_url(view, group))
        assert response.status_code == want, f"{role} {method.upper()} {view} in {group}"
        if want == 302 and role == "anonymous":
            assert response["Location"].startswith("/logga-in/")


def test_nonexistent_district_and_membership_answer_404(login, alby_developer):
    client = login(alby_developer)
    assert client.get("/stadsdelar/finns-inte/").status_code == 404
    assert client.get("/stadsdelar/alby/medlemmar/999999/andra/").status_code == 404


def test_membership_of_another_group_is_not_reachable_through_own_url(
    login, alby_developer, tumba_member
):
    tumba_seat = Membership.objects.get(person=tumba_member, role=Role.MEMBER)
    client = login(alby_developer)
    assert client.get(f"/stadsdelar/alby/medlemmar/{tumba_seat.pk}/andra/").status_code == 404


def test_district_without_area_group_is_open_to_every_signed_in_user(login, outsider):
    response = login(outsider).get("/stadsdelar/varsta-grodinge/")
    assert response.status_code == 200
    assert "har ingen områdesgrupp" in response.content.decode()


def test_member_loses_access_the_day_after_the_seat_ends(login, alby, alby_member):
    seat = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    seat.end_date = timezone.localdate() - timedelta(days=1)
    seat.save()
    assert login(alby_member).get("/stadsdelar/alby/").status_code == 403


def test_seat_that_starts_tomorrow_gives_no_access_today(login, alby, org):
    newcomer = make_user("newcomer", org=org["SBF"])
    Membership.objects.create(
        person=newcomer,
        area_group=alby,
        role=Role.MEMBER,
        organisation=org["SBF"],
        start_date=timezone.localdate() + timedelta(days=1),
    )
    assert login(newcomer).get("/stadsdelar/alby/").status_code == 403


def test_explicit_guardian_grant_lets_an_official_read_one_group_only(login, alby, tumba, org):
    official = make_user("official", org=org["KLF"])
    assign_perm("areas.view_areagroup", official, alby)
    client = login(official)
    assert client.get("/stadsdelar/alby/").status_code == 200
    assert client.get("/stadsdelar/tumba/").status_code == 403
    assert client.get("/stadsdelar/alby/medlemmar/").status_code == 403  # read, not manage
    assert list(visible_area_groups(official)) == [alby]


def test_global_view_permission_does_not_open_every_group(login, alby, org):
    """Only areas.read_all_groups reads everything; a stray global model permission
    must not (guardian's accept_global_perms=False)."""
    official = make_user("official", org=org["KLF"])
    official.user_permissions.add(
        Permission.objects.get(codename="view_areagroup", content_type__app_label="areas")
    )
    assert login(official).get("/stadsdelar/alby/").status_code == 403
    assert list(visible_area_groups(official)) == []


def test_reader_sees_every_group_on_the_start_page(login, reader):
    body = login(reader).get("/").content.decode()
    for group in AreaGroup.objects.all():
        assert group.name in body


def test_navigation_lists_only_the_districts_a_member_may_open(login, alby_member, tumba):
    body = login(alby_member).get("/").content.decode()
    assert 'href="/stadsdelar/alby/"' in body
    assert 'href="/stadsdelar/tumba/"' not in body
    assert 'href="/stadsdelar/varsta-grodinge/"' in body


def test_member_names_own_substitute_but_not_someone_elses(login, alby_member, alby_vice, org):
    own = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    other = Membership.objects.get(person=alby_vice, role=Role.MEMBER)
    sub = make_user("sub", org=org["UF"])
    client = login(alby_member)
    assert client.get(f"/mina-uppdrag/{other.pk}/ersattare/").status_code == 403
    response = client.post(f"/mina-uppdrag/{own.pk}/ersattare/", {"substitute": sub.pk})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.substitute == sub


def test_member_cannot_name_a_substitute_from_another_administration(login, alby_member, org):
    own = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    wrong = make_user("wrong", org=org["SOF"])
    response = login(alby_member).post(
        f"/mina-uppdrag/{own.pk}/ersattare/", {"substitute": wrong.pk}
    )
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.substitute is None
