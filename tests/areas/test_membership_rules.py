"""The guidelines' rules for area group memberships (riktlinjer KS/2015:173)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from areas import services
from areas.models import Membership, Role, WorkingGroup, WorkingGroupMember
from tests.conftest import make_user, seat

pytestmark = pytest.mark.django_db


def test_second_chair_refused_while_first_in_office(alby, alby_chair, org):
    other = make_user("chair2", org=org["UF"])
    with pytest.raises(ValidationError) as err:
        seat(other, alby, Role.CHAIR, org["UF"], start=date(2026, 3, 1))
    assert "redan en ordförande" in str(err.value)


def test_new_chair_may_follow_when_the_previous_has_ended(alby, alby_chair, org):
    first = Membership.objects.get(person=alby_chair, role=Role.CHAIR)
    services.end_membership(first, date(2026, 2, 28))
    successor = make_user("chair2", org=org["UF"])
    seat(successor, alby, Role.CHAIR, org["UF"], start=date(2026, 3, 1))
    assert alby.holder_of(Role.CHAIR, on=date(2026, 2, 28)) == alby_chair
    assert alby.holder_of(Role.CHAIR, on=date(2026, 3, 1)) == successor


def test_chair_periods_may_not_overlap_even_in_the_past(alby, org):
    a = make_user("a", org=org["UF"])
    b = make_user("b", org=org["SOF"])
    seat(a, alby, Role.CHAIR, org["UF"], start=date(2020, 1, 1), end=date(2021, 12, 31))
    with pytest.raises(ValidationError):
        seat(b, alby, Role.CHAIR, org["SOF"], start=date(2021, 6, 1), end=date(2022, 12, 31))


def test_second_vice_chair_refused(alby, alby_vice, alby_member, org):
    with pytest.raises(ValidationError) as err:
        seat(alby_member, alby, Role.VICE_CHAIR, org["UF"], start=date(2026, 1, 1))
    assert "redan en vice ordförande" in str(err.value)


def test_vice_chair_must_be_a_member_of_the_group(alby, alby_chair, org):
    Membership.objects.filter(role=Role.VICE_CHAIR).delete()
    stranger = make_user("stranger", org=org["SBF"])
    with pytest.raises(ValidationError) as err:
        seat(stranger, alby, Role.VICE_CHAIR, org["SBF"])
    assert "bland ledamöterna" in str(err.value)


def test_vice_chair_must_be_member_for_the_whole_period(alby, alby_chair, org):
    Membership.objects.filter(role=Role.VICE_CHAIR).delete()
    person = make_user("shortmember", org=org["SBF"])
    seat(person, alby, Role.MEMBER, org["SBF"], start=date(2026, 1, 1), end=date(2026, 6, 30))
    with pytest.raises(ValidationError):
        seat(person, alby, Role.VICE_CHAIR, org["SBF"], start=date(2026, 1, 1))
    seat(person, alby, Role.VICE_CHAIR, org["SBF"], start=date(2026, 2, 1), end=date(2026, 6, 30))
    assert alby.holder_of(Role.VICE_CHAIR, on=date(2026, 2, 1)) == person


def test_member_of_another_group_cannot_be_vice_chair(alby, tumba, tumba_member, org):
    Membership.objects.filter(area_group=alby, role=Role.VICE_CHAIR).delete()
    with pytest.raises(ValidationError):
        seat(tumba_member, alby, Role.VICE_CHAIR, org["UF"])


def test_membership_cannot_end_before_it_starts(alby, org):
    person = make_user("p", org=org["SBF"])
    with pytest.raises(ValidationError) as err:
        seat(person, alby, Role.MEMBER, org["SBF"], start=date(2026, 5, 1), end=date(2026, 4, 30))
    assert "sluta innan det börjar" in str(err.value)


def test_database_refuses_membership_ending_before_start_even_without_validation(alby, org):
    person = make_user("p", org=org["SBF"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=person,
            area_group=alby,
            role=Role.MEMBER,
            organisation=org["SBF"],
            start_date=date(2026, 5, 1),
            end_date=date(2026, 4, 1),
        )


def test_database_refuses_two_current_chairs_even_without_validation(alby, alby_chair, org):
    other = make_user("c2", org=org["UF"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=other, area_group=alby, role=Role.CHAIR, start_date=date(2026, 1, 1)
        )


def test_one_member_per_administration_per_group(alby, alby_member, org):
    colleague = make_user("colleague", org=org["UF"])
    with pytest.raises(ValidationError) as err:
        seat(colleague, alby, Role.MEMBER, org["UF"], start=date(2026, 1, 1))
    assert "Utbildningsförvaltningen har redan en ledamot" in str(err.value)


def test_an_administration_has_one_member_in_each_group(alby, tumba, alby_member, org):
    colleague = make_user("colleague", org=org["UF"])
    seat(colleague, tumba, Role.MEMBER, org["UF"])  # another group: allowed
    members = Membership.objects.active(on=date(2026, 1, 1)).filter(role=Role.MEMBER, organisation=org["UF"])
    assert {(m.area_group, m.person) for m in members} == {(alby, alby_member), (tumba, colleague)}


def test_administration_may_appoint_a_new_member_after_the_old_seat_ended(alby, alby_member, org):
    old = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    services.end_membership(old, date(2026, 6, 30))
    successor = make_user("successor", org=org["UF"])
    seat(successor, alby, Role.MEMBER, org["UF"], start=date(2026, 7, 1))
    seats = Membership.objects.filter(area_group=alby, role=Role.MEMBER, organisation=org["UF"])
    assert [(m.person, m.start_date, m.end_date) for m in seats.order_by("start_date")] == [
        (alby_member, date(2025, 1, 1), date(2026, 6, 30)),
        (successor, date(2026, 7, 1), None),
    ]
    assert [m.person for m in seats.active(on=date(2026, 7, 1))] == [successor]


def test_member_must_say_which_administration_they_represent(alby, org):
    person = make_user("p", org=org["SBF"])
    with pytest.raises(ValidationError) as err:
        seat(person, alby, Role.MEMBER, None)
    assert "organisation" in err.value.message_dict


def test_substitute_must_represent_the_same_administration(alby, alby_member, org):
    wrong = make_user("wrong", org=org["SOF"])
    m = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    m.substitute = wrong
    with pytest.raises(ValidationError) as err:
        m.full_clean()
    assert "samma förvaltning" in str(err.value)
    right = make_user("right", org=org["UF"])
    m.substitute = right
    m.full_clean()


def test_member_cannot_be_their_own_substitute(alby, alby_member):
    m = Membership.objects.get(person=alby_member, role=Role.MEMBER)
    m.substitute = alby_member
    with pytest.raises(ValidationError):
        m.full_clean()


def test_ending_a_member_seat_ends_the_vice_chair_seat_with_it(alby, alby_vice):
    member_seat = Membership.objects.get(person=alby_vice, role=Role.MEMBER)
    services.end_membership(member_seat, date(2026, 9, 30))
    vice_seat = Membership.objects.get(person=alby_vice, role=Role.VICE_CHAIR)
    assert vice_seat.end_date == date(2026, 9, 30)
    vice_seat.full_clean()  # the vice chair rule still holds


def test_membership_is_active_through_its_last_day(alby, org):
    person = make_user("p", org=org["SBF"])
    m = seat(person, alby, Role.MEMBER, org["SBF"], start=date(2026, 1, 1), end=date(2026, 6, 30))
    assert m.is_active(date(2026, 6, 30))
    assert not m.is_active(date(2026, 7, 1))
    assert not m.is_active(date(2025, 12, 31))
    assert list(Membership.objects.active(on=date(2026, 6, 30)).filter(person=person)) == [m]
    assert not Membership.objects.active(on=date(2026, 7, 1)).filter(person=person).exists()


def test_same_person_cannot_hold_the_same_role_twice_at_once(alby, alby_developer):
    with pytest.raises(ValidationError):
        seat(alby_developer, alby, Role.DEVELOPER, start=date(2026, 1, 1))


def test_vacancies_name_what_the_group_lacks(alby, alby_people):
    assert services.vacancies(alby) == []
    Membership.objects.filter(area_group=alby, role=Role.SECRETARY).update(
        end_date=timezone.localdate() - timedelta(days=1)
    )
    assert services.vacancies(alby) == ["Gruppen saknar sekreterare."]


def test_one_network_group_per_area_group(alby):
    WorkingGroup.objects.create(area_group=alby, kind=WorkingGroup.Kind.NETWORK, name="Nätverk")
    second = WorkingGroup(area_group=alby, kind=WorkingGroup.Kind.NETWORK, name="Nätverk 2")
    with pytest.raises(ValidationError):
        second.full_clean()


def test_working_group_seats_may_not_overlap_for_the_same_person(alby, alby_member):
    wg = WorkingGroup.objects.create(area_group=alby, name="Sommarlov")
    WorkingGroupMember.objects.create(
        working_group=wg, person=alby_member, start_date=date(2026, 1, 1)
    )
    again = WorkingGroupMember(working_group=wg, person=alby_member, start_date=date(2026, 3, 1))
    with pytest.raises(ValidationError):
        again.full_clean()
