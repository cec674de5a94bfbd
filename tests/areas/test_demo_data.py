import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_demo_data_is_idempotent(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = _counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert _counts() == first  # history tables included: a second run writes nothing


def test_demo_logins_follow_the_role_district_pattern(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    for district in ["alby", "fittja", "hallunda-norsborg", "tullinge", "tumba"]:
        for role in ["utvecklare", "ordforande", "vice", "sekreterare", "ledamot"]:
            assert authenticate(username=f"{role}.{district}", password="demo") is not None
    assert authenticate(username="lasare", password="demo").has_perm("areas.read_all_groups")
    assert authenticate(username="admin", password="demo").is_superuser


def test_demo_data_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="bara när DEBUG är på"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()


def test_structure_loads_without_accounts_in_production(settings):
    settings.DEBUG = False
    call_command("load_structure", stdout=open("/dev/null", "w"))
    from areas.models import AreaGroup, District

    assert District.objects.count() == 6
    assert AreaGroup.objects.count() == 5
    assert not get_user_model().objects.exists()
