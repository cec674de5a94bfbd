"""The admin shows development money but never changes it (that goes through the
services, which lock the grant and keep the ledger balanced)."""

from django.contrib import admin
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict

from budget.models import Grant, LedgerEntry, SpendRequest, SpendStatus


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


def _as_it_was(record, **changes):
    data = {k: "" if v is None or isinstance(v, FieldFile) else v
            for k, v in model_to_dict(record.instance).items()}
    data.update(changes)
    return data


def test_budget_admin_refuses_a_history_revert_of_every_model(login, superuser, approved):
    """simple-history's revert saved a posted form after asking only for the view
    permission: the approved request could go back to 'proposed' past the chair."""
    client = login(superuser)
    for model in (Grant, SpendRequest, LedgerEntry):
        obj = model.objects.first()
        before = model_to_dict(model.objects.get(pk=obj.pk))
        first = obj.history.earliest()
        url = f"/admin/budget/{model._meta.model_name}/{obj.pk}/history/{first.history_id}/"
        page = client.get(url)
        assert page.status_code == 200 and 'name="_save"' not in page.content.decode(), model
        assert "Utvecklingspengar ändras inte här" in page.content.decode()
        response = client.post(url, _as_it_was(first, amount="1"))
        assert response.status_code == 403, model
        assert model_to_dict(model.objects.get(pk=obj.pk)) == before, model
    assert SpendRequest.objects.get().status == SpendStatus.APPROVED


def test_budget_admin_offers_no_bulk_delete_and_a_posted_one_deletes_nothing(
    login, superuser, approved
):
    client = login(superuser)
    for model in (Grant, SpendRequest, LedgerEntry):
        url = f"/admin/budget/{model._meta.model_name}/"
        assert 'value="delete_selected"' not in client.get(url).content.decode(), model
        count = model.objects.count()
        client.post(url, {"action": "delete_selected", "post": "yes",
                          "_selected_action": list(model.objects.values_list("pk", flat=True))})
        assert model.objects.count() == count, model


def test_budget_admin_change_page_says_why_nothing_changes_there(login, superuser, approved):
    html = login(superuser).get(f"/admin/budget/spendrequest/{approved.pk}/change/").content.decode()
    assert "Utvecklingspengar ändras inte här" in html
