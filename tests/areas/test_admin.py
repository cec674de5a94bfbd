"""The admin is where the management office keeps the structure; every page of
ours in it must open, and membership rules hold there too."""

import pytest
from django.contrib import admin

from areas.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_every_areas_admin_page_opens_for_the_superuser(login, superuser, alby_people):
    client = login(superuser)
    for model in [m for m in admin.site._registry if m._meta.app_label == "areas"]:
        info = model._meta.app_label, model._meta.model_name
        assert client.get(f"/admin/{info[0]}/{info[1]}/").status_code == 200, info
        assert client.get(f"/admin/{info[0]}/{info[1]}/add/").status_code == 200, info
        obj = model.objects.first()
        if obj is not None:
            assert client.get(f"/admin/{info[0]}/{info[1]}/{obj.pk}/change/").status_code == 200
            assert client.get(f"/admin/{info[0]}/{info[1]}/{obj.pk}/history/").status_code == 200


def test_admin_refuses_a_second_chair(login, superuser, alby, alby_people, org):
    response = login(superuser).post(
        "/admin/areas/membership/add/",
        {"person": alby_people["member"].pk, "area_group": alby.pk, "role": Role.CHAIR,
         "organisation": org["UF"].pk, "start_date": "2026-01-01"},
    )
    assert response.status_code == 200
    assert "Gruppen har redan en ordförande under perioden." in response.content.decode()
    assert Membership.objects.filter(area_group=alby, role=Role.CHAIR).count() == 1
