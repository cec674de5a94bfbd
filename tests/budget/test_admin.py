"""The admin shows development money but never changes it (that goes through the
services, which lock the grant and keep the ledger balanced)."""

from django.contrib import admin

from budget.models import LedgerEntry


def test_budget_admin_pages_open_and_are_read_only(login, superuser, approved):
    client = login(superuser)
    for model in [m for m in admin.site._registry if m._meta.app_label == "budget"]:
        info = model._meta.app_label, model._meta.model_name
        assert client.get(f"/admin/{info[0]}/{info[1]}/").status_code == 200, info
        assert client.get(f"/admin/{info[0]}/{info[1]}/add/").status_code == 403, info
        obj = model.objects.first()
        change = client.get(f"/admin/{info[0]}/{info[1]}/{obj.pk}/change/")
        assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
        response = client.post(f"/admin/{info[0]}/{info[1]}/{obj.pk}/delete/", {"post": "yes"})
        assert response.status_code == 403, info
    assert LedgerEntry.objects.count() == 1
